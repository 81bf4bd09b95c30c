import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  caseAgents,
  caseParties,
  cases,
  mediationAssignments,
  mediationConsents,
  mediationOrgs,
  mediations,
  mediators,
  parties,
} from '../../db/schema';
import { ApiError, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { courtCalendar } from '../calendar';
import { addCaseEvent, fileCase, linkCases } from '../cases';
import type { CallContext, Db, Tx } from '../context';
import { enterDocket } from '../docket';
import { quoteFee, readFeeQuoteSettings, suggestedFeeRequest } from '../fees';
import { computeDeadline, LEGAL_PERIODS, type PeriodKind } from '../periods';
import { dateShanghai, isoShanghai } from '../time/clock';
import { emitMediationFailed, type MediationFailedEvent } from './hooks';
import {
  ASSIGN_HOW,
  ASSIGNMENT_STATES,
  CLOSINGS,
  CONSENT_ANSWERS,
  CONSENT_SUBJECTS,
  FAILURE_REASONS,
  FLOWS,
  OPEN_STATUSES,
  STATUSES,
  type AssignHow,
  type Closing,
  type FailureReason,
  type Flow,
  type Status,
} from './labels';
import { isActiveOn, mediatorLoads } from './rosters';
import type { AgreementInput, AssignInput, FailureInput, MediationView, OpenInput, RecordConsentInput, RespondInput } from './schemas';
import { mediationSettingsOn } from './settings';

type MediationRow = typeof mediations.$inferSelect;

/** Which case type each flow sits on (docs/DOMAIN.md “调解”): 委派 on the centre's 调登 register, 委托 on a 民初 case. */
const FLOW_CASE_TYPES: Record<Flow, readonly string[]> = {
  delegated: ['调登'],
  entrusted: ['民初'],
  outside: ['调登'],
  legacy: ['民诉前调'],
};

/** Response limits end with the mediation. */
const CLEAR_LIMITS = { assignDue: null, acceptDue: null, contactDue: null } as const;

const today = (ctx: CallContext) => dateShanghai(ctx.core.clock.now());
const nowIso = (ctx: CallContext) => isoShanghai(ctx.core.clock.now());

/** The legal period of a mediation, from the one table (core/periods). */
export function periodKindOf(m: { flow: string; procedure: string | null }): PeriodKind | null {
  if (m.flow === 'delegated') return 'mediation-delegated'; // 特邀调解规定 art. 27 (委派调解期限三十日)
  if (m.flow === 'entrusted') return m.procedure === 'simplified' ? 'mediation-entrusted-simplified' : 'mediation-entrusted-ordinary'; // 2024意见 art. 3
  return null;
}

function getRow(tx: Db | Tx, id: number): MediationRow {
  const m = tx.select().from(mediations).where(eq(mediations.id, id)).get();
  if (!m) throw notFound('调解案件');
  return m;
}

function caseParticipants(tx: Db | Tx, caseId: number) {
  return tx
    .select({
      partyId: caseParties.partyId,
      role: caseParties.role,
      name: parties.name,
      idNumber: parties.idNumber,
      phone: parties.phone,
      casePartyId: caseParties.id,
    })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.seq))
    .all();
}

function requireStatus(m: MediationRow, allowed: readonly Status[], what: string) {
  if (!allowed.includes(m.status as Status)) {
    throw new ApiError('CONFLICT', `当前状态为“${STATUSES[m.status as Status] ?? m.status}”，不能${what}`);
  }
}

function addWorkingDays(tx: Db | Tx, from: string, n: number): string {
  return courtCalendar(tx).addWorkingDays(from, n);
}

// ---------------------------------------------------------------------------------------------------------
// Intake
// ---------------------------------------------------------------------------------------------------------

/**
 * Opens a mediation on a registered case. Consent is recorded per party with its date (特邀调解规定 art. 18;
 * 2024意见: mediation before filing only with the parties' consent). Without any party's consent there is no
 * mediation; a party who refuses or insists on suing is never held back: a 委派 ends and the 民初 case is filed
 * at once (民诉法 art. 126: a suit meeting the conditions is filed; 2024意见), a 委托 goes to trial.
 */
