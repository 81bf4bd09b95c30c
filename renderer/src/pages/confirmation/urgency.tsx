import { Tag } from 'antd';

const COLORS = { ok: 'default', warning: 'orange', overdue: 'red', met: 'green' } as const;
const TEXT = { ok: '期限内', warning: '临近期限', overdue: '已超期', met: '已办结' } as const;

/** A deadline's state as a coloured tag, with its due date. */
export function UrgencyTag({ state, due }: { state: keyof typeof COLORS; due?: string | null }) {
  return (
    <Tag color={COLORS[state]}>
      {TEXT[state]}
      {due ? ` · ${due}` : ''}
    </Tag>
  );
}
