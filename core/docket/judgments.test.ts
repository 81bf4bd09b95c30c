import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, USER_PASSWORD, userToken, type Harness } from '../../test/harness';
import { COMPANY, fileCivil, LI_SI, ZHANG_SAN } from '../../test/fixtures';
import { expectInOrder, PDFTOTEXT, pdfText } from '../../test/pdf';
import { builtinTemplate } from '../documents/template';
import { compulsoryLimits } from './elements';

/**
 * The element-style judgments of the three causes added after the loan sets: 买卖合同纠纷, 物业服务合同纠纷 and
 * 机动车交通事故责任纠纷. Each: the elements as typed fields, refused in Chinese naming the element when missing or
 * inconsistent (arrears beyond the price, a period ending before it starts, 交强险 beyond its limits), nothing
 * written; the judgment states every element and cites the articles the elements call for; the fee burden
 * (办法 art. 29) and relief granted (art. 51) as for the loan sets; never the template's sample.
 */

let h: Harness;
let admin: string;
let clerk: string;
let judge: string;

beforeEach(async () => {
  h = createHarness({ start: '2026-11-23T09:00:00+08:00' });
  admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  judge = await userToken(h, admin, 'judge1', '陈法官', ['judge']);
  await h.call(
    'docket.setWageFigure',
    { wageYear: 2025, amountFen: 10_000_000, publishedOn: '2026-05-20', source: '浙江省高级人民法院关于2025年度就业人员年平均工资的通知' },
    admin,
  );
  await h.call('docket.updateSettings', { appealCourt: '浙江省湖州市中级人民法院' }, admin);
});
afterEach(() => h.close());

/** A 民初 case of the cause (2025 catalogue number) on the docket. */
async function onDocket(causeNo: string, amountFen: number, parties?: unknown[]) {
  const c = await fileCivil(h, clerk, { cause: { revision: '2025', no: causeNo }, amountFen, ...(parties ? { parties } : {}) });
  const v = await h.call('docket.triage', { caseId: c.id }, clerk);
  return { c, v };
}

async function closeOn(day: string) {
  h.clock.set(`${day}T10:00:00+08:00`);
  judge = (await h.call('auth.login', { username: 'judge1', password: USER_PASSWORD })).token;
  clerk = (await h.call('auth.login', { username: 'clerk1', password: USER_PASSWORD })).token;
}

/** docket.close for a judgment; typed loosely: the tests also send what the schema or the checks refuse */
const close = (caseId: number, judgment: Record<string, unknown>) =>
  ({ caseId, method: 'judgment', closedOn: '2026-12-10', clerk: '吴书记', judgment }) as never;

async function judgmentText(caseId: number, out: string) {
  const { base64 } = await h.call('documents.generate', { caseId, templateId: 'docket-judgment', format: 'pdf' }, judge);
  if (process.env.DOCKET_PDF_DIR) fs.writeFileSync(`${process.env.DOCKET_PDF_DIR}/${out}.pdf`, Buffer.from(base64, 'base64'));
  return pdfText(base64);
}

const SALE = {
  kind: 'sale',
  elements: {
    contractOn: '2026-03-02',
    contract: '书面《建材购销合同》一份',
    goods: '螺纹钢HRB400 Φ16，20吨',
    priceFen: 8_000_000,
    deliveredOn: '2026-04-15',
    delivery: '原告分两批送货，被告在送货单上签收，未提出质量异议',
    paymentTerm: '货到后30日内付清',
    paidFen: 5_000_000,
    arrearsFen: 3_000_000,
    penalty: '逾期付款按欠款每日万分之五计付违约金',
    penaltyFen: 250_000,
    statement: '2026年8月1日双方对账确认欠款30,000元',
  },
  claims: ['判令被告支付货款30,000元及违约金2,500元', '本案诉讼费用由被告负担'],
  reasoning: '原、被告之间的买卖合同合法有效，原告已按约交付货物，被告未按约支付货款，应当承担继续履行及支付违约金的责任',
  orders: ['被告李四于本判决生效之日起十日内支付原告张三货款30,000元及违约金2,500元'],
  feeBorneBy: 'defendants',
};

