import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { COMPANY, fileCivil, LI_SI } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';
import { builtinTemplate, fillTemplate } from '../documents/template';
import { caseTitle, sentenceBody } from './documentData';

/**
 * The three fee documents: 交纳诉讼费用通知书 (from a quote or the case), 准予免交/减交/缓交诉讼费用决定书 and
 * 不予批准司法救助申请通知书 (from the relief application), generated through the register and read back
 * from the PDF's text.
 */

if (!PDFTOTEXT) console.warn("poppler-utils (pdftotext) is not installed: the fee documents' PDF text checks are skipped.");

let h: Harness;
afterEach(() => {
  h?.close();
  h = undefined!;
});

const ACCOUNT = {
  payee: '浙江省长兴县人民法院',
  bank: '中国农业银行长兴县支行',
  accountNo: '19125101040001234',
  note: '也可扫描窗口的缴费二维码交纳。',
};
const evidence = [{ name: '道路交通事故认定书', kind: '事故认定书' }];

async function court() {
  h = createHarness();
  const admin = await setUpCourt(h);
  await h.call('fees.updateSettings', { paymentAccount: ACCOUNT }, admin);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  const reviewer = await userToken(h, admin, 'clerk2', '周审查', ['clerk']);
  const approver = await userToken(h, admin, 'boss', '陈庭长', ['approver']);
  const c = await fileCivil(h, clerk);
  const plaintiff = c.parties.find((p) => p.role === '原告')!;
  return { admin, clerk, reviewer, approver, c, plaintiff };
}

describe('交纳诉讼费用通知书', () => {
  it.skipIf(!PDFTOTEXT)(
    'from the calculator: amount in figures and words, the breakdown, the 7-day deadline, the consequence, the account',
    async () => {
      const { clerk, c } = await court();
      const { data, quote } = await h.call('fees.noticeData', { caseId: c.id, kind: 'property', amountsFen: [15_000_000] }, clerk);
      expect(quote).toMatchObject({ feeFen: 330_000, inWords: '人民币叁仟叁佰元整' });
      expect(data).toMatchObject({ addressee: '张三', caseNumber: c.number, prepay: true, payableFen: 330_000 });
      const { document, base64 } = await h.call(
        'documents.generate',
        { caseId: c.id, templateId: 'fee-notice', format: 'pdf', data },
        clerk,
      );
      expect(document).toMatchObject({ templateId: 'fee-notice', title: '交纳诉讼费用通知书', caseId: c.id });
      expectInOrder(pdfText(base64), [
        '浙江省长兴县人民法院',
        '交纳诉讼费用通知书',
        c.number,
        '张三：',
        '本院受理原告张三诉被告李四民间借贷纠纷一案',
        '《诉讼费用交纳办法》第十三条第（一）项',
        '你应交纳案件受理费人民币3,300.00元（大写：人民币叁仟叁佰元整）',
        '按计费金额150,000.00元计算如下',
        '不超过 1 万元的，每件 50 元',
        '超过 1 万元至 10 万元的部分',
        '90,000.00 元 × 2.5%',
        '2,250',
        '超过 10 万元至 20 万元的部分',
        '1,000',
        '自接到本通知书次日起7日内交纳',
        '第二十二条',
        '按撤诉处理',
        '中国农业银行长兴县支行',
        '账号19125101040001234',
        '二〇二六年十一月二十三日',
      ]);
    },
  );

  it('halved under simplified procedure; without a case the addressee is required; a free case has no notice', async () => {
    const { clerk } = await court();
    expect(await h.fail('fees.noticeData', { kind: 'property', amountsFen: [15_000_000] }, clerk)).toMatchObject({ field: 'addressee' });
    const { data } = await h.call(
      'fees.noticeData',
      { kind: 'property', amountsFen: [15_000_000], procedure: 'simplified', addressee: '王某' },
      clerk,
    );
    expect(data).toMatchObject({
      caseNumber: null,
      caseTitle: null,
      addressee: '王某',
      fee: { amount: '1,650.00', amountFen: 165_000, kindLabel: '财产案件受理费（适用简易程序）' },
    });
    expect((data.fee as { basis: string }).basis).toBe('《诉讼费用交纳办法》第十三条第（一）项、第十六条');
    const free = await h.fail('fees.noticeData', { kind: 'judicial-confirmation', addressee: '王某' }, clerk);
    expect(free).toMatchObject({ field: 'kind', message: expect.stringContaining('不交纳诉讼费用') });
    expect(await h.fail('fees.noticeData', { kind: 'property', addressee: '王某' }, clerk)).toMatchObject({ field: 'amountsFen' });
    // client data is checked against the template's sample: without a case the record vouches for none of it
    const asData = await h.fail('documents.generate', { templateId: 'fee-notice', format: 'pdf', data }, clerk);
    expect(asData).toMatchObject({ code: 'VALIDATION', field: 'data', message: expect.stringContaining('仍是模板样例') });
    // the notice of a quote is generated from the quote on the server; without a case it has no case number line
    const request = {
      kind: 'property' as const,
      amountsFen: [15_000_000],
      procedure: 'simplified' as const,
      addressee: '王某',
      format: 'pdf' as const,
    };
    const { document, base64 } = await h.call('fees.generateNotice', request, clerk);
    expect(document).toMatchObject({ templateId: 'fee-notice', caseId: null });
    if (PDFTOTEXT) expect(pdfText(base64)).not.toContain('民初');
    // the same notice again asks first
    expect(await h.fail('fees.generateNotice', request, clerk)).toMatchObject({ code: 'CONFLICT', field: 'confirmDuplicate' });
    expect((await h.call('fees.generateNotice', { ...request, confirmDuplicate: true }, clerk)).document.sha256).toBe(document.sha256);
  });

  it.skipIf(!PDFTOTEXT)('from the case alone (its suggested fee), stating and deducting relief granted to the addressee', async () => {
    const { clerk, reviewer, approver, c, plaintiff } = await court();
    const app = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'reduce',
        ground: 'disaster',
        evidence,
        feeFen: 330_000,
        requestedPercent: 50,
      },
      clerk,
    );
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, reviewer);
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, approver);
    const { document, base64 } = await h.call('documents.generate', { caseId: c.id, templateId: 'fee-notice', format: 'pdf' }, clerk);
    expect(document.templateId).toBe('fee-notice');
    expectInOrder(pdfText(base64), [
      '人民币3,300.00元',
      '本院已准予原告张三减交诉讼费用 1,650.00 元',
      '现应交纳人民币1,650.00元（大写：人民币壹仟陆佰伍拾元整）',
      '7日内',
    ]);
    // a case whose fee the register cannot tell (民初 without an amount) asks for the calculator
    const noAmount = await fileCivil(h, clerk, { amountFen: undefined });
    expect(await h.fail('documents.generate', { caseId: noAmount.id, templateId: 'fee-notice', format: 'pdf' }, clerk)).toMatchObject({
      field: 'caseId',
      message: expect.stringContaining('诉讼费计算'),
    });
  });
});

