import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cases, docketCases, docketConversions, docketExtensions, docketSuspensions, users } from '../../db/schema';
import { ApiError, conflict, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { courtCalendar } from '../calendar/courtCalendar';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../court/settings';
import { quoteFee } from '../fees/quote';
import { readFeeQuoteSettings } from '../fees/service';
import { computeDeadline } from '../periods';
import { dateShanghai, isoShanghai } from '../time/clock';
import { closingOf, closingView } from './closing';
import { CLOSING_TEMPLATES } from './documentData';
import { elementSetForCause } from './elements';
import { caseHearings } from './hearings';
import { assignmentHistory, chooseByLoad, judgeLoads, recordAssignment, serialJudge } from './assignment';
import { refreshDue } from './dueDate';
import { enterDocketAt } from './entry';
import { ASSIGNMENT_LABELS, EXTENSION_STATUS_LABELS, SOURCE_LABELS, STATUS_LABELS } from './meta';
import type { DocketCaseView, DocketSource } from './schemas';
import { PROCEDURE_LABELS, triage, type Procedure, type TriageFlag, type TriageResult } from './triage';
import { EXTENSION_BASIS, extensionCapMonths, SUSPENSION_KINDS, trialPeriod, type SuspensionKind, type TrialPeriod } from './trialPeriod';
import { courtProvince, wageFigureFor } from './wages';

const today = (ctx: CallContext) => dateShanghai(ctx.core.clock.now());
const actorId = (ctx: CallContext) => (ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null);

function docketRow(db: Db | Tx, caseId: number) {
  const row = db.select().from(docketCases).where(eq(docketCases.caseId, caseId)).get();
  if (!row) throw notFound('速裁案件');
  return row;
}

function caseRow(db: Db | Tx, caseId: number) {
  const c = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!c) throw notFound('案件');
  return c;
}

// ─── triage ────────────────────────────────────────────────────────────────────────────────────────────────

export interface TriagePreview extends Omit<TriageResult, 'mandatoryCeilingFen' | 'consentCeilingFen'> {
  procedureLabel: string;
  averageWageFen: number | null;
  wageYear: number | null;
  wageSource: string | null;
  mandatoryCeilingFen: number | null;
  consentCeilingFen: number | null;
}

/** The rules' answer for a case: its amount against the wage figure in force on its filing date. */
export function previewTriage(db: Db | Tx, caseId: number, consent: boolean, flags: Partial<Record<TriageFlag, boolean>>): TriagePreview {
  const c = caseRow(db, caseId);
  if (c.caseType !== '民初') throw conflict(`只有民初案件进入速裁分流（本案为${c.caseType}）`);
  const money = c.amountFen !== null && c.amountFen > 0;
  const figure = wageFigureFor(db, courtProvince(db), c.receivedOn);
  if (money && !figure) {
    throw conflict(`尚未登记本省 ${Number(c.receivedOn.slice(0, 4)) - 1} 年度（或此前）的就业人员年平均工资，请先在“速裁设置”中登记`);
  }
  const r = triage({ amountFen: money ? c.amountFen : null, nonMoney: !money, averageWageFen: figure?.amountFen ?? 0, consent, flags });
  return {
    procedure: r.procedure,
    procedureLabel: PROCEDURE_LABELS[r.procedure],
    byConsent: r.byConsent,
    reasons: r.reasons,
    averageWageFen: figure?.amountFen ?? null,
    wageYear: figure?.wageYear ?? null,
    wageSource: figure?.source ?? null,
    mandatoryCeilingFen: figure ? r.mandatoryCeilingFen : null,
    consentCeilingFen: figure ? r.consentCeilingFen : null,
  };
}

/**
 * 程序分流: records the rules' recommendation, the officer's decision (a different one needs a reason), and
 * assigns the case (serial case → the series' judge; otherwise by load). One transaction with its audit row.
 */