export function openMediation(ctx: CallContext, i: OpenInput) {
  let failed: MediationFailedEvent | null = null;
  const view = writeTransaction(ctx.core, (tx) => {
    const c = tx.select().from(cases).where(eq(cases.id, i.caseId)).get();
    if (!c) throw fieldError('caseId', `案件不存在（编号 ${i.caseId}）`);
    const allowed = FLOW_CASE_TYPES[i.flow];
    if (!allowed.includes(c.caseType)) {
      throw fieldError('flow', `${FLOWS[i.flow]}须登记在${allowed.join('、')}案件上，本案为 ${c.caseType}`);
    }
    if (tx.select({ id: mediations.id }).from(mediations).where(eq(mediations.caseId, i.caseId)).get()) {
      throw new ApiError('CONFLICT', `案件 ${c.number} 已登记调解`, 'caseId');
    }
    if (i.flow === 'entrusted' && !i.procedure) throw fieldError('procedure', '委托调解须选择适用程序（普通程序十五日、简易程序七日）');
    const ps = caseParticipants(tx, c.id);
    i.consents.forEach((k, n) => {
      if (!ps.some((p) => p.partyId === k.partyId)) throw fieldError(`consents.${n}.partyId`, '该当事人不是本案当事人');
    });
    const live = i.flow === 'delegated' || i.flow === 'entrusted';
    const refusal = i.consents.find((k) => k.answer !== 'agree');
    if (live && !refusal && !i.consents.some((k) => k.answer === 'agree')) {
      throw fieldError('consents', '未记录当事人同意调解：没有当事人的同意不能开始调解');
    }
    let orgName: string | null = i.outsideOrgName ?? null;
    if (i.flow === 'outside') {
      if (!i.agreement) throw fieldError('agreement', '院外调解协议须填写协议条款、签署日期和签署人');
      if (i.outsideOrgId !== undefined) {
        const org = tx.select().from(mediationOrgs).where(eq(mediationOrgs.id, i.outsideOrgId)).get();
        if (!org) throw fieldError('outsideOrgId', `调解组织不存在（编号 ${i.outsideOrgId}）`);
        orgName = org.name;
      }
      if (!orgName) throw fieldError('outsideOrgName', '请填写主持调解的调解组织');
      if (!i.outsideMediatorName) throw fieldError('outsideMediatorName', '请填写主持调解的调解员');
    }
    const t = today(ctx);
    const settings = mediationSettingsOn(tx, t);
    const now = nowIso(ctx);
    const status: Status = i.flow === 'outside' ? 'closed' : i.flow === 'legacy' ? 'in-progress' : 'awaiting-assignment';
    const row = tx
      .insert(mediations)
      .values({
        caseId: c.id,
        flow: i.flow,
        procedure: i.flow === 'entrusted' ? (i.procedure ?? null) : null,
        status,
        region: i.region ?? '',
        causeName: c.causeName,
        receivedOn: c.receivedOn,
        assignDue: status === 'awaiting-assignment' ? addWorkingDays(tx, t, settings.assignWorkingDays) : null,
        orgId: i.flow === 'outside' ? (i.outsideOrgId ?? null) : null,
        outsideOrgName: i.flow === 'outside' ? orgName : null,
        outsideMediatorName: i.flow === 'outside' ? (i.outsideMediatorName ?? null) : null,
        agreement: i.agreement ? JSON.stringify(i.agreement) : null,
        outcome: i.flow === 'outside' ? 'agreement' : null,
        closing: i.flow === 'outside' ? 'confirmation' : null,
        outcomeOn: i.flow === 'outside' ? i.agreement!.signedOn : null,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    for (const k of i.consents) {
      tx.insert(mediationConsents)
        .values({
          mediationId: row.id,
          partyId: k.partyId,
          subject: 'mediate',
          answer: k.answer,
          givenOn: k.on,
          note: k.note ?? null,
          recordedAt: now,
        })
        .run();
    }
    addCaseEvent(tx, ctx, c.id, 'mediation-opened', `${FLOWS[i.flow]}登记`, { mediationId: row.id });
    audit(tx, ctx, { operation: 'mediation.open', entityType: 'mediation', entityId: row.id, after: row });
    if (live && refusal) {
      const who = ps.find((p) => p.partyId === refusal.partyId)!.name;
      failed = endWithoutMediation(tx, ctx, row, `${who}${CONSENT_ANSWERS[refusal.answer]}调解`, refusal.on);
    }
    return mediationView(tx, row.id);
  });
  if (failed) emitMediationFailed(failed);
  return failed ? mediationView(ctx.core.db, view.id) : view;
}

/**
 * A party refuses or insists on suing: the mediation ends at once. A 委派 is converted: the 民初 case is filed
 * now and linked as converted (not copied; its 案号 is the next in the gapless series). A 委托 returns to trial.
 */
function endWithoutMediation(tx: Tx, ctx: CallContext, m: MediationRow, why: string, on: string): MediationFailedEvent {
  let trialCaseId: number | null = m.caseId;
  if (m.flow === 'delegated') {
    trialCaseId = convertToFiling(tx, ctx, m, why);
  } else {
    tx.update(mediations)
      .set({
        ...CLEAR_LIMITS,
        status: 'back-to-trial',
        outcome: 'refused',
        outcomeOn: on,
        failureReason: 'withdrew',
        updatedAt: nowIso(ctx),
      })
      .where(eq(mediations.id, m.id))
      .run();
    closeAssignments(tx, m.id, on);
    sendFeeNoticeBeforeTrial(tx, ctx, m.caseId, why);
  }
  audit(tx, ctx, { operation: 'mediation.end', entityType: 'mediation', entityId: m.id, after: { why, trialCaseId } });
  return { mediationId: m.id, flow: m.flow, trialCaseId, reason: why, undisputedFacts: null, on };
}

/** 转立案: files the 民初 case from the 调登 record through the cases area and links it as converted. */
function convertToFiling(tx: Tx, ctx: CallContext, m: MediationRow, why: string): number {
  const c = tx.select().from(cases).where(eq(cases.id, m.caseId)).get()!;
  const ps = caseParticipants(tx, c.id);
  if (!ps.some((p) => p.role === '被申请人' || p.role === '被告')) {
    throw new ApiError('CONFLICT', '登记中没有被申请人，无法转立案：请先补充对方当事人', 'caseId');
  }
  const agents = tx.select().from(caseAgents).where(eq(caseAgents.caseId, c.id)).all();
  const roleMap: Record<string, '原告' | '被告' | '第三人'> = {
    申请人: '原告',
    原告: '原告',
    被申请人: '被告',
    被告: '被告',
    第三人: '第三人',
  };
  const filed = fileCase(ctx, {
    caseType: '民初',
    receivedOn: today(ctx),
    parties: ps.map((p) => ({
      role: roleMap[p.role] ?? '第三人',
      partyId: p.partyId,
      agents: agents
        .filter((a) => a.casePartyId === p.casePartyId)
        .map((a) => ({
          kind: a.kind as 'lawyer' | 'relative' | 'other',
          name: a.name,
          idNumber: a.idNumber ?? undefined,
          phone: a.phone ?? undefined,
          organisation: a.organisation ?? undefined,
          licenseNo: a.licenseNo ?? undefined,
          authority: a.authority as 'general' | 'special',
          authorityDetail: a.authorityDetail ?? undefined,
        })),
    })),
    cause: c.causeRevision && c.causeNo ? { revision: c.causeRevision, no: c.causeNo } : { text: c.causeName },
    amountFen: c.amountFen ?? undefined,
    claims: c.claims || '（见调解登记）',
    facts: c.facts,
    materials: JSON.parse(c.materials) as string[],
  } as never);
  linkCases(ctx, c.id, filed.id, 'converted', why);
  tx.update(mediations)
    .set({
      ...CLEAR_LIMITS,
      status: 'converted',
      outcome: m.outcome ?? 'converted',
      convertedCaseId: filed.id,
      outcomeOn: m.outcomeOn ?? today(ctx),
      updatedAt: nowIso(ctx),
    })
    .where(eq(mediations.id, m.id))
    .run();
  closeAssignments(tx, m.id, today(ctx));
  tx.update(cases)
    .set({ status: '已转立案', updatedAt: nowIso(ctx) })
    .where(eq(cases.id, c.id))
    .run();
  return filed.id;
}

/**
 * A failed 委托 returns to the trial track: the fee notice goes out before trial (2024意见; 办法 art. 22: the
 * plaintiff pays within 7 days of the notice, unpaid without relief → treated as withdrawn). The amount is the
 * fees area's quote for the case. The case is put on the docket's triage queue (source 'mediation-failed').
 */
function sendFeeNoticeBeforeTrial(tx: Tx, ctx: CallContext, caseId: number, why: string) {
  const c = tx.select({ caseType: cases.caseType, amountFen: cases.amountFen }).from(cases).where(eq(cases.id, caseId)).get()!;
  const req = suggestedFeeRequest(c);
  let feeFen: number | null = null;
  if (req) {
    try {
      feeFen = quoteFee({ ...req, on: today(ctx) } as never, readFeeQuoteSettings(tx)).feeFen;
    } catch {
      feeFen = null;
    }
  }
  const feeText = feeFen === null ? '' : `（案件受理费 ${(feeFen / 100).toFixed(2)} 元）`;
  addCaseEvent(tx, ctx, caseId, 'mediation-failed', `调解未成（${why}），转入审理`, { why });
  addCaseEvent(tx, ctx, caseId, 'fee-notice-due', `开庭前送达交纳诉讼费用通知${feeText}`, { feeFen });
  tx.update(cases)
    .set({ status: '审理中', updatedAt: nowIso(ctx) })
    .where(eq(cases.id, caseId))
    .run();
  // The 民初 case goes (back) to the fast-track docket's triage queue in this same transaction (繁简分流: the
  // docket decides 速裁 or ordinary trial), so a failed 委托 is never left without a track.
  enterDocket(tx, caseId, 'mediation-failed', ctx.core.clock);
}

function closeAssignments(tx: Tx, mediationId: number, on: string) {
  tx.update(mediationAssignments)
    .set({ state: 'ended', respondedOn: on })
    .where(and(eq(mediationAssignments.mediationId, mediationId), inArray(mediationAssignments.state, ['pending', 'accepted'])))
    .run();
}

// ---------------------------------------------------------------------------------------------------------
// Consent, assignment, acceptance, recusal, contact, extension
// ---------------------------------------------------------------------------------------------------------

export function recordConsent(ctx: CallContext, i: RecordConsentInput) {
  let failed: MediationFailedEvent | null = null;
  writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, i.mediationId);
    requireStatus(m, OPEN_STATUSES, '记录当事人意见');
    const ps = caseParticipants(tx, m.caseId);
    const p = ps.find((x) => x.partyId === i.partyId);
    if (!p) throw fieldError('partyId', '该当事人不是本案当事人');
    if (i.on > today(ctx)) throw fieldError('on', '表示意见日期不能晚于今天');
    const row = tx
      .insert(mediationConsents)
      .values({
        mediationId: m.id,
        partyId: i.partyId,
        subject: i.subject,
        answer: i.answer,
        givenOn: i.on,
        note: i.note ?? null,
        recordedAt: nowIso(ctx),
      })
      .returning()
      .get();
    audit(tx, ctx, { operation: 'mediation.recordConsent', entityType: 'mediation', entityId: m.id, after: row });
    addCaseEvent(
      tx,
      ctx,
      m.caseId,
      'mediation-consent',
      `${p.name}${CONSENT_ANSWERS[i.answer]}${i.subject === 'extension' ? '延长调解期限' : '调解'}`,
    );
    if (i.subject === 'mediate' && i.answer !== 'agree') {
      failed = endWithoutMediation(tx, ctx, m, `${p.name}${CONSENT_ANSWERS[i.answer]}调解`, i.on);
    }
  });
  if (failed) emitMediationFailed(failed);
  return mediationView(ctx.core.db, i.mediationId);
}

