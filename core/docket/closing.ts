import { and, eq, inArray, sql } from 'drizzle-orm';
import { cases, docketCases, docketCloseStats, docketClosings, docketConversions, reliefApplications } from '../../db/schema';
import { daysBetween } from '../calendar/calendar';
import { ApiError, conflict, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { courtCalendar } from '../calendar/courtCalendar';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext, Db, Tx } from '../context';
import { yuan } from '../documents/chinese';
import { quoteFee } from '../fees/quote';
import { readFeeQuoteSettings, suggestedFeeRequest } from '../fees/service';
import { casePayments } from '../fees/payments';
import { noticeDeadline } from '../fees/reliefTiming';
import { computeDeadline } from '../periods';
import { dateShanghai, isoShanghai } from '../time/clock';
import { refreshDue } from './dueDate';
import { checkElements, ELEMENT_SETS, type ElementDef, type JudgmentKind } from './elements';
import { CLOSE_METHOD_LABELS } from './meta';
import type { CloseMethod } from './schemas';
import { PROCEDURE_LABELS, type Procedure } from './triage';

/**
 * Closing a docket case: the method (judgment, mediation, withdrawal, deemed withdrawal for an unpaid fee,
 * transfer to ordinary procedure), the result and date, what the closing document states (the elements of an
 * element-style judgment, the terms of a 民事调解书, the date of the withdrawal application), and the fee settled
 * once, in the same transaction:
 * - 办法 art. 16: a case tried in the simplified procedure (small claims included) pays half the acceptance fee;
 * - 办法 art. 15: closed by mediation or an approved withdrawal, half the fee; a fee is halved **once only**
 *   (解释 art. 206), so a simplified case closed by mediation still pays half, never a quarter (core/fees quoteFee);
 * - 办法 art. 29: a judgment puts the fee on the losing side (or splits it); art. 31: a mediated case as the
 *   parties agree; art. 34: an approved withdrawal on the plaintiff;
 * - 解释 art. 213: a plaintiff who does not prepay the fee after the notice (or whose relief application was not
 *   granted) has the suit treated as withdrawn; nothing was paid, so no fee is charged;
 * - 办法 art. 51: relief granted is stated in the document; 办法 art. 53: the fee each party bears is stated and
 *   what was overpaid is refunded (recorded here as the refund due; the refund itself is recorded on payment).
 * Transfer to ordinary procedure (民诉法 art. 170) takes the case off the fast track and asks for the other half
 * of the fee within 7 days (办法 art. 22), like a conversion.
 */

export type FeeBorneBy = 'defendants' | 'plaintiffs' | 'split';

export interface CloseInput {
  caseId: number;
  method: CloseMethod;
  closedOn: string;
  result?: string | undefined;
  /** the clerk (书记员) named on the closing document */
  clerk?: string | undefined;
  judgment?:
    | {
        kind: JudgmentKind;
        elements: Record<string, string | number>;
        claims: string[];
        reasoning: string;
        orders: string[];
        feeBorneBy: FeeBorneBy;
        plaintiffFen?: number | undefined;
      }
    | undefined;
  mediation?: { terms: string[]; feeBorneBy: FeeBorneBy; plaintiffFen?: number | undefined } | undefined;
  withdrawal?: { appliedOn: string } | undefined;
  transfer?: { reason: string } | undefined;
}

const FIRST = ['原告'];
const SECOND = ['被告'];

function namesOf(db: Db | Tx, caseId: number, roles: string[]): string[] {
  return db
    .all<{ name: string; role: string }>(
      sql`SELECT p.name AS name, cp.role AS role FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ${caseId} ORDER BY cp.seq`,
    )
    .filter((r) => roles.includes(r.role))
    .map((r) => r.name);
}

export interface FeeSettlement {
  feeBeforeFen: number;
  feeFen: number;
  feeRule: string;
  paidFen: number;
  refundFen: number;
  burden: { role: string; names: string; fen: number }[];
}

const FEE_PROCEDURE: Record<Procedure, 'small-claims' | 'simplified' | 'ordinary'> = {
  'small-claims': 'small-claims',
  simplified: 'simplified',
  ordinary: 'ordinary',
};

