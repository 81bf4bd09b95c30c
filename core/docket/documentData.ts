import { and, desc, eq, inArray } from 'drizzle-orm';
import { docketCases, docketHearings, users } from '../../db/schema';
import { fieldError } from '../api/errors';
import { partyParticulars, type CaseView } from '../cases';
import { yuan } from '../documents/chinese';
import type { DataBuilder, DataBuilderContext } from '../documents';
import { caseTitle } from '../fees/documentData';
import { grantedRelief } from '../fees/relief';
import { readSetting } from '../settings';
import { closingOf, feeSentences, type ClosingRow, type FeeSettlement } from './closing';
import { derivedElements, ELEMENT_SETS, type ElementDef, type ElementValues, type JudgmentKind } from './elements';
import { courtCalendar } from '../calendar/courtCalendar';
import { hearingTimeText, NOTICE_BASIS, noticeCheck } from './hearings';
import { PROCEDURE_LABELS, type Procedure } from './triage';

/**
 * The data of the docket's documents (templates/docket-*.txt), only from the record: the summons and the notices
 * of appearance from a hearing (`subjectKind: 'hearing'`, `subjectId`: the hearing), the closing documents from
 * the case's closing (the elements, terms or dates the judge entered, the fee settled, the relief granted). A
 * builder refuses (naming the field) what the record cannot support — it never leaves a field to the template's
 * sample, so no document leaves with sample content.
 */

const namesOf = (view: CaseView, role: string) =>
  view.parties
    .filter((p) => p.role === role)
    .map((p) => p.party.name)
    .join('、');

function needCase(c: DataBuilderContext, title: string): CaseView {
  if (!c.caseView) throw fieldError('caseId', `${title}须选择案件`);
  return c.caseView;
}

function docketRow(c: DataBuilderContext, view: CaseView, title: string) {
  const row = c.db
    .select({ procedure: docketCases.procedure, judgeId: docketCases.judgeId, judgeName: users.displayName })
    .from(docketCases)
    .leftJoin(users, eq(users.id, docketCases.judgeId))
    .where(eq(docketCases.caseId, view.id))
    .get();
  if (!row?.procedure) throw fieldError('caseId', `${title}只能由已分流的速裁案件生成（${view.number}）`);
  if (!row.judgeName) throw fieldError('caseId', `${view.number} 尚未分配承办法官，不能生成${title}`);
  return { procedure: row.procedure as Procedure, judge: row.judgeName };
}

// ─── hearing documents ────────────────────────────────────────────────────────────────────────────────────

function hearingOf(c: DataBuilderContext, view: CaseView, title: string) {
  if (c.subjectKind !== 'hearing' || c.subjectId === undefined) throw fieldError('subjectId', `${title}须从一次庭审生成`);
  const h = c.db
    .select({
      caseId: docketHearings.caseId,
      courtroom: docketHearings.courtroom,
      startsAt: docketHearings.startsAt,
      status: docketHearings.status,
      shortNoticeReason: docketHearings.shortNoticeReason,
    })
    .from(docketHearings)
    .where(eq(docketHearings.id, c.subjectId))
    .get();
  if (!h || h.caseId !== view.id) throw fieldError('subjectId', `该庭审不属于本案（${view.number}）`);
  if (h.status !== 'scheduled') throw fieldError('subjectId', `该庭审已${h.status === 'postponed' ? '延期' : '举行'}，不能再生成${title}`);
  // 民诉法 art. 139: issued today, is it still three days before the hearing? (a short notice recorded when the
  // hearing was scheduled — simplified procedure, core/docket/hearings.ts — stands)
  const n = noticeCheck(c.issuedOn, h.startsAt.slice(0, 10), courtCalendar(c.db));
  if (!n.inTime && !h.shortNoticeReason)
    throw fieldError(
      'subjectId',
      `今天（${c.issuedOn}）签发的${title}距开庭只有 ${n.days} 日，不足三日（${NOTICE_BASIS}）：请先延期开庭，重新排期（最早 ${n.earliest}）`,
    );
  return { time: hearingTimeText(h.startsAt), place: `${c.courtName}${h.courtroom}` };
}