/** Why this mediator may not mediate this case (回避: 特邀调解规定 art. 22 — a party, an agent, or a near relative / interest). */
export function recusalProblem(tx: Db | Tx, mediationId: number, mediatorId: number): string | null {
  const m = getRow(tx, mediationId);
  const med = tx.select().from(mediators).where(eq(mediators.id, mediatorId)).get();
  if (!med) return null;
  const ps = caseParticipants(tx, m.caseId);
  for (const p of ps) {
    if (med.idNumber && p.idNumber && med.idNumber.toUpperCase() === p.idNumber.toUpperCase()) return `调解员本人是本案当事人（${p.role}）`;
  }
  const agents = tx.select().from(caseAgents).where(eq(caseAgents.caseId, m.caseId)).all();
  for (const a of agents) {
    if (
      (med.idNumber && a.idNumber && med.idNumber.toUpperCase() === a.idNumber.toUpperCase()) ||
      (a.name === med.name && a.phone && a.phone === med.phone)
    ) {
      return `调解员是本案当事人的代理人（${a.name}）`;
    }
  }
  const recused = tx
    .select({ reason: mediationAssignments.reason })
    .from(mediationAssignments)
    .where(
      and(
        eq(mediationAssignments.mediationId, mediationId),
        eq(mediationAssignments.mediatorId, mediatorId),
        eq(mediationAssignments.state, 'recused'),
      ),
    )
    .get();
  if (recused) return `调解员已在本案回避（${recused.reason ?? ''}）`;
  return null;
}

