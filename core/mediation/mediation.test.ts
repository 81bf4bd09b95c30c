import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { COMPANY, LI_SI, residentId, ZHANG_SAN, civilFirstInstance } from '../../test/fixtures';
import { agreementForConfirmation, onMediationFailed, type MediationFailedEvent } from './index';

let h: Harness;
let admin: string;
let coord: string;
let clerk: string;

beforeEach(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  admin = await setUpCourt(h);
  coord = await userToken(h, admin, 'coord', '周调解', ['mediation']);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
});
afterEach(() => h.close());

/** Moves the clock (days later: sessions have expired) and logs the coordinator and clerk in again. */
async function setClock(at: string) {
  h.clock.set(at);
  coord = (await h.call('auth.login', { username: 'coord', password: USER_PASSWORD })).token;
  clerk = (await h.call('auth.login', { username: 'clerk1', password: USER_PASSWORD })).token;
}

const REGION = '长兴县/雉城街道/明珠社区';

async function roster() {
  const village = await h.call(
    'mediation.saveOrg',
    { name: '明珠社区人民调解委员会', kind: 'people', level: 'village', region: REGION, activeFrom: '2026-01-01' },
    coord,
  );
  const town = await h.call(
    'mediation.saveOrg',
    { name: '雉城街道人民调解委员会', kind: 'people', level: 'town', region: '长兴县/雉城街道', activeFrom: '2026-01-01' },
    coord,
  );
  const county = await h.call(
    'mediation.saveOrg',
    { name: '长兴县婚姻家庭纠纷调解委员会', kind: 'industry', level: 'county', region: '长兴县', activeFrom: '2026-01-01' },
    coord,
  );
  const add = (name: string, orgId: number, extra: Record<string, unknown> = {}) =>
    h.call(
      'mediation.saveMediator',
      { name, kind: 'invited', orgId, fields: [], regions: [], capacity: 5, activeFrom: '2026-01-01', ...extra } as never,
      coord,
    );
  const chen = await add('陈村调', village.id);
  const wu = await add('吴镇调', town.id, { fields: ['合同纠纷'] });
  const zheng = await add('郑县调', county.id, { fields: ['婚姻家庭纠纷'] });
  return { village, town, county, chen, wu, zheng };
}

async function delegatedCase(
  parties: { role: string; party: object }[] = [
    { role: '申请人', party: ZHANG_SAN },
    { role: '被申请人', party: LI_SI },
  ],
) {
  return h.call(
    'cases.file',
    {
      caseType: '调登',
      receivedOn: '2026-12-02',
      parties,
      cause: { revision: '2025', no: '108.3' },
      amountFen: 5_000_000,
      claims: '请求被申请人归还借款 5 万元',
      materials: ['调解申请书'],
    } as never,
    clerk,
  );
}

async function openDelegated() {
  const c = await delegatedCase();
  const applicant = c.parties[0]!.party.id;
  return h.call(
    'mediation.open',
    { caseId: c.id, flow: 'delegated', region: REGION, consents: [{ partyId: applicant, answer: 'agree', on: '2026-12-02' }] },
    clerk,
  );
}

