import type Database from 'better-sqlite3';
import { closeCore } from '../core';
import { addCalendarDays } from '../core/calendar';
import { openLoads, outcomeStats, recountMediatorCounters } from '../core/mediation/counters';
import { listMediations } from '../core/mediation/list';
import { recommend } from '../core/mediation/routing';
import { forgetRoutingCache } from '../core/mediation/routingCache';
import { mediationWarnings } from '../core/mediation/warnings';
import { FrozenClock } from '../core/time/clock';
import { fmt, heading, initialisedCore, percentile, row, time, tmpDataDir } from './util';

/**
 * Mediation register (issue 12): the register's first page (all, and by status), the warnings view, against the
 * same warnings read without indexes (`NOT INDEXED`), and a routing recommendation over 2,000 mediators.
 * Targets: list and warnings p95 < 50 ms at 300k mediations among 1M cases; routing < 20 ms. Quick mode (the default
 * on shared machines): 50k mediations among 200k cases. Data written in bulk with SQL (the register's rows, not the
 * case details); the mediator counters, the warnings' counts per due date and the routing versions are kept by their
 * triggers as the rows go in, as in the desk. Routing is measured with its cache in each state a desk meets: nothing
 * changed, just after an outcome, just after a roster change, on a new day, and empty (the full read at host start).
 */
