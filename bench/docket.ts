import { closeCore } from '../core';
import { writeTransaction } from '../core/audit/transaction';
import { refreshDue } from '../core/docket/dueDate';
import { myHearings } from '../core/docket/hearings';
import { DOCKET_PAGE } from '../core/docket/meta';
import { centreFigures, openDocket } from '../core/docket/views';
import { seedCases } from '../core/seed';
import { FrozenClock } from '../core/time/clock';
import { fmt, heading, initialisedCore, percentile, row, time, tmpDataDir } from './util';

/**
 * The docket: a fast-track judge's docket (open cases with their trial periods, most urgent first) and the centre
 * view (per judge: open, closed this month and year, average days, 调撤率, overdue), on a court whose 民初 cases are
 * all on the docket — six judges, one in five cases still open, suspensions and extensions on some.
 */
export async function benchDocket(opts: { cases: number; queries: number }): Promise<void> {
  heading('Docket (速裁)');
  const clock = new FrozenClock('2026-11-23T09:00:00+08:00');
  const dir = tmpDataDir('docket');
  const core = await initialisedCore(dir, clock);
  const seeded = time(() => seedCases(core, { cases: opts.cases, seed: 7, from: '2024-01-01' }));
  row(`seeded ${opts.cases.toLocaleString('en-US')} cases`, `${fmt(seeded.ms / 1000, 1)} s`);
  const judges = writeTransaction(core, (tx) => {
    void tx;
    const ids: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const r = core.sqlite
        .prepare(
          `INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, 'x', '2024-01-01T00:00:00+08:00', '2024-01-01T00:00:00+08:00')`,
        )
        .run(`judge${i}`, `法官${i}`);
      ids.push(Number(r.lastInsertRowid));
      core.sqlite.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, 'judge')`).run(ids[i - 1]);
    }
    return ids;
  });
  const civil = core.sqlite.prepare(`SELECT id, received_on AS receivedOn FROM cases WHERE case_type = '民初' ORDER BY id`).all() as {
    id: number;
    receivedOn: string;
  }[];
  const methods = ['judgment', 'mediation', 'withdrawal', 'deemed-withdrawal'];
  const procs = ['small-claims', 'simplified', 'simplified', 'ordinary'];
  const load = time(() =>
    writeTransaction(core, () => {
      const ins = core.sqlite.prepare(
        `INSERT INTO docket_cases (case_id, source, status, filed_on, entered_at, recommended, procedure, by_consent, judge_id, closed_on, close_method, close_result) VALUES (?, 'filing', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      );
      const susp = core.sqlite.prepare(
        `INSERT INTO docket_suspensions (case_id, kind, from_date, to_date, recorded_at) VALUES (?, 'appraisal', ?, ?, '2026-01-01T00:00:00+08:00')`,
      );
      civil.forEach((c, i) => {
        const open = i % 5 === 0 || c.receivedOn >= '2026-09-01';
        const proc = procs[i % 4]!;
        const closedOn = open ? null : c.receivedOn < '2026-08-01' ? addDays(c.receivedOn, 20 + (i % 60)) : null;
        ins.run(
          c.id,
          open || !closedOn ? 'open' : 'closed',
          c.receivedOn,
          `${c.receivedOn}T09:00:00+08:00`,
          proc,
          proc,
          judges[i % 6],
          closedOn,
          closedOn ? methods[i % 4] : null,
          closedOn ? '结案' : null,
        );
        if (i % 7 === 0) susp.run(c.id, addDays(c.receivedOn, 5), addDays(c.receivedOn, 25));
      });
    }),
  );
  const openIds = core.sqlite.prepare(`SELECT case_id AS id FROM docket_cases WHERE status = 'open'`).all() as { id: number }[];
  // the stored due dates, as the service keeps them (one refresh per open row, as after its last change)
  const dues = time(() => writeTransaction(core, (tx) => openIds.forEach((r) => refreshDue(tx, r.id))));
  row(`due dates stored (${openIds.length.toLocaleString('en-US')} open rows)`, `${fmt(dues.ms / 1000, 1)} s`);
  // the centre's monthly counters, as the closing transaction keeps them (built here as migration 0012 does)
  core.sqlite.exec(`INSERT INTO docket_close_stats (judge_id, month, closed, days, mediated_or_withdrawn)
    SELECT coalesce(judge_id, 0), substr(closed_on, 1, 7), count(*), coalesce(sum(CAST(round(julianday(closed_on) - julianday(filed_on)) AS INTEGER)), 0),
      sum(CASE WHEN close_method IN ('mediation', 'withdrawal', 'deemed-withdrawal') THEN 1 ELSE 0 END)
    FROM docket_cases WHERE closed_on IS NOT NULL GROUP BY 1, 2`);
  // hearings: one in three open cases scheduled over the next two weeks, four courtrooms, half-hour sessions
  const hearings = time(() =>
    writeTransaction(core, () => {
      const ins = core.sqlite.prepare(
        `INSERT INTO docket_hearings (case_id, judge_id, courtroom, starts_at, ends_at, status, at) VALUES (?, ?, ?, ?, ?, 'scheduled', '2026-11-20T09:00:00+08:00')`,
      );
      const rows = core.sqlite.prepare(`SELECT case_id AS id, judge_id AS judgeId FROM docket_cases WHERE status = 'open'`).all() as {
        id: number;
        judgeId: number;
      }[];
      rows.forEach((r, i) => {
        if (i % 3) return;
        const slot = Math.floor(i / 3);
        const day = addDays('2026-11-23', slot % 14);
        const minute = 8 * 60 + ((Math.floor(slot / 14) * 30) % (9 * 60));
        const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        ins.run(r.id, r.judgeId, `第${(slot % 4) + 1}法庭`, `${day}T${hhmm(minute)}:00+08:00`, `${day}T${hhmm(minute + 30)}:00+08:00`);
      });
      return Math.ceil(rows.length / 3);
    }),
  );
  row(`hearings scheduled (${hearings.value.toLocaleString('en-US')})`, `${fmt(hearings.ms / 1000, 1)} s`);
  const open = openIds.length;
  row(`docket rows (${civil.length.toLocaleString('en-US')} 民初, ${open.toLocaleString('en-US')} open)`, `${fmt(load.ms / 1000, 1)} s`);
  const on = '2026-11-23';
  // the judge's desk as the 工作台 asks for it: the docket's first page (DOCKET_PAGE most urgent, with every count;
  // 显示更多 asks for more) and today's and this week's hearings (the earliest DESK_HEARINGS of each, with the totals)
  const TARGET_MS = 50; // issue 14: p95 < 50 ms over 1M cases
  const desk: number[] = [];
  let shown = 0;
  for (let q = 0; q < opts.queries; q++)
    desk.push(
      time(() => {
        const d = openDocket(core.db, on, judges[q % 6]!, DOCKET_PAGE);
        shown = d.rows.length;
        myHearings(core.db, judges[q % 6]!, on);
      }).ms,
    );
  desk.sort((a, b) => a - b);
  row(
    `a judge's desk (~${Math.round(open / 6).toLocaleString('en-US')} open, ${shown} shown, week's hearings): p50`,
    `${fmt(percentile(desk, 50))} ms`,
  );
  row(
    '                                   p95',
    `${fmt(percentile(desk, 95))} ms (${fmt(percentile(desk, 95) / TARGET_MS)} × the 50 ms target)`,
  );
  const centre: number[] = [];
  for (let q = 0; q < Math.max(5, Math.floor(opts.queries / 4)); q++) centre.push(time(() => centreFigures(core.db, on)).ms);
  centre.sort((a, b) => a - b);
  row('centre view: p50', `${fmt(percentile(centre, 50))} ms`);
  row('             p95', `${fmt(percentile(centre, 95))} ms (${fmt(percentile(centre, 95) / TARGET_MS)} × the 50 ms target)`);
  closeCore(core);
  if (process.env.BENCH_KEEP === '1') row('kept data', dir);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