/** The fee settled on closing (see the module comment for the rules). */
export function settleFee(
  db: Db | Tx,
  caseId: number,
  procedure: Procedure,
  method: CloseMethod,
  borne: { by: FeeBorneBy; plaintiffFen?: number | undefined } | null,
  on: string,
): FeeSettlement {
  const c = db.select({ caseType: cases.caseType, amountFen: cases.amountFen }).from(cases).where(eq(cases.id, caseId)).get();
  if (!c) throw notFound('案件');
  const request = suggestedFeeRequest(c);
  const settings = readFeeQuoteSettings(db);
  const pay = casePayments(db, caseId);
  const paidFen = pay.paidFen - pay.refundedFen;
  const plaintiffs = namesOf(db, caseId, FIRST).join('、');
  const defendants = namesOf(db, caseId, SECOND).join('、');
  if (!request) {
    return {
      feeBeforeFen: 0,
      feeFen: 0,
      feeRule: '本案不按标的额计收案件受理费，诉讼费用在“诉讼费用”页结算',
      paidFen,
      refundFen: 0,
      burden: [],
    };
  }
  const quote = (closing?: 'mediation' | 'withdrawal') =>
    quoteFee({ ...request, procedure: FEE_PROCEDURE[procedure], ...(closing ? { closing } : {}), on }, settings).feeFen;
  const before = quote();
  const halvedBy = procedure === 'ordinary' ? '' : '适用简易程序审理，减半收取（《诉讼费用交纳办法》第十六条）';
  let feeFen = before;
  let rule: string;
  let burden: FeeSettlement['burden'] = [];
  const split = (fee: number) => {
    if (!borne) return [];
    if (borne.by === 'defendants') return [{ role: '被告', names: defendants, fen: fee }];
    if (borne.by === 'plaintiffs') return [{ role: '原告', names: plaintiffs, fen: fee }];
    const p = borne.plaintiffFen ?? -1;
    if (!Number.isSafeInteger(p) || p < 0 || p > fee)
      throw fieldError('plaintiffFen', `原告负担的部分须在 0 至 ${yuan(fee)} 之间（案件受理费共 ${yuan(fee)}）`);
    return [
      { role: '原告', names: plaintiffs, fen: p },
      { role: '被告', names: defendants, fen: fee - p },
    ].filter((b) => b.fen > 0);
  };
  switch (method) {
    case 'judgment':
      rule = `案件受理费 ${yuan(before)}${halvedBy ? `，${halvedBy}` : ''}；由败诉方负担，部分胜诉的由双方分担（《诉讼费用交纳办法》第二十九条）`;
      burden = split(feeFen);
      break;
    case 'mediation':
    case 'withdrawal': {
      feeFen = quote(method);
      const why = method === 'mediation' ? '以调解方式结案' : '原告申请撤诉，本院准许';
      const once = procedure === 'ordinary' ? '' : '；已因适用简易程序减半的，不再减半（减半只适用一次）';
      rule = `${why}，案件受理费减半收取（《诉讼费用交纳办法》第十五条）${once}，为 ${yuan(feeFen)}；${
        method === 'mediation' ? '负担由双方协商确定（第三十一条）' : '由原告负担（第三十四条）'
      }`;
      burden = method === 'withdrawal' ? [{ role: '原告', names: plaintiffs, fen: feeFen }] : split(feeFen);
      break;
    }
    case 'deemed-withdrawal':
      feeFen = 0;
      rule =
        '原告经通知未预交案件受理费，按撤诉处理，不收取案件受理费（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百一十三条）';
      break;
    case 'transfer': {
      feeFen = quoteFee({ ...request, procedure: 'ordinary', on }, settings).feeFen;
      rule = `转为普通程序审理，案件受理费按普通程序计收 ${yuan(feeFen)}，不再减半（《诉讼费用交纳办法》第十六条）`;
      break;
    }
  }
  const refundFen = method === 'transfer' ? 0 : Math.max(0, paidFen - feeFen);
  return { feeBeforeFen: before, feeFen, feeRule: rule, paidFen, refundFen, burden };
}