export async function benchMediation(opts: { cases: number; mediations: number; mediators: number; queries: number }): Promise<void> {
  heading(
    `Mediation register (${opts.cases.toLocaleString()} cases, ${opts.mediations.toLocaleString()} mediations, ${opts.mediators.toLocaleString()} mediators)`,
  );
  const clock = new FrozenClock('2026-12-02T09:00:00+08:00');
  const core = await initialisedCore(tmpDataDir('mediation'), clock);
  const db = core.sqlite;
  const today = '2026-12-02';
  const seed = time(() => seedMediation(db, opts));
  row('seeded in', `${fmt(seed.ms / 1000, 1)} s`);
  db.exec('ANALYZE');

  const measure = (label: string, fn: () => unknown) => {
    fn();
    const ms: number[] = [];
    for (let i = 0; i < opts.queries; i++) ms.push(time(fn).ms);
    ms.sort((a, b) => a - b);
    row(label, `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms`);
    return percentile(ms, 95);
  };
  measure('register, first page (50 rows)', () => listMediations(db, { limit: 50 }, today));
  measure('register, status 调解中, first page', () => listMediations(db, { status: 'in-progress', limit: 50 }, today));
  measure('register, page 100 (keyset)', () => listMediations(db, { limit: 50, after: opts.mediations - 5000 }, today));
  const indexed = measure('warnings view (centre)', () => mediationWarnings(db, today));
  const naive = db.prepare(
    `SELECT m.id, c.number FROM mediations m NOT INDEXED JOIN cases c ON c.id = m.case_id
      WHERE (m.status = 'awaiting-assignment' AND m.assign_due <= @u) OR (m.status = 'awaiting-acceptance' AND m.accept_due <= @u)
         OR (m.status = 'in-progress' AND (m.contact_due <= @u OR m.due_on <= @u))`,
  );
  const slow = measure('same warnings without indexes (NOT INDEXED)', () => naive.all({ u: '2026-12-04' }));
  row('ratio unindexed / indexed (p95)', `${fmt(slow / indexed, 1)}×`);
  const target = (db.prepare(`SELECT id FROM mediations WHERE status = 'awaiting-assignment' LIMIT 1`).get() as { id: number }).id;
  // Routing keeps the roster and the outcome figures in memory, checked against versions the triggers raise
  // (core/mediation/routingCache.ts). A desk's recommendation usually follows a write, so each case is measured:
  // nothing changed; just after an outcome was recorded (committed, untimed); just after a mediator's or an
  // organisation's roster entry changed; the first call of a new day (the 365-day window moved); and the full read of
  // an empty cache, which the hosts make at start (warmMediationCaches) and no one at the desk waits for.
  const measureAfter = (label: string, before: (i: number) => void, fn: (i: number) => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < opts.queries; i++) {
      before(i);
      ms.push(time(() => fn(i)).ms);
    }
    ms.sort((a, b) => a - b);
    row(label, `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms`);
    return percentile(ms, 95);
  };
  const rec = () => recommend(db, target, today);
  const routing = measure(`routing recommendation over ${opts.mediators} mediators, nothing changed`, rec);
  const open = db
    .prepare(`SELECT id FROM mediations WHERE status = 'in-progress' AND mediator_id IS NOT NULL ORDER BY id DESC LIMIT ?`)
    .pluck()
    .all(opts.queries) as number[];
  const close = db.prepare(`UPDATE mediations SET status = 'closed', outcome = 'agreement', outcome_on = ? WHERE id = ?`);
  const afterOutcome = measureAfter('  just after an outcome was recorded', () => close.run(today, open.pop()), rec);
  const capacity = db.prepare(`UPDATE mediators SET capacity = capacity + 1, updated_at = ? WHERE id = ?`);
  const afterRoster = measureAfter(
    '  just after a mediator’s entry changed (a capacity)',
    (i) => capacity.run(`x${i}`, (i % opts.mediators) + 1),
    rec,
  );
  const orgs = (db.prepare(`SELECT count(*) FROM mediation_orgs`).pluck().get() as number) || 1;
  const rename = db.prepare(`UPDATE mediation_orgs SET name = name || '·', updated_at = ? WHERE id = ?`);
  const afterOrg = measureAfter(
    `  just after an organisation changed (its ${Math.round(opts.mediators / orgs)} mediators)`,
    (i) => rename.run(`x${i}`, (i % orgs) + 1),
    rec,
  );
  // each call a day later than the one before, as the first recommendation of each working day
  const newDay = measureAfter(
    '  first call of a new day (the window moved a day)',
    () => undefined,
    (i) => recommend(db, target, addCalendarDays(today, i + 1)),
  );
  const cold = measureAfter('  full read, empty cache (made once at host start)', () => forgetRoutingCache(db), rec);
  measure('  of which: open loads (counters)', () => openLoads(db));
  measure('  of which: 365-day outcomes (counters)', () => outcomeStats(db, addCalendarDays(today, -365), today));
  row('ratio full read / after an outcome (p95)', `${fmt(cold / afterOutcome, 1)}×`);
  const worst = Math.max(routing, afterOutcome, afterRoster, afterOrg, newDay);
  row('routing target < 20 ms (worst at the desk, p95)', `${fmt(worst)} ms · ${worst < 20 ? 'met' : 'NOT met'}`);
  row('full read at host start < 20 ms (p95)', `${fmt(cold)} ms · ${cold < 20 ? 'met' : 'NOT met'}`);
  // What routing computed on every call before the counters: open load and 365-day outcomes over the whole register.
  const since = addCalendarDays(today, -365);
  const recount = measure('the same figures recounted over the register (before the counters)', () =>
    recountMediatorCounters(db, today, since),
  );
  row('ratio recount / counters, empty cache (p95)', `${fmt(recount / cold, 1)}×`);
  const counted = recountMediatorCounters(db, today, since);
  const kept = outcomeStats(db, since, today);
  const loads = openLoads(db);
  const agree =
    counted.load.every((r) => loads.get(r.id) === r.n) &&
    counted.load.length === loads.size &&
    counted.stats.every((r) => kept.get(r.id)?.n === r.n && kept.get(r.id)?.ok === r.ok) &&
    counted.stats.length === kept.size;
  row('counters equal the recount', agree ? 'yes' : 'NO');
  // after every write and day move above, the cache must give what a fresh read gives — today and on a later day
  const later = addCalendarDays(today, 40);
  const cached = [today, later].map((d) => JSON.stringify(recommend(db, target, d, 100)));
  const fresh = [today, later].map((d) => (forgetRoutingCache(db), JSON.stringify(recommend(db, target, d, 100))));
  row('cached recommendation equals a fresh read', cached.join() === fresh.join() ? 'yes' : 'NO');
  closeCore(core);
}