/**
 * Assigns (or reassigns) a mediator. The parties' joint choice or the centre's appointment (特邀调解规定 art. 17);
 * recusal refused; beyond capacity only with a recorded reason. The previous assignment stays as history.
 */
export function assignMediator(ctx: CallContext, i: AssignInput, reasons?: string[]) {
  return writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, i.mediationId);
    requireStatus(m, ['awaiting-assignment', 'awaiting-acceptance', 'in-progress'], '指派调解员');
    if (m.flow !== 'delegated' && m.flow !== 'entrusted') throw new ApiError('CONFLICT', `${FLOWS[m.flow as Flow]}不由本院指派调解员`);
    const med = tx.select().from(mediators).where(eq(mediators.id, i.mediatorId)).get();
    if (!med) throw fieldError('mediatorId', `调解员不存在（编号 ${i.mediatorId}）`);
    const t = today(ctx);
    if (!isActiveOn(med, t)) throw fieldError('mediatorId', `调解员${med.name}不在名册有效期内`);
    const problem = recusalProblem(tx, m.id, med.id);
    if (problem) throw fieldError('mediatorId', `应当回避：${problem}`);
    if (m.mediatorId === med.id && m.status !== 'awaiting-assignment')
      throw new ApiError('CONFLICT', `本案已指派${med.name}`, 'mediatorId');
    const load = mediatorLoads(tx, [med.id]).get(med.id) ?? 0;
    if (load >= med.capacity && !i.overCapacityReason) {
      throw fieldError('overCapacityReason', `调解员${med.name}在办 ${load} 件，已达承办上限 ${med.capacity} 件：超出上限指派须写明理由`);
    }
    const settings = mediationSettingsOn(tx, t);
    tx.update(mediationAssignments)
      .set({ state: 'replaced', respondedOn: t })
      .where(and(eq(mediationAssignments.mediationId, m.id), inArray(mediationAssignments.state, ['pending', 'accepted'])))
      .run();
    const a = tx
      .insert(mediationAssignments)
      .values({
        mediationId: m.id,
        mediatorId: med.id,
        orgId: med.orgId,
        how: i.how,
        reasons: reasons ? JSON.stringify(reasons) : null,
        overCapacityReason: i.overCapacityReason ?? null,
        assignedOn: t,
        state: 'pending',
        assignedBy: ctx.actor?.userId ?? null,
      })
      .returning()
      .get();
    tx.update(mediations)
      .set({
        status: 'awaiting-acceptance',
        mediatorId: med.id,
        orgId: med.orgId,
        acceptDue: addWorkingDays(tx, t, settings.acceptWorkingDays),
        assignDue: null,
        contactDue: null,
        signedOn: null,
        dueOn: null,
        baseDueOn: null,
        updatedAt: nowIso(ctx),
      })
      .where(eq(mediations.id, m.id))
      .run();
    addCaseEvent(tx, ctx, m.caseId, 'mediation-assigned', `${ASSIGN_HOW[i.how as AssignHow]}：${med.name}`, { assignmentId: a.id });
    audit(tx, ctx, { operation: 'mediation.assign', entityType: 'mediation', entityId: m.id, after: a });
    return mediationView(tx, m.id);
  });
}

