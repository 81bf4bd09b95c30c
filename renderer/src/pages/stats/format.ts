import type { Output } from '../../api/client';

export type AreaFigures = Output<'stats.area'>;
export type FigureRow = AreaFigures['total'];

/** A share as a percentage with one decimal; — when there is nothing to divide. */
export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
export const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));
export const days = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(1));
export const yuan = (fen: number | null): string =>
  fen === null ? '—' : `￥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function noteValue(n: AreaFigures['notes'][number]): string {
  if (n.unit === 'fen') return yuan(n.value);
  if (n.unit === 'rate') return pct(n.value);
  return `${num(n.value)} 件`;
}

const KEYS = ['received', 'concluded', 'resolved', 'successRate', 'averageDays', 'medianDays', 'overdue'] as const;

/** The table columns of a register's figures, named as the register names them; figures it does not count are left out. */
export function figureColumns(s: AreaFigures, first = '项目') {
  return [
    { title: first, dataIndex: 'label', key: 'label' },
    ...KEYS.filter((k) => s.columns[k] !== '—').map((k) => ({
      title: s.columns[k],
      dataIndex: k,
      key: k,
      align: 'right' as const,
      render: (v: number | null) => (k === 'successRate' ? pct(v) : k === 'averageDays' ? days(v) : num(v)),
    })),
  ];
}
