import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../test/harness';
import { court } from '../test/cli';
import { LI_SI, ZHANG_SAN } from '../test/fixtures';
import { PDFTOTEXT, pdfText } from '../test/pdf';

/**
 * `court render --case` for the 司法确认 rulings: a signed ruling is rendered from its registered (frozen) text, the
 * same the judge signed; a confirmation not yet decided is refused, naming what the record lacks.
 */
const TERMS = ['李四于2026年12月31日前支付张三货款33,000元；', '双方就本案买卖合同再无其他争议。'];
let h: Harness | undefined;
afterEach(() => h?.close());

describe('court render --case (rulings)', () => {
  it('renders a signed ruling from its registered text; an undecided one is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-ruling-'));
    h = createHarness({ file: path.join(dir, 'court.sqlite'), start: '2026-11-23T09:00:00+08:00' });
    const admin = await setUpCourt(h);
    const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
    const judge = await userToken(h, admin, 'judge1', '王法官', ['judge']);
    const users = await h.call('users.list', undefined, admin);
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    const apply = () =>
      h!.call(
        'confirmation.apply',
        {
          appliedOn: '2026-11-20',
          applicants: [{ party: ZHANG_SAN }, { party: LI_SI }],
          agreement: {
            organisationKind: 'people',
            organisationName: '长兴县雉城街道人民调解委员会',
            organisationPlace: '浙江省长兴县雉城街道',
            mediatorName: '陈调解',
            date: '2026-11-18',
            effectiveOn: '2026-11-18',
            dispute: '买卖合同纠纷',
            terms: TERMS,
          },
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
    const a = await apply();
    const pending = await apply();
    await h.call(
      'confirmation.decideAcceptance',
      { confirmationId: a.id, decidedOn: '2026-11-23', competence: 'organisation', exclusions: [] },
      clerk,
    );
    await h.call('confirmation.assign', { confirmationId: a.id, judgeId: id('judge1'), clerkId: id('clerk1') }, clerk);
    await h.call('confirmation.decide', { confirmationId: a.id, outcome: 'valid', reasons: '协议系双方真实意思表示' }, judge);
    const signed = await h.call('confirmation.sign', { confirmationId: a.id }, judge);
    h.close();
    h = undefined;

    const out = path.join(dir, 'valid.pdf');
    const r = await court(
      'render',
      '--template',
      'ruling-confirm-valid',
      '--case',
      a.caseNumber,
      '--data',
      dir,
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`按已签发的裁定书生成（文书编号 ${signed.documentId}，2026-11-23 签发）`);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, template: 'ruling-confirm-valid', format: 'pdf' });
    if (PDFTOTEXT) expect(pdfText(fs.readFileSync(out))).toBe(pdfText(Buffer.from(signed.pdfBase64, 'base64')));

    const refused = await court(
      'render',
      '--template',
      'ruling-confirm-valid',
      '--case',
      pending.caseNumber,
      '--data',
      dir,
      '--format',
      'pdf',
      '--out',
      path.join(dir, 'x.pdf'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/案件中没有这些内容：.*审判员/);
  });
});