describe('rosters', () => {
  it('refuses a mediator of an unknown organisation, naming the field, and writes nothing', async () => {
    const before = countRows(h.core, 'audit_log');
    const e = await h.fail(
      'mediation.saveMediator',
      { name: '甲', kind: 'invited', orgId: 99, capacity: 3, activeFrom: '2026-01-01' },
      coord,
    );
    expect(e.field).toBe('orgId');
    expect(e.message).toContain('所属调解组织不存在');
    expect(countRows(h.core, 'mediators')).toBe(0);
    expect(countRows(h.core, 'audit_log')).toBe(before);
  });

  it('takes specialist fields only from the causes of action', async () => {
    const { village } = await roster();
    const e = await h.fail(
      'mediation.saveMediator',
      { name: '乙', kind: 'invited', orgId: village.id, fields: ['家长里短'], capacity: 3, activeFrom: '2026-01-01' },
      coord,
    );
    expect(e.field).toBe('fields.0');
  });

  it('deactivation keeps the mediator and its history, only hides it from the active roster', async () => {
    const { chen } = await roster();
    await h.call('mediation.deactivate', { what: 'mediator', id: chen.id, lastDay: '2026-12-01' }, coord);
    const active = await h.call('mediation.listMediators', {}, coord);
    expect(active.map((m) => m.name)).not.toContain('陈村调');
    const all = await h.call('mediation.listMediators', { includeInactive: true }, coord);
    expect(all.find((m) => m.id === chen.id)).toMatchObject({ active: false, activeTo: '2026-12-01' });
  });

  it('imports a roster sheet and reports every refused row with its reason', async () => {
    const wb = new ExcelJS.Workbook();
    const orgs = wb.addWorksheet('调解组织');
    orgs.addRow(['名称', '类别', '层级', '覆盖区域', '联系人', '联系电话', '入册日期']);
    orgs.addRow(['画溪街道人民调解委员会', '人民调解委员会', '乡镇（街道）', '长兴县/画溪街道', '孙主任', '0572-6000001', '2026-03-01']);
    orgs.addRow(['', '人民调解委员会', '乡镇（街道）', '长兴县/画溪街道', '', '', '2026-03-01']);
    const meds = wb.addWorksheet('调解员');
    meds.addRow(['姓名', '类别', '所属组织', '擅长领域', '服务区域', '承办上限', '身份证号码', '联系电话', '入册日期']);
    meds.addRow([
      '钱调解',
      '特邀调解员',
      '画溪街道人民调解委员会',
      '婚姻家庭纠纷、物业服务合同纠纷',
      '长兴县/画溪街道',
      6,
      '',
      '13900000001',
      '2026-03-01',
    ]);
    meds.addRow(['赵调解', '特邀调解员', '不存在的委员会', '', '', 6, '', '', '2026-03-01']);
    meds.addRow(['孙调解', '专职调解员', '', '', '', 0, '', '', '2026-03-01']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await h.call('mediation.importRoster', { fileBase64: buf.toString('base64') }, coord);
    expect(r).toMatchObject({ orgs: 1, mediators: 1, imported: 2 });
    expect(r.refused).toEqual([
      { sheet: '调解组织', row: 3, field: '名称/姓名', message: '调解组织名称不能为空' },
      { sheet: '调解员', row: 3, field: '所属组织', message: '所属组织“不存在的委员会”不在名册中' },
      { sheet: '调解员', row: 4, field: '承办上限', message: '同时承办上限不能小于 1' },
    ]);
    const list = await h.call('mediation.listMediators', {}, coord);
    expect(list[0]).toMatchObject({ name: '钱调解', fields: ['婚姻家庭纠纷', '物业服务合同纠纷'], orgName: '画溪街道人民调解委员会' });
  });
});

describe('intake and consent', () => {
  it('refuses a mediation with no recorded consent, naming the field, and writes nothing', async () => {
    const c = await delegatedCase();
    const audits = countRows(h.core, 'audit_log');
    const e = await h.fail('mediation.open', { caseId: c.id, flow: 'delegated', consents: [] }, clerk);
    expect(e.field).toBe('consents');
    expect(countRows(h.core, 'mediations')).toBe(0);
    expect(countRows(h.core, 'audit_log')).toBe(audits);
  });

  it('refuses a 委托 on a case that is not 民初 (flow named)', async () => {
    const c = await delegatedCase();
    const e = await h.fail(
      'mediation.open',
      {
        caseId: c.id,
        flow: 'entrusted',
        procedure: 'ordinary',
        consents: [{ partyId: c.parties[0]!.party.id, answer: 'agree', on: '2026-12-02' }],
      },
      clerk,
    );
    expect(e.field).toBe('flow');
  });

  it('a party who insists on suing is filed at once: a 民初 case, linked as converted, with the next 案号', async () => {
    const c = await delegatedCase();
    const m = await h.call(
      'mediation.open',
      { caseId: c.id, flow: 'delegated', consents: [{ partyId: c.parties[0]!.party.id, answer: 'sue', on: '2026-12-02' }] },
      clerk,
    );
    expect(m.status).toBe('converted');
    expect(m.convertedCase?.number).toBe('（2026）浙0522民初1号');
    const filed = await h.call('cases.get', { id: m.convertedCase!.id }, clerk);
    expect(filed.parties.map((p) => [p.role, p.party.name])).toEqual([
      ['原告', '张三'],
      ['被告', '李四'],
    ]);
    const reg = await h.call('cases.get', { id: c.id }, clerk);
    expect(reg.links).toEqual([
      expect.objectContaining({ kind: 'converted', direction: 'to', case: expect.objectContaining({ number: '（2026）浙0522民初1号' }) }),
    ]);
    const next = await h.call('cases.file', civilFirstInstance({ receivedOn: '2026-12-02' }) as never, clerk);
    expect(next.number).toBe('（2026）浙0522民初2号');
  });
});

describe('periods and limits', () => {
  it('a 委派 runs 30 days from signing for the materials; a last day on 元旦 rolls to the next working day', async () => {
    const { chen } = await roster();
    const m = await openDelegated();
    expect(m.limits.assignDue).toBe('2026-12-07'); // 3 working days (Wed → Mon)
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'appointed' }, coord);
    const accepted = await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    expect(accepted.dueOn).toBe('2027-01-04'); // 2027-01-01 is 元旦 (Friday), then a weekend
    expect(accepted.periodBasis).toContain('特邀调解');
    expect(accepted.limits.contactDue).toBe('2026-12-07');
  });

  it('a 委托 on a 民初 case: 7 days (simplified) or 15 (ordinary); the +30 extension needs both parties’ recorded consent', async () => {
    const { chen } = await roster();
    const c = await h.call('cases.file', civilFirstInstance({ receivedOn: '2026-12-02' }) as never, clerk);
    const [p1, p2] = c.parties.map((p) => p.party.id);
    const m = await h.call(
      'mediation.open',
      { caseId: c.id, flow: 'entrusted', procedure: 'simplified', consents: [{ partyId: p1!, answer: 'agree', on: '2026-12-02' }] },
      clerk,
    );
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'appointed' }, coord);
    const a = await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    expect(a.dueOn).toBe('2026-12-09');
    await h.call(
      'mediation.recordConsent',
      { mediationId: m.id, subject: 'extension', partyId: p1!, answer: 'agree', on: '2026-12-02' },
      coord,
    );
    const e = await h.fail('mediation.extend', { mediationId: m.id }, coord);
    expect(e.field).toBe('consents');
    expect(e.message).toContain('李四未同意');
    expect((await h.call('mediation.get', { id: m.id }, coord)).dueOn).toBe('2026-12-09');
    await h.call(
      'mediation.recordConsent',
      { mediationId: m.id, subject: 'extension', partyId: p2!, answer: 'agree', on: '2026-12-02' },
      coord,
    );
    const x = await h.call('mediation.extend', { mediationId: m.id }, coord);
    expect(x.baseDueOn).toBe('2026-12-09');
    expect(x.dueOn).toBe('2027-01-08');
  });

  it('warnings follow the clock: due within two days, due today, then overdue and escalated', async () => {
    const { chen } = await roster();
    const m = await openDelegated();
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'appointed' }, coord);
    // accept due 2026-12-07 (3 working days after Wed 12-02)
    let w = await h.call('mediation.warnings', {}, coord);
    expect(w.rows).toEqual([]);
    await setClock('2026-12-05T09:00:00+08:00');
    w = await h.call('mediation.warnings', {}, coord);
    expect(w.rows).toEqual([expect.objectContaining({ limit: 'accept', tier: 'soon', due: '2026-12-07', mediatorName: '陈村调' })]);
    await setClock('2026-12-07T09:00:00+08:00');
    expect((await h.call('mediation.warnings', {}, coord)).rows[0]).toMatchObject({ tier: 'today', escalate: false });
    await setClock('2026-12-08T09:00:00+08:00');
    w = await h.call('mediation.warnings', { mediatorId: chen.id }, coord);
    expect(w.rows[0]).toMatchObject({ tier: 'overdue', tierLabel: '已超期', escalate: true });
    expect(w.counts).toEqual({ overdue: 1, today: 0, soon: 0 });
  });

  it('response limits are dated settings: a later change does not move a limit already computed', async () => {
    await h.call(
      'mediation.saveSettings',
      {
        effectiveFrom: '2026-12-03',
        value: {
          assignWorkingDays: 1,
          acceptWorkingDays: 1,
          contactWorkingDays: 1,
          subsidies: {
            invited: { successFen: 60000, failureFen: 0 },
            staff: { successFen: 0, failureFen: 0 },
            lawyer: { successFen: 80000, failureFen: 0 },
          },
        },
      },
      coord,
    );
    const m = await openDelegated();
    expect(m.limits.assignDue).toBe('2026-12-07');
    await setClock('2026-12-03T09:00:00+08:00');
    const c2 = await delegatedCase([
      { role: '申请人', party: COMPANY },
      { role: '被申请人', party: LI_SI },
    ]);
    const m2 = await h.call(
      'mediation.open',
      { caseId: c2.id, flow: 'delegated', consents: [{ partyId: c2.parties[0]!.party.id, answer: 'agree', on: '2026-12-03' }] },
      clerk,
    );
    expect(m2.limits.assignDue).toBe('2026-12-04');
  });
});