/** 民诉法 arts. 146, 147: what happens if a summoned party stays away (2023 numbering). */
function consequence(role: string): string {
  if (role === '原告')
    return '原告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以按撤诉处理（《中华人民共和国民事诉讼法》第一百四十六条）。';
  if (role === '被告')
    return '被告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺席判决（《中华人民共和国民事诉讼法》第一百四十七条）。';
  return '被传唤人无正当理由拒不到庭的，人民法院可以依法处理。';
}

const summons: DataBuilder = (c) => {
  const view = needCase(c, '传票');
  const d = docketRow(c, view, '传票');
  const h = hearingOf(c, view, '传票');
  return {
    court: { name: c.courtName },
    caseNumber: view.number,
    cause: view.cause.name,
    summoned: view.parties.map((p) => ({
      name: p.party.name,
      role: p.role,
      address: p.party.address ?? '',
      consequence: consequence(p.role),
    })),
    purpose: '开庭审理',
    time: h.time,
    place: h.place,
    judge: d.judge,
    date: c.issuedOn,
  };
};

const appearanceNotice: DataBuilder = (c) => {
  const view = needCase(c, '出庭通知书');
  docketRow(c, view, '出庭通知书');
  const h = hearingOf(c, view, '出庭通知书');
  const notified = view.parties.flatMap((p) =>
    p.agents.map((a) => ({ name: a.name, capacity: `${p.role}${p.party.name}的委托诉讼代理人` })),
  );
  if (!notified.length) throw fieldError('subjectId', '本案当事人没有委托诉讼代理人，无须出庭通知书（当事人本人请用传票）');
  return {
    court: { name: c.courtName },
    caseNumber: view.number,
    caseTitle: caseTitle(view),
    notified,
    time: h.time,
    place: h.place,
    date: c.issuedOn,
  };
};

// ─── closing documents ────────────────────────────────────────────────────────────────────────────────────

function closingFor(c: DataBuilderContext, view: CaseView, method: string, title: string): ClosingRow {
  const row = closingOf(c.db, view.id);
  if (!row || row.method !== method)
    throw fieldError('caseId', `${view.number} 尚未以${title.replace(/^民事/, '')}所载方式结案，请先在速裁案件中登记结案`);
  return row;
}

/** Items of a list in a court document: each ends with “；”, the last with “。”. */
function items(xs: string[]): string[] {
  const body = xs.map((x) => x.trim().replace(/[。；;，,.\s]+$/u, '')).filter(Boolean);
  return body.map((x, i) => `${x}${i === body.length - 1 ? '。' : '；'}`);
}

function fee(c: DataBuilderContext, view: CaseView, row: ClosingRow, procedure: Procedure): string[] {
  const s: FeeSettlement = {
    feeBeforeFen: row.feeBeforeFen,
    feeFen: row.feeFen,
    feeRule: row.feeRule,
    paidFen: row.paidFen,
    refundFen: row.refundFen,
    burden: JSON.parse(row.burden) as FeeSettlement['burden'],
  };
  // 办法 art. 51: 免交 and 减交 granted are stated in the judgment, ruling or mediation document
  const relief = grantedRelief(c.db, view.id)
    .filter((r) => r.kind !== 'defer')
    .map((r) => r.statement);
  // halved under the simplified procedure (办法 art. 16) or on mediation or withdrawal (art. 15), once
  const halved = procedure !== 'ordinary' || row.method === 'mediation' || row.method === 'withdrawal';
  return feeSentences(s, relief, halved);
}

const base = (c: DataBuilderContext, view: CaseView, judge: string, clerk: string) => ({
  court: { name: c.courtName },
  caseNumber: view.number,
  parties: partyParticulars(view, '委托诉讼代理人'),
  caseTitle: caseTitle(view),
  judge,
  clerk,
  date: c.issuedOn,
});