/**
 * The mediator (or organisation) accepts — signing for the materials starts the legal period the next day
 * (特邀调解规定 art. 27; 2024意见 art. 3) — or declines with a reason, which sends it back for assignment.
 */
export function respond(ctx: CallContext, i: RespondInput) {
  return writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, i.mediationId);
    requireStatus(m, ['awaiting-acceptance'], '答复指派');
    const t = today(ctx);
    if (i.on > t) throw fieldError('on', '签收或答复日期不能晚于今天');
    const a = tx
      .select()
      .from(mediationAssignments)
      .where(and(eq(mediationAssignments.mediationId, m.id), eq(mediationAssignments.state, 'pending')))
      .get();
    if (!a) throw new ApiError('CONFLICT', '没有待答复的指派');
    if (i.on < a.assignedOn) throw fieldError('on', `签收或答复日期不能早于指派日期 ${a.assignedOn}`);
    const settings = mediationSettingsOn(tx, i.on);
    const med = tx.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, a.mediatorId)).get()!;
    if (i.accept) {
      const kind = periodKindOf(m)!;
      const d = computeDeadline(courtCalendar(tx), kind, i.on);
      tx.update(mediationAssignments).set({ state: 'accepted', respondedOn: i.on }).where(eq(mediationAssignments.id, a.id)).run();
      tx.update(mediations)
        .set({
          status: 'in-progress',
          signedOn: i.on,
          dueOn: d.due,
          baseDueOn: d.due,
          acceptDue: null,
          contactDue: addWorkingDays(tx, i.on, settings.contactWorkingDays),
          updatedAt: nowIso(ctx),
        })
        .where(eq(mediations.id, m.id))
        .run();
      addCaseEvent(tx, ctx, m.caseId, 'mediation-accepted', `${med.name}签收材料，调解期限至 ${d.due}`, { basis: d.basis });
    } else {
      if (!i.reason) throw fieldError('reason', '拒绝接受须写明理由');
      tx.update(mediationAssignments)
        .set({ state: 'declined', respondedOn: i.on, reason: i.reason })
        .where(eq(mediationAssignments.id, a.id))
        .run();
      tx.update(mediations)
        .set({
          status: 'awaiting-assignment',
          mediatorId: null,
          orgId: null,
          acceptDue: null,
          assignDue: addWorkingDays(tx, i.on, settings.assignWorkingDays),
          updatedAt: nowIso(ctx),
        })
        .where(eq(mediations.id, m.id))
        .run();
      addCaseEvent(tx, ctx, m.caseId, 'mediation-declined', `${med.name}拒绝接受：${i.reason}`);
    }
    audit(tx, ctx, {
      operation: 'mediation.respond',
      entityType: 'mediation',
      entityId: m.id,
      after: { accept: i.accept, on: i.on, reason: i.reason ?? null },
    });
    return mediationView(tx, m.id);
  });
}

/** The current mediator withdraws (回避) — on their own disclosure or a party's request — and the case is reassigned. */
export function recuse(ctx: CallContext, mediationId: number, reason: string) {
  return writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, mediationId);
    requireStatus(m, ['awaiting-acceptance', 'in-progress'], '回避');
    const t = today(ctx);
    const a = tx
      .select()
      .from(mediationAssignments)
      .where(and(eq(mediationAssignments.mediationId, m.id), inArray(mediationAssignments.state, ['pending', 'accepted'])))
      .get();
    if (!a) throw new ApiError('CONFLICT', '没有正在承办的调解员');
    tx.update(mediationAssignments).set({ state: 'recused', respondedOn: t, reason }).where(eq(mediationAssignments.id, a.id)).run();
    const settings = mediationSettingsOn(tx, t);
    tx.update(mediations)
      .set({
        status: 'awaiting-assignment',
        mediatorId: null,
        orgId: null,
        acceptDue: null,
        contactDue: null,
        assignDue: addWorkingDays(tx, t, settings.assignWorkingDays),
        updatedAt: nowIso(ctx),
      })
      .where(eq(mediations.id, m.id))
      .run();
    addCaseEvent(tx, ctx, m.caseId, 'mediation-recused', `调解员回避：${reason}`);
    audit(tx, ctx, { operation: 'mediation.recuse', entityType: 'mediation', entityId: m.id, after: { assignmentId: a.id, reason } });
    return mediationView(tx, m.id);
  });
}