/** The sentences a closing document states on the fee: the amount, who bears it, relief granted (办法 arts. 51, 53). */
export function feeSentences(s: FeeSettlement, relief: string[], halved: boolean): string[] {
  const out: string[] = [];
  if (s.feeFen > 0 && s.burden.length) {
    const who = s.burden.map((b) => `${s.burden.length > 1 ? `${yuan(b.fen, { symbol: '' })}元` : ''}由${b.role}${b.names}负担`).join('，');
    out.push(`案件受理费${yuan(s.feeFen, { symbol: '' })}元${halved ? '（已减半收取）' : ''}，${who}`);
  }
  out.push(...relief);
  if (s.refundFen > 0) out.push(`原告已预交的案件受理费中${yuan(s.refundFen, { symbol: '' })}元，由本院退还`);
  return out;
}

function requireJudge(ctx: CallContext, row: typeof docketCases.$inferSelect) {
  if (row.status !== 'open') throw conflict('本案不在审理中，不能结案');
  const a = ctx.actor;
  if (a && a.userId !== row.judgeId && !a.roles.includes('approver') && !a.roles.includes('admin'))
    throw new ApiError('FORBIDDEN', '只有本案承办法官可以办理');
}

const listed = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);

/** What each method needs, checked before anything is written; refusals name the field. */
function checkInput(db: Db | Tx, i: CloseInput, row: typeof docketCases.$inferSelect, today: string) {
  if (i.closedOn < row.filedOn) throw fieldError('closedOn', `结案日期不能早于立案日期 ${row.filedOn}`);
  if (i.closedOn > today) throw fieldError('closedOn', '结案日期不能晚于今天');
  const needClerk = ['judgment', 'mediation', 'withdrawal', 'deemed-withdrawal'].includes(i.method);
  if (needClerk && !i.clerk?.trim()) throw fieldError('clerk', '请填写书记员（文书落款）');
  switch (i.method) {
    case 'judgment': {
      const j = i.judgment;
      if (!j) throw fieldError('judgment', '判决结案须填写判决要素');
      const set = ELEMENT_SETS[j.kind];
      for (const e of set.elements) {
        const v = j.elements[e.key];
        if (e.required && (v === undefined || v === '' || v === null))
          throw fieldError(`judgment.elements.${e.key}`, `请填写要素“${e.label}”`);
        if (v !== undefined && e.type === 'fen' && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0))
          throw fieldError(`judgment.elements.${e.key}`, `要素“${e.label}”应为不小于 0 的金额`);
        if (v !== undefined && e.type === 'date' && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || v > i.closedOn))
          throw fieldError(`judgment.elements.${e.key}`, `要素“${e.label}”应为不晚于结案日期的日期`);
        const max = (e as ElementDef).max ?? Number.MAX_SAFE_INTEGER;
        if (v !== undefined && e.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max))
          throw fieldError(
            `judgment.elements.${e.key}`,
            `要素“${e.label}”应为 0 至 ${max} 之间的数${(e as ElementDef).unit ? `（${(e as ElementDef).unit}）` : ''}`,
          );
      }
      const unknown = Object.keys(j.elements).find((k) => !set.elements.some((e) => e.key === k));
      if (unknown) throw fieldError(`judgment.elements.${unknown}`, `${set.label}没有要素“${unknown}”`);
      // the set's own checks (arrears within the price, 交强险 within its limits …), naming the element
      const problem = checkElements(j.kind, j.elements);
      if (problem) {
        const label = set.elements.find((e) => e.key === problem.key)?.label ?? problem.key;
        throw fieldError(`judgment.elements.${problem.key}`, `要素“${label.replace(/（.*）$/u, '')}”：${problem.message}`);
      }
      if (!listed(j.claims).length) throw fieldError('judgment.claims', '请填写诉讼请求');
      if (!listed(j.orders).length) throw fieldError('judgment.orders', '请填写判决主文');
      if (!j.reasoning.trim()) throw fieldError('judgment.reasoning', '请填写本院认为');
      break;
    }
    case 'mediation':
      if (!i.mediation || !listed(i.mediation.terms).length) throw fieldError('mediation.terms', '调解结案须填写调解协议的内容');
      break;
    case 'withdrawal':
      if (!i.withdrawal) throw fieldError('withdrawal.appliedOn', '请填写原告申请撤诉的日期');
      if (i.withdrawal.appliedOn < row.filedOn || i.withdrawal.appliedOn > i.closedOn)
        throw fieldError('withdrawal.appliedOn', `申请撤诉日期须在立案日期 ${row.filedOn} 与结案日期之间`);
      break;
    case 'deemed-withdrawal': {
      // 解释 art. 213: only after a notice to prepay whose deadline has passed, and no relief application pending
      const notice = noticeDeadline(db, i.caseId);
      if (!notice) throw fieldError('method', '尚未向原告发出交纳诉讼费用通知书，不能按撤诉处理（解释第二百一十三条：应当先通知预交）');
      if (i.closedOn <= notice.due) throw fieldError('closedOn', `交纳期限 ${notice.due} 尚未届满，不能按撤诉处理`);
      const pending = db
        .select({ id: reliefApplications.id })
        .from(reliefApplications)
        .where(and(eq(reliefApplications.caseId, i.caseId), inArray(reliefApplications.status, ['pending', 'reviewed'])))
        .get();
      if (pending) throw fieldError('method', '原告申请缓交、减交或者免交诉讼费用尚在审批中，不能按撤诉处理');
      const pay = casePayments(db, i.caseId);
      if (pay.paidFen - pay.refundedFen > 0)
        throw fieldError('method', `原告已交纳诉讼费用 ${yuan(pay.paidFen - pay.refundedFen)}，不属于未预交`);
      return notice;
    }
    case 'transfer':
      if (!i.transfer?.reason.trim()) throw fieldError('transfer.reason', '请填写转为普通程序的理由');
      if (row.procedure === 'ordinary') throw fieldError('method', '本案已适用普通程序');
      break;
  }
  return null;
}

