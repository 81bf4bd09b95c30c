import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { PDFTOTEXT, pdfText } from '../../test/pdf';
import { expectIndexUsed, queryPlan, recordStatements } from '../../test/queryPlan';
import { durations } from '../figures';
import { centreOverview } from './overview';
import { seedFigures } from '../../test/figuresSeed';

/**
 * The centre's figures against a small register whose every number is counted by hand below. Period: October
 * and November 2026; today 2026-12-02, so overdue is counted on 2026-11-30.
 *
 * Cases received in the period: 民初 c1 (10-05), c2 (10-20), c3 (11-03); 调登 c4 (10-08), c5 (11-10);
 * 民特 c6 (11-12), c10 (10-10). Outside: c7 民初 (09-30), c8 调登 (09-15), c9 / c11 民特 (August).
 */
const PERIOD = { from: '2026-10-01', to: '2026-11-30' };

let h: Harness;
let admin: string;
let ids: { j1: number; j2: number };

beforeEach(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  admin = await setUpCourt(h);
  await userToken(h, admin, 'judge1', '李法官', ['judge']);
  await userToken(h, admin, 'judge2', '周法官', ['judge']);
  const id = (u: string) => (h.core.sqlite.prepare(`SELECT id FROM users WHERE username = ?`).get(u) as { id: number }).id;
  ids = { j1: id('judge1'), j2: id('judge2') };
  seedFigures(h.core.sqlite, ids.j1, ids.j2);
});
afterEach(() => h.close());

const pick = <T extends { key: string }>(rows: T[], key: string | number) => rows.find((r) => r.key === String(key));

describe('durations', () => {
  it('average and median of a histogram of days (even count: mean of the middle two)', () => {
    expect(
      durations(
        new Map([
          [7, 1],
          [10, 1],
          [14, 1],
          [20, 1],
        ]),
      ),
    ).toEqual({ count: 4, averageDays: 12.8, medianDays: 12 });
    expect(
      durations(
        new Map([
          [3, 2],
          [9, 1],
        ]),
      ),
    ).toEqual({ count: 3, averageDays: 5, medianDays: 3 });
    expect(durations(new Map())).toEqual({ count: 0, averageDays: null, medianDays: null });
  });
});

