import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { civilFirstInstance } from '../../test/fixtures';
import { verifyDatabase } from '../audit/verify';
import { caseCodeForId } from '../cases/caseCode';
import { findCause } from '../causes/catalogue';
import { parseCaseNumber } from '../numbering/caseNumber';
import { phoneProblem, residentIdInfo, residentIdProblem, usccProblem } from '../parties/identity';
import { CaseGenerator, DaySchedule, personName, Rng, seedCases, uscc } from '.';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const TODAY = '2026-11-23';

async function desk() {
  h = createHarness();
  const admin = await setUpCourt(h);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  return { h, clerk };
}

type Row = Record<string, unknown>;
const all = (h: Harness, sql: string, ...params: unknown[]) => h.core.sqlite.prepare(sql).all(...params) as Row[];

describe('seed data generator', () => {
  it('draws realistic names: weighted surnames, about 15% two-character names, rare characters', () => {
    const rng = new Rng(42);
    const names = Array.from({ length: 20_000 }, () => personName(rng, rng.chance(0.5) ? 'male' : 'female'));
    const twoChar = names.filter((n) => [...n].length === 2).length / names.length;
    expect(twoChar).toBeGreaterThan(0.12);
    expect(twoChar).toBeLessThan(0.18);
    expect(names.filter((n) => n.startsWith('陈')).length).toBeGreaterThan(names.filter((n) => n.startsWith('邵')).length * 5);
    expect(names.some((n) => /[\u{20000}-\u{3ffff}]/u.test(n))).toBe(true); // astral characters such as 𠀾
    expect(names.some((n) => /[\u3400-\u4dbf]/.test(n))).toBe(true); // Ext-A such as 㛃
  });

  it('makes valid USCCs and is reproducible', () => {
    const a = new Rng(9);
    const codes = Array.from({ length: 2000 }, () => uscc(a, a.chance(0.8) ? '91' : '92'));
    for (const code of codes) expect(usccProblem(code), code).toBeNull();
    const b = new Rng(9);
    expect(Array.from({ length: 2000 }, () => uscc(b, b.chance(0.8) ? '91' : '92'))).toEqual(codes);
  });

  it('spreads receipts over the years in order, on working days', () => {
    const schedule = new DaySchedule('2021-01-01', TODAY);
    const days = Array.from({ length: 5000 }, (_v, i) => schedule.at((i + 0.5) / 5000));
    expect(days.map((d) => d.day + d.time)).toEqual([...days.map((d) => d.day + d.time)].sort());
    expect(days[0]!.day.slice(0, 4)).toBe('2021');
    expect(days.at(-1)!.day.slice(0, 7)).toBe('2026-11');
    const weekend = days.filter((d) => [0, 6].includes(new Date(`${d.day}T00:00:00Z`).getUTCDay())).length;
    expect(weekend / days.length).toBeLessThan(0.05);
    // 2026-10-01 … 10-08 is the National Day holiday
    expect(days.filter((d) => d.day >= '2026-10-01' && d.day <= '2026-10-07').length).toBeLessThan(5);
  });

  it('generates the same cases from the same seed', () => {
    const make = () => {
      const g = new CaseGenerator({ seed: 5, cases: 100, nowIso: '2026-11-23T09:00:00.000+08:00' });
      const s = new DaySchedule('2021-01-01', TODAY);
      return Array.from({ length: 100 }, (_v, i) => g.next(s.at((i + 0.5) / 100)));
    };
    expect(make()).toEqual(make());
  });
});