describe('routing', () => {
  it('ranks deterministically with reasons: the lowest covering layer first, escalating after a decline', async () => {
    const { chen, wu } = await roster();
    const m = await openDelegated();
    const r1 = await h.call('mediation.recommend', { mediationId: m.id }, coord);
    const r2 = await h.call('mediation.recommend', { mediationId: m.id }, coord);
    expect(r1).toEqual(r2);
    // 民间借贷纠纷 (合同纠纷 group): 吴镇调 (town) has the field; the village mediator covers the region too.
    expect(r1.ranked.map((r) => r.name)).toEqual(['吴镇调', '陈村调', '郑县调']);
    expect(r1.ranked[0]!.reasons).toContain('擅长领域“合同纠纷”与案由相符');
    expect(r1.ranked[1]!.reasons.join()).toContain('村（社区）层级，服务区域覆盖当事人所在地');
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: wu.id, how: 'recommended' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: false, on: '2026-12-02', reason: '近期在外培训' }, coord);
    const r3 = await h.call('mediation.recommend', { mediationId: m.id }, coord);
    expect(r3.excluded).toEqual([{ mediatorId: wu.id, name: '吴镇调', reason: '已拒绝接受本案' }]);
    expect(r3.ranked.map((r) => r.name)).toEqual(['郑县调', '陈村调']); // the village and town layers declined: escalate to county
    expect(r3.ranked[1]!.warnings.join()).toContain('逐级上移');
    const v = await h.call('mediation.get', { id: m.id }, coord);
    expect(v.assignments).toEqual([expect.objectContaining({ mediatorName: '吴镇调', state: 'declined', reason: '近期在外培训' })]);
    void chen;
  });

  it('refuses a mediator who is a party (recusal) and one beyond capacity without a reason', async () => {
    const { village } = await roster();
    const self = await h.call(
      'mediation.saveMediator',
      { name: '张三', kind: 'invited', orgId: village.id, capacity: 1, idNumber: ZHANG_SAN.idNumber, activeFrom: '2026-01-01' },
      coord,
    );
    const busy = await h.call(
      'mediation.saveMediator',
      {
        name: '忙调解',
        kind: 'invited',
        orgId: village.id,
        capacity: 1,
        idNumber: residentId('330522', '19700101', '555'),
        activeFrom: '2026-01-01',
      },
      coord,
    );
    const m = await openDelegated();
    const e = await h.fail('mediation.assign', { mediationId: m.id, mediatorId: self.id, how: 'appointed' }, coord);
    expect(e.field).toBe('mediatorId');
    expect(e.message).toContain('应当回避');
    const r = await h.call('mediation.recommend', { mediationId: m.id }, coord);
    expect(r.excluded).toContainEqual({ mediatorId: self.id, name: '张三', reason: '应当回避：本人是本案当事人' });
    // fill 忙调解's capacity with another case
    const c2 = await delegatedCase([
      { role: '申请人', party: COMPANY },
      { role: '被申请人', party: LI_SI },
    ]);
    const m2 = await h.call(
      'mediation.open',
      { caseId: c2.id, flow: 'delegated', consents: [{ partyId: c2.parties[0]!.party.id, answer: 'agree', on: '2026-12-02' }] },
      clerk,
    );
    await h.call('mediation.assign', { mediationId: m2.id, mediatorId: busy.id, how: 'appointed' }, coord);
    const assignments = countRows(h.core, 'mediation_assignments');
    const f = await h.fail('mediation.assign', { mediationId: m.id, mediatorId: busy.id, how: 'appointed' }, coord);
    expect(f.field).toBe('overCapacityReason');
    expect(countRows(h.core, 'mediation_assignments')).toBe(assignments);
    const ok = await h.call(
      'mediation.assign',
      { mediationId: m.id, mediatorId: busy.id, how: 'appointed', overCapacityReason: '当事人点名要求' },
      coord,
    );
    expect(ok.assignments.at(-1)).toMatchObject({ overCapacityReason: '当事人点名要求' });
  });

  // Routing keeps the roster and the outcome figures in memory between calls (routingCache.ts); a coordinator who
  // has just changed the roster or recorded an outcome must see it in the very next recommendation.
  it('shows a roster change in the next recommendation: a new mediator, a changed field, a deactivation', async () => {
    const { town, chen, wu, zheng } = await roster();
    const m = await openDelegated();
    const names = async () => (await h.call('mediation.recommend', { mediationId: m.id }, coord)).ranked.map((r) => r.name);
    expect(await names()).toEqual(['吴镇调', '陈村调', '郑县调']);
    await h.call(
      'mediation.saveMediator',
      { name: '钱镇调', kind: 'staff', orgId: town.id, fields: ['民间借贷纠纷'], capacity: 5, activeFrom: '2026-01-01' },
      coord,
    );
    const r = await h.call('mediation.recommend', { mediationId: m.id }, coord);
    expect(r.ranked.map((x) => x.name)).toEqual(['吴镇调', '钱镇调', '陈村调', '郑县调']);
    expect(r.ranked[1]!.reasons).toContain('擅长领域“民间借贷纠纷”与案由相符');
    // 吴镇调 loses the field: the new town mediator now leads
    await h.call(
      'mediation.saveMediator',
      { id: wu.id, name: '吴镇调', kind: 'invited', orgId: town.id, fields: [], capacity: 5, activeFrom: '2026-01-01' },
      coord,
    );
    expect(await names()).toEqual(['钱镇调', '陈村调', '吴镇调', '郑县调']);
    await h.call('mediation.deactivate', { what: 'mediator', id: zheng.id, lastDay: '2026-12-01' }, coord);
    expect(await names()).toEqual(['钱镇调', '陈村调', '吴镇调']);
    // assigning by the recommendation records the mediator's place and its reasons as they stand now
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'recommended' }, coord);
    const stored = h.core.sqlite.prepare(`SELECT reasons FROM mediation_assignments WHERE mediation_id = ?`).pluck().get(m.id) as string;
    expect(JSON.parse(stored)).toEqual(['推荐第 2 位', '村（社区）层级，服务区域覆盖当事人所在地', '在办 0 件 / 上限 5 件']);
  });

  it('shows a recorded outcome and the load in the next recommendation', async () => {
    const { chen } = await roster();
    const m = await openDelegated();
    const chenIn = async () => (await h.call('mediation.recommend', { mediationId: m.id }, coord)).ranked.find((r) => r.name === '陈村调')!;
    expect(await chenIn()).toMatchObject({ load: 0, successRate: null });
    const other = await delegatedCase([
      { role: '申请人', party: COMPANY },
      { role: '被申请人', party: LI_SI },
    ]);
    const m2 = await h.call(
      'mediation.open',
      {
        caseId: other.id,
        flow: 'delegated',
        region: REGION,
        consents: [{ partyId: other.parties[0]!.party.id, answer: 'agree', on: '2026-12-02' }],
      },
      clerk,
    );
    await h.call('mediation.assign', { mediationId: m2.id, mediatorId: chen.id, how: 'appointed' }, coord);
    await h.call('mediation.respond', { mediationId: m2.id, accept: true, on: '2026-12-02' }, coord);
    expect(await chenIn()).toMatchObject({ load: 1, successRate: null });
    await h.call('mediation.recordFailure', { mediationId: m2.id, reason: 'too-far-apart', on: '2026-12-02', fileNow: false }, coord);
    const after = await chenIn();
    expect(after).toMatchObject({ load: 0, successRate: 0 });
    expect(after.reasons).toContain('近一年调解成功率 0%（1 件）');
  });
});

