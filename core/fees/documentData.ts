import { fieldError } from '../api/errors';
import type { CaseView } from '../cases';
import type { Db, Tx } from '../context';
import { readSetting } from '../settings';
import { yuan } from '../documents';
import type { DataBuilder, DataBuilderContext } from '../documents';
import { DEFAULT_PAYMENT_ACCOUNT } from './config';
import { decidedGround, groundBasis } from './grounds';
import { reliefInvitation, reliefTiming } from './reliefTiming';
import { quoteFee, type Quote, type QuoteRequest } from './quote';
import { grantedRelief, reliefView, type ReliefView } from './relief';
import { BANFA, CLOSINGS, FEE_KINDS, PROCEDURES } from './schedule';
import { readFeeQuoteSettings, suggestedFeeRequest } from './service';

/**
 * The data of the three fee documents (templates/fee-notice.txt, relief-decision.txt, relief-refusal.txt),
 * built from what the court holds:
 *
 * - 交纳诉讼费用通知书 from a quote (the calculator's request, `fees.noticeData`) or, for a case, from the
 *   case's suggested quote (the fees area's `fee-notice` data builder, so `documents.generate {caseId, templateId:
 *   'fee-notice'}` works for a 民初 case with an amount); relief granted to the addressee is stated and
 *   deducted.
 * - 准予…诉讼费用决定书 / 不予批准司法救助申请通知书 from the relief application
 *   (`documents.generate {caseId, templateId, subjectKind: 'relief', subjectId: applicationId}`).
 *
 * Amounts go in twice: fen (for the amountWords filter) and written yuan ("3,300.00").
 */

const plain = (fen: number) => yuan(fen, { symbol: '' });
const SEX: Record<string, string> = { male: '男', female: '女' };
const FIRST_ROLES = ['原告', '申请人', '申请执行人', '起诉人', '上诉人'];
const SECOND_ROLES = ['被告', '被申请人', '被执行人', '被上诉人'];

/** “你” or “你单位”, as a notice addresses a party. */
const youOf = (kind: 'person' | 'organisation' | string) => (kind === 'organisation' ? '你单位' : '你');

/** Text written by a person, ready to stand before a full stop: trimmed, without its own closing punctuation. */
export const sentenceBody = (s: string) => s.trim().replace(/[。．.；;，,\s]+$/u, '');

/** “原告张三诉被告长兴某某建材有限公司民间借贷纠纷一案” — how a court document names the case. */
export function caseTitle(view: CaseView): string {
  const names = (roles: string[]) => {
    const ps = view.parties.filter((p) => roles.includes(p.role));
    if (!ps.length) return null;
    return { role: ps[0]!.role, names: ps.map((p) => p.party.name).join('、') };
  };
  const a = names(FIRST_ROLES);
  const b = names(SECOND_ROLES);
  const cause = view.cause.name;
  if (a && b) return `${a.role}${a.names}${view.caseType === '民初' ? '诉' : '与'}${b.role}${b.names}${cause}一案`;
  if (a) return `${a.role}${a.names}${cause}一案`;
  const all = view.parties.map((p) => `${p.role}${p.party.name}`).join('、');
  return `${all}${cause}一案`;
}

/** The party that is asked to pay: the one given, or the first 原告 / 申请人 (who prepays, 办法 art. 20). */
function payer(view: CaseView, casePartyId?: number) {
  if (casePartyId !== undefined) {
    const p = view.parties.find((x) => x.casePartyId === casePartyId);
    if (!p) throw fieldError('casePartyId', '受通知人须是本案的当事人');
    return p;
  }
  return view.parties.find((p) => FIRST_ROLES.includes(p.role)) ?? view.parties[0];
}

/** What the fee is called in the notice: acceptance fees are 案件受理费; application fees keep their name. */
function feeName(q: Quote): string {
  if (q.kind === 'jurisdiction') return '管辖权异议案件受理费';
  return FEE_KINDS[q.kind].acceptance ? '案件受理费' : FEE_KINDS[q.kind].label;
}

export interface NoticeInput {
  db: Db | Tx;
  caseView: CaseView | null;
  courtName: string;
  issuedOn: string;
  request: Omit<QuoteRequest, 'on'>;
  /** the party notified (a case party); default: the first 原告 / 申请人 */
  casePartyId?: number | undefined;
  /** the addressee's name when there is no case (or to override) */
  addressee?: string | undefined;
}