function elementValue(def: ElementDef, v: unknown): string {
  if (v === undefined || v === null || v === '') return '无';
  if (def.type === 'fen') return yuan(v as number);
  if (def.type === 'date') {
    const [y, m, d] = String(v).split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  if (def.type === 'number') return `${String(v)}${def.unit ?? ''}`;
  return String(v);
}

const CIVIL_CODE = '《中华人民共和国民法典》';
const given = (e: ElementValues, k: string) => typeof e[k] === 'number' && e[k] > 0;

/**
 * The citation of an element-style judgment: the substantive articles for the cause (some only when the
 * elements call for them), then the procedure's.
 * - loans: 民法典 arts. 667, 675, 676 (private); with arts. 509, 577 and, for a bank, 674 (cards and bank loans);
 * - sale: arts. 509 (performance), 577 (liability for breach), 579 (money owed), 595 (sale), 626 (the price);
 *   a penalty agreed → art. 585; none agreed but the loss of late payment claimed → art. 584 and 买卖合同解释
 *   art. 18 (the LPR-based loss);
 * - property services: arts. 509, 577, 937 (the contract), 939 (binding on owners), 944 (the fee; 催交 before
 *   suit); a late fee claimed → art. 585;
 * - traffic: arts. 1165 para. 1 (fault), 1179 (heads of personal injury), 1208 (as the road traffic law
 *   provides), 1213 (交强险 first, then commercial cover, then the tortfeasor), 道路交通安全法 art. 76 para. 1;
 *   mental distress claimed → art. 1183 para. 1; property loss → art. 1184.
 */
function citationFor(kind: JudgmentKind, e: ElementValues): string {
  const art = (xs: string[]) => `${CIVIL_CODE}${xs.join('、')}`;
  switch (kind) {
    case 'private-loan':
      return art(['第六百六十七条', '第六百七十五条', '第六百七十六条']);
    case 'credit-card':
      return art(['第五百零九条', '第五百七十七条', '第六百七十五条', '第六百七十六条']);
    case 'financial-loan':
      return art(['第五百零九条', '第五百七十七条', '第六百七十四条', '第六百七十五条', '第六百七十六条']);
    case 'sale': {
      const agreed = !/^(未约定|无|没有约定)/u.test(String(e.penalty ?? '').trim());
      const claimed = given(e, 'penaltyFen');
      const xs = ['第五百零九条', '第五百七十七条', '第五百七十九条'];
      if (claimed && !agreed) xs.push('第五百八十四条');
      if (claimed && agreed) xs.push('第五百八十五条');
      xs.push('第五百九十五条', '第六百二十六条');
      return `${art(xs)}${claimed && !agreed ? '，《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条' : ''}`;
    }
    case 'property-service':
      return art([
        '第五百零九条',
        '第五百七十七条',
        ...(given(e, 'lateFeeFen') ? ['第五百八十五条'] : []),
        '第九百三十七条',
        '第九百三十九条',
        '第九百四十四条',
      ]);
    case 'traffic':
      return `${art([
        '第一千一百六十五条第一款',
        '第一千一百七十九条',
        ...(given(e, 'mentalFen') ? ['第一千一百八十三条第一款'] : []),
        ...(given(e, 'propertyFen') ? ['第一千一百八十四条'] : []),
        '第一千二百零八条',
        '第一千二百一十三条',
      ])}，《中华人民共和国道路交通安全法》第七十六条第一款`;
  }
}

const judgment: DataBuilder = (c) => {
  const view = needCase(c, '民事判决书');
  const d = docketRow(c, view, '民事判决书');
  const row = closingFor(c, view, 'judgment', '判决');
  const e = JSON.parse(row.elements) as {
    kind: JudgmentKind;
    elements: ElementValues;
    claims: string[];
    reasoning: string;
    orders: string[];
    clerk: string;
  };
  const set = ELEMENT_SETS[e.kind];
  const final = d.procedure === 'small-claims';
  const appealCourt = readSetting(c.db, 'docket.appealCourt') ?? '';
  if (!final && !appealCourt) throw fieldError('appealCourt', '请先在“速裁设置”中填写上诉法院（上一级人民法院）的名称');
  const held = c.db
    .select({ startsAt: docketHearings.startsAt })
    .from(docketHearings)
    .where(and(eq(docketHearings.caseId, view.id), inArray(docketHearings.status, ['held', 'scheduled'])))
    .orderBy(desc(docketHearings.startsAt))
    .all()
    .find((h) => h.startsAt.slice(0, 10) <= row.closedOn);
  const procedureCite = {
    'small-claims': '，《中华人民共和国民事诉讼法》第一百六十五条',
    simplified: '，《中华人民共和国民事诉讼法》第一百六十条',
    ordinary: '',
  }[d.procedure];
  return {
    ...base(c, view, d.judge, e.clerk),
    acceptanceDate: view.receivedOn,
    procedure: PROCEDURE_LABELS[d.procedure],
    hearing: held ? `于${hearingTimeText(held.startsAt).replace(/\d+时.*$/, '')}公开开庭进行了审理` : '依法进行了审理',
    plaintiffs: namesOf(view, '原告'),
    claims: items(e.claims),
    elementTitle: `${set.label}要素`,
    elements: [
      ...(set.elements as readonly ElementDef[])
        .filter((x) => x.required || x.always || e.elements[x.key] !== undefined)
        // the form's hint in the last brackets is dropped, only it: 违约金（滞纳金）的约定（未约定的写“未约定”） → 违约金（滞纳金）的约定
        .map((x) => ({ label: x.label.replace(/（[^（）]*）$/u, ''), value: elementValue(x, e.elements[x.key]) })),
      ...derivedElements(e.kind, e.elements).map((d) => ({ label: d.label, value: yuan(d.fen) })),
    ],
    reasoning: e.reasoning.trim().replace(/[。；;.]+$/u, ''),
    citation: `${citationFor(e.kind, e.elements)}${procedureCite}`,
    orders: items(e.orders),
    // 民诉法 art. 264 (2023 numbering): the sentence every money judgment carries
    delayLine:
      '如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，加倍支付迟延履行期间的债务利息。',
    feeLines: fee(c, view, row, d.procedure),
    final,
    appealCourt: final ? null : appealCourt,
    date: row.closedOn,
  };
};

const mediationPaper: DataBuilder = (c) => {
  const view = needCase(c, '民事调解书');
  const d = docketRow(c, view, '民事调解书');
  const row = closingFor(c, view, 'mediation', '调解');
  const e = JSON.parse(row.elements) as { terms: string[]; clerk: string };
  return {
    ...base(c, view, d.judge, e.clerk),
    acceptanceDate: view.receivedOn,
    procedure: PROCEDURE_LABELS[d.procedure],
    claims: view.claims ?? null,
    terms: items(e.terms),
    feeLines: fee(c, view, row, d.procedure),
    date: row.closedOn,
  };
};

const withdrawalRuling: DataBuilder = (c) => {
  const view = needCase(c, '准许撤诉裁定书');
  const d = docketRow(c, view, '准许撤诉裁定书');
  const row = closingFor(c, view, 'withdrawal', '准许撤诉');
  const e = JSON.parse(row.elements) as { appliedOn: string; clerk: string };
  return {
    ...base(c, view, d.judge, e.clerk),
    plaintiffs: namesOf(view, '原告'),
    appliedOn: e.appliedOn,
    feeLines: fee(c, view, row, d.procedure),
    date: row.closedOn,
  };
};

const deemedWithdrawalRuling: DataBuilder = (c) => {
  const view = needCase(c, '按撤诉处理裁定书');
  const d = docketRow(c, view, '按撤诉处理裁定书');
  const row = closingFor(c, view, 'deemed-withdrawal', '按撤诉处理');
  const e = JSON.parse(row.elements) as { noticeOn: string; dueOn: string; clerk: string };
  return {
    ...base(c, view, d.judge, e.clerk),
    plaintiffs: namesOf(view, '原告'),
    noticeOn: e.noticeOn,
    dueOn: e.dueOn,
    date: row.closedOn,
  };
};

export const CLOSING_TEMPLATES: Record<string, string> = {
  judgment: 'docket-judgment',
  mediation: 'docket-mediation-paper',
  withdrawal: 'docket-ruling-withdrawal',
  'deemed-withdrawal': 'docket-ruling-deemed-withdrawal',
};

export const DOCKET_DATA_BUILDERS: Record<string, DataBuilder> = {
  'docket-summons': summons,
  'docket-appearance-notice': appearanceNotice,
  'docket-judgment': judgment,
  'docket-mediation-paper': mediationPaper,
  'docket-ruling-withdrawal': withdrawalRuling,
  'docket-ruling-deemed-withdrawal': deemedWithdrawalRuling,
};
