import type { Core } from '../context';
import { addCalendarDays } from '../calendar';

/**
 * 今日工作 — the clerk's home page (issue 15 item 5): what came in today, what waits for the counter, what falls due
 * soon. Counts only, each with the page that lists the records. Read-only across the registers the counter feeds;
 * every count is one indexed lookup (cases_received_idx, docket_cases_status_idx, confirmations_stage_idx,
 * mediations_status_id_idx, docket_cases_open_due_idx, mediations_due_idx).
 */
export function todaysWork(core: Core, today: string, userId: number) {
  const one = (sql: string, params: Record<string, unknown> = {}) =>
    (core.sqlite.prepare(sql).get({ today, ...params }) as { n: number }).n;
  const mine = core.sqlite
    .prepare(
      `SELECT id, number, case_type AS caseType, cause_name AS causeName FROM cases
        WHERE received_on = @today AND created_by = @me ORDER BY id DESC LIMIT 10`,
    )
    .all({ today, me: userId }) as { id: number; number: string; caseType: string; causeName: string }[];
  const in5 = addCalendarDays(today, 5);
  const in2 = addCalendarDays(today, 2);
  return {
    today,
    filedToday: {
      all: one(`SELECT count(*) AS n FROM cases WHERE received_on = @today`),
      mine: one(`SELECT count(*) AS n FROM cases WHERE received_on = @today AND created_by = @me`, { me: userId }),
      rows: mine,
    },
    waiting: [
      {
        key: 'triage',
        label: '待程序分流（速裁）',
        count: one(`SELECT count(*) AS n FROM docket_cases WHERE status = 'triage'`),
        to: '/docket/triage',
      },
      {
        key: 'confirmation',
        label: '待受理审查的司法确认申请',
        count: one(`SELECT count(*) AS n FROM confirmations WHERE stage = 'applied'`),
        to: '/confirmation',
      },
      {
        key: 'mediation',
        label: '待分派调解员的调解案件',
        count: one(`SELECT count(*) AS n FROM mediations WHERE status = 'awaiting-assignment'`),
        to: '/mediation',
      },
    ],
    dueSoon: [
      {
        key: 'docket',
        label: '五日内审限届满（速裁）',
        count: one(`SELECT count(*) AS n FROM docket_cases WHERE status = 'open' AND due_on >= @today AND due_on <= @in5`, { in5 }),
        to: '/docket/centre',
      },
      {
        key: 'mediation',
        label: '两日内调解期限届满',
        count: one(`SELECT count(*) AS n FROM mediations WHERE status = 'in-progress' AND due_on >= @today AND due_on <= @in2`, { in2 }),
        to: '/mediation',
      },
    ],
  };
}