export function recordContact(ctx: CallContext, mediationId: number, on: string) {
  return writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, mediationId);
    requireStatus(m, ['in-progress'], '记录首次联系');
    if (on > today(ctx)) throw fieldError('on', '首次联系日期不能晚于今天');
    if (m.signedOn && on < m.signedOn) throw fieldError('on', `首次联系日期不能早于签收日期 ${m.signedOn}`);
    tx.update(mediations)
      .set({ firstContactOn: on, contactDue: null, updatedAt: nowIso(ctx) })
      .where(eq(mediations.id, m.id))
      .run();
    addCaseEvent(tx, ctx, m.caseId, 'mediation-contact', `首次联系当事人（${on}）`);
    audit(tx, ctx, { operation: 'mediation.recordContact', entityType: 'mediation', entityId: m.id, after: { firstContactOn: on } });
    return mediationView(tx, m.id);
  });
}

/**
 * Extends the period by 30 days (2024意见 art. 3; 特邀调解规定 art. 27) — only with every party's recorded consent
 * to the extension. Only the extension is left out of the trial period (解释 art. 243 as amended by 2024意见).
 */
export function extendPeriod(ctx: CallContext, mediationId: number) {
  return writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, mediationId);
    requireStatus(m, ['in-progress'], '延长调解期限');
    if (m.extendedOn) throw new ApiError('CONFLICT', `调解期限已于 ${m.extendedOn} 延长过，不能再次延长`);
    if (!m.baseDueOn) throw new ApiError('CONFLICT', '调解员尚未签收材料，调解期限尚未开始');
    const ps = caseParticipants(tx, m.caseId);
    const consents = tx
      .select()
      .from(mediationConsents)
      .where(and(eq(mediationConsents.mediationId, m.id), eq(mediationConsents.subject, 'extension')))
      .orderBy(asc(mediationConsents.id))
      .all();
    const missing = ps.filter((p) => {
      const last = consents.filter((k) => k.partyId === p.partyId).at(-1);
      return !last || last.answer !== 'agree';
    });
    if (missing.length) {
      throw fieldError('consents', `延长调解期限须双方当事人均同意并记录：${missing.map((p) => p.name).join('、')}未同意`);
    }
    const d = computeDeadline(courtCalendar(tx), 'mediation-extension', m.baseDueOn);
    const t = today(ctx);
    tx.update(mediations)
      .set({ dueOn: d.due, extendedOn: t, updatedAt: nowIso(ctx) })
      .where(eq(mediations.id, m.id))
      .run();
    addCaseEvent(tx, ctx, m.caseId, 'mediation-extended', `经双方同意延长调解期限至 ${d.due}（延长期间不计入审理期限）`, {
      basis: d.basis,
    });
    audit(tx, ctx, {
      operation: 'mediation.extend',
      entityType: 'mediation',
      entityId: m.id,
      before: { dueOn: m.dueOn },
      after: { dueOn: d.due },
    });
    return mediationView(tx, m.id);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------------------

/**
 * An agreement (人民调解法 art. 29: the agreement states the parties, the matter, the terms; signed by the parties
 * and the mediator). Closing: performed / withdrawn (其他方式), a 民事调解书 on request after filing (民诉法 art. 100),
 * or judicial confirmation (民诉法 art. 205).
 */
export function recordAgreement(ctx: CallContext, i: AgreementInput) {
  return writeTransaction(ctx.core, (tx) => {
    const m = getRow(tx, i.mediationId);
    requireStatus(m, ['in-progress'], '记录调解协议');
    if (i.signedOn > today(ctx)) throw fieldError('signedOn', '协议签署日期不能晚于今天');
    if (m.signedOn && i.signedOn < m.signedOn) throw fieldError('signedOn', `协议签署日期不能早于调解员签收材料日期 ${m.signedOn}`);
    if (i.closing === 'mediation-document' && m.flow !== 'entrusted' && m.flow !== 'legacy') {
      throw fieldError('closing', '民事调解书只在立案后的委托调解中出具；诉前达成的协议可申请司法确认');
    }
    const agreement = { terms: i.terms, signedOn: i.signedOn, signatories: i.signatories };
    tx.update(mediations)
      .set({
        ...CLEAR_LIMITS,
        status: 'closed',
        outcome: 'agreement',
        closing: i.closing,
        outcomeOn: i.signedOn,
        agreement: JSON.stringify(agreement),
        updatedAt: nowIso(ctx),
      })
      .where(eq(mediations.id, m.id))
      .run();
    closeAssignments(tx, m.id, i.signedOn);
    addCaseEvent(tx, ctx, m.caseId, 'mediation-agreement', `达成调解协议（${i.terms.length} 项），${CLOSINGS[i.closing as Closing]}`);
    audit(tx, ctx, {
      operation: 'mediation.recordAgreement',
      entityType: 'mediation',
      entityId: m.id,
      after: { ...agreement, closing: i.closing },
    });
    return mediationView(tx, m.id);
  });
}