const PROPERTY = {
  kind: 'property-service',
  elements: {
    contract: '2019年6月1日《前期物业服务合同》',
    premises: '长兴县太湖街道明珠花园3幢2单元501室',
    areaM2: 89.5,
    feeStandardFen: 150,
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    arrearsFen: 161_100,
    lateFee: '逾期按日千分之一计付违约金',
    lateFeeFen: 10_000,
    demand: '2026年3月5日张贴并邮寄书面催交通知',
    defence: '被告称电梯维修不及时，未提供证据',
  },
  claims: ['判令被告支付2025年度物业费1,611元及违约金100元', '本案诉讼费用由被告负担'],
  reasoning: '原告依约提供了物业服务，被告作为业主应当按约交纳物业费，经书面催交仍未交纳，应当承担违约责任',
  orders: ['被告李四于本判决生效之日起十日内支付原告长兴明珠物业服务有限公司物业费1,611元及违约金100元'],
  feeBorneBy: 'defendants',
};

/** 2026-06-01, the defendant's side fully liable: losses 70,300 元 */
const TRAFFIC = {
  kind: 'traffic',
  elements: {
    accidentOn: '2026-06-01',
    accident: '被告李四驾驶浙E12345小型轿车在长兴县长兴大道与原告张三驾驶的电动自行车相撞',
    liability: '长兴县公安局交通警察大队第330522202600123号道路交通事故认定书：李四负事故全部责任，张三无责任',
    liabilityPct: 100,
    insurance: '浙E12345号车在某财产保险股份有限公司长兴支公司投保交强险及商业三者险（保险金额100万元）',
    medicalFen: 3_500_000,
    lostIncomeFen: 1_200_000,
    nursingFen: 450_000,
    transportFen: 50_000,
    hospitalMealFen: 60_000,
    nutritionFen: 90_000,
    mentalFen: 500_000,
    propertyFen: 1_180_000,
    compulsoryMedicalFen: 1_800_000,
    compulsoryDisabilityFen: 2_200_000,
    compulsoryPropertyFen: 200_000,
    commercialFen: 2_830_000,
    advancedFen: 1_000_000,
  },
  claims: ['判令被告赔偿原告各项损失70,300元', '本案诉讼费用由被告负担'],
  reasoning:
    '被告李四负事故全部责任，原告的损失先由承保交强险的保险公司在责任限额内赔偿，不足部分由承保商业三者险的保险公司按照保险合同赔偿',
  orders: ['被告某财产保险股份有限公司长兴支公司于本判决生效之日起十日内赔偿原告张三各项损失60,300元'],
  feeBorneBy: 'defendants',
};

