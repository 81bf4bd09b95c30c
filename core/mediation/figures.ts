import type Database from 'better-sqlite3';

/**
 * Figures per organisation, mediator and month, as the centre reports them: received, resolved (agreement),
 * failed, success rate (agreements among outcomes), average days (signing for the materials to the outcome),
 * overdue (open past the legal period on the given day). Months are of the received date.
 */
export interface FigureRow {
  key: string;
  label: string;
  received: number;
  resolved: number;
  failed: number;
  successRate: number | null;
  averageDays: number | null;
  overdue: number;
}

export function mediationFigures(
  sqlite: Database.Database,
  by: 'org' | 'mediator' | 'month',
  fromMonth: string,
  toMonth: string,
  today: string,
): FigureRow[] {
  const group =
    by === 'org'
      ? { key: `coalesce(m.org_id, 0)`, label: `coalesce(o.name, m.outside_org_name, '（未分派）')` }
      : by === 'mediator'
        ? { key: `coalesce(m.mediator_id, 0)`, label: `coalesce(md.name, m.outside_mediator_name, '（未分派）')` }
        : { key: `substr(m.received_on, 1, 7)`, label: `substr(m.received_on, 1, 7)` };
  const rows = sqlite
    .prepare(
      `SELECT ${group.key} AS key, ${group.label} AS label, count(*) AS received,
              sum(m.outcome = 'agreement') AS resolved, sum(m.outcome = 'failed') AS failed,
              avg(CASE WHEN m.outcome IN ('agreement','failed') AND m.signed_on IS NOT NULL THEN julianday(m.outcome_on) - julianday(m.signed_on) END) AS days,
              sum(m.status = 'in-progress' AND m.due_on < @today) AS overdue
         FROM mediations m
         LEFT JOIN mediation_orgs o ON o.id = m.org_id
         LEFT JOIN mediators md ON md.id = m.mediator_id
        WHERE m.received_on >= @from AND m.received_on < @to
        GROUP BY 1 ORDER BY ${by === 'month' ? '1' : 'received DESC, 1'}`,
    )
    .all({ from: `${fromMonth}-01`, to: nextMonth(toMonth), today }) as {
    key: string | number;
    label: string;
    received: number;
    resolved: number;
    failed: number;
    days: number | null;
    overdue: number;
  }[];
  return rows.map((r) => ({
    key: String(r.key),
    label: r.label,
    received: r.received,
    resolved: r.resolved,
    failed: r.failed,
    successRate: r.resolved + r.failed > 0 ? Math.round((r.resolved / (r.resolved + r.failed)) * 1000) / 1000 : null,
    averageDays: r.days === null ? null : Math.round(r.days * 10) / 10,
    overdue: r.overdue,
  }));
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