/**
 * Mediation ended without agreement (特邀调解规定 art. 26; docs/DOMAIN.md “调解”), with the mediator's record of the
 * undisputed facts (特邀调解规定 art. 24; 2024意见: facts confirmed in mediation may be used in trial, concessions
 * made to reach agreement may not). A failed 委派 is converted to a 民初 filing at once when the party insists
 * on suing; a failed 委托 returns to the trial track with the fee notice before trial.
 */
export function recordFailure(ctx: CallContext, i: FailureInput) {
  const event = writeTransaction(ctx.core, (tx): MediationFailedEvent => {
    const m = getRow(tx, i.mediationId);
    requireStatus(m, ['awaiting-assignment', 'awaiting-acceptance', 'in-progress'], '记录调解不成');
    if (i.on > today(ctx)) throw fieldError('on', '调解终结日期不能晚于今天');
    if (i.reason === 'expired' && (!m.dueOn || i.on <= m.dueOn))
      throw fieldError('reason', `调解期限${m.dueOn ? `至 ${m.dueOn}` : '尚未开始'}，尚未届满`);
    const why = FAILURE_REASONS[i.reason as FailureReason];
    tx.update(mediations)
      .set({
        ...CLEAR_LIMITS,
        status: 'failed',
        outcome: 'failed',
        outcomeOn: i.on,
        failureReason: i.reason,
        undisputedFacts: i.undisputedFacts ?? null,
        updatedAt: nowIso(ctx),
      })
      .where(eq(mediations.id, m.id))
      .run();
    closeAssignments(tx, m.id, i.on);
    addCaseEvent(tx, ctx, m.caseId, 'mediation-failed', `调解不成：${why}`);
    const fresh = getRow(tx, m.id);
    let trialCaseId: number | null = null;
    if (m.flow === 'delegated' && i.fileNow) trialCaseId = convertToFiling(tx, ctx, fresh, `委派调解不成（${why}），转立案`);
    if (m.flow === 'entrusted') {
      tx.update(mediations).set({ status: 'back-to-trial' }).where(eq(mediations.id, m.id)).run();
      sendFeeNoticeBeforeTrial(tx, ctx, m.caseId, why);
      trialCaseId = m.caseId;
    }
    audit(tx, ctx, {
      operation: 'mediation.recordFailure',
      entityType: 'mediation',
      entityId: m.id,
      after: { reason: i.reason, on: i.on, trialCaseId },
    });
    return { mediationId: m.id, flow: m.flow, trialCaseId, reason: why, undisputedFacts: i.undisputedFacts ?? null, on: i.on };
  });
  emitMediationFailed(event);
  return mediationView(ctx.core.db, i.mediationId);
}

/** A failed 委派 not filed at the time (the party had not yet decided) is filed now (转立案). */
export function convertFailed(ctx: CallContext, mediationId: number) {
  const event = writeTransaction(ctx.core, (tx): MediationFailedEvent => {
    const m = getRow(tx, mediationId);
    if (m.flow !== 'delegated' || m.status !== 'failed') throw new ApiError('CONFLICT', '只有调解不成的委派调解可以转立案');
    const id = convertToFiling(tx, ctx, m, '委派调解不成，当事人坚持起诉，转立案');
    audit(tx, ctx, { operation: 'mediation.convert', entityType: 'mediation', entityId: m.id, after: { convertedCaseId: id } });
    return {
      mediationId: m.id,
      flow: m.flow,
      trialCaseId: id,
      reason: FAILURE_REASONS[m.failureReason as FailureReason] ?? '',
      undisputedFacts: m.undisputedFacts,
      on: today(ctx),
    };
  });
  emitMediationFailed(event);
  return mediationView(ctx.core.db, mediationId);
}

// ---------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------

export function nextStepOf(m: Pick<MediationRow, 'status' | 'flow' | 'assignDue' | 'acceptDue' | 'contactDue' | 'dueOn' | 'closing'>): {
  text: string;
  date: string | null;
} {
  switch (m.status as Status) {
    case 'awaiting-consent':
      return { text: '征求当事人是否同意调解', date: null };
    case 'awaiting-assignment':
      return { text: '诉讼服务中心指派调解员', date: m.assignDue };
    case 'awaiting-acceptance':
      return { text: '调解员签收材料', date: m.acceptDue };
    case 'in-progress':
      return m.contactDue ? { text: '调解员联系当事人', date: m.contactDue } : { text: '组织调解', date: m.dueOn };
    case 'closed':
      return { text: m.closing === 'confirmation' ? '申请司法确认' : '调解结束', date: null };
    case 'failed':
      // a 委派 converts to a filing here; a failed legacy 民诉前调 (pre-filing) has no conversion: the party may sue
      if (m.flow === 'delegated') return { text: '当事人可以起诉（转立案）', date: null };
      return { text: m.flow === 'legacy' ? '当事人可以起诉' : '转入审理', date: null };
    case 'converted':
      return { text: '已转立案，进入审理程序', date: null };
    case 'back-to-trial':
      return { text: '交纳诉讼费用后开庭审理', date: null };
    default:
      return { text: '', date: null };
  }
}