export function triageCase(
  ctx: CallContext,
  i: { caseId: number; consent?: boolean; flags?: Partial<Record<TriageFlag, boolean>>; procedure?: Procedure; reason?: string },
) {
  return writeTransaction(ctx.core, (tx) => {
    enterDocketAt(tx, ctx.core.clock, i.caseId, 'filing');
    const before = docketRow(tx, i.caseId);
    if (before.status !== 'triage') throw conflict('本案已完成分流');
    const preview = previewTriage(tx, i.caseId, i.consent ?? false, i.flags ?? {});
    const decided = i.procedure ?? preview.procedure;
    if (decided !== preview.procedure && !i.reason)
      throw fieldError('reason', `决定适用${PROCEDURE_LABELS[decided]}与建议（${preview.procedureLabel}）不同，请写明理由`);
    const byConsent = decided === 'small-claims' && preview.procedure === 'small-claims' ? preview.byConsent : false;
    tx.update(docketCases)
      .set({
        status: 'open',
        recommended: preview.procedure,
        procedure: decided,
        byConsent,
        triage: JSON.stringify({
          flags: i.flags ?? {},
          consent: i.consent ?? false,
          averageWageFen: preview.averageWageFen,
          wageYear: preview.wageYear,
          reasons: preview.reasons,
        }),
        decisionReason: decided !== preview.procedure ? i.reason! : (i.reason ?? null),
        triagedBy: actorId(ctx),
        triagedAt: isoShanghai(ctx.core.clock.now()),
      })
      .where(eq(docketCases.caseId, i.caseId))
      .run();
    const differs = decided !== preview.procedure ? `（建议${preview.procedureLabel}，理由：${i.reason}）` : '';
    addCaseEvent(tx, ctx, i.caseId, 'docket.triaged', `程序分流：适用${PROCEDURE_LABELS[decided]}${differs}`, {
      recommended: preview.procedure,
      procedure: decided,
    });
    refreshDue(tx, i.caseId);
    const loads = judgeLoads(tx);
    const serial = serialJudge(tx, before.serialKey, i.caseId, loads);
    const judge = serial ?? chooseByLoad(loads, readSetting(tx, 'docket.assignmentSeed')!, i.caseId);
    if (judge) {
      const kind = serial ? 'serial' : 'load';
      recordAssignment(tx, ctx.core.clock, { caseId: i.caseId, judgeId: judge.id, kind, reason: null, byId: actorId(ctx) });
      addCaseEvent(tx, ctx, i.caseId, 'docket.assigned', `${ASSIGNMENT_LABELS[kind]}：承办法官 ${judge.name}`, { judgeId: judge.id, kind });
    }
    const view = docketCaseView(tx, i.caseId, today(ctx));
    audit(tx, ctx, { operation: 'docket.triage', entityType: 'docket_case', entityId: i.caseId, before, after: view });
    return view;
  });
}

/** Directed assignment (no judge yet) or reassignment, with its reason. */
export function assignCase(ctx: CallContext, i: { caseId: number; judgeId: number; reason: string }) {
  return writeTransaction(ctx.core, (tx) => {
    const before = docketRow(tx, i.caseId);
    if (before.status !== 'open') throw conflict(before.status === 'triage' ? '请先完成程序分流' : '本案已结案或移出速裁，不能分配');
    const judge = judgeLoads(tx).find((j) => j.id === i.judgeId);
    if (!judge) throw fieldError('judgeId', '所选人员不是在职的速裁法官');
    if (before.judgeId === i.judgeId) throw fieldError('judgeId', `本案已由 ${judge.name} 承办`);
    const kind = before.judgeId === null ? 'directed' : 'reassigned';
    recordAssignment(tx, ctx.core.clock, { caseId: i.caseId, judgeId: judge.id, kind, reason: i.reason, byId: actorId(ctx) });
    addCaseEvent(tx, ctx, i.caseId, 'docket.assigned', `${ASSIGNMENT_LABELS[kind]}：承办法官 ${judge.name}（理由：${i.reason}）`, {
      judgeId: judge.id,
      kind,
    });
    const view = docketCaseView(tx, i.caseId, today(ctx));
    audit(tx, ctx, { operation: 'docket.assign', entityType: 'docket_case', entityId: i.caseId, before, after: view });
    return view;
  });
}

// ─── trial period: suspensions, extensions, conversion ─────────────────────────────────────────────────────

/** The assigned judge (or an approver) may act on an open case. */
function requireHandler(ctx: CallContext, row: typeof docketCases.$inferSelect) {
  if (row.status !== 'open') throw conflict('本案不在审理中');
  const actor = ctx.actor;
  if (actor && actor.userId !== row.judgeId && !actor.roles.includes('approver') && !actor.roles.includes('admin')) {
    throw new ApiError('FORBIDDEN', '只有本案承办法官可以办理');
  }
}