describe('outcomes', () => {
  it('an agreement sent on to confirmation hands the parties, organisation, mediator, date and terms over', async () => {
    const { chen } = await roster();
    const m = await openDelegated();
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'joint' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    await h.call('mediation.recordContact', { mediationId: m.id, on: '2026-12-02' }, coord);
    const e = await h.fail(
      'mediation.recordAgreement',
      {
        mediationId: m.id,
        terms: ['李四于 2026 年 12 月 31 日前归还张三借款 50,000 元'],
        signedOn: '2026-12-02',
        signatories: ['张三'],
        closing: 'confirmation',
      },
      coord,
    );
    expect(e.field).toBe('signatories');
    const done = await h.call(
      'mediation.recordAgreement',
      {
        mediationId: m.id,
        terms: ['李四于 2026 年 12 月 31 日前归还张三借款 50,000 元', '双方再无其他争议'],
        signedOn: '2026-12-02',
        signatories: ['张三', '李四'],
        closing: 'confirmation',
      },
      coord,
    );
    expect(done).toMatchObject({ status: 'closed', closing: 'confirmation' });
    const handOff = agreementForConfirmation(h.core.db, m.id);
    expect(handOff).toMatchObject({
      parties: [
        { role: '申请人', name: '张三' },
        { role: '被申请人', name: '李四' },
      ],
      organisation: { name: '明珠社区人民调解委员会', kind: 'people' },
      mediator: { name: '陈村调' },
      agreementDate: '2026-12-02',
      terms: ['李四于 2026 年 12 月 31 日前归还张三借款 50,000 元', '双方再无其他争议'],
    });
    expect(handOff.parties[0]!.partyId).toBe(m.parties[0]!.partyId);
  });

  it('an agreement goes to judicial confirmation in one action, its terms carried into the ruling', async () => {
    const { chen } = await roster();
    const m = await openDelegated();
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'joint' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    const terms = ['李四于 2026 年 12 月 31 日前归还张三借款 50,000 元', '双方再无其他争议'];
    const materials = {
      agreement: 'provided',
      mediationProof: 'provided',
      propertyProof: 'not_applicable',
      identity: 'provided',
      powerOfAttorney: 'not_applicable',
    } as const;
    const input = { mediationId: m.id, appliedOn: '2026-12-02', applicationForm: 'written', materials } as const;
    // no agreement yet: refused, nothing written
    const before = countRows(h.core, 'cases');
    const early = await h.fail('confirmation.applyFromMediation', input, clerk);
    expect(early.message).toContain('尚未达成调解协议');
    expect(countRows(h.core, 'cases')).toBe(before);
    await h.call(
      'mediation.recordAgreement',
      { mediationId: m.id, terms, signedOn: '2026-12-02', signatories: ['张三', '李四'], closing: 'confirmation' },
      coord,
    );
    const v = await h.call('confirmation.applyFromMediation', input, clerk);
    expect(v).toMatchObject({
      source: 'mediation',
      mediationId: m.id,
      applicants: [{ name: '张三' }, { name: '李四' }],
      agreement: {
        organisationKind: 'people',
        organisationName: '明珠社区人民调解委员会',
        organisationPlace: '长兴县雉城街道明珠社区',
        mediatorName: '陈村调',
        date: '2026-12-02',
        effectiveOn: '2026-12-02',
        terms,
      },
      fee: { feeFen: 0 },
    });
    expect(v.caseNumber).toMatch(/民特1号$/);
    // every party is a 申请人 of the joint application (no 被申请人)
    const c = await h.call('cases.get', { id: v.caseId }, clerk);
    expect(c.parties.map((p) => p.role)).toEqual(['申请人', '申请人']);
    expect(await h.call('confirmation.ofMediation', { mediationId: m.id }, coord)).toEqual({
      confirmation: { id: v.id, caseId: v.caseId, caseNumber: v.caseNumber },
      // 2026-12-02 + 30 days = 2027-01-01 (元旦) → rolls to the next working day
      window: {
        effectiveOn: '2026-12-02',
        due: expect.any(String),
        rolledFrom: '2027-01-01',
        basis: '《中华人民共和国民事诉讼法》第二百零五条',
        open: true,
      },
    });
    // once only
    const again = await h.fail('confirmation.applyFromMediation', input, clerk);
    expect(again.message).toContain(v.caseNumber);
    // the ruling's data comes from the record: the terms in order
    const judge = await userToken(h, admin, 'judge1', '王法官', ['judge']);
    const users = await h.call('users.list', undefined, admin);
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    await h.call(
      'confirmation.decideAcceptance',
      { confirmationId: v.id, decidedOn: '2026-12-02', competence: 'invited', exclusions: [] },
      clerk,
    );
    await h.call('confirmation.assign', { confirmationId: v.id, judgeId: id('judge1'), clerkId: id('clerk1') }, clerk);
    await h.call('confirmation.decide', { confirmationId: v.id, outcome: 'valid', grounds: [], reasons: '协议系双方真实意思表示' }, judge);
    const draft = await h.call('documents.draftData', { caseId: v.caseId, templateId: 'ruling-confirm-valid' }, judge);
    expect(draft.missing).toEqual([]);
    expect(JSON.stringify(draft.data)).toContain(JSON.stringify(terms).slice(1, -1));
  });

  it('a 委托 agreement is not sent to confirmation (the court issues a 民事调解书)', async () => {
    const { chen } = await roster();
    const c = await h.call('cases.file', civilFirstInstance({ receivedOn: '2026-12-02' }) as never, clerk);
    const m = await h.call(
      'mediation.open',
      {
        caseId: c.id,
        flow: 'entrusted',
        procedure: 'simplified',
        consents: c.parties.map((p: { party: { id: number } }) => ({ partyId: p.party.id, answer: 'agree', on: '2026-12-02' })),
      } as never,
      clerk,
    );
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'joint' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    await h.call(
      'mediation.recordAgreement',
      { mediationId: m.id, terms: ['被告分期还款'], signedOn: '2026-12-02', signatories: ['张三', '李四'], closing: 'mediation-document' },
      coord,
    );
    const before = countRows(h.core, 'confirmations');
    const e = await h.fail(
      'confirmation.applyFromMediation',
      {
        mediationId: m.id,
        appliedOn: '2026-12-02',
        applicationForm: 'written',
        materials: {
          agreement: 'provided',
          mediationProof: 'provided',
          propertyProof: 'not_applicable',
          identity: 'provided',
          powerOfAttorney: 'not_applicable',
        },
      },
      clerk,
    );
    expect(e.field).toBe('mediationId');
    expect(e.message).toContain('民事调解书');
    expect(countRows(h.core, 'confirmations')).toBe(before);
  });

  it('an outside agreement is registered for confirmation at once', async () => {
    const c = await delegatedCase();
    const m = await h.call(
      'mediation.open',
      {
        caseId: c.id,
        flow: 'outside',
        outsideOrgName: '长兴县物业纠纷人民调解委员会',
        outsideMediatorName: '钱老师',
        agreement: { terms: ['物业费分期支付'], signedOn: '2026-11-30', signatories: ['张三', '李四'] },
      },
      clerk,
    );
    expect(agreementForConfirmation(h.core.db, m.id)).toMatchObject({
      organisation: { id: null, name: '长兴县物业纠纷人民调解委员会' },
      mediator: { name: '钱老师' },
      agreementDate: '2026-11-30',
    });
    // sent on to confirmation: an organisation off the roster needs its kind and place from the counter
    const input = {
      mediationId: m.id,
      appliedOn: '2026-12-02',
      applicationForm: 'written',
      materials: {
        agreement: 'provided',
        mediationProof: 'provided',
        propertyProof: 'not_applicable',
        identity: 'provided',
        powerOfAttorney: 'not_applicable',
      },
    } as const;
    const before = countRows(h.core, 'confirmations');
    expect((await h.fail('confirmation.applyFromMediation', input, clerk)).field).toBe('organisationPlace');
    expect((await h.fail('confirmation.applyFromMediation', { ...input, organisationPlace: '长兴县雉城街道' }, clerk)).field).toBe(
      'organisationKind',
    );
    expect(countRows(h.core, 'confirmations')).toBe(before);
    const v = await h.call(
      'confirmation.applyFromMediation',
      { ...input, organisationPlace: '长兴县雉城街道', organisationKind: 'people' },
      clerk,
    );
    expect(v.agreement).toMatchObject({
      organisationName: '长兴县物业纠纷人民调解委员会',
      mediatorName: '钱老师',
      terms: ['物业费分期支付'],
    });
  });

  it('an agreement past the 30 days of 民诉法 art. 205 is not handed to confirmation: the card is told, the hand-off refused', async () => {
    const c = await delegatedCase();
    const m = await h.call(
      'mediation.open',
      {
        caseId: c.id,
        flow: 'outside',
        outsideOrgName: '长兴县物业纠纷人民调解委员会',
        outsideMediatorName: '钱老师',
        agreement: { terms: ['物业费分期支付'], signedOn: '2026-10-20', signatories: ['张三', '李四'] },
      },
      clerk,
    );
    // 2026-10-20 + 30 days = 2026-11-19 (a Thursday): the last day; today (2026-12-02, the harness clock) is past it
    expect(await h.call('confirmation.ofMediation', { mediationId: m.id }, coord)).toEqual({
      confirmation: null,
      window: {
        effectiveOn: '2026-10-20',
        due: '2026-11-19',
        rolledFrom: null,
        basis: '《中华人民共和国民事诉讼法》第二百零五条',
        open: false,
      },
    });
    const input = {
      mediationId: m.id,
      appliedOn: '2026-12-02',
      organisationPlace: '长兴县雉城街道',
      organisationKind: 'people',
      applicationForm: 'written',
      materials: {
        agreement: 'provided',
        mediationProof: 'provided',
        propertyProof: 'not_applicable',
        identity: 'provided',
        powerOfAttorney: 'not_applicable',
      },
    } as const;
    const before = {
      cases: countRows(h.core, 'cases'),
      confirmations: countRows(h.core, 'confirmations'),
      audit: countRows(h.core, 'audit_log'),
    };
    const late = await h.fail('confirmation.applyFromMediation', input, clerk);
    expect(late.field).toBe('appliedOn');
    expect(late.message).toBe(
      '已超过申请司法确认的期限：调解协议 2026-10-20 生效，申请期限至 2026-11-19 届满（《中华人民共和国民事诉讼法》第二百零五条），2026-12-02 申请已逾期，不能从调解记录申请司法确认',
    );
    // the day after the last day is late
    expect((await h.fail('confirmation.applyFromMediation', { ...input, appliedOn: '2026-11-20' }, clerk)).field).toBe('appliedOn');
    expect({
      cases: countRows(h.core, 'cases'),
      confirmations: countRows(h.core, 'confirmations'),
      audit: countRows(h.core, 'audit_log'),
    }).toEqual(before);
    // applied on the last day (registered now): in time, the window's last day included
    const v = await h.call('confirmation.applyFromMediation', { ...input, appliedOn: '2026-11-19' }, clerk);
    expect(v.applicationWindow).toMatchObject({ due: '2026-11-19', state: 'met' });
  });

  it('a failed 委托 returns to trial with the fee notice; listeners hear of it', async () => {
    const { chen } = await roster();
    const heard: MediationFailedEvent[] = [];
    const off = onMediationFailed((e) => heard.push(e));
    const c = await h.call('cases.file', civilFirstInstance({ receivedOn: '2026-12-02' }) as never, clerk);
    const m = await h.call(
      'mediation.open',
      {
        caseId: c.id,
        flow: 'entrusted',
        procedure: 'ordinary',
        consents: [{ partyId: c.parties[0]!.party.id, answer: 'agree', on: '2026-12-02' }],
      },
      clerk,
    );
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'appointed' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    const f = await h.call(
      'mediation.recordFailure',
      { mediationId: m.id, reason: 'too-far-apart', on: '2026-12-02', undisputedFacts: '借款 15 万元已交付' },
      coord,
    );
    off();
    expect(f.status).toBe('back-to-trial');
    expect(heard).toEqual([expect.objectContaining({ mediationId: m.id, trialCaseId: c.id, undisputedFacts: '借款 15 万元已交付' })]);
    const view = await h.call('cases.get', { id: c.id }, clerk);
    expect(view.timeline.map((e) => e.summary).join('\n')).toMatch(/开庭前送达交纳诉讼费用通知（案件受理费 [\d.]+ 元）/);
    // handed to the fast-track docket in the same transaction: on its triage queue as 委托调解不成转来
    const queue = await h.call('docket.triageQueue', {}, clerk);
    expect(queue.rows.filter((r) => r.caseId === c.id)).toEqual([
      expect.objectContaining({ number: c.number, source: 'mediation-failed' }),
    ]);
  });

  it('a failed 委派 converts to 民初 with the next 案号', async () => {
    const { chen } = await roster();
    await h.call('cases.file', civilFirstInstance({ receivedOn: '2026-12-02' }) as never, clerk); // 民初1号
    const m = await openDelegated();
    await h.call('mediation.assign', { mediationId: m.id, mediatorId: chen.id, how: 'appointed' }, coord);
    await h.call('mediation.respond', { mediationId: m.id, accept: true, on: '2026-12-02' }, coord);
    const f = await h.call('mediation.recordFailure', { mediationId: m.id, reason: 'unreachable', on: '2026-12-02' }, coord);
    expect(f.status).toBe('converted');
    expect(f.convertedCase?.number).toBe('（2026）浙0522民初2号');
  });
});