/** The data of 交纳诉讼费用通知书, and the quote it states. */
export function feeNoticeData(i: NoticeInput) {
  const quote = quoteFee({ ...i.request, on: i.issuedOn }, readFeeQuoteSettings(i.db));
  if (quote.feeFen === 0)
    throw fieldError('kind', `${quote.kindLabel}不交纳诉讼费用，无需交费通知（${quote.breakdown[0]?.basis ?? BANFA}）`);
  const view = i.caseView;
  const party = view ? payer(view, i.casePartyId) : undefined;
  const addressee = i.addressee?.trim() || party?.party.name;
  if (!addressee) throw fieldError('addressee', '请填写受通知人（交费的当事人）');
  const kindOf = party && (!i.addressee?.trim() || i.addressee.trim() === party.party.name) ? party.party.kind : 'person';

  // relief granted to the addressee on this case: stated, and deducted from what is to be paid now
  const relief =
    view && party ? grantedRelief(i.db, view.id).filter((r) => reliefView(i.db, r.applicationId).casePartyId === party.casePartyId) : [];
  const relievedFen = Math.min(
    quote.feeFen,
    relief.reduce((s, r) => s + r.reliefFen, 0),
  );
  const reliefLines = relief.map((r) =>
    r.kind === 'defer' && r.deferredUntil ? `${r.statement}，缓交期限至${arabic(r.deferredUntil)}` : r.statement,
  );

  const bases = [...new Set(quote.breakdown.map((l) => l.basis).filter((b): b is string => Boolean(b)))];
  const account = readSetting(i.db, 'fees.paymentAccount') ?? DEFAULT_PAYMENT_ACCOUNT;
  const extras: string[] = [];
  if (i.request.procedure && i.request.procedure !== 'ordinary') extras.push(`适用${PROCEDURES[i.request.procedure]}`);
  if (i.request.closing && i.request.closing !== 'judgment') extras.push(`以${CLOSINGS[i.request.closing]}方式结案`);
  const data = {
    court: { name: i.courtName },
    caseNumber: view?.number ?? null,
    addressee,
    you: youOf(kindOf),
    caseTitle: view ? caseTitle(view) : null,
    fee: {
      name: feeName(quote),
      kindLabel: quote.kindLabel + (extras.length ? `（${extras.join('，')}）` : ''),
      basis: joinBases(bases),
      claimAmount: quote.amountFen !== null ? plain(quote.amountFen) : null,
      amount: plain(quote.feeFen),
      amountFen: quote.feeFen,
    },
    breakdown: quote.breakdown.map((l) => ({ label: l.label, formula: l.formula ?? '—', amount: l.yuan })),
    // the payment deadline is in the notice's own sentence
    notes: quote.notes.filter((n) => !n.includes('第二十二条')),
    relief: reliefLines,
    payable: plain(quote.feeFen - relievedFen),
    // what the desk accepts during the payment period, from the timing policy in force (./reliefTiming.ts)
    reliefInvitation: reliefInvitation(reliefTiming(i.db, i.issuedOn), kindOf === 'organisation' ? 'organisation' : 'person'),
    payableFen: quote.feeFen - relievedFen,
    prepay: FEE_KINDS[quote.kind].acceptance,
    account: { payee: account.payee || null, bank: account.bank || null, accountNo: account.accountNo || null, note: account.note || null },
    date: i.issuedOn,
  };
  return { data, quote };
}

const arabic = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** “《诉讼费用交纳办法》第十三条第（一）项、第十六条” — the statute named once. */
function joinBases(bases: string[]): string {
  if (!bases.length) return BANFA;
  const out: string[] = [];
  for (const b of bases) {
    for (const part of b.split('、')) {
      const text = out.length && part.startsWith(BANFA) ? part.slice(BANFA.length) : part;
      if (!out.includes(text) && !out.includes(BANFA + text)) out.push(text);
    }
  }
  return out.join('、');
}

// ───────────────────────────── relief documents ─────────────────────────────

function reliefFor(c: DataBuilderContext, want: 'decision' | 'refusal'): { v: ReliefView; view: CaseView } {
  const title = want === 'decision' ? '准予免交/减交/缓交诉讼费用决定书' : '不予批准司法救助申请通知书';
  if (c.subjectKind !== 'relief' || c.subjectId === undefined)
    throw fieldError('subjectId', `${title}须由司法救助申请生成（文书所属事项 relief 及申请编号）`);
  const v = reliefView(c.db, c.subjectId);
  if (!c.caseView) throw fieldError('caseId', `${title}须选择案件（${v.caseNumber}）`);
  if (c.caseView.id !== v.caseId) throw fieldError('subjectId', `该司法救助申请属于${v.caseNumber}，不是本案`);
  if (want === 'decision' && v.status !== 'granted' && v.status !== 'partly_granted')
    throw fieldError('subjectId', `该司法救助申请${v.decision ? v.statusLabel : `尚未决定（${v.statusLabel}）`}，不能生成准予决定书`);
  if (want === 'refusal' && v.status !== 'refused')
    throw fieldError(
      'subjectId',
      `该司法救助申请${v.decision ? `已${v.statusLabel}` : `尚未决定（${v.statusLabel}）`}，不能生成不予批准通知书`,
    );
  return { v, view: c.caseView };
}