export function addSuspension(ctx: CallContext, i: { caseId: number; kind: SuspensionKind; from: string; to?: string; note?: string }) {
  if (i.to !== undefined && i.to < i.from) throw fieldError('to', '结束日期不能早于起始日期');
  return writeTransaction(ctx.core, (tx) => {
    const row = docketRow(tx, i.caseId);
    requireHandler(ctx, row);
    if (i.from < row.filedOn) throw fieldError('from', `起始日期不能早于立案日期 ${row.filedOn}`);
    const inserted = tx
      .insert(docketSuspensions)
      .values({
        caseId: i.caseId,
        kind: i.kind,
        fromDate: i.from,
        toDate: i.to ?? null,
        note: i.note ?? null,
        recordedBy: actorId(ctx),
        recordedAt: isoShanghai(ctx.core.clock.now()),
      })
      .returning()
      .get();
    refreshDue(tx, i.caseId);
    addCaseEvent(
      tx,
      ctx,
      i.caseId,
      'docket.suspended',
      `扣除审限：${SUSPENSION_KINDS[i.kind].label} ${i.from} 至 ${i.to ?? '（进行中）'}`,
      { suspensionId: inserted.id },
    );
    const view = docketCaseView(tx, i.caseId, today(ctx));
    audit(tx, ctx, { operation: 'docket.suspend', entityType: 'docket_suspension', entityId: inserted.id, after: inserted });
    return view;
  });
}

export function endSuspension(ctx: CallContext, i: { suspensionId: number; to: string }) {
  return writeTransaction(ctx.core, (tx) => {
    const s = tx.select().from(docketSuspensions).where(eq(docketSuspensions.id, i.suspensionId)).get();
    if (!s) throw notFound('扣除审限记录');
    requireHandler(ctx, docketRow(tx, s.caseId));
    if (s.toDate !== null) throw conflict('该期间已经结束');
    if (i.to < s.fromDate) throw fieldError('to', '结束日期不能早于起始日期');
    tx.update(docketSuspensions).set({ toDate: i.to }).where(eq(docketSuspensions.id, s.id)).run();
    refreshDue(tx, s.caseId);
    addCaseEvent(tx, ctx, s.caseId, 'docket.resumed', `${SUSPENSION_KINDS[s.kind as SuspensionKind].label}结束于 ${i.to}，审限恢复计算`);
    const view = docketCaseView(tx, s.caseId, today(ctx));
    audit(tx, ctx, {
      operation: 'docket.endSuspension',
      entityType: 'docket_suspension',
      entityId: s.id,
      before: s,
      after: { ...s, toDate: i.to },
    });
    return view;
  });
}

function grantedMonths(db: Db | Tx, caseId: number, procedure: string, statuses: string[]): number {
  const r = db
    .select({ n: sql<number>`coalesce(sum(${docketExtensions.months}), 0)` })
    .from(docketExtensions)
    .where(and(eq(docketExtensions.caseId, caseId), eq(docketExtensions.procedure, procedure), inArray(docketExtensions.status, statuses)))
    .get();
  return r?.n ?? 0;
}

/** The judge requests an extension; it counts only once the approver approves it. */
export function requestExtension(ctx: CallContext, i: { caseId: number; months: number; reason: string }) {
  return writeTransaction(ctx.core, (tx) => {
    const row = docketRow(tx, i.caseId);
    requireHandler(ctx, row);
    const procedure = row.procedure as Procedure;
    const cap = extensionCapMonths(procedure, readSetting(tx, 'docket.ordinaryExtensionMonths')!);
    const used = grantedMonths(tx, i.caseId, procedure, ['approved', 'pending']);
    if (used + i.months > cap) {
      throw fieldError(
        'months',
        `${PROCEDURE_LABELS[procedure]}审限最多延长 ${cap} 个月（已批准或待批 ${used} 个月；依据${EXTENSION_BASIS[procedure]}）`,
      );
    }
    const inserted = tx
      .insert(docketExtensions)
      .values({
        caseId: i.caseId,
        procedure,
        months: i.months,
        reason: i.reason,
        status: 'pending',
        requestedBy: actorId(ctx),
        requestedAt: isoShanghai(ctx.core.clock.now()),
      })
      .returning()
      .get();
    refreshDue(tx, i.caseId);
    addCaseEvent(tx, ctx, i.caseId, 'docket.extensionRequested', `申请延长审限 ${i.months} 个月：${i.reason}`, {
      extensionId: inserted.id,
    });
    audit(tx, ctx, { operation: 'docket.requestExtension', entityType: 'docket_extension', entityId: inserted.id, after: inserted });
    return docketCaseView(tx, i.caseId, today(ctx));
  });
}

