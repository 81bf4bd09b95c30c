import { Input, type InputProps, type InputRef } from 'antd';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

/**
 * A text box with suggestions as you type, made for the keyboard: ↓/↑ move through the suggestions,
 * Enter picks the highlighted one, Esc closes the list, and Tab simply moves on (it never picks —
 * the trap of a combobox that selects on Tab). Requests are debounced and late answers ignored.
 */
export interface SuggestInputProps<T> extends Omit<InputProps, 'onChange' | 'value' | 'onKeyDown'> {
  value?: string;
  onChange?: (value: string) => void;
  /** loads suggestions for a query; return [] for none */
  fetch: (q: string) => Promise<T[]>;
  /** whether a query is worth asking about (default: not blank) */
  shouldFetch?: (q: string) => boolean;
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** Enter with no suggestion highlighted */
  onEnter?: (q: string) => void;
  debounceMs?: number;
  /** highlight the first suggestion as soon as the list opens, so Enter picks it */
  activeFirst?: boolean;
  /** accessible name of the list */
  listLabel: string;
  /** a line under the suggestions (a hint) */
  footer?: ReactNode;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  ref?: Ref<InputRef>;
  listClassName?: string;
}

export function SuggestInput<T>({
  value,
  onChange,
  fetch,
  shouldFetch = (q) => q.trim() !== '',
  itemKey,
  renderItem,
  onPick,
  onEnter,
  debounceMs = 150,
  activeFirst = true,
  listLabel,
  footer,
  onKeyDown,
  onBlur,
  onFocus,
  ref,
  listClassName,
  ...inputProps
}: SuggestInputProps<T>) {
  const listId = useId();
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const focused = useRef(false);

  const close = useCallback(() => {
    setOpen(false);
    setActive(-1);
  }, []);

  const load = useCallback(
    (q: string) => {
      if (timer.current) clearTimeout(timer.current);
      const n = ++seq.current;
      if (!shouldFetch(q)) {
        setItems([]);
        close();
        return;
      }
      timer.current = setTimeout(() => {
        fetch(q)
          .then((rows) => {
            if (n !== seq.current) return;
            setItems(rows);
            const show = rows.length > 0 && focused.current;
            setOpen(show);
            setActive(show && activeFirst ? 0 : -1);
          })
          .catch(() => {
            if (n === seq.current) {
              setItems([]);
              close();
            }
          });
      }, debounceMs);
    },
    [fetch, shouldFetch, debounceMs, activeFirst, close],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      seq.current++;
    },
    [],
  );

  const pick = (item: T) => {
    seq.current++; // a late answer must not reopen the list
    if (timer.current) clearTimeout(timer.current);
    close();
    setItems([]);
    onPick(item);
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
      return;
    }
    if (e.key === 'ArrowUp' && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
      return;
    }
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const item = open && active >= 0 ? items[active] : undefined;
      if (item !== undefined) {
        e.preventDefault();
        e.stopPropagation();
        pick(item);
        return;
      }
      if (onEnter) {
        e.preventDefault();
        onEnter(value ?? '');
        return;
      }
    }
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key === 'Tab') close();
    onKeyDown?.(e);
  };

  const activeId = open && active >= 0 ? `${listId}-${active}` : undefined;

  return (
    <div className="suggest">
      <Input
        {...inputProps}
        ref={ref}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={activeId}
        autoComplete="off"
        onChange={(e) => {
          onChange?.(e.target.value);
          load(e.target.value);
        }}
        onKeyDown={keyDown}
        onFocus={(e) => {
          focused.current = true;
          onFocus?.(e);
        }}
        onBlur={(e) => {
          focused.current = false;
          close();
          onBlur?.(e);
        }}
      />
      {open && items.length > 0 && (
        <div className={`suggest-popup ${listClassName ?? ''}`}>
          <ul className="suggest-list" role="listbox" id={listId} aria-label={listLabel}>
            {items.map((item, i) => (
              <li
                key={itemKey(item)}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'suggest-item suggest-item-active' : 'suggest-item'}
                // keep the focus in the box: a click picks without blurring first
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(item)}
              >
                {renderItem(item)}
              </li>
            ))}
          </ul>
          {footer && <div className="suggest-footer">{footer}</div>}
        </div>
      )}
    </div>
  );
}