describe('docket: element-style judgments of 买卖合同, 物业服务, 机动车交通事故', () => {
  it('the three causes have their element sets, with the typed fields the judgment states', async () => {
    const { sets } = await h.call('docket.elementSets', undefined as never, judge);
    const by = Object.fromEntries(sets.map((s) => [s.kind, s]));
    expect(by.sale!.causes).toEqual(['买卖合同纠纷']);
    expect(by['property-service']!.elements.find((e) => e.key === 'areaM2')).toMatchObject({ type: 'number', unit: '平方米' });
    expect(by.traffic!.elements.filter((e) => e.type === 'fen').map((e) => e.label)).toEqual(
      expect.arrayContaining(['医疗费', '误工费', '护理费', '交通费', '住院伙食补助费', '营养费', '残疾赔偿金', '精神损害抚慰金']),
    );
    const { v } = await onDocket('411', 7_030_000);
    expect(v.judgmentKind).toBe('traffic');
  });

  it('买卖合同: refusals name the element; the judgment states the elements and cites 民法典 arts. 585, 595, 626', async () => {
    const { c } = await onDocket('88', 3_250_000); // 32,500 元: small claims
    await h.call('fees.recordPayment', { caseId: c.id, kind: 'payment', amountFen: 30_625, paidOn: '2026-11-23' }, clerk);
    await closeOn('2026-12-10');
    const before = countRows(h.core, 'docket_closings');
    const { goods: _g, ...noGoods } = SALE.elements;
    const missing = await h.fail('docket.close', close(c.id, { ...SALE, elements: noGoods }), judge);
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'judgment.elements.goods' });
    expect(missing.message).toContain('标的物名称、规格及数量');
    const over = await h.fail('docket.close', close(c.id, { ...SALE, elements: { ...SALE.elements, arrearsFen: 3_000_001 } }), judge);
    expect(over).toMatchObject({ field: 'judgment.elements.arrearsFen' });
    expect(over.message).toBe('要素“尚欠货款”：尚欠货款不能超过货款总额减已付货款（￥30,000.00）');
    const early = await h.fail('docket.close', close(c.id, { ...SALE, elements: { ...SALE.elements, deliveredOn: '2026-03-01' } }), judge);
    expect(early.field).toBe('judgment.elements.deliveredOn');
    expect(countRows(h.core, 'docket_closings')).toBe(before);

    const v = await h.call('docket.close', close(c.id, SALE), judge);
    // 32,500 元: 50 + 22,500 × 2.5 % = 612.50 元, halved under the simplified procedure (办法 arts. 13, 16)
    expect(v.closing).toMatchObject({ judgmentKind: 'sale', feeFen: 30_625, paidFen: 30_625, refundFen: 0 });
    if (!PDFTOTEXT) return;
    expectInOrder(await judgmentText(c.id, 'sale'), [
      '原告：张三',
      '依法适用小额诉讼程序',
      '买卖合同纠纷要素',
      '合同签订日期',
      '2026年3月2日',
      '螺纹钢HRB400',
      '货款总额',
      '80,000.00',
      '已付货款',
      '50,000.00',
      '尚欠货款',
      '30,000.00',
      '逾期付款按欠款每日万分之五',
      '2,500.00',
      '对账',
      '第五百零九条、第五百七十七条、第五百七十九条、第五百八十五条、第五百九十五条、第六百二十六条',
      '第一百六十五条',
      '第二百六十四条',
      '案件受理费306.25元（已减半收取），由被告李四负担',
      '本判决为终审判决',
    ]);
  });

  it('买卖合同 without an agreed penalty: the loss of late payment cites art. 584 and 买卖合同解释 art. 18, not art. 585', async () => {
    const { c } = await onDocket('88', 3_250_000);
    await closeOn('2026-12-10');
    await h.call('docket.close', close(c.id, { ...SALE, elements: { ...SALE.elements, penalty: '未约定' } }), judge);
    if (!PDFTOTEXT) return;
    const text = (await judgmentText(c.id, 'sale-no-penalty')).replace(/\s+/g, '');
    expect(text).toContain('第五百七十九条、第五百八十四条、第五百九十五条');
    expect(text).toContain('《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条');
    expect(text).not.toContain('第五百八十五条');
  });

  it('物业服务: the period and the arrears are checked against the area and the fee standard; arts. 937, 939, 944 cited', async () => {
    const { c } = await onDocket('126', 171_100, [
      { role: '原告', party: COMPANY },
      { role: '被告', party: LI_SI },
    ]);
    await closeOn('2026-12-10');
    const backwards = await h.fail(
      'docket.close',
      close(c.id, { ...PROPERTY, elements: { ...PROPERTY.elements, periodTo: '2024-12-31' } }),
      judge,
    );
    expect(backwards).toMatchObject({ field: 'judgment.elements.periodTo' });
    expect(backwards.message).toContain('欠费期间止不能早于欠费期间起');
    // 89.5 m² × 1.50 元 × 12 months = 1,611.00 元: one fen more is refused
    const tooMuch = await h.fail(
      'docket.close',
      close(c.id, { ...PROPERTY, elements: { ...PROPERTY.elements, arrearsFen: 161_101 } }),
      judge,
    );
    expect(tooMuch).toMatchObject({ field: 'judgment.elements.arrearsFen' });
    expect(tooMuch.message).toContain('（12 个月）物业费 ￥1,611.00');
    const area = await h.fail('docket.close', close(c.id, { ...PROPERTY, elements: { ...PROPERTY.elements, areaM2: '八十九' } }), judge);
    expect(area).toMatchObject({ field: 'judgment.elements.areaM2' });
    expect(area.message).toContain('建筑面积');
    const v = await h.call('docket.close', close(c.id, PROPERTY), judge);
    expect(v.closing!.burden).toEqual([{ role: '被告', names: '李四', fen: 2_500 }]);
    if (!PDFTOTEXT) return;
    expectInOrder(await judgmentText(c.id, 'property'), [
      '原告：长兴明珠物业服务有限公司',
      '物业服务合同纠纷要素',
      '物业坐落',
      '明珠花园3幢2单元501室',
      '建筑面积',
      '89.5平方米',
      '物业费收费标准',
      '1.50',
      '欠费期间起',
      '2025年1月1日',
      '欠费期间止',
      '2025年12月31日',
      '欠缴物业费',
      '1,611.00',
      '违约金（滞纳金）的约定',
      '逾期按日千分之一计付违约金',
      '主张的违约金',
      '100.00',
      '催缴情况',
      '业主的抗辩',
      '第五百八十五条、第九百三十七条、第九百三十九条、第九百四十四条',
      '案件受理费25.00元（已减半收取），由被告李四负担',
    ]);
  });

  it('交通事故: 交强险 within its limits by the accident date and liability; each head of loss and the totals stated; arts. 1179, 1213, 道交法 art. 76', async () => {
    const { c } = await onDocket('411', 7_030_000); // 70,300 元: above the small-claims ceiling → simplified
    await closeOn('2026-12-10');
    const before = countRows(h.core, 'docket_closings');
    // 2020 limits: 18,000 元 for medical costs
    const medical = await h.fail(
      'docket.close',
      close(c.id, { ...TRAFFIC, elements: { ...TRAFFIC.elements, compulsoryMedicalFen: 1_800_001 } }),
      judge,
    );
    expect(medical).toMatchObject({ field: 'judgment.elements.compulsoryMedicalFen' });
    expect(medical.message).toContain('超过责任限额 ￥18,000.00');
    // no liability on the insured side: 1,800 元
    const noFault = await h.fail('docket.close', close(c.id, { ...TRAFFIC, elements: { ...TRAFFIC.elements, liabilityPct: 0 } }), judge);
    expect(noFault.message).toContain('超过责任限额 ￥1,800.00');
    expect(noFault.message).toContain('无责任');
    // property: 2,000 元
    expect(
      (await h.fail('docket.close', close(c.id, { ...TRAFFIC, elements: { ...TRAFFIC.elements, compulsoryPropertyFen: 200_100 } }), judge))
        .field,
    ).toBe('judgment.elements.compulsoryPropertyFen');
    // more paid than lost
    const beyond = await h.fail(
      'docket.close',
      close(c.id, { ...TRAFFIC, elements: { ...TRAFFIC.elements, commercialFen: 3_000_000 } }),
      judge,
    );
    expect(beyond).toMatchObject({ field: 'judgment.elements.commercialFen' });
    expect(beyond.message).toContain('超过各项损失合计 ￥70,300.00');
    const pct = await h.fail('docket.close', close(c.id, { ...TRAFFIC, elements: { ...TRAFFIC.elements, liabilityPct: 120 } }), judge);
    expect(pct.field).toBe('judgment.elements.liabilityPct');
    expect(countRows(h.core, 'docket_closings')).toBe(before);

    await h.call('docket.close', close(c.id, TRAFFIC), judge);
    if (!PDFTOTEXT) return;
    const text = await judgmentText(c.id, 'traffic');
    expectInOrder(text, [
      '依法适用简易程序',
      '机动车交通事故责任纠纷要素',
      '事故发生日期',
      '2026年6月1日',
      '李四负事故全部责任',
      '100%',
      '医疗费',
      '本院认为',
      '第一千一百六十五条第一款、第一千一百七十九条、第一千一百八十三条第一款、第一千一百八十四条、第一千二百零八条、第一千二百一十三条',
      '《中华人民共和国道路交通安全法》第七十六条第一款',
      '第一百六十条',
      '第二百六十四条',
      '案件受理费778.75元（已减半收取），由被告李四负担',
      '上诉于浙江省湖州市中级人民法院',
    ]);
    // every head of loss and every share is stated, the ones not claimed as 无 (long labels wrap, so pdftotext
    // may read a row's label and amount apart: each is looked for on its own)
    const flat = text.replace(/\s+/g, '');
    for (const [label, value] of [
      ['医疗费', '￥35,000.00'],
      ['误工费', '￥12,000.00'],
      ['护理费', '￥4,500.00'],
      ['交通费', '￥500.00'],
      ['住院伙食补助费', '￥600.00'],
      ['营养费', '￥900.00'],
      ['残疾赔偿金', '无'],
      ['精神损害抚慰金', '￥5,000.00'],
      ['财产损失', '￥11,800.00'],
      ['交强险医疗费用赔偿限额项下赔偿', '￥18,000.00'],
      ['交强险死亡伤残赔偿限额项下赔偿', '￥22,000.00'],
      ['交强险财产损失赔偿限额项下赔偿', '￥2,000.00'],
      ['商业三者险按责任比例赔偿', '￥28,300.00'],
      ['已先行垫付', '￥10,000.00'],
    ]) {
      expect(flat, label).toContain(label);
      expect(flat, label).toContain(value);
    }
    expect(flat).toContain('残疾赔偿金无');
    expect(flat).toContain('各项损失合计￥70,300.00');
    expect(flat).toContain('交强险赔偿合计￥42,000.00');
  });

  it('办法 art. 51: a 减交 granted to the injured plaintiff is stated in the traffic judgment beside the fee burden (art. 29)', async () => {
    const { c } = await onDocket('411', 7_030_000);
    const reviewer = await userToken(h, admin, 'clerk2', '周审查', ['clerk']);
    const approver = await userToken(h, admin, 'boss', '陈庭长', ['approver']);
    const plaintiff = c.parties.find((p) => p.role === '原告')!;
    const app = await h.call(
      'relief.apply',
      {
        caseId: c.id,
        casePartyId: plaintiff.casePartyId,
        kind: 'reduce',
        ground: 'other',
        reasons: '原告因交通事故受伤住院，误工三个月，家庭生活困难。',
        evidence: [{ name: '长兴县人民医院住院病历', kind: '医疗证明' }],
        quote: { kind: 'property', amountsFen: [7_030_000] },
        requestedPercent: 50,
      },
      clerk,
    );
    await h.call('relief.act', { applicationId: app.id, action: 'grant', opinion: '确有困难' }, reviewer);
    await h.call('relief.act', { applicationId: app.id, action: 'grant' }, approver);
    await closeOn('2026-12-10');
    const v = await h.call('docket.close', close(c.id, { ...TRAFFIC, feeBorneBy: 'split', plaintiffFen: 10_000 }), judge);
    expect(v.closing!.burden).toEqual([
      { role: '原告', names: '张三', fen: 10_000 },
      { role: '被告', names: '李四', fen: 67_875 },
    ]);
    if (!PDFTOTEXT) return;
    expectInOrder(await judgmentText(c.id, 'traffic-relief'), [
      '案件受理费778.75元（已减半收取），100.00元由原告张三负担，678.75元由被告李四负担',
      '本院已准予原告张三减交诉讼费用',
      '上诉于浙江省湖州市中级人民法院',
    ]);
  });

  it('交强险 limits follow the accident date: before 19 September 2020 the 2008 limits', () => {
    expect(compulsoryLimits('2020-09-18', true)).toMatchObject({ medicalFen: 1_000_000, disabilityFen: 11_000_000, propertyFen: 200_000 });
    expect(compulsoryLimits('2020-09-19', true)).toMatchObject({ medicalFen: 1_800_000, disabilityFen: 18_000_000, propertyFen: 200_000 });
    expect(compulsoryLimits('2026-06-01', false)).toMatchObject({ medicalFen: 180_000, disabilityFen: 1_800_000, propertyFen: 10_000 });
  });

  it('never the sample: no judgment before the case is closed by judgment, and the template’s sample data is refused', async () => {
    const { c } = await onDocket('411', 7_030_000, [
      { role: '原告', party: ZHANG_SAN },
      { role: '被告', party: LI_SI },
    ]);
    const docs = countRows(h.core, 'documents');
    const early = await h.fail('documents.generate', { caseId: c.id, templateId: 'docket-judgment', format: 'pdf' }, judge);
    expect(early).toMatchObject({ code: 'VALIDATION', field: 'caseId' });
    expect(early.message).toContain('尚未以判决所载方式结案');
    const t = builtinTemplate('docket-judgment');
    const sample = await h.fail(
      'documents.generate',
      { caseId: c.id, templateId: 'docket-judgment', format: 'pdf', data: t.sample },
      judge,
    );
    expect(sample).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(sample.message).toContain('仍是模板样例');
    expect(countRows(h.core, 'documents')).toBe(docs);
  });
});
