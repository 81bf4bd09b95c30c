import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';
import {
  civilFirstInstance,
  clerkAndPrinter,
  COMPANY,
  fileCivil,
  fileConfirmation,
  LI_SI,
  RARE,
  residentId,
  ZHANG_SAN,
} from '../../test/fixtures';
import { verifyDatabase } from '../audit/verify';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

async function desk() {
  h = createHarness();
  const admin = await setUpCourt(h);
  return { h, admin, ...(await clerkAndPrinter(h, admin)) };
}

const WRITTEN_TABLES = ['cases', 'parties', 'case_parties', 'case_agents', 'case_events', 'audit_log', 'number_sequences', 'case_search'];
function snapshot(h: Harness) {
  return Object.fromEntries(WRITTEN_TABLES.map((t) => [t, countRows(h.core, t)]));
}

describe('counter filing', () => {
  it('files a 民初 case: 案号, code, parties with derived sex and birth date, cause with its revision, timeline', async () => {
    const { h, clerk } = await desk();
    const c = await fileCivil(h, clerk);
    expect(c.number).toBe('（2026）浙0522民初1号');
    expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{9}$/);
    expect(c.status).toBe('已立案');
    expect(c.cause).toEqual({ revision: '2025', no: '108.3', name: '民间借贷纠纷', needsReview: false });
    expect(c.amountFen).toBe(15_000_000);
    expect(c.parties.map((p) => [p.role, p.party.name])).toEqual([
      ['原告', '张三'],
      ['被告', '李四'],
    ]);
    expect(c.parties[0]!.party).toMatchObject({ sex: 'male', birthDate: '1985-03-12', ethnicity: '汉族', idNumber: ZHANG_SAN.idNumber });
    expect(c.timeline).toEqual([
      expect.objectContaining({ kind: 'filed', summary: '民事一审立案，编号 （2026）浙0522民初1号', actorName: '李书记（clerk1）' }),
    ]);
    expect(verifyDatabase(h.core.sqlite).ok).toBe(true);
  });

  it('files a 民特 case and a centre register entry in their own series', async () => {
    const { h, clerk } = await desk();
    const special = await fileConfirmation(h, clerk);
    expect(special.number).toBe('（2026）浙0522民特1号');
    expect(special.cause.name).toBe('申请司法确认调解协议');
    const reg = await h.call(
      'cases.file',
      { caseType: '调登', receivedOn: '2026-11-23', parties: [{ role: '申请人', party: LI_SI }], cause: { revision: '2025', no: '126' } },
      clerk,
    );
    expect(reg.number).toBe('调登〔2026〕0001');
    expect(reg.status).toBe('已登记');
  });

  it('reuses a returning party found by ID number and keeps the old contact details as history', async () => {
    const { h, clerk } = await desk();
    const first = await fileCivil(h, clerk);
    const second = await fileCivil(h, clerk, {
      parties: [
        { role: '原告', party: { ...ZHANG_SAN, phone: '13800001111' } },
        { role: '被告', partyId: first.parties[1]!.party.id },
      ],
    });
    expect(second.parties[0]!.party.id).toBe(first.parties[0]!.party.id);
    expect(second.parties[0]!.party.phone).toBe('13800001111');
    expect(second.parties[0]!.party.revision).toBe(2);
    expect(countRows(h.core, 'parties')).toBe(2);
    // the older case is found by the new phone number too
    expect((await h.call('cases.search', { q: '13800001111' }, clerk)).rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    const history = await h.call('parties.history', { id: first.parties[0]!.party.id }, clerk);
    expect(history).toEqual([
      expect.objectContaining({
        revision: 1,
        reason: '立案时当事人提供的新信息',
        before: expect.objectContaining({ phone: '13905721234' }),
      }),
    ]);
  });

  it.each([
    [
      'wrong ID check digit',
      {
        parties: [
          {
            role: '原告',
            party: { ...ZHANG_SAN, idNumber: ZHANG_SAN.idNumber.slice(0, 17) + (ZHANG_SAN.idNumber[17] === '1' ? '2' : '1') },
          },
          { role: '被告', party: LI_SI },
        ],
      },
      'parties.0.party.idNumber',
      /校验位错误/,
    ],
    [
      'birth date in the future',
      {
        parties: [
          { role: '原告', party: { ...ZHANG_SAN, idNumber: residentId('330522', '20300101', '123') } },
          { role: '被告', party: LI_SI },
        ],
      },
      'parties.0.party.idNumber',
      /晚于今天/,
    ],
    [
      'USCC with an O',
      {
        parties: [
          { role: '原告', party: ZHANG_SAN },
          { role: '被告', party: { ...COMPANY, idNumber: '9135010OM000100Y43' } },
        ],
      },
      'parties.1.party.idNumber',
      /不使用字母 I、O、Z、S、V/,
    ],
    ['negative amount', { amountFen: -100 }, 'amountFen', /争议金额不能为负数/],
    ['missing cause', { cause: undefined }, 'cause', /请选择案由/],
    [
      'cause number not in the 2025 catalogue',
      { cause: { revision: '2025', no: '999' } },
      'cause',
      /案由编号 999 在 2025 年版案由规定中不存在/,
    ],
    ['no defendant', { parties: [{ role: '原告', party: ZHANG_SAN }] }, 'parties', /须至少有 1 名被告/],
    [
      'a role the type does not have',
      {
        parties: [
          { role: '原告', party: ZHANG_SAN },
          { role: '被告', party: LI_SI },
          { role: '申请人', party: RARE },
        ],
      },
      'parties.2.role',
      /没有“申请人”这一诉讼地位/,
    ],
    ['received in the future', { receivedOn: '2026-11-24' }, 'receivedOn', /不能晚于今天/],
    [
      'sex contradicting the ID',
      {
        parties: [
          { role: '原告', party: { ...ZHANG_SAN, sex: 'female' } },
          { role: '被告', party: LI_SI },
        ],
      },
      'parties.0.party.sex',
      /性别与身份证号码不符/,
    ],
    [
      'lawyer without licence number',
      {
        parties: [
          {
            role: '原告',
            party: ZHANG_SAN,
            agents: [{ kind: 'lawyer', name: '孙律师', organisation: '浙江某律师事务所', authority: 'general' }],
          },
          { role: '被告', party: LI_SI },
        ],
      },
      'parties.0.agents.0.licenseNo',
      /执业证号/,
    ],
  ])('refuses %s with the field named and writes nothing', async (_label, patch, field, message) => {
    const { h, clerk } = await desk();
    await fileCivil(h, clerk); // something already on file
    const before = snapshot(h);
    const err = await h.fail('cases.file', { ...civilFirstInstance(), ...patch }, clerk);
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.map((i) => i.field)).toContain(field);
    expect(err.issues?.find((i) => i.field === field)?.message).toMatch(message);
    expect(snapshot(h)).toEqual(before);
    // and the next number is not skipped
    expect((await fileCivil(h, clerk)).number).toBe('（2026）浙0522民初2号');
  });

  it('refuses a 2025 cause for a case received in 2025 and takes free text flagged for review', async () => {
    const { h, clerk } = await desk();
    h.clock.set('2026-11-23T09:00:00+08:00');
    const err = await h.fail('cases.file', civilFirstInstance({ receivedOn: '2025-06-01' }), clerk);
    expect(err).toMatchObject({ field: 'cause' });
    expect(err.message).toMatch(/适用 2020 年版案由规定/);
    const c = await fileCivil(h, clerk, { receivedOn: '2025-06-01', cause: { text: '民间借贷纠纷' } });
    expect(c.number).toBe('（2025）浙0522民初1号');
    expect(c.cause).toEqual({ revision: '2020', no: null, name: '民间借贷纠纷', needsReview: true });
  });

  it('only counter roles may file; print staff see ID numbers masked', async () => {
    const { h, clerk, printer } = await desk();
    expect((await h.fail('cases.file', civilFirstInstance(), printer)).code).toBe('FORBIDDEN');
    const c = await fileCivil(h, clerk);
    const seenByPrint = await h.call('cases.get', { id: c.id }, printer);
    expect(seenByPrint.parties[0]!.party.idNumber).toMatch(/^330522\*{8}\d{3}[\dX]$/);
    expect(seenByPrint.parties[0]!.party.idMasked).toBe(true);
    const seenByClerk = await h.call('cases.get', { code: c.code.toLowerCase() }, clerk);
    expect(seenByClerk.parties[0]!.party.idNumber).toBe(ZHANG_SAN.idNumber);
  });
});