describe('seedCases', () => {
  it('refuses a court that has not been set up', () => {
    h = createHarness();
    expect(() => seedCases(h!.core, { cases: 10 })).toThrow(/尚未完成首次设置/);
  });

  it('writes 500 cases as filing would: valid identities, gapless numbers per type and year, causes by date, one audit row', async () => {
    const { h } = await desk();
    const report = seedCases(h.core, { cases: 500, seed: 3, batchSize: 120 });
    expect(report.cases).toBe(500);
    expect(report.firstCaseId).toBe(1);
    expect(report.lastCaseId).toBe(500);

    // identities
    const people = all(h, `SELECT * FROM parties`);
    expect(people.length).toBe(report.parties.created);
    for (const p of people) {
      if (p.id_type === 'resident') {
        expect(residentIdProblem(p.id_number as string, TODAY), p.id_number as string).toBeNull();
        const info = residentIdInfo(p.id_number as string);
        expect([p.sex, p.birth_date]).toEqual([info.sex, info.birthDate]);
      } else {
        expect(p.id_type).toBe('uscc');
        expect(usccProblem(p.id_number as string), p.id_number as string).toBeNull();
        expect(p.representative).toBeTruthy();
      }
      if (p.phone !== null) expect(phoneProblem(p.phone as string), p.phone as string).toBeNull();
    }
    for (const a of all(h, `SELECT * FROM case_agents`)) {
      if (a.id_number) expect(residentIdProblem(a.id_number as string, TODAY)).toBeNull();
      if (a.kind === 'lawyer') expect([a.organisation, a.license_no].every(Boolean)).toBe(true);
    }
    // returning parties: about a fifth of the seats, some people in several cases
    expect(report.parties.reused / report.caseParties).toBeGreaterThan(0.1);
    expect(all(h, `SELECT party_id FROM case_parties GROUP BY party_id HAVING count(*) > 1`).length).toBeGreaterThan(10);

    // numbers: serial 1..n per type and year, in order of receipt, and the sequences agree
    const series = all(
      h,
      `SELECT case_type, number_year, count(*) AS n, min(number_serial) AS lo, max(number_serial) AS hi FROM cases GROUP BY 1, 2`,
    );
    expect(series.length).toBeGreaterThan(20);
    for (const s of series) expect([s.lo, s.hi]).toEqual([1, s.n]);
    const sequences = all(h, `SELECT type_code, year, last_serial FROM number_sequences`);
    for (const s of series) {
      const type = s.case_type === '调登' ? '调登〔#〕#' : s.case_type;
      expect(sequences.find((q) => q.type_code === type && q.year === s.number_year)?.last_serial).toBe(s.n);
    }
    const ordered = all(h, `SELECT case_type, number_year, number_serial, received_on FROM cases ORDER BY id`);
    for (const t of new Set(ordered.map((c) => `${c.case_type}${c.number_year}`))) {
      const serials = ordered.filter((c) => `${c.case_type}${c.number_year}` === t).map((c) => c.number_serial);
      expect(serials).toEqual(serials.map((_v, i) => i + 1));
    }
    for (const c of all(h, `SELECT * FROM cases`)) {
      expect(c.code).toBe(caseCodeForId(c.id as number));
      if (c.case_type === '调登') expect(c.number).toMatch(/^调登〔\d{4}〕\d{4}$/);
      else
        expect(parseCaseNumber(c.number as string)).toMatchObject({
          year: c.number_year,
          typeCode: c.case_type,
          serial: c.number_serial,
          courtCode: '浙0522',
        });
      if (c.case_type === '民诉前调') expect((c.received_on as string) <= '2024-12-31').toBe(true);
      if ((c.received_on as string) >= '2026-01-01') {
        expect([c.cause_revision, c.cause_needs_review]).toEqual(['2025', 0]);
        expect(findCause('2025', c.cause_no as string)?.name).toBe(c.cause_name);
      } else {
        expect([c.cause_revision, c.cause_no, c.cause_needs_review]).toEqual(['2020', null, 1]);
      }
      if (c.case_type === '民督' || c.case_type === '财保') expect(c.amount_fen).toBeGreaterThan(0);
      if (c.case_type === '民初') expect(c.claims).toMatch(/诉讼费用由被告承担/);
    }
    expect(new Set(ordered.map((c) => c.case_type))).toEqual(new Set(['民初', '民特', '民督', '财保', '调登', '民诉前调']));

    // one timeline event per case, one audit row for the run, and the chain verifies
    expect(all(h, `SELECT count(*) AS n FROM case_events WHERE kind = 'filed'`)[0]!.n).toBe(500);
    const audit = all(h, `SELECT * FROM audit_log WHERE operation = 'seed.cases'`);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after as string)).toMatchObject({ cases: 500, seed: 3, firstCaseId: 1, lastCaseId: 500 });
    expect(verifyDatabase(h.core.sqlite)).toMatchObject({ ok: true, foreignKeyViolations: 0 });
  });

  it('seeded cases are found by cases.search, open in the case view, and real filings continue the series', async () => {
    const { h, clerk } = await desk();
    seedCases(h.core, { cases: 500, seed: 11 });
    const search = async (q: string) => (await h.call('cases.search', { q, limit: 100 }, clerk)).rows.map((r) => r.id);

    const pick = (sql: string) => all(h, sql)[0]!;
    const twoChar = pick(`SELECT p.name, cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
      WHERE p.kind = 'person' AND length(p.name) = 2 ORDER BY cp.case_id DESC LIMIT 1`);
    expect(await search(twoChar.name as string)).toContain(twoChar.case_id);
    const person = pick(`SELECT p.id_number, p.phone, cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id
      WHERE p.id_type = 'resident' AND p.phone LIKE '1%' ORDER BY cp.case_id DESC LIMIT 1`);
    expect(await search(person.id_number as string)).toContain(person.case_id);
    expect(await search((person.id_number as string).slice(-6))).toContain(person.case_id);
    expect(await search(person.phone as string)).toContain(person.case_id);
    const org = pick(
      `SELECT p.id_number, cp.case_id FROM parties p JOIN case_parties cp ON cp.party_id = p.id WHERE p.id_type = 'uscc' ORDER BY cp.case_id DESC LIMIT 1`,
    );
    expect(await search(org.id_number as string)).toContain(org.case_id);
    const c = pick(`SELECT id, number, code, number_serial FROM cases WHERE case_type = '民初' ORDER BY id DESC LIMIT 1`);
    expect(await search(`民初${c.number_serial}`)).toContain(c.id);
    expect(await search(c.number as string)).toEqual([c.id]);
    expect(await search((c.code as string).toLowerCase())).toEqual([c.id]);

    const view = await h.call('cases.get', { number: c.number as string }, clerk);
    expect(view.parties.length).toBeGreaterThanOrEqual(2);
    expect(view.cause.revision).toMatch(/^20(20|25)$/);
    expect(view.timeline).toEqual([expect.objectContaining({ kind: 'filed', actorName: '演示数据生成（court seed）' })]);

    // a real filing today continues 民初 and the centre register of 2026
    const last = (type: string) =>
      all(h, `SELECT max(number_serial) AS n FROM cases WHERE case_type = ? AND number_year = 2026`, type)[0]!.n as number;
    const civilBefore = last('民初');
    const registerBefore = last('调登');
    const filed = await h.call('cases.file', civilFirstInstance() as never, clerk);
    expect(filed.number).toBe(`（2026）浙0522民初${civilBefore + 1}号`);
    const registered = await h.call(
      'cases.file',
      {
        caseType: '调登',
        receivedOn: TODAY,
        parties: civilFirstInstance().parties.map((p, i) => ({ ...p, role: i === 0 ? '申请人' : '被申请人' })),
        cause: { revision: '2025', no: '126' },
      } as never,
      clerk,
    );
    expect(registered.number).toBe(`调登〔2026〕${String(registerBefore + 1).padStart(4, '0')}`);
    expect(filed.id).toBe(501);
    expect(verifyDatabase(h.core.sqlite).ok).toBe(true);
  });

  it('search: exact two-character names before longer ones, whole IDs and phones through the party indexes', async () => {
    const { h, clerk } = await desk();
    seedCases(h.core, { cases: 200, seed: 4 });
    const older = await h.call('cases.file', civilFirstInstance() as never, clerk); // 张三 v 李四
    const zhangSanFeng = {
      ...civilFirstInstance().parties[0]!.party,
      name: '张三丰',
      idNumber: '33052219800101039X',
      phone: '0572-6021234',
    };
    const newer = await h.call(
      'cases.file',
      civilFirstInstance({ parties: [{ role: '原告', party: zhangSanFeng }, civilFirstInstance().parties[1]] }) as never,
      clerk,
    );
    const search = async (q: string) => (await h.call('cases.search', { q, limit: 100 }, clerk)).rows.map((r) => r.id);
    const hits = await search('张三');
    expect(hits.indexOf(older.id)).toBeLessThan(hits.indexOf(newer.id)); // 张三 first although 张三丰's case is newer
    expect(await search('张三丰')).toEqual([newer.id]);
    // typed with spaces, full-width digits and a lower-case x: the party index still finds the whole ID
    expect(await search('330522 19800101 039x')).toEqual([newer.id]);
    expect(await search('３３０５２２１９８００１０１０３９Ｘ')).toEqual([newer.id]);
    expect(await search('0572-6021234')).toEqual([newer.id]);
    // a whole number that no party has still gets the substring search (and finds nothing here)
    expect(await search('330522190001010000')).toEqual([]);
  });

  it('is deterministic: the same seed on a fresh court writes the same rows', async () => {
    const digest = async () => {
      const hh = createHarness();
      try {
        await setUpCourt(hh);
        seedCases(hh.core, { cases: 200, seed: 77 });
        const rows = hh.core.sqlite
          .prepare(
            `SELECT c.number, c.code, c.cause_name, c.amount_fen, c.claims, c.created_at, p.name, p.id_number, p.phone, p.address, cp.role
             FROM cases c JOIN case_parties cp ON cp.case_id = c.id JOIN parties p ON p.id = cp.party_id ORDER BY cp.id`,
          )
          .all();
        return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
      } finally {
        hh.close();
      }
    };
    expect(await digest()).toBe(await digest());
  });
});
