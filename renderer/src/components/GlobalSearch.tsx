import { SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Tag, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { normaliseCaseCode } from '../../../core/cases/caseCode';
import { ApiCallError, errorMessage, send, type Output } from '../api/client';
import { isModalOpen, isTextEntry } from './keyboard';
import { SuggestInput } from './SuggestInput';

type Row = Output<'cases.search'>['rows'][number];

/** Opens the case with a code (typed or scanned); says so when there is none. */
export function useOpenByCode(): (code: string) => Promise<void> {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  return useCallback(
    async (code: string) => {
      try {
        const view = await send('cases.get', { code });
        navigate(`/cases/${view.id}`);
      } catch (err) {
        if (err instanceof ApiCallError && err.code === 'NOT_FOUND') message.warning(`没有案件码为 ${code} 的案件`);
        else message.error(errorMessage(err));
      }
    },
    [navigate, message],
  );
}

/**
 * True when "/" is a character the user is typing: a text field that already holds text. An empty field — the
 * one a page focuses on arrival (the filing form's first field, a search box) — does not keep "/" from reaching
 * the global search (issue 15 item 5: on the home page the 案号 parser took it).
 */
function typingInto(el: Element | null): boolean {
  if (!isTextEntry(el)) return false;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value !== '';
  return true;
}

/**
 * The search box in the header: 案号, a name, an ID number, a phone or a case code; results as you type.
 * `/` or Ctrl+K focus it from anywhere, ↑↓ choose, Enter opens; Enter on a case code opens that case.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const openByCode = useOpenByCode();
  const [q, setQ] = useState('');
  const input = useRef<InputRef>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && k === 'k') {
        e.preventDefault();
        input.current?.focus({ cursor: 'all' });
      } else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInto(document.activeElement) && !isModalOpen()) {
        e.preventDefault();
        input.current?.focus({ cursor: 'all' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const fetch = useCallback((text: string) => send('cases.search', { q: text.trim(), limit: 8 }).then((r) => r.rows), []);

  const open = (row: Row) => {
    setQ('');
    input.current?.blur();
    navigate(`/cases/${row.id}`);
  };

  return (
    <div className="global-search">
      <SuggestInput<Row>
        ref={input}
        value={q}
        onChange={setQ}
        fetch={fetch}
        debounceMs={150}
        activeFirst={false}
        itemKey={(r) => r.id}
        listLabel="查找结果"
        listClassName="global-search-popup"
        aria-label="查找案件"
        placeholder="查找案件：案号、姓名、证件号、电话、案件码（/ 或 Ctrl+K）"
        prefix={<SearchOutlined />}
        maxLength={60}
        renderItem={(r) => (
          <div className="search-hit">
            <div className="search-hit-line">
              <span className="mono-number search-hit-number">{r.number}</span>
              <Tag variant="filled">{r.status}</Tag>
              <span className="search-hit-date">{r.receivedOn}</span>
            </div>
            <div className="search-hit-sub">
              {r.partiesText} · {r.causeName}
            </div>
          </div>
        )}
        onPick={open}
        onEnter={(text) => {
          const trimmed = text.trim();
          if (!trimmed) return;
          const code = normaliseCaseCode(trimmed);
          if (code) {
            setQ('');
            input.current?.blur();
            void openByCode(code);
            return;
          }
          input.current?.blur();
          // a full 案号 opens its case; anything else lists what matches
          void send('cases.search', { q: trimmed, limit: 2 })
            .then((r) =>
              r.matchedBy === 'number' && r.rows.length === 1
                ? navigate(`/cases/${r.rows[0]!.id}`)
                : navigate(`/cases?q=${encodeURIComponent(trimmed)}`),
            )
            .catch(() => navigate(`/cases?q=${encodeURIComponent(trimmed)}`));
          setQ('');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setQ('');
            input.current?.blur();
          }
        }}
        footer="↓↑ 选择后 Enter 打开 · 直接 Enter 查看全部结果"
      />
    </div>
  );
}