function requestedText(v: ReliefView): string | null {
  if (v.kind === 'reduce' && v.requestedPercent !== null) return `申请减交${v.requestedPercent}%`;
  if (v.kind === 'defer' && v.requestedUntil) return `申请缓交至${arabic(v.requestedUntil)}`;
  return null;
}

/**
 * The ground as the decision quotes it: the statute's item word for word and its article. A 免交 granted in
 * part is a 减交 and cites art. 46 (its catch-all item), not art. 45.
 */
function groundData(v: ReliefView, partial = false) {
  const d = decidedGround(v.kind, v.ground, partial);
  const basis = d.ground ? groundBasis(d.kind, d.ground.id) : v.groundBasis;
  return { label: d.ground?.label ?? v.groundLabel, basis, article: basis.slice(BANFA.length) };
}

/** 准予免交/减交/缓交诉讼费用决定书 from a granted relief application. */
export const reliefDecisionData: DataBuilder = (c) => {
  const { v, view } = reliefFor(c, 'decision');
  const d = v.decision!;
  const cp = view.parties.find((p) => p.casePartyId === v.casePartyId)!;
  const p = cp.party;
  const org = p.kind === 'organisation';
  const percent = d.grantedPercent ?? 100;
  return {
    court: { name: c.courtName },
    caseNumber: view.number,
    title: d.documentTitle,
    kind: v.kind,
    kindLabel: v.kindLabel,
    verb: d.verb!.replace('部分', ''),
    partial: v.status === 'partly_granted' || (v.kind === 'defer' && percent < 100),
    applicant: {
      role: cp.role,
      kind: org ? 'organisation' : 'person',
      name: p.name,
      sex: org || !p.sex ? null : (SEX[p.sex] ?? null),
      birthDate: org ? null : p.birthDate,
      ethnicity: org ? null : p.ethnicity,
      address: p.address,
      idNumber: org ? null : p.idNumber,
      representative: org ? p.representative : null,
      representativeRole: org && p.representative ? '法定代表人' : null,
      representativeTitle: org ? p.representativeTitle : null,
    },
    caseTitle: caseTitle(view),
    appliedOn: v.appliedOn,
    requested: requestedText(v),
    evidence: v.evidence.map((e) => e.name),
    reasons: v.reasons.trim() ? sentenceBody(v.reasons) : null,
    ground: groundData(v, v.status === 'partly_granted'),
    fee: { amount: plain(v.feeFen), amountFen: v.feeFen },
    relief: {
      amount: plain(d.reliefFen),
      amountFen: d.reliefFen,
      percent,
      remaining: plain(v.feeFen - d.reliefFen),
      deferredUntil: d.deferredUntil,
    },
    decisionDate: d.decidedOn,
  };
};

/** 不予批准司法救助申请通知书 from a refused relief application, with the written reasons (办法 art. 48). */
export const reliefRefusalData: DataBuilder = (c) => {
  const { v, view } = reliefFor(c, 'refusal');
  const d = v.decision!;
  return {
    court: { name: c.courtName },
    caseNumber: view.number,
    addressee: v.applicant.name,
    you: youOf(v.applicant.kind),
    caseTitle: caseTitle(view),
    appliedOn: v.appliedOn,
    kindLabel: v.kindLabel,
    requested: requestedText(v),
    ground: { label: v.groundLabel, basis: v.groundBasis },
    reasons: sentenceBody(d.refusalReasons ?? ''),
    fee: { amount: plain(v.feeFen), amountFen: v.feeFen },
    decisionDate: d.decidedOn,
  };
};

/** 交纳诉讼费用通知书 for a case, from the fee its register suggests (a 民初 case with an amount, 民督, 财保). */
export const feeNoticeFromCase: DataBuilder = (c) => {
  if (!c.caseView) throw fieldError('caseId', '交纳诉讼费用通知书须选择案件，或在“诉讼费计算”中计算后打印');
  const request = suggestedFeeRequest(c.caseView);
  if (!request) {
    throw fieldError(
      'caseId',
      `无法由${c.caseView.number}自动确定计费方式（${c.caseView.caseTypeLabel}${c.caseView.amountFen === null ? '，未登记争议金额' : ''}），请在“诉讼费计算”中计算后打印交费通知`,
    );
  }
  return feeNoticeData({ db: c.db, caseView: c.caseView, courtName: c.courtName, issuedOn: c.issuedOn, request }).data;
};

/** The fee documents' data builders, declared in the fees area's descriptor (core/fees/index.ts). */
export const FEE_DATA_BUILDERS: Record<string, DataBuilder> = {
  'fee-notice': feeNoticeFromCase,
  'relief-decision': reliefDecisionData,
  'relief-refusal': reliefRefusalData,
};