export function decideExtension(ctx: CallContext, i: { extensionId: number; approve: boolean; note?: string }) {
  return writeTransaction(ctx.core, (tx) => {
    const e = tx.select().from(docketExtensions).where(eq(docketExtensions.id, i.extensionId)).get();
    if (!e) throw notFound('延长审限申请');
    if (e.status !== 'pending') throw conflict('该申请已经审批');
    const row = docketRow(tx, e.caseId);
    if (row.status !== 'open') throw conflict('本案不在审理中');
    if (row.procedure !== e.procedure) throw conflict('本案已转换程序，该申请不再适用');
    const status = i.approve ? 'approved' : 'refused';
    const after = { ...e, status, decidedBy: actorId(ctx), decidedAt: isoShanghai(ctx.core.clock.now()), decisionNote: i.note ?? null };
    tx.update(docketExtensions).set(after).where(eq(docketExtensions.id, e.id)).run();
    refreshDue(tx, e.caseId);
    addCaseEvent(
      tx,
      ctx,
      e.caseId,
      'docket.extensionDecided',
      `${i.approve ? '批准' : '不批准'}延长审限 ${e.months} 个月${i.note ? `：${i.note}` : ''}`,
      { extensionId: e.id },
    );
    audit(tx, ctx, { operation: 'docket.decideExtension', entityType: 'docket_extension', entityId: e.id, before: e, after });
    return docketCaseView(tx, e.caseId, today(ctx));
  });
}

const ORDER: Record<Procedure, number> = { 'small-claims': 0, simplified: 1, ordinary: 2 };

/**
 * The fee still due when a case leaves the simplified procedure (small claims included): the full fee less the
 * halved one already asked for (办法 art. 16). Small claims → simplified: both halved, nothing due.
 */
export function conversionTopUpFen(db: Db | Tx, amountFen: number | null, from: Procedure, to: Procedure, on: string): number {
  if (to !== 'ordinary' || from === 'ordinary' || amountFen === null || amountFen <= 0) return 0;
  const settings = readFeeQuoteSettings(db);
  const full = quoteFee({ kind: 'property', amountsFen: [amountFen], procedure: 'ordinary', on }, settings).feeFen;
  const half = quoteFee({ kind: 'property', amountsFen: [amountFen], procedure: from, on }, settings).feeFen;
  return full - half;
}

/**
 * Conversion small claims → simplified → ordinary (民诉法 arts. 169, 170): the trial period keeps the filing
 * date (解释 art. 258); on conversion to ordinary the other half of the fee is asked for, payable within 7 days
 * (办法 art. 22, 'fee-payment').
 */
export function convertCase(ctx: CallContext, i: { caseId: number; to: Procedure; reason: string }) {
  return writeTransaction(ctx.core, (tx) => {
    const row = docketRow(tx, i.caseId);
    requireHandler(ctx, row);
    const from = row.procedure as Procedure;
    if (ORDER[i.to] <= ORDER[from])
      throw fieldError('to', `${PROCEDURE_LABELS[from]}只能转为${from === 'small-claims' ? '简易程序的其他规定或普通程序' : '普通程序'}`);
    const on = today(ctx);
    const feeDueFen = conversionTopUpFen(tx, caseRow(tx, i.caseId).amountFen, from, i.to, on);
    const feeDueOn = feeDueFen > 0 ? computeDeadline(courtCalendar(tx), 'fee-payment', on).due : null;
    const inserted = tx
      .insert(docketConversions)
      .values({
        caseId: i.caseId,
        fromProcedure: from,
        toProcedure: i.to,
        onDate: on,
        reason: i.reason,
        feeDueFen,
        feeDueOn,
        byId: actorId(ctx),
        at: isoShanghai(ctx.core.clock.now()),
      })
      .returning()
      .get();
    tx.update(docketCases).set({ procedure: i.to, byConsent: false }).where(eq(docketCases.caseId, i.caseId)).run();
    refreshDue(tx, i.caseId);
    const fee = feeDueFen > 0 ? `；通知补交另一半受理费 ${(feeDueFen / 100).toFixed(2)} 元，${feeDueOn} 前交纳` : '';
    addCaseEvent(
      tx,
      ctx,
      i.caseId,
      'docket.converted',
      `${PROCEDURE_LABELS[from]}转为${PROCEDURE_LABELS[i.to]}（审限自立案之日起计算）：${i.reason}${fee}`,
      { conversionId: inserted.id },
    );
    audit(tx, ctx, { operation: 'docket.convert', entityType: 'docket_case', entityId: i.caseId, before: row, after: inserted });
    return docketCaseView(tx, i.caseId, on);
  });
}

// ─── views ─────────────────────────────────────────────────────────────────────────────────────────────────