describe('the centre overview (stats.overview)', () => {
  it('counts the cases received by type, month and cause', async () => {
    const o = await h.call('stats.overview', PERIOD, admin);
    expect(o.on).toBe('2026-11-30');
    const cases = o.sections.find((s) => s.area === 'cases')!;
    expect(cases.total.received).toBe(7);
    expect(cases.months.map((m) => [m.key, m.received])).toEqual([
      ['2026-10', 4],
      ['2026-11', 3],
    ]);
    const type = cases.breakdowns.find((b) => b.by === 'type')!.rows;
    expect(type.map((r) => [r.key, r.received])).toEqual([
      ['民初', 3],
      ['民特', 2],
      ['调登', 2],
    ]);
    expect(pick(type, '民初')!.label).toBe('民初（民事一审）');
    const cause = cases.breakdowns.find((b) => b.by === 'cause')!.rows;
    expect(cause[0]).toMatchObject({ key: '民间借贷纠纷', received: 3 });
    expect(pick(cause, '申请司法确认调解协议')!.received).toBe(2);
  });

  it('mediation: received, concluded, success rate, average and median days, overdue, per organisation and flow', async () => {
    const o = await h.call('stats.overview', PERIOD, admin);
    const m = o.sections.find((s) => s.area === 'mediation')!;
    // received m1 m2 m4 m5 m6; outcomes in the period m1 (10 d) m2 (failed, 14 d) m3 (20 d) m4 (7 d); m5 past its due date
    expect(m.total).toMatchObject({
      received: 5,
      concluded: 4,
      resolved: 3,
      successRate: 0.75,
      averageDays: 12.8,
      medianDays: 12,
      overdue: 1,
    });
    expect(m.months.map((r) => [r.key, r.received, r.concluded, r.resolved])).toEqual([
      ['2026-10', 3, 3, 3],
      ['2026-11', 2, 1, 0],
    ]);
    const org = m.breakdowns.find((b) => b.by === 'org')!.rows;
    expect(pick(org, 1)).toMatchObject({
      label: '雉城街道人民调解委员会',
      received: 3,
      concluded: 2,
      resolved: 1,
      successRate: 0.5,
      averageDays: 12,
      medianDays: 12,
      overdue: 1,
    });
    expect(pick(org, 2)).toMatchObject({
      label: '长兴县物业纠纷调解委员会',
      received: 1,
      concluded: 2,
      resolved: 2,
      successRate: 1,
      averageDays: 13.5,
      medianDays: 13.5,
      overdue: 0,
    });
    expect(pick(org, 0)).toMatchObject({ label: '（院外组织或未分派）', received: 1, concluded: 0 });
    const mediator = m.breakdowns.find((b) => b.by === 'mediator')!.rows;
    expect(pick(mediator, 1)).toMatchObject({ label: '钱调解', received: 3, resolved: 1 });
    const flow = m.breakdowns.find((b) => b.by === 'flow')!.rows;
    expect(pick(flow, 'delegated')).toMatchObject({ label: '委派调解（诉前）', received: 2, concluded: 3, resolved: 2 });
    expect(pick(flow, 'entrusted')).toMatchObject({ received: 3, concluded: 1, resolved: 1, overdue: 1 });
  });

  it('confirmation: applications, rulings, the confirmation rate, days and the review period overdue, per judge', async () => {
    const o = await h.call('stats.overview', PERIOD, admin);
    const c = o.sections.find((s) => s.area === 'confirmation')!;
    // applied k1 k3; rulings k1 valid (8 d) and k2 rejected (50 d); k3 accepted 10-12, 30 days passed; k4 withdrawn
    expect(c.total).toMatchObject({
      received: 2,
      concluded: 2,
      resolved: 1,
      successRate: 0.5,
      averageDays: 29,
      medianDays: 29,
      overdue: 1,
    });
    expect(c.notes).toEqual([
      { key: 'withdrawn', label: '撤回及按撤回处理', value: 1, unit: 'count' },
      { key: 'notAccepted', label: '不予受理', value: 0, unit: 'count' },
    ]);
    const judge = c.breakdowns.find((b) => b.by === 'judge')!.rows;
    expect(pick(judge, ids.j1)).toMatchObject({ label: '李法官', received: 2, concluded: 1, resolved: 1, averageDays: 8, overdue: 1 });
    expect(pick(judge, ids.j2)).toMatchObject({
      label: '周法官',
      received: 0,
      concluded: 1,
      resolved: 0,
      successRate: 0,
      averageDays: 50,
      overdue: 0,
    });
    const kind = c.breakdowns.find((b) => b.by === 'organisationKind')!.rows;
    expect(pick(kind, 'people')).toMatchObject({ label: '人民调解委员会', received: 2 });
  });

  it('docket: received, closed, 调撤率, days per judge, with open and overdue from the centre view', async () => {
    const o = await h.call('stats.overview', PERIOD, admin);
    const d = o.sections.find((s) => s.area === 'docket')!;
    // filed d1 d2 d3; closed d1 judgment 20 d, d2 withdrawal 30 d, d4 mediation 10 d; d3 open past 11-20
    expect(d.total).toMatchObject({
      received: 3,
      concluded: 3,
      resolved: 2,
      successRate: 0.667,
      averageDays: 20,
      medianDays: 20,
      overdue: 1,
    });
    const judge = d.breakdowns.find((b) => b.by === 'judge')!.rows;
    expect(pick(judge, ids.j1)).toMatchObject({ received: 2, concluded: 1, resolved: 0, successRate: 0, averageDays: 20, overdue: 1 });
    expect(pick(judge, ids.j2)).toMatchObject({
      received: 1,
      concluded: 2,
      resolved: 2,
      successRate: 1,
      averageDays: 20,
      medianDays: 20,
      overdue: 0,
    });
    expect(d.notes.find((n) => n.key === 'open')!.value).toBe(1);
    // the same figures as the docket's own centre view on that day
    const judgeToken = (await h.call('auth.login', { username: 'judge1', password: 'Court2026ok' })).token;
    const centre = await h.call('docket.centre', { on: '2026-11-30' }, judgeToken);
    expect(centre.team.overdue).toBe(d.total.overdue);
  });

  it('relief: applications, decisions, the granted share, days and the amounts of the relief totals', async () => {
    const o = await h.call('stats.overview', PERIOD, admin);
    const r = o.sections.find((s) => s.area === 'relief')!;
    expect(r.total).toMatchObject({
      received: 4,
      concluded: 3,
      resolved: 2,
      successRate: 0.667,
      averageDays: 2.7,
      medianDays: 2,
      overdue: null,
    });
    expect(r.notes.map((n) => [n.key, n.value])).toEqual([
      ['waivedFen', 5000],
      ['reducedFen', 2500],
      ['deferredFen', 0],
    ]);
  });

  it('万人成讼率 from the population of the period’s year; the shares resolved before filing and without trial; the funnel', async () => {
    let o = await h.call('stats.overview', PERIOD, admin);
    expect(o.litigation).toMatchObject({ civilFirstInstance: 3, population: null, perTenThousand: null });
    await h.call(
      'stats.setPopulation',
      {
        entries: [
          { year: 2025, population: 10000, source: '2025年长兴县统计公报' },
          { year: 2026, population: 12000, source: '2026年长兴县人口抽样调查' },
        ],
      },
      admin,
    );
    o = await h.call('stats.overview', PERIOD, admin);
    // 3 民初 ÷ 12 000 × 10 000 = 2.5
    expect(o.litigation).toMatchObject({ civilFirstInstance: 3, perTenThousand: 2.5, population: { year: 2026, population: 12000 } });
    // a 2027 period without its own figure uses the latest earlier one
    const later = await h.call('stats.overview', { from: '2027-01-01', to: '2027-01-31' }, admin);
    expect(later.litigation.population?.year).toBe(2026);
    // pre-filing agreements m1 m3 = 2, entrusted agreement m4 = 1, 民初 received 3
    expect(o.shares).toMatchObject({ preFilingResolved: 2, entrustedResolved: 1, beforeFiling: 0.4, withoutTrial: 0.6 });
    // cohort m1 m2 m4 m5 m6: assigned 4, signed 4, concluded 3, agreed 2 (m1 m4), m1 sent to confirmation and confirmed
    expect(o.funnel.map((f) => f.count)).toEqual([5, 4, 4, 3, 2, 1, 1]);
    expect(o.funnel[0]!.label).toBe('收案');
  });

  it('stats.area gives one register with the same numbers as the overview', async () => {
    const o = await h.call('stats.overview', PERIOD, admin);
    const m = await h.call('stats.area', { area: 'mediation', ...PERIOD }, admin);
    expect(m).toEqual(o.sections.find((s) => s.area === 'mediation'));
  });

  it('refuses a period that ends before it starts, naming the field, and a bad population without writing it', async () => {
    const e = await h.fail('stats.overview', { from: '2026-11-30', to: '2026-10-01' }, admin);
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'to', message: '统计截止日期不能早于起始日期' });
    const bad = await h.fail('stats.overview', { from: '2026-02-30', to: '2026-10-01' }, admin);
    expect(bad).toMatchObject({ field: 'from', message: '统计起始日期应为有效日期（年-月-日）' });
    const dup = await h.fail(
      'stats.setPopulation',
      {
        entries: [
          { year: 2026, population: 1, source: 'a' },
          { year: 2026, population: 2, source: 'b' },
        ],
      },
      admin,
    );
    expect(dup).toMatchObject({ field: 'entries.1.year', message: '2026 年度重复登记' });
    const zero = await h.fail('stats.setPopulation', { entries: [{ year: 2026, population: 0, source: 'a' }] }, admin);
    expect(zero).toMatchObject({ field: 'entries.0.population', message: '辖区人口须大于 0' });
    expect((await h.call('stats.population', undefined, admin)).entries).toEqual([]);
  });

  it('only the administrator sets the population, and the change is audited', async () => {
    const judge = (await h.call('auth.login', { username: 'judge1', password: 'Court2026ok' })).token;
    const e = await h.fail('stats.setPopulation', { entries: [] }, judge);
    expect(e.code).toBe('FORBIDDEN');
    await h.call('stats.setPopulation', { entries: [{ year: 2026, population: 650000, source: '统计公报' }] }, admin);
    const row = h.core.sqlite.prepare(`SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { operation: string };
    expect(row.operation).toBe('stats.setPopulation');
  });
});

describe('the clerk’s work of the day (stats.today)', () => {
  it('counts today’s filings, what waits for the counter and what falls due soon', async () => {
    h.clock.set('2026-11-03T15:00:00+08:00');
    const t = await h.call('stats.today', undefined, admin);
    // c3 was received on 11-03 (created by user 1, the administrator); m6 awaits assignment; k3 is past acceptance
    expect(t.today).toBe('2026-11-03');
    expect(t.filedToday).toMatchObject({ all: 1, mine: 1 });
    expect(t.filedToday.rows.map((r) => r.number)).toEqual(['（2026）浙0522民初903号']);
    expect(pick(t.waiting, 'mediation')!.count).toBe(1);
    expect(pick(t.waiting, 'confirmation')!.count).toBe(0);
    // d3 is due 11-20: not within five days of 11-03; on 11-17 it is
    expect(pick(t.dueSoon, 'docket')!.count).toBe(0);
    h.clock.set('2026-11-17T09:00:00+08:00');
    expect(pick((await h.call('stats.today', undefined, admin)).dueSoon, 'docket')!.count).toBe(1);
  });
});

describe('the monthly report', () => {
  it('one workbook: a headline sheet, a sheet per register, the definitions', async () => {
    const r = await h.call('stats.monthlyReport', { month: '2026-10', format: 'xlsx' }, admin);
    expect(r.fileName).toBe('诉讼服务中心月度报表-2026-10.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '总览',
      '立案登记',
      '诉调对接（调解）',
      '司法确认',
      '速裁',
      '司法救助（诉讼费用）',
      '统计口径',
    ]);
    const med = wb.getWorksheet('诉调对接（调解）')!;
    expect(med.getRow(1).values).toEqual([
      undefined,
      '分组',
      '项目',
      '收案',
      '办结',
      '调解成功',
      '调解成功率',
      '平均用时（天）',
      '用时中位数（天）',
      '超期在办',
    ]);
    // October: received m1 m4 m5; outcomes m1 m3 m4, all agreements
    expect(med.getRow(2).values).toEqual([undefined, '合计', '合计', 3, 3, 3, 1, '12.3', '10', 1]);
    expect(med.getRow(2).getCell(6).numFmt).toBe('0.0%');
    const relief = wb.getWorksheet('总览')!;
    const waived = relief.getRows(2, relief.rowCount - 1)!.find((row) => row.getCell(1).value === '司法救助（诉讼费用）：免交金额')!;
    expect(waived.getCell(4).value).toBe(50);
    expect(waived.getCell(4).numFmt).toBe('#,##0.00"元"');
  });

  it.skipIf(!PDFTOTEXT)('the same month as a PDF through the documents pipeline', async () => {
    const r = await h.call('stats.monthlyReport', { month: '2026-10', format: 'pdf' }, admin);
    const text = pdfText(Buffer.from(r.base64, 'base64'));
    expect(text).toContain('诉讼服务中心月度统计报表（2026年10月）');
    expect(text).toContain('浙江省长兴县人民法院');
    expect(text).toContain('调解成功率');
    expect(text).toContain('100.0%');
  });

  it('refuses a month that is not one', async () => {
    const e = await h.fail('stats.monthlyReport', { month: '2026-13', format: 'xlsx' }, admin);
    expect(e).toMatchObject({ field: 'month', message: '月份应为“年-月”，如 2026-11' });
  });
});

describe('the figures read the registers through their indexes', () => {
  it('every period pass of the overview is read from an index on its date column that covers it', () => {
    const statements = recordStatements(h.core.sqlite, () => centreOverview(h.core, PERIOD, '2026-12-02'));
    expect(statements.length).toBeGreaterThan(0);
    const plan = (fragment: string, index: string, { covering = true, sorted = false } = {}) => {
      const s = statements.find((x) => x.sql.includes(fragment));
      expect(s, fragment).toBeDefined();
      expectIndexUsed(h.core.sqlite, s!.sql, s!.params, index);
      const steps = queryPlan(h.core.sqlite, s!.sql, s!.params).join('\n');
      if (covering) expect(steps, fragment).toContain(`USING COVERING INDEX ${index}`);
      // a day-by-day pass is read in index order: counted as it goes, no sort
      if (sorted) expect(steps, fragment).not.toMatch(/TEMP B-TREE/);
    };
    // cases: one pass per day, type and cause, in index order
    plan('c.received_on AS day', 'cases_received_type_idx', { sorted: true });
    // mediation: the receipts per organisation, mediator, flow and cause, by day, the outcomes with their days, each
    // month's outcomes, the open ones past their limit
    plan('m.cause_name AS cause, count(*) AS n', 'mediations_received_idx');
    plan('m.received_on AS day', 'mediations_received_idx', { sorted: true });
    plan("AS days, sum(m.outcome = 'agreement')", 'mediations_outcome_idx');
    plan('median(CAST(julianday(m.outcome_on)', 'mediations_outcome_idx');
    plan("m.status = 'in-progress' AND m.due_on < @on", 'mediations_due_idx', { covering: false });
    // the funnel: the period's cohort, its hand-off to judicial confirmation
    plan('count(signed_on) AS started', 'mediations_received_idx');
    plan('JOIN mediations m ON m.id = c.mediation_id', 'confirmations_from_mediation_idx');
    plan('c.organisation_kind AS kind, count(*) AS n', 'confirmations_applied_figures_idx');
    plan('c.applied_on AS day', 'confirmations_applied_idx', { sorted: true });
    plan('c.organisation_kind AS kind, CAST(julianday', 'confirmations_decided_idx');
    plan('median(CAST(julianday(c.decided_on)', 'confirmations_decided_idx');
    plan("sum(outcome IN ('withdrawn', 'deemed_withdrawn'))", 'confirmations_decided_idx');
    plan('d.procedure AS procedure, count(*) AS n', 'docket_cases_filed_idx');
    plan('d.filed_on AS day', 'docket_cases_filed_idx', { sorted: true });
    plan('d.procedure AS procedure, CAST(julianday', 'docket_cases_closed_idx');
    plan('median(CAST(julianday(d.closed_on)', 'docket_cases_closed_idx');
    plan('r.applied_on >= @from', 'relief_applied_kind_idx', { covering: false });
    plan('r.decided_on >= @from', 'relief_decided_idx', { covering: false });
  });
});