describe('progress by code', () => {
  it('shows the stage and organisation and nothing personal; a wrong phone looks like a wrong code; throttled and logged', async () => {
    const m = await openDelegated();
    const ok = await h.call('mediation.lookup', { code: m.caseCode, phoneLast4: ZHANG_SAN.phone.slice(-4) });
    expect(ok).toEqual({ found: true, stage: '待分派', organisation: null, nextStep: '诉讼服务中心指派调解员', nextDate: '2026-12-07' });
    const text = JSON.stringify(ok);
    for (const secret of [ZHANG_SAN.idNumber, ZHANG_SAN.name, LI_SI.name, ZHANG_SAN.phone]) expect(text).not.toContain(secret);
    const wrong = await h.call('mediation.lookup', { code: m.caseCode, phoneLast4: '0000' });
    const unknown = await h.call('mediation.lookup', { code: 'ZZZZZZZZ', phoneLast4: '1234' });
    expect(wrong).toEqual(unknown);
    expect(wrong.found).toBe(false);
    for (let i = 0; i < 7; i++) await h.call('mediation.lookup', { code: m.caseCode, phoneLast4: '0000' });
    const e = await h.fail('mediation.lookup', { code: m.caseCode, phoneLast4: '1234' });
    expect(e.message).toContain('查询过于频繁');
    expect(countRows(h.core, 'mediation_lookups')).toBe(11);
  });
});