describe('relief documents', () => {
  it.skipIf(!PDFTOTEXT)('准予缓交诉讼费用决定书: applicant, ground and basis (art. 47 item), amount, due date', async () => {
    const { clerk, reviewer, approver, c, plaintiff } = await court();
    const app = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'defer',
        ground: 'accident-victim',
        evidence,
        feeFen: 330_000,
        requestedUntil: '2027-02-20',
      },
      clerk,
    );
    // not decided yet: no decision document
    expect(
      await h.fail(
        'documents.generate',
        { caseId: c.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
        clerk,
      ),
    ).toMatchObject({ field: 'subjectId', message: expect.stringContaining('尚未决定') });
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, reviewer);
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, approver);
    const { document, base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
      clerk,
    );
    expect(document).toMatchObject({ subjectKind: 'relief', subjectId: app.id, caseId: c.id });
    expectInOrder(pdfText(base64), [
      '准予缓交诉讼费用决定书',
      c.number,
      '申请人（原告）：张三，男，1985年3月12日出生',
      '原告张三诉被告李四民间借贷纠纷一案',
      '2026年11月23日向本院申请缓交诉讼费用（申请缓交至2027年2月20日）',
      '道路交通事故认定书',
      '《诉讼费用交纳办法》第四十七条第（二）项',
      '依照《诉讼费用交纳办法》第四十四条、第四十七条第（二）项的规定，决定如下',
      '准予申请人张三缓交诉讼费用人民币3,300.00元（大写：人民币叁仟叁佰元整）',
      '缓交期限至2027年2月20日',
      '按撤诉处理',
      '二〇二六年十一月二十三日',
    ]);
    // the refusal notice is for refused applications only
    expect(
      await h.fail(
        'documents.generate',
        { caseId: c.id, templateId: 'relief-refusal', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
        clerk,
      ),
    ).toMatchObject({ field: 'subjectId' });
    // and the application belongs to its case
    const other = await fileCivil(h, clerk);
    expect(
      await h.fail(
        'documents.generate',
        { caseId: other.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
        clerk,
      ),
    ).toMatchObject({ field: 'subjectId' });
  });

  it.skipIf(!PDFTOTEXT)('准予免交 and a partly granted 减交: the verb in the title, percent, and the note of art. 51', async () => {
    const { clerk, reviewer, approver, c, plaintiff } = await court();
    const waive = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'waive',
        ground: 'minimum-living',
        evidence: [{ name: '低保证', kind: '最低生活保障证明' }],
        feeFen: 330_000,
      },
      clerk,
    );
    await h.call('relief.act', { applicationId: waive.id, action: 'grant' }, reviewer);
    await h.call('relief.act', { applicationId: waive.id, action: 'grant' }, approver);
    const w = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: waive.id },
      clerk,
    );
    expectInOrder(pdfText(w.base64), [
      '准予免交诉讼费用决定书',
      '第四十五条第（三）项',
      '准予申请人张三免交诉讼费用人民币3,300.00元',
      '判决书、裁定书或者调解书中写明',
      '第五十一条',
    ]);

    const defendant = c.parties.find((p) => p.role === '被告')!;
    const reduce = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: defendant.casePartyId,
        kind: 'reduce',
        ground: 'other',
        reasons: '家中房屋因台风受损，暂无收入。',
        evidence,
        feeFen: 330_000,
        requestedPercent: 60,
      },
      clerk,
    );
    await h.call('relief.act', { applicationId: reduce.id, action: 'partial', grantedPercent: 40 }, reviewer);
    await h.call('relief.act', { applicationId: reduce.id, action: 'partial', grantedPercent: 40 }, approver);
    const r = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: reduce.id },
      clerk,
    );
    expectInOrder(pdfText(r.base64), [
      '准予减交诉讼费用决定书',
      '申请人（被告）：李四',
      '申请减交诉讼费用（申请减交60%）',
      '申请人称：家中房屋因台风受损，暂无收入。',
      '第四十六条第（四）项',
      '可以部分准予',
      '准予申请人李四减交诉讼费用人民币1,320.00元',
      '应交诉讼费用3,300.00元的40%',
      '减交后应交纳的1,980.00元',
      '第五十一条',
    ]);
  });

  it.skipIf(!PDFTOTEXT)('不予批准司法救助申请通知书: the written reasons and the deadline to pay', async () => {
    const { clerk, reviewer, approver } = await court();
    const c = await fileCivil(h, clerk, {
      parties: [
        { role: '原告', party: COMPANY },
        { role: '被告', party: LI_SI },
      ],
    });
    const company = c.parties.find((p) => p.role === '原告')!;
    const app = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: company.casePartyId,
        kind: 'reduce',
        ground: 'other',
        reasons: '公司因疫情停产，经营难以为继。',
        evidence,
        feeFen: 330_000,
        requestedPercent: 50,
      },
      clerk,
    );
    const reasons = '申请人提交的财务报表显示其仍在正常经营，现有证据不足以证明确有交纳诉讼费用的困难。';
    await h.call('relief.act', { applicationId: app.id, action: 'refuse', refusalReasons: reasons }, reviewer);
    await h.call('relief.act', { applicationId: app.id, action: 'refuse', refusalReasons: reasons }, approver);
    expect(
      await h.fail(
        'documents.generate',
        { caseId: c.id, templateId: 'relief-decision', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
        clerk,
      ),
    ).toMatchObject({ field: 'subjectId' });
    const { document, base64 } = await h.call(
      'documents.generate',
      { caseId: c.id, templateId: 'relief-refusal', format: 'pdf', subjectKind: 'relief', subjectId: app.id },
      clerk,
    );
    expect(document.title).toBe('不予批准司法救助申请通知书');
    expectInOrder(pdfText(base64), [
      '不予批准司法救助申请通知书',
      c.number,
      '长兴明珠物业服务有限公司：',
      '你单位于2026年11月23日向本院申请减交诉讼费用（申请减交50%）',
      '确实需要减交的其他情形',
      '本院经审查认为，申请人提交的财务报表显示其仍在正常经营，现有证据不足以证明确有交纳诉讼费用的困难。依照',
      '第四十八条',
      '不予批准',
      '7日内',
      '人民币3,300.00元（大写：人民币叁仟叁佰元整）',
      '按撤诉处理',
    ]);
  });
});

describe('fee document helpers and templates', () => {
  it('names the case as a document does, and trims a written reason to stand before a full stop', () => {
    const view = {
      caseType: '民初',
      cause: { name: '民间借贷纠纷' },
      parties: [
        { role: '原告', party: { name: '张三' } },
        { role: '原告', party: { name: '王五' } },
        { role: '被告', party: { name: '李四' } },
      ],
    };
    expect(caseTitle(view as never)).toBe('原告张三、王五诉被告李四民间借贷纠纷一案');
    expect(
      caseTitle({
        ...view,
        caseType: '民特',
        cause: { name: '申请司法确认调解协议' },
        parties: [
          { role: '申请人', party: { name: '甲' } },
          { role: '申请人', party: { name: '乙' } },
        ],
      } as never),
    ).toBe('申请人甲、乙申请司法确认调解协议一案');
    expect(sentenceBody(' 证据不足。 ')).toBe('证据不足');
    expect(sentenceBody('理由如下；')).toBe('理由如下');
  });

  it('each fee template fills from its own sample', () => {
    for (const id of ['fee-notice', 'relief-decision', 'relief-refusal']) {
      const t = builtinTemplate(id);
      expect(fillTemplate(t, t.sample).meta.templateId).toBe(id);
    }
  });
});