/** A one-line result when the judge gives none: what the document decides. */
function defaultResult(i: CloseInput): string {
  switch (i.method) {
    case 'judgment':
      return listed(i.judgment!.orders).join('；');
    case 'mediation':
      return `调解结案：${listed(i.mediation!.terms).join('；')}`;
    case 'withdrawal':
      return '准许原告撤回起诉';
    case 'deemed-withdrawal':
      return '原告未预交案件受理费，按撤诉处理';
    case 'transfer':
      return `转为普通程序审理：${i.transfer!.reason}`;
  }
}

export function closeDocketCase(ctx: CallContext, i: CloseInput) {
  const today = dateShanghai(ctx.core.clock.now());
  return writeTransaction(ctx.core, (tx) => {
    const row = tx.select().from(docketCases).where(eq(docketCases.caseId, i.caseId)).get();
    if (!row) throw notFound('速裁案件');
    requireJudge(ctx, row);
    const notice = checkInput(tx, i, row, today);
    const procedure = row.procedure as Procedure;
    const borne = i.judgment
      ? { by: i.judgment.feeBorneBy, plaintiffFen: i.judgment.plaintiffFen }
      : i.mediation
        ? { by: i.mediation.feeBorneBy, plaintiffFen: i.mediation.plaintiffFen }
        : null;
    const fee = settleFee(tx, i.caseId, procedure, i.method, borne, row.filedOn);
    const result = i.result?.trim() || defaultResult(i);
    const elements =
      i.method === 'judgment'
        ? { ...i.judgment!, claims: listed(i.judgment!.claims), orders: listed(i.judgment!.orders), clerk: i.clerk!.trim() }
        : i.method === 'mediation'
          ? { terms: listed(i.mediation!.terms), clerk: i.clerk!.trim() }
          : i.method === 'withdrawal'
            ? { appliedOn: i.withdrawal!.appliedOn, clerk: i.clerk!.trim() }
            : i.method === 'deemed-withdrawal'
              ? { noticeOn: notice!.issuedOn, dueOn: notice!.due, clerk: i.clerk!.trim() }
              : { reason: i.transfer!.reason };
    const at = isoShanghai(ctx.core.clock.now());
    const byId = ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null;
    const closing = tx
      .insert(docketClosings)
      .values({
        caseId: i.caseId,
        method: i.method,
        closedOn: i.closedOn,
        judgmentKind: i.judgment?.kind ?? null,
        elements: JSON.stringify(elements),
        feeBeforeFen: fee.feeBeforeFen,
        feeFen: fee.feeFen,
        feeRule: fee.feeRule,
        paidFen: fee.paidFen,
        refundFen: fee.refundFen,
        burden: JSON.stringify(fee.burden),
        byId,
        at,
      })
      .returning()
      .get();
    if (i.method === 'transfer') {
      const topUp = Math.max(0, fee.feeFen - fee.feeBeforeFen);
      const feeDueOn = topUp > 0 ? computeDeadline(courtCalendar(tx), 'fee-payment', i.closedOn).due : null;
      tx.insert(docketConversions)
        .values({
          caseId: i.caseId,
          fromProcedure: procedure,
          toProcedure: 'ordinary',
          onDate: i.closedOn,
          reason: i.transfer!.reason,
          feeDueFen: topUp,
          feeDueOn,
          byId,
          at,
        })
        .run();
    }
    const status = i.method === 'transfer' ? 'transferred' : 'closed';
    tx.update(docketCases)
      .set({
        status,
        closedOn: i.closedOn,
        closeMethod: i.method,
        closeResult: result,
        ...(i.method === 'transfer' ? { procedure: 'ordinary', byConsent: false } : {}),
      })
      .where(eq(docketCases.caseId, i.caseId))
      .run();
    refreshDue(tx, i.caseId);
    // the centre's monthly counters (docket_close_stats), in the same transaction as the closing
    const days = daysBetween(row.filedOn, i.closedOn);
    const mw = ['mediation', 'withdrawal', 'deemed-withdrawal'].includes(i.method) ? 1 : 0;
    tx.insert(docketCloseStats)
      .values({ judgeId: row.judgeId ?? 0, month: i.closedOn.slice(0, 7), closed: 1, days, mediatedOrWithdrawn: mw })
      .onConflictDoUpdate({
        target: [docketCloseStats.judgeId, docketCloseStats.month],
        set: {
          closed: sql`${docketCloseStats.closed} + 1`,
          days: sql`${docketCloseStats.days} + ${days}`,
          mediatedOrWithdrawn: sql`${docketCloseStats.mediatedOrWithdrawn} + ${mw}`,
        },
      })
      .run();
    const feeText = fee.feeFen > 0 || fee.refundFen > 0 ? `；${fee.feeRule}${fee.refundFen ? `；应退还 ${yuan(fee.refundFen)}` : ''}` : '';
    addCaseEvent(
      tx,
      ctx,
      i.caseId,
      'docket.closed',
      `结案（${CLOSE_METHOD_LABELS[i.method]}${i.method === 'transfer' ? `，原适用${PROCEDURE_LABELS[procedure]}` : ''}）：${result}${feeText}`,
      { method: i.method, closedOn: i.closedOn },
    );
    audit(tx, ctx, { operation: 'docket.close', entityType: 'docket_case', entityId: i.caseId, before: row, after: closing });
    return closing;
  });
}

export type ClosingRow = typeof docketClosings.$inferSelect;

export function closingOf(db: Db | Tx, caseId: number): ClosingRow | null {
  return db.select().from(docketClosings).where(eq(docketClosings.caseId, caseId)).get() ?? null;
}

export function closingView(c: ClosingRow) {
  return {
    method: c.method,
    closedOn: c.closedOn,
    judgmentKind: c.judgmentKind,
    elements: JSON.parse(c.elements) as Record<string, unknown>,
    feeBeforeFen: c.feeBeforeFen,
    feeFen: c.feeFen,
    feeRule: c.feeRule,
    paidFen: c.paidFen,
    refundFen: c.refundFen,
    burden: JSON.parse(c.burden) as FeeSettlement['burden'],
  };
}