describe('register', () => {
  it('lists with filters and keyset paging; searches by name and code', async () => {
    for (let i = 0; i < 3; i++) await openDelegated();
    const p1 = await h.call('mediation.list', { limit: 2 }, coord);
    expect(p1.rows).toHaveLength(2);
    expect(p1.next).not.toBeNull();
    const p2 = await h.call('mediation.list', { limit: 2, after: p1.next! }, coord);
    expect(p2.rows).toHaveLength(1);
    expect(p2.next).toBeNull();
    expect((await h.call('mediation.list', { q: '李四' }, coord)).rows).toHaveLength(3);
    expect((await h.call('mediation.list', { q: p2.rows[0]!.caseCode }, coord)).rows.map((r) => r.id)).toEqual([p2.rows[0]!.id]);
    expect((await h.call('mediation.list', { status: 'closed' }, coord)).rows).toHaveLength(0);
  });
});

describe('subsidies', () => {
  it('prices each ended case by kind and outcome at the dated rate, totals per mediator and organisation, and exports typed cells', async () => {
    const { chen, wu } = await roster();
    const a = await openDelegated();
    await h.call('mediation.assign', { mediationId: a.id, mediatorId: chen.id, how: 'joint' }, coord);
    await h.call('mediation.respond', { mediationId: a.id, accept: true, on: '2026-12-02' }, coord);
    await h.call(
      'mediation.recordAgreement',
      { mediationId: a.id, terms: ['李四归还借款'], signedOn: '2026-12-02', signatories: ['张三', '李四'], closing: 'performed' },
      coord,
    );
    const c2 = await delegatedCase([
      { role: '申请人', party: COMPANY },
      { role: '被申请人', party: LI_SI },
    ]);
    const b = await h.call(
      'mediation.open',
      {
        caseId: c2.id,
        flow: 'delegated',
        region: REGION,
        consents: [{ partyId: c2.parties[0]!.party.id, answer: 'agree', on: '2026-12-02' }],
      },
      clerk,
    );
    await h.call('mediation.assign', { mediationId: b.id, mediatorId: wu.id, how: 'appointed' }, coord);
    await h.call('mediation.respond', { mediationId: b.id, accept: true, on: '2026-12-02' }, coord);
    await h.call('mediation.recordFailure', { mediationId: b.id, on: '2026-12-02', reason: 'too-far-apart' }, coord);
    const s = await h.call('mediation.subsidies', { month: '2026-12' }, coord);
    // the defaults: an invited mediator 600 元 for a success, 100 元 for a failure
    expect(s.lines.map((l) => [l.mediatorName, l.outcomeLabel, l.amountFen])).toEqual([
      ['陈村调', '调解成功', 60_000],
      ['吴镇调', '调解不成', 10_000],
    ]);
    expect(s.totalFen).toBe(70_000);
    expect(s.byOrg.map((o) => o.name)).toEqual(['明珠社区人民调解委员会', '雉城街道人民调解委员会']);
    const bad = await h.fail('mediation.subsidiesExport', { month: '2026-13' }, coord);
    expect(bad.field).toBe('month');
    const x = await h.call('mediation.subsidiesExport', { month: '2026-12' }, coord);
    expect(x.fileName).toBe('浙江省长兴县人民法院调解补贴月报-2026-12.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按调解员', '按调解组织', '案件明细']);
    const lines = wb.getWorksheet('案件明细')!;
    expect(lines.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(lines.getRow(1).values).toEqual([
      undefined,
      '案号',
      '调解员',
      '调解员类别',
      '调解组织',
      '调解结果',
      '结果日期',
      '补贴金额（元）',
    ]);
    const first = lines.getRow(2);
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2026, 11, 2)));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(7).value).toBe(600);
    expect(first.getCell(7).numFmt).toBe('#,##0.00"元"');
    expect(lines.getRow(4).values).toEqual([undefined, '合计', undefined, undefined, undefined, undefined, undefined, 700]);
    const byMediator = wb.getWorksheet('按调解员')!;
    expect(byMediator.getRow(2).values).toEqual([undefined, '陈村调', 1, 1, 600]);
  });
});