/** The bench's register: 200 organisations over three layers, the mediators, the mediations and the other cases. */
export function seedMediation(db: Database.Database, opts: { cases: number; mediations: number; mediators: number }): void {
  db.transaction(() => {
    const org = db.prepare(
      `INSERT INTO mediation_orgs (name, kind, level, region, active_from, created_at, updated_at) VALUES (?, 'people', ?, ?, '2026-01-01', 'x', 'x')`,
    );
    const levels = ['village', 'town', 'county'];
    for (let i = 0; i < 200; i++)
      org.run(`调解委员会${i}`, levels[i % 3], i % 3 === 2 ? '长兴县' : `长兴县/街道${i % 10}${i % 3 === 0 ? `/社区${i}` : ''}`);
    const med = db.prepare(
      `INSERT INTO mediators (name, kind, org_id, fields, regions, capacity, active_from, created_at, updated_at) VALUES (?, 'invited', ?, ?, '[]', ?, '2026-01-01', 'x', 'x')`,
    );
    const fields = ['["合同纠纷"]', '["婚姻家庭纠纷"]', '[]', '["机动车交通事故责任纠纷"]'];
    for (let i = 0; i < opts.mediators; i++) med.run(`调解员${i}`, (i % 200) + 1, fields[i % 4], 5 + (i % 10));
    const c = db.prepare(
      `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at) VALUES ('调登', ?, 2026, ?, ?, ?, '民间借贷纠纷', '已登记', 'x', 'x')`,
    );
    const m = db.prepare(
      `INSERT INTO mediations (case_id, flow, status, region, cause_name, received_on, assign_due, accept_due, contact_due, mediator_id, org_id, signed_on, due_on, outcome, outcome_on, created_at, updated_at)
       VALUES (?, 'delegated', ?, '长兴县/街道1/社区30', '民间借贷纠纷', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`,
    );
    const statuses = [
      'closed',
      'closed',
      'failed',
      'closed',
      'converted',
      'closed',
      'in-progress',
      'awaiting-assignment',
      'awaiting-acceptance',
      'closed',
    ];
    for (let i = 1; i <= opts.mediations; i++) {
      const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((i / opts.mediations) * 700) * 86400_000).toISOString().slice(0, 10);
      const id = c.run(`调登〔2026〕${i}`, i, `C${i.toString(36).toUpperCase().padStart(7, '0')}`, day).lastInsertRowid as number;
      const s = statuses[i % 10]!;
      const mediator = s === 'awaiting-assignment' ? null : (i % opts.mediators) + 1;
      const outcome = s === 'closed' ? 'agreement' : s === 'failed' || s === 'converted' ? 'failed' : null;
      m.run(
        id,
        s,
        day,
        s === 'awaiting-assignment' ? day : null,
        s === 'awaiting-acceptance' ? day : null,
        s === 'in-progress' && i % 2 ? day : null,
        mediator,
        mediator ? ((mediator - 1) % 200) + 1 : null,
        mediator ? day : null,
        mediator ? day : null,
        outcome,
        outcome ? day : null,
      );
    }
    // the rest of the court's cases (民初), which the register must not read
    const other = db.prepare(
      `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at) VALUES ('民初', ?, 2026, ?, ?, '2026-06-01', '买卖合同纠纷', '已立案', 'x', 'x')`,
    );
    for (let i = 1; i <= opts.cases - opts.mediations; i++)
      other.run(`(2026)浙0522民初${i}号`, i, `M${i.toString(36).toUpperCase().padStart(7, '0')}`);
  })();
}
