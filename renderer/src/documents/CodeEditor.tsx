import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';

export interface CodeEditorHandle {
  /** puts the caret at the start of a line (1-based) and scrolls it into the middle */
  goToLine(line: number): void;
  focus(): void;
}

const LINE_HEIGHT = 22;

/**
 * A plain-text editor for template sources: a monospace textarea with line numbers beside it, the line of an
 * error marked. Tab moves the focus on, as everywhere else in the app (templates need no tabs); the page
 * handles Ctrl+S.
 */
export const CodeEditor = forwardRef<
  CodeEditorHandle,
  {
    value: string;
    onChange: (value: string) => void;
    errorLine?: number | null;
    label: string;
    height?: number | string;
    onKeyDown?: (e: React.KeyboardEvent<HTMLTextAreaElement>) => void;
  }
>(function CodeEditor({ value, onChange, errorLine, label, height = '60vh', onKeyDown }, ref) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => value.split('\n').length, [value]);
  const [scrollTop, setScrollTop] = useState(0);

  const syncScroll = useCallback(() => {
    if (!area.current) return;
    if (gutter.current) gutter.current.scrollTop = area.current.scrollTop;
    setScrollTop(area.current.scrollTop);
  }, []);
  useLayoutEffect(syncScroll, [value, syncScroll]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => area.current?.focus(),
      goToLine(line: number) {
        const el = area.current;
        if (!el) return;
        const lines = el.value.split('\n');
        const n = Math.min(Math.max(1, line), lines.length);
        let offset = 0;
        for (let i = 0; i < n - 1; i++) offset += lines[i]!.length + 1;
        el.focus();
        el.setSelectionRange(offset, offset + lines[n - 1]!.length);
        el.scrollTop = Math.max(0, (n - 1) * LINE_HEIGHT - el.clientHeight / 2);
        syncScroll();
      },
    }),
    [syncScroll],
  );

  return (
    <div className="code-editor" style={{ height }}>
      <div className="code-editor-gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, i) => (
          <div key={i} className={i + 1 === errorLine ? 'code-editor-line-no code-editor-line-error' : 'code-editor-line-no'}>
            {i + 1}
          </div>
        ))}
        {/* room for the textarea's horizontal scrollbar */}
        <div className="code-editor-gutter-end" />
      </div>
      <div className="code-editor-body">
        {errorLine ? (
          <div
            className="code-editor-error-band"
            style={{ top: (errorLine - 1) * LINE_HEIGHT + 8 - scrollTop }}
            aria-hidden="true"
            data-line={errorLine}
          />
        ) : null}
        <textarea
          ref={area}
          className="code-editor-text"
          value={value}
          aria-label={label}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncScroll}
          onKeyDown={onKeyDown}
        />
      </div>
    </div>
  );
});
