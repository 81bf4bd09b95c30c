import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { fileCivil } from '../../test/fixtures';

let h: Harness;
let admin: string;
let clerk: string;
let approver: string;
let judgeToken: string;

beforeEach(async () => {
  h = createHarness({ start: '2026-11-23T09:00:00+08:00' });
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  approver = await userToken(h, admin, 'boss', '周院长', ['approver']);
  judgeToken = await userToken(h, admin, 'judge1', '陈法官', ['judge']);
  await h.call(
    'docket.setWageFigure',
    { wageYear: 2025, amountFen: 10_000_000, publishedOn: '2026-05-20', source: '浙江省高级人民法院关于2025年度就业人员年平均工资的通知' },
    admin,
  );
});
afterEach(() => h.close());

const stored = (caseId: number) =>
  h.core.sqlite
    .prepare(`SELECT due_on AS dueOn, suspended_until AS suspendedUntil, pending_extension AS pending FROM docket_cases WHERE case_id = ?`)
    .get(caseId) as {
    dueOn: string | null;
    suspendedUntil: string | null;
    pending: number;
  };

describe('docket: the stored due date', () => {
  it('is recomputed in the same transaction as each suspension, extension and conversion, and matches the full computation', async () => {
    const c = await fileCivil(h, clerk, { amountFen: 4_000_000 });
    const v = await h.call('docket.triage', { caseId: c.id }, clerk);
    const j = judgeToken;
    expect(stored(c.id)).toMatchObject({ dueOn: '2027-01-25', suspendedUntil: null, pending: 0 });
    expect(v.period!.due).toBe('2027-01-25');
    // an open suspension: the row is computed live (the period does not run) until it ends
    const s = await h.call('docket.suspend', { caseId: c.id, kind: 'appraisal', from: '2026-12-01' }, j);
    expect(stored(c.id)).toMatchObject({ dueOn: '2027-01-25', suspendedUntil: '9999-12-31' });
    const ended = await h.call('docket.endSuspension', { suspensionId: s.suspensions[0]!.id, to: '2026-12-10' }, j);
    expect(stored(c.id)).toMatchObject({ dueOn: '2027-02-02', suspendedUntil: '2026-12-10' });
    expect(ended.period!.due).toBe('2027-02-02');
    const req = await h.call('docket.requestExtension', { caseId: c.id, months: 1, reason: '需补充证据' }, j);
    expect(stored(c.id)).toMatchObject({ dueOn: '2027-02-02', pending: 1 });
    const ok = await h.call('docket.decideExtension', { extensionId: req.extensions[0]!.id, approve: true }, approver);
    expect(stored(c.id)).toMatchObject({ dueOn: ok.period!.due, pending: 0 });
    const conv = await h.call('docket.convert', { caseId: c.id, to: 'ordinary', reason: '需要追加当事人' }, j);
    expect(stored(c.id).dueOn).toBe(conv.period!.due);
    expect(conv.period!.due).toBe('2027-06-02'); // 2026-11-23 + 6 months + 10 days of appraisal
    // the docket shows the same due date and tier from the stored row as the full computation
    const mine = await h.call('docket.mine', undefined as never, j);
    expect(mine.rows[0]).toMatchObject({ caseId: c.id, due: conv.period!.due, tier: conv.period!.tier, daysLeft: conv.period!.daysLeft });
  });
});
