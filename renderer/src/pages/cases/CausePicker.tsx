import { Alert, Input, Select, Tag, type GetRef, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { send, type Output } from '../../api/client';
import type { CauseValue } from '../../cases/filing';

type CauseSearch = Output<'causes.search'>;
type CauseRow = CauseSearch['rows'][number];

interface CausePickerProps {
  id?: string;
  value?: CauseValue;
  onChange?: (v: CauseValue | undefined) => void;
  onBlur?: () => void;
  /** the received date: it decides which revision of the catalogue applies */
  onDate: string;
  status?: 'error' | 'warning' | '';
  ref?: Ref<{ focus: () => void }>;
}

const keyOf = (c: { revision: string; no: string }) => `${c.revision}|${c.no}`;

/**
 * 案由 from the catalogue in force on the received date: search by characters, pinyin initials (jdsg →
 * 机动车交通事故责任纠纷) or number; the causes the centre uses most come first. When no catalogue of that
 * revision ships (a date before 2026), the cause is typed as text and the case is flagged 待核.
 */
export function CausePicker({ id, value, onChange, onBlur, onDate, status, ref }: CausePickerProps) {
  const [revision, setRevision] = useState<Pick<CauseSearch, 'revision' | 'catalogue' | 'label'> | null>(null);
  const [rows, setRows] = useState<CauseRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  /** Enter pressed before the answer to the typed query came: pick its first result when it does */
  const enterPending = useRef(false);
  const pending = useRef(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const selectRef = useRef<GetRef<typeof Select>>(null);
  const inputRef = useRef<InputRef>(null);

  // a form field's ref: focus() reaches whichever control is shown
  useEffect(() => {
    const handle = { focus: () => (selectRef.current ?? inputRef.current)?.focus() };
    if (typeof ref === 'function') ref(handle);
    else if (ref) (ref as { current: unknown }).current = handle;
  });

  const pickRow = (row: CauseRow) => {
    onChange?.({ revision: row.revision, no: row.no, name: row.name, path: row.path });
    setQuery('');
    setOpen(false);
  };

  const search = (q: string, delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    const n = ++seq.current;
    pending.current = true;
    // the options on show belong to the last query: none until this one is answered, so Enter never picks a stale one
    if (q !== '') setRows([]);
    timer.current = setTimeout(() => {
      setLoading(true);
      send('causes.search', { q, onDate, limit: 30 })
        .then((r) => {
          if (n !== seq.current) return;
          pending.current = false;
          setRevision({ revision: r.revision, catalogue: r.catalogue, label: r.label });
          setRows(r.rows);
          if (enterPending.current) {
            enterPending.current = false;
            if (r.rows[0] && r.catalogue) pickRow(r.rows[0]);
          }
        })
        .catch(() => {
          if (n !== seq.current) return;
          pending.current = false;
          enterPending.current = false;
          setRows([]);
        })
        .finally(() => n === seq.current && setLoading(false));
    }, delay);
  };

  // the date decides the revision: load the most used causes of it, and drop a cause of another revision
  useEffect(() => {
    search('', 0);
    const answers = seq; // the answer counter itself (not a node): bumped so a late answer of this date is dropped
    return () => {
      if (timer.current) clearTimeout(timer.current);
      answers.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [onDate]);

  useEffect(() => {
    if (!revision || !value) return;
    const stale = 'text' in value ? revision.catalogue : value.revision !== revision.revision || !revision.catalogue;
    if (stale) onChange?.(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  const options = useMemo(() => {
    const list = rows.map((r) => ({ value: keyOf(r), label: `${r.no} ${r.name}`, row: r }));
    if (value && !('text' in value) && !list.some((o) => o.value === keyOf(value))) {
      list.unshift({
        value: keyOf(value),
        label: `${value.no} ${value.name}`,
        row: { revision: value.revision, no: value.no, name: value.name, path: value.path ?? '', level: 3, group: '', initials: '' },
      });
    }
    return list;
  }, [rows, value]);

  if (revision && !revision.catalogue) {
    return (
      <div className="cause-text">
        <Input
          id={id}
          ref={inputRef}
          status={status}
          maxLength={60}
          value={value && 'text' in value ? value.text : ''}
          onChange={(e) => onChange?.(e.target.value.trim() === '' ? undefined : { text: e.target.value })}
          onBlur={onBlur}
          placeholder="以文字填写案由，如 民间借贷纠纷"
          suffix={<Tag color="orange">待核</Tag>}
        />
        <Alert
          className="cause-note"
          type="warning"
          showIcon
          title={`收案日期 ${onDate} 适用 ${revision.label}案由规定，系统未收录该版目录：请以文字填写案由，保存后标记为“待核”，待核对后更正。`}
        />
      </div>
    );
  }

  return (
    <div
      className="cause-picker"
      onKeyDownCapture={(e) => {
        // Enter before the typed query is answered: hold it, and pick the first result when it comes
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && pending.current && query.trim() !== '') {
          enterPending.current = true;
          e.preventDefault();
          e.stopPropagation();
        }
      }}
    >
      <Select<string>
        id={id}
        ref={selectRef}
        status={status}
        value={value && !('text' in value) ? keyOf(value) : undefined}
        placeholder={revision ? `输入文字、拼音首字母（如 jdsg）或编号查找（${revision.label}）` : '正在载入案由目录…'}
        showSearch={{
          filterOption: false,
          searchValue: query,
          autoClearSearchValue: true,
          onSearch: (q) => {
            setQuery(q);
            enterPending.current = false;
            search(q, 120);
          },
        }}
        open={open}
        loading={loading}
        options={options}
        notFoundContent={loading || pending.current ? '正在查找…' : '没有匹配的案由'}
        onChange={(key) => {
          const o = options.find((x) => x.value === key);
          if (o) pickRow(o.row);
          else onChange?.(undefined);
        }}
        onBlur={() => {
          enterPending.current = false;
          onBlur?.();
        }}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next && !enterPending.current) {
            setQuery('');
            search('', 0);
          }
        }}
        optionRender={(o) => {
          const row = (o.data as { row: CauseRow }).row;
          return (
            <div className="cause-option">
              <div>
                <span className="cause-no mono-number">{row.no}</span> {row.name}
              </div>
              <div className="cause-path">{row.path}</div>
            </div>
          );
        }}
        labelRender={(l) => <span>{l.label}</span>}
        listHeight={360}
        popupMatchSelectWidth
      />
    </div>
  );
}