export function periodOf(db: Db | Tx, row: typeof docketCases.$inferSelect, on: string): TrialPeriod | null {
  if (!row.procedure || row.status === 'triage') return null;
  const suspensions = db
    .select({ from: docketSuspensions.fromDate, to: docketSuspensions.toDate })
    .from(docketSuspensions)
    .where(eq(docketSuspensions.caseId, row.caseId))
    .all();
  const months = grantedMonths(db, row.caseId, row.procedure, ['approved']);
  return trialPeriod(courtCalendar(db), {
    procedure: row.procedure as Procedure,
    filedOn: row.filedOn,
    suspensions,
    extensionMonths: months,
    today: on,
  });
}

function partiesText(db: Db | Tx, caseId: number): string {
  const r = db.get<{ t: string | null }>(
    sql`SELECT group_concat(p.name, '、') AS t FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ${caseId}`,
  );
  return r?.t ?? '';
}

export function docketCaseView(db: Db | Tx, caseId: number, on: string): DocketCaseView {
  const row = docketRow(db, caseId);
  const c = caseRow(db, caseId);
  const judge = row.judgeId
    ? (db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, row.judgeId)).get() ?? null)
    : null;
  const triageData = row.triage ? (JSON.parse(row.triage) as { reasons: { text: string; basis: string }[] }) : null;
  const procedure = row.procedure as Procedure | null;
  const period = row.status === 'open' ? periodOf(db, row, on) : null;
  const closing = closingOf(db, caseId);
  return {
    caseId,
    number: c.number,
    causeName: c.causeName,
    amountFen: c.amountFen,
    partiesText: partiesText(db, caseId),
    source: row.source as DocketSource,
    sourceLabel: SOURCE_LABELS[row.source as DocketSource],
    status: row.status,
    statusLabel: STATUS_LABELS[row.status] ?? row.status,
    filedOn: row.filedOn,
    recommended: row.recommended as Procedure | null,
    procedure,
    procedureLabel: procedure ? PROCEDURE_LABELS[procedure] : null,
    byConsent: row.byConsent,
    triageReasons: triageData?.reasons ?? [],
    decisionReason: row.decisionReason,
    judge,
    assignments: assignmentHistory(db, caseId).map((a) => ({
      id: a.id,
      judge: { id: a.judgeId, name: a.judgeName },
      kind: a.kind,
      kindLabel: ASSIGNMENT_LABELS[a.kind] ?? a.kind,
      reason: a.reason,
      at: a.at,
    })),
    suspensions: db
      .select()
      .from(docketSuspensions)
      .where(eq(docketSuspensions.caseId, caseId))
      .orderBy(asc(docketSuspensions.fromDate))
      .all()
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        kindLabel: SUSPENSION_KINDS[s.kind as SuspensionKind].label,
        basis: SUSPENSION_KINDS[s.kind as SuspensionKind].basis,
        from: s.fromDate,
        to: s.toDate,
        note: s.note,
      })),
    extensions: db
      .select()
      .from(docketExtensions)
      .where(eq(docketExtensions.caseId, caseId))
      .orderBy(asc(docketExtensions.id))
      .all()
      .map((e) => ({
        id: e.id,
        procedure: e.procedure,
        months: e.months,
        reason: e.reason,
        status: e.status,
        statusLabel: EXTENSION_STATUS_LABELS[e.status] ?? e.status,
        requestedAt: e.requestedAt,
        decidedAt: e.decidedAt,
        decisionNote: e.decisionNote,
      })),
    conversions: db
      .select()
      .from(docketConversions)
      .where(eq(docketConversions.caseId, caseId))
      .orderBy(asc(docketConversions.id))
      .all()
      .map((v) => ({
        id: v.id,
        from: v.fromProcedure,
        to: v.toProcedure,
        onDate: v.onDate,
        reason: v.reason,
        feeDueFen: v.feeDueFen,
        feeDueOn: v.feeDueOn,
      })),
    period,
    extensionAdvised:
      period !== null &&
      period.daysLeft >= 0 &&
      period.daysLeft <= readSetting(db, 'docket.extensionLeadDays')! &&
      !row.pendingExtension &&
      grantedMonths(db, caseId, row.procedure!, ['approved']) <
        extensionCapMonths(row.procedure as Procedure, readSetting(db, 'docket.ordinaryExtensionMonths')!),
    ...caseHearings(db, caseId),
    closing: closing ? { ...closingView(closing), templateId: CLOSING_TEMPLATES[closing.method] ?? null } : null,
    judgmentKind: elementSetForCause(c.causeName),
    closedOn: row.closedOn,
    closeMethod: row.closeMethod,
    closeResult: row.closeResult,
  };
}