export function mediationView(db: Db | Tx, id: number): MediationView {
  const m = getRow(db, id);
  const c = db.select().from(cases).where(eq(cases.id, m.caseId)).get()!;
  const ps = caseParticipants(db, m.caseId);
  const org = m.orgId ? db.select().from(mediationOrgs).where(eq(mediationOrgs.id, m.orgId)).get() : undefined;
  const med = m.mediatorId ? db.select().from(mediators).where(eq(mediators.id, m.mediatorId)).get() : undefined;
  const consents = db
    .select()
    .from(mediationConsents)
    .where(eq(mediationConsents.mediationId, id))
    .orderBy(asc(mediationConsents.id))
    .all();
  const assigns = db
    .select({ a: mediationAssignments, name: mediators.name, orgName: mediationOrgs.name })
    .from(mediationAssignments)
    .innerJoin(mediators, eq(mediators.id, mediationAssignments.mediatorId))
    .leftJoin(mediationOrgs, eq(mediationOrgs.id, mediationAssignments.orgId))
    .where(eq(mediationAssignments.mediationId, id))
    .orderBy(asc(mediationAssignments.id))
    .all();
  const converted = m.convertedCaseId
    ? db.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, m.convertedCaseId)).get()
    : undefined;
  const kind = periodKindOf(m);
  const next = nextStepOf(m);
  const nameOf = (pid: number) => ps.find((p) => p.partyId === pid)?.name ?? '';
  return {
    id: m.id,
    caseId: c.id,
    caseNumber: c.number,
    caseCode: c.code,
    caseType: c.caseType,
    flow: m.flow,
    flowLabel: FLOWS[m.flow as Flow] ?? m.flow,
    procedure: m.procedure,
    status: m.status,
    statusLabel: STATUSES[m.status as Status] ?? m.status,
    region: m.region,
    causeName: m.causeName,
    receivedOn: m.receivedOn,
    parties: ps.map((p) => ({ partyId: p.partyId, name: p.name, role: p.role })),
    org: org ? { id: org.id, name: org.name } : m.outsideOrgName ? { id: null, name: m.outsideOrgName } : null,
    mediator: med ? { id: med.id, name: med.name } : m.outsideMediatorName ? { id: null, name: m.outsideMediatorName } : null,
    limits: { assignDue: m.assignDue, acceptDue: m.acceptDue, contactDue: m.contactDue, firstContactOn: m.firstContactOn },
    signedOn: m.signedOn,
    dueOn: m.dueOn,
    baseDueOn: m.baseDueOn,
    extendedOn: m.extendedOn,
    periodBasis: kind ? computeDeadlineBasis(kind) : null,
    outcome: m.outcome,
    closing: m.closing,
    closingLabel: m.closing ? (CLOSINGS[m.closing as Closing] ?? m.closing) : null,
    outcomeOn: m.outcomeOn,
    failureReason: m.failureReason,
    failureReasonLabel: m.failureReason ? (FAILURE_REASONS[m.failureReason as FailureReason] ?? m.failureReason) : null,
    undisputedFacts: m.undisputedFacts,
    agreement: m.agreement ? (JSON.parse(m.agreement) as MediationView['agreement']) : null,
    convertedCase: converted ?? null,
    consents: consents.map((k) => ({
      partyId: k.partyId,
      partyName: nameOf(k.partyId),
      subject: k.subject,
      subjectLabel: CONSENT_SUBJECTS[k.subject as keyof typeof CONSENT_SUBJECTS] ?? k.subject,
      answer: k.answer,
      answerLabel: CONSENT_ANSWERS[k.answer as keyof typeof CONSENT_ANSWERS] ?? k.answer,
      on: k.givenOn,
      note: k.note,
    })),
    assignments: assigns.map(({ a, name, orgName }) => ({
      id: a.id,
      mediatorId: a.mediatorId,
      mediatorName: name,
      orgName,
      how: a.how,
      howLabel: ASSIGN_HOW[a.how as AssignHow] ?? a.how,
      assignedOn: a.assignedOn,
      state: a.state,
      stateLabel: ASSIGNMENT_STATES[a.state as keyof typeof ASSIGNMENT_STATES] ?? a.state,
      respondedOn: a.respondedOn,
      reason: a.reason,
      overCapacityReason: a.overCapacityReason,
    })),
    nextStep: next.date ? `${next.text}（${next.date} 前）` : next.text,
  };
}

function computeDeadlineBasis(kind: PeriodKind): string {
  return LEGAL_PERIODS[kind].basis;
}

export function findMediationIdByCase(db: Db | Tx, caseId: number): number | null {
  return db.select({ id: mediations.id }).from(mediations).where(eq(mediations.caseId, caseId)).get()?.id ?? null;
}