describe('search and links', () => {
  it('finds a case by 案号 (full, half-width or part), two-character name, ID number, USCC, phone and code', async () => {
    const { h, clerk } = await desk();
    const a = await fileCivil(h, clerk);
    const b = await fileCivil(h, clerk, {
      parties: [
        { role: '原告', party: COMPANY },
        { role: '被告', party: RARE },
      ],
      cause: { revision: '2025', no: '126' },
    });
    const ids = async (q: string) => (await h.call('cases.search', { q }, clerk)).rows.map((r) => r.id);
    expect(await ids('（2026）浙0522民初1号')).toEqual([a.id]);
    expect(await ids('(2026)浙0522民初2号')).toEqual([b.id]);
    expect(await ids('民初2')).toEqual([b.id]);
    expect(await ids('张三')).toEqual([a.id]);
    expect(await ids('王㛃𠀾')).toEqual([b.id]);
    expect(await ids(ZHANG_SAN.idNumber.toLowerCase())).toEqual([a.id]);
    expect(await ids(ZHANG_SAN.idNumber.slice(-6))).toEqual([a.id]);
    expect(await ids('91350100M000100Y43')).toEqual([b.id]);
    expect(await ids('13905721234')).toEqual([a.id]);
    expect(await ids(b.code)).toEqual([b.id]);
    expect(await ids('物业服务')).toEqual([b.id]);
    expect(await ids('浙0522民初')).toEqual([b.id, a.id]);
    const rows = (await h.call('cases.search', { q: '张三' }, clerk)).rows;
    expect(rows[0]).toMatchObject({ number: a.number, partiesText: '张三 — 李四', causeName: '民间借贷纠纷' });
  });

  it('a party correction updates search and the timelines of the party’s cases', async () => {
    const { h, clerk } = await desk();
    const a = await fileCivil(h, clerk);
    const lisi = a.parties[1]!.party;
    await h.call('parties.correct', { id: lisi.id, party: { ...LI_SI, name: '李思' }, reason: '身份证登记姓名为李思' }, clerk);
    expect((await h.call('cases.search', { q: '李思' }, clerk)).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await h.call('cases.search', { q: '李四' }, clerk)).rows).toEqual([]);
    const view = await h.call('cases.get', { id: a.id }, clerk);
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'party.corrected', summary: '更正当事人“李四”的信息：身份证登记姓名为李思' });
  });

  it('links a converted case both ways', async () => {
    const { h, clerk } = await desk();
    const reg = await h.call(
      'cases.file',
      {
        caseType: '调登',
        receivedOn: '2026-11-23',
        parties: [{ role: '申请人', party: ZHANG_SAN }],
        cause: { revision: '2025', no: '108.3' },
      },
      clerk,
    );
    const filed = await fileCivil(h, clerk);
    await h.call('cases.link', { fromId: reg.id, toId: filed.id, kind: 'converted', note: '调解不成转立案' }, clerk);
    const from = await h.call('cases.get', { id: reg.id }, clerk);
    const to = await h.call('cases.get', { id: filed.id }, clerk);
    expect(from.links).toEqual([
      expect.objectContaining({ kind: 'converted', direction: 'to', case: expect.objectContaining({ number: filed.number }) }),
    ]);
    expect(to.links).toEqual([
      expect.objectContaining({ kind: 'converted', direction: 'from', case: expect.objectContaining({ number: reg.number }) }),
    ]);
    expect((await h.fail('cases.link', { fromId: reg.id, toId: filed.id, kind: 'converted' }, clerk)).code).toBe('CONFLICT');
    expect((await h.fail('cases.link', { fromId: reg.id, toId: reg.id, kind: 'related' }, clerk)).field).toBe('toId');
  });
});

describe('party search for the filing form', () => {
  it('counts the cases each returning party appears in', async () => {
    const { h, clerk } = await desk();
    await fileCivil(h, clerk);
    await fileCivil(h, clerk, {
      parties: [
        { role: '原告', party: ZHANG_SAN },
        { role: '被告', party: RARE },
      ],
    });
    const found = await h.call('parties.search', { q: '张' }, clerk);
    expect(found).toEqual([expect.objectContaining({ name: '张三', caseCount: 2, idMasked: true })]);
    expect((await h.call('parties.search', { q: '李四' }, clerk))[0]?.caseCount).toBe(1);
  });
});
