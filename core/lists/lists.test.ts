import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { expectIndexUsed } from '../../test/queryPlan';
import { mergeSearchSegments } from '../cases';
import { seedCases } from '../seed';
import { REGISTERS } from './registers';
import { COUNT_CAP, countRows, listPage } from './query';

let h: Harness;
let clerk: string;
let admin: string;
const CASES = 3000;

beforeAll(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  seedCases(h.core, { cases: CASES, seed: 7, from: '2025-01-01' });
}, 60_000);
afterAll(() => h.close());

const sql = <T>(q: string, ...p: unknown[]) => h.core.sqlite.prepare(q).all(...p) as T[];

describe('the case list', () => {
  it('pages through every case by keyset, newest received first, without a repeat or a gap', async () => {
    const seen: number[] = [];
    let after: string | undefined;
    let previous: string | null = null;
    let first = true;
    for (;;) {
      const page = await h.call('cases.browse', { limit: 200, ...(after ? { after } : {}) }, clerk);
      if (first) {
        expect(page.total).toBe(CASES);
        expect(page.totalCapped).toBe(false);
        first = false;
      }
      for (const r of page.rows) {
        if (previous !== null) expect(String(r.receivedOn) <= previous).toBe(true);
        previous = String(r.receivedOn);
        seen.push(Number(r.id));
      }
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.length).toBe(CASES);
    expect(new Set(seen).size).toBe(CASES);
  });

  it('filters by type and received dates, and orders by registration ascending on request', async () => {
    const page = await h.call(
      'cases.browse',
      { filters: { caseType: '民初', received: { from: '2025-03-01', to: '2025-03-31' } }, sort: { key: 'seq', dir: 'asc' }, limit: 200 },
      clerk,
    );
    const expected = sql<{ id: number }>(
      `SELECT id FROM cases WHERE case_type = '民初' AND received_on BETWEEN '2025-03-01' AND '2025-03-31' ORDER BY id`,
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(0, 200));
    for (const r of page.rows) {
      expect(r.caseType).toBe('民初');
      expect(String(r.parties)).not.toBe('');
    }
  });

  it('finds organisations by any part of the name (银行) and register numbers by their beginning (调登)', async () => {
    const banks = await h.call('cases.browse', { q: '银行', limit: 50 }, clerk);
    expect(banks.rows.length).toBeGreaterThan(0);
    for (const r of banks.rows) expect(String(r.parties)).toContain('银行');
    const register = await h.call('cases.browse', { q: '调登', limit: 50 }, clerk);
    expect(register.rows.length).toBeGreaterThan(0);
    for (const r of register.rows) expect(String(r.number)).toMatch(/^调登〔\d{4}〕\d{4}$/);
  });

  it('finds a person by the last six characters of the ID number, through its own index', async () => {
    const p = sql<{ id_number: string; case_id: number }>(
      `SELECT p.id_number, cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
       WHERE p.id_type = 'resident' ORDER BY p.id DESC LIMIT 1`,
    )[0]!;
    const tail = p.id_number.slice(-6);
    const found = await h.call('cases.search', { q: tail.toLowerCase(), limit: 20 }, clerk);
    expect(found.rows.map((r) => r.id)).toContain(p.case_id);
    expectIndexUsed(h.core.sqlite, 'SELECT id FROM parties WHERE substr(id_number, -6) = ?', [tail], 'parties_id_tail_idx');
    expectIndexUsed(
      h.core.sqlite,
      "SELECT id FROM parties WHERE kind = 'organisation' AND instr(name, ?) > 0",
      ['银行'],
      'parties_kind_name_idx',
    );
  });

  it('merges the search index in steps until nothing is left, and the search still finds the same cases', async () => {
    const q = sql<{ number: string }>(`SELECT number FROM cases WHERE case_type = '民初' ORDER BY id DESC LIMIT 1`)[0]!.number.slice(
      -8,
      -1,
    );
    const before = await h.call('cases.search', { q, limit: 20 }, clerk);
    const merged = await mergeSearchSegments(h.core, { pages: 50 });
    expect(merged.done).toBe(true);
    expect((await mergeSearchSegments(h.core)).steps).toBe(1); // nothing left to merge
    expect((await h.call('cases.search', { q, limit: 20 }, clerk)).rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
  });

  it('refuses a filter that is not an option, or dates the wrong way round, naming the field in Chinese', async () => {
    const bad = await h.fail('cases.browse', { filters: { caseType: '刑初' } }, clerk);
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toBe('类型不是有效的选项');
    const dates = await h.fail('cases.browse', { filters: { received: { from: '2025-05-01', to: '2025-04-01' } } }, clerk);
    expect(dates.message).toBe('收案日期的起始日期不能晚于截止日期');
    const sort = await h.fail('cases.browse', { sort: { key: 'causeName', dir: 'asc' } }, clerk);
    expect(sort.message).toBe('排序列不是可排序的列');
    const cursor = await h.fail('cases.browse', { after: 'bm90IGEgY3Vyc29y' }, clerk);
    expect(cursor.message).toBe('翻页位置无效，请回到第一页');
  });

  // both plans of a set (read whole and sorted; walked in the list's order) on this small register: smallSet 10
  const plans = [
    ['a small set', undefined],
    ['a large set', 10],
  ] as const;
  const envOf = (smallSet?: number) => ({ today: '2026-12-02', sqlite: h.core.sqlite, ...(smallSet ? { smallSet } : {}) });
  const allPages = (req: Omit<Parameters<typeof listPage>[2], 'limit'>, smallSet?: number) => {
    const ids: number[] = [];
    let after: string | undefined;
    const first = listPage(h.core, REGISTERS.cases, { ...req, limit: 37 }, envOf(smallSet));
    for (let page = first; ;) {
      ids.push(...page.rows.map((r) => Number(r.id)));
      if (!page.next) break;
      after = page.next;
      page = listPage(h.core, REGISTERS.cases, { ...req, after, limit: 37, count: false }, envOf(smallSet));
    }
    return { ids, total: first.total };
  };

  it.each(plans)('a search inside the list holds every case it finds, in the list’s order and filters (%s)', (_plan, smallSet) => {
    // every case with an organisation whose name contains 银行, newest received first — not the search box's first 500
    const banks = sql<{ id: number }>(
      `SELECT c.id FROM cases c WHERE c.case_type = '民初' AND EXISTS (SELECT 1 FROM case_parties cp JOIN parties p ON p.id = cp.party_id
         WHERE cp.case_id = c.id AND p.kind = 'organisation' AND instr(p.name, '银行') > 0) ORDER BY c.received_on DESC, c.id DESC`,
    ).map((r) => r.id);
    expect(banks.length).toBeGreaterThan(40);
    const listed = allPages({ q: '银行', filters: { caseType: '民初' } }, smallSet);
    expect(listed.ids).toEqual(banks);
    expect(listed.total).toBe(banks.length);
    // a person's name: their cases only
    const person = sql<{ name: string; n: number }>(
      `SELECT p.name, count(DISTINCT cp.case_id) AS n FROM parties p JOIN case_parties cp ON cp.party_id = p.id
        WHERE p.kind = 'person' AND length(p.name) = 3 GROUP BY p.name ORDER BY n DESC LIMIT 1`,
    )[0]!;
    expect(allPages({ q: person.name }, smallSet).total).toBe(person.n);
  });

  it.each(plans)(
    '"案由 contains" lists every case whose cause contains the words, and none for a cause no case has (%s)',
    (_plan, smallSet) => {
      const loans = sql<{ id: number }>(`SELECT id FROM cases WHERE cause_name LIKE '%借款%' ORDER BY received_on DESC, id DESC`).map(
        (r) => r.id,
      );
      expect(loans.length).toBeGreaterThan(40);
      expect(allPages({ filters: { cause: '借款' } }, smallSet).ids).toEqual(loans);
      expect(allPages({ filters: { cause: '海难' } }, smallSet)).toEqual({ ids: [], total: 0 });
    },
  );

  it('counts up to the cap and says there are more', () => {
    const b = REGISTERS.cases;
    const page = listPage(h.core, b, { limit: 10 });
    expect(page.total).toBe(Math.min(CASES, COUNT_CAP));
    expect(countRows(h.core, b, { filters: { caseType: '民初' } })).toBe(
      sql<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE case_type = '民初'`)[0]!.n,
    );
  });
});

describe('every register lists through the same engine', () => {
  it.each(Object.keys(REGISTERS))('%s: the list answers with its filters and the default order', (what) => {
    const b = REGISTERS[what as keyof typeof REGISTERS];
    const filters: Record<string, unknown> = {};
    for (const f of b.meta.filters)
      if (f.kind === 'dateRange') filters[f.key] = { from: '2025-01-01', to: '2026-12-31' };
      else if (f.kind === 'flag') filters[f.key] = true;
      else if (f.kind === 'text') filters[f.key] = '纠纷';
      else if (f.kind === 'choice') filters[f.key] = 1;
      else filters[f.key] = Object.keys(f.options)[0];
    expect(() => listPage(h.core, b, { filters, limit: 5 })).not.toThrow();
    expect(listPage(h.core, b, { limit: 5 }).rows.length).toBeLessThanOrEqual(5);
  });
});

describe('export through the API', () => {
  it('writes the filtered list with Chinese headers, dates as dates and money in 元', async () => {
    const filters = { caseType: '民初' as const, received: { from: '2025-06-01', to: '2025-06-30' } };
    const expected = countRows(h.core, REGISTERS.cases, { filters });
    const r = await h.call('lists.export', { what: 'cases', filters, columns: ['number', 'receivedOn', 'amountFen', 'parties'] }, clerk);
    expect(r.rows).toBe(expected);
    expect(r.fileName).toBe('案件列表-2026-12-02.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(expected + 1);
    expect(ws.getRow(1).values).toEqual([undefined, '案号', '收案日期', '标的额', '当事人']);
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBeInstanceOf(Date);
    const withAmount = sql<{ n: string; a: number }>(
      `SELECT number AS n, amount_fen AS a FROM cases WHERE case_type = '民初' AND received_on BETWEEN '2025-06-01' AND '2025-06-30' AND amount_fen IS NOT NULL LIMIT 1`,
    )[0]!;
    const cell = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((x) => x.getCell(1).value === withAmount.n)!;
    expect(cell.getCell(3).value).toBe(withAmount.a / 100);
    expect(cell.getCell(3).numFmt).toBe('#,##0.00"元"');
  });

  it('refuses a register the caller may not read', async () => {
    // the fast-track docket is read by the court's staff, not by the administrator (core/docket/meta.ts)
    const e = await h.fail('lists.export', { what: 'docket' }, admin);
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toBe('无权导出速裁案件列表');
    const bad = await h.fail('lists.export', { what: 'nothing' }, clerk);
    expect(bad.code).toBe('VALIDATION');
  });
});
