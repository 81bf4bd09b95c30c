import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { caseParties, cases, parties, reliefApplications, reliefSteps } from '../../db/schema';
import { ApiError, conflict, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { courtCalendar } from '../calendar';
import { addCaseEvent } from '../cases';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../settings';
import { ROLES } from '../api/roles';
import { dateShanghai, isoShanghai } from '../time/clock';
import { yuan } from '../documents';
import { CATCH_ALL_GROUND, groundBasis, groundOf, MIN_REDUCTION_PERCENT, RELIEF_KINDS, type ReliefKind } from './grounds';
import { checkApplicationTiming, checkDeferralDecision } from './reliefTiming';
import type { ReliefStage } from './settings';
import { storedFeeQuoteSchema } from './views';

/**
 * Fee relief (司法救助, 办法 arts. 44–51): applications on a case, the approval chain (configurable stages,
 * each acted on by a different person), and the decision. The rules the 办法 sets are checked here, once:
 * 免交 only for natural persons (art. 44/45), a reduction of at least 30 % (art. 46), the dated timing policy
 * for every kind (arts. 48–49, ./reliefTiming.ts), partial grants only on the catch-all items (45(5), 46(4),
 * 47(4)), a refusal explained in writing (art. 48), and the
 * granted 免交 / 减交 exposed for the judgment or mediation document (art. 51).
 */

export { RELIEF_STATUS_LABELS, type ReliefStatus } from './listMeta';
import { RELIEF_STATUS_LABELS, type ReliefStatus } from './listMeta';
const OPEN: ReliefStatus[] = ['pending', 'reviewed'];

export type ReliefAction = 'grant' | 'partial' | 'refuse' | 'return';
export const RELIEF_ACTION_LABELS: Record<ReliefAction, string> = {
  grant: '同意（准予）',
  partial: '部分准予',
  refuse: '不予批准',
  return: '退回重新审查',
};

export interface ApplyInput {
  caseId: number;
  casePartyId: number;
  kind: ReliefKind;
  ground: string;
  reasons?: string;
  evidence: { name: string; kind: string }[];
  feeFen: number;
  feeQuote?: unknown;
  requestedPercent?: number;
  requestedUntil?: string;
  /** defaults to today */
  appliedOn?: string;
}

export interface ActInput {
  applicationId: number;
  action: ReliefAction;
  opinion?: string;
  /** partial grant (and 减交): the percentage of the fee relieved */
  grantedPercent?: number;
  /** 缓交: the due date granted */
  deferredUntil?: string;
  /** a refusal's written reasons (办法 art. 48), printed on the notice */
  refusalReasons?: string;
}

const MIN_REASONS = 10;

function caseRow(db: Db | Tx, caseId: number) {
  const c = db
    .select({ id: cases.id, number: cases.number, receivedOn: cases.receivedOn, caseType: cases.caseType })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!c) throw notFound('案件');
  return c;
}

function applicantOf(db: Db | Tx, caseId: number, casePartyId: number) {
  const row = db
    .select({ casePartyId: caseParties.id, role: caseParties.role, partyId: parties.id, kind: parties.kind, name: parties.name })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(and(eq(caseParties.id, casePartyId), eq(caseParties.caseId, caseId)))
    .get();
  if (!row) throw fieldError('casePartyId', '申请人须是本案的当事人');
  return row;
}

/** The percentage of a fee, in fen, half-up. */
export const percentOf = (feeFen: number, percent: number) => Math.floor((feeFen * percent * 2 + 100) / 200);

export function applyForRelief(ctx: CallContext, i: ApplyInput) {
  const today = dateShanghai(ctx.core.clock.now());
  const appliedOn = i.appliedOn ?? today;
  if (appliedOn > today) throw fieldError('appliedOn', '申请日期不能晚于今天');
  const kind = RELIEF_KINDS[i.kind];
  const ground = groundOf(i.kind, i.ground);
  if (!ground) throw fieldError('ground', `${kind.label}的申请理由须为${kind.article}所列情形之一`);
  const reasons = (i.reasons ?? '').trim();
  if (i.ground === 'other' && reasons.length < MIN_REASONS)
    throw fieldError('reasons', `以“${ground.label}”申请的，须写明具体困难情形（至少 ${MIN_REASONS} 个字）`);
  if (!Number.isSafeInteger(i.feeFen) || i.feeFen <= 0)
    throw fieldError('feeFen', '应交诉讼费用须大于 0 元；不需交费的案件无需申请司法救助');
  if (i.kind === 'reduce') {
    if (i.requestedPercent === undefined) throw fieldError('requestedPercent', '请填写申请减交的比例');
    if (i.requestedPercent < MIN_REDUCTION_PERCENT)
      throw fieldError('requestedPercent', `减交比例不得低于 ${MIN_REDUCTION_PERCENT}%（${RELIEF_KINDS.reduce.article}）`);
    if (i.requestedPercent >= 100) throw fieldError('requestedPercent', '减交比例应小于 100%；全部免除请申请免交');
  } else if (i.requestedPercent !== undefined) throw fieldError('requestedPercent', '只有减交申请填写减交比例');
  if (i.kind !== 'defer' && i.requestedUntil !== undefined) throw fieldError('requestedUntil', '只有缓交申请填写缓交期限');
  if (i.kind === 'defer' && i.requestedUntil !== undefined && i.requestedUntil <= appliedOn)
    throw fieldError('requestedUntil', '缓交期限应晚于申请日期');
  if (i.evidence.length === 0)
    throw fieldError('evidence', '请列出申请人提交的证明材料（办法第四十八条：应当提供足以证明其确有经济困难的证明材料）');

  return writeTransaction(ctx.core, (tx) => {
    const c = caseRow(tx, i.caseId);
    const applicant = applicantOf(tx, i.caseId, i.casePartyId);
    if (i.kind === 'waive' && applicant.kind !== 'person')
      throw fieldError('casePartyId', `免交只适用于自然人（${RELIEF_KINDS.waive.article}）；${applicant.name}是单位，可以申请减交或缓交`);
    // the dated timing policy, the same way for 免交, 减交 and 缓交 (./reliefTiming.ts)
    checkApplicationTiming(tx, c, i.kind, appliedOn);
    const open = tx
      .select({ id: reliefApplications.id })
      .from(reliefApplications)
      .where(
        and(
          eq(reliefApplications.caseId, i.caseId),
          eq(reliefApplications.casePartyId, i.casePartyId),
          inArray(reliefApplications.status, OPEN),
        ),
      )
      .get();
    if (open) throw conflict(`${applicant.name}在本案已有尚未决定的司法救助申请（编号 ${open.id}），请等待决定或先撤回`, 'casePartyId');
    const now = isoShanghai(ctx.core.clock.now());
    const row = tx
      .insert(reliefApplications)
      .values({
        caseId: i.caseId,
        casePartyId: i.casePartyId,
        kind: i.kind,
        ground: i.ground,
        reasons,
        evidence: JSON.stringify(i.evidence),
        feeFen: i.feeFen,
        feeQuote: i.feeQuote === undefined ? null : JSON.stringify(i.feeQuote),
        requestedPercent: i.requestedPercent ?? null,
        requestedUntil: i.requestedUntil ?? null,
        appliedOn,
        status: 'pending',
        createdBy: ctx.actor!.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    addCaseEvent(tx, ctx, i.caseId, 'relief-applied', `${applicant.name}申请${kind.label}诉讼费用 ${yuan(i.feeFen)}（${ground.label}）`, {
      applicationId: row.id,
    });
    audit(tx, ctx, { operation: 'relief.apply', entityType: 'relief_application', entityId: row.id, after: row });
    return reliefView(tx, row.id);
  });
}

export function reliefChain(db: Db | Tx): ReliefStage[] {
  return readSetting(db, 'relief.chain') ?? [];
}

/** The stage the application waits at: the steps since the last return. */
function currentStage(steps: readonly { action: string }[]): number {
  let n = 0;
  for (const s of steps) n = s.action === 'return' ? 0 : n + 1;
  return n;
}

/**
 * The stage an open application waits at, and whether `actor` may act there: the stage's role, and not a person
 * who already gave an opinion on it since the last return (review and decision by different people). The one
 * rule for relief.act and for the dashboard's “awaiting me” count.
 */
export function awaitingStage(
  chain: readonly ReliefStage[],
  steps: readonly { action: string; userId: number }[],
  actor: { userId: number; roles: readonly string[] },
) {
  const stageIndex = Math.min(currentStage(steps), chain.length - 1);
  const stage = chain[stageIndex]!;
  const sinceReturn = steps.slice(steps.length - currentStage(steps));
  const problem = !actor.roles.includes(stage.role)
    ? ('role' as const)
    : sinceReturn.some((s) => s.userId === actor.userId)
      ? ('same-person' as const)
      : null;
  return { stageIndex, stage, problem };
}

/** How many open applications `actor` may act on now (every open one is counted: no page, no cap). */
export function countAwaiting(db: Db | Tx, actor: { userId: number; roles: readonly string[] }): number {
  const open = db.select({ id: reliefApplications.id }).from(reliefApplications).where(inArray(reliefApplications.status, OPEN)).all();
  if (open.length === 0) return 0;
  const chain = reliefChain(db);
  const stepsOf = new Map<number, { action: string; userId: number }[]>(open.map((a) => [a.id, []]));
  const steps = db
    .select({ applicationId: reliefSteps.applicationId, action: reliefSteps.action, userId: reliefSteps.userId })
    .from(reliefSteps)
    .innerJoin(reliefApplications, eq(reliefApplications.id, reliefSteps.applicationId))
    .where(inArray(reliefApplications.status, OPEN))
    .orderBy(asc(reliefSteps.id))
    .all();
  for (const st of steps) stepsOf.get(st.applicationId)?.push(st);
  let n = 0;
  for (const list of stepsOf.values()) if (awaitingStage(chain, list, actor).problem === null) n++;
  return n;
}

export function actOnRelief(ctx: CallContext, i: ActInput) {
  const today = dateShanghai(ctx.core.clock.now());
  const opinion = (i.opinion ?? '').trim();
  return writeTransaction(ctx.core, (tx) => {
    const app = tx.select().from(reliefApplications).where(eq(reliefApplications.id, i.applicationId)).get();
    if (!app) throw notFound('司法救助申请');
    if (!OPEN.includes(app.status)) throw conflict(`该申请已${RELIEF_STATUS_LABELS[app.status]}，不能再审批`);
    const chain = reliefChain(tx);
    const steps = tx.select().from(reliefSteps).where(eq(reliefSteps.applicationId, app.id)).orderBy(asc(reliefSteps.id)).all();
    const actor = ctx.actor!;
    const { stageIndex, stage, problem } = awaitingStage(chain, steps, actor);
    if (problem === 'role') throw new ApiError('FORBIDDEN', `该申请正在“${stage.label}”阶段，需由${ROLES[stage.role]}办理`);
    if (problem === 'same-person') throw conflict('同一申请的审查和审批须由不同人员办理：您已在前一阶段提出意见');
    const last = stageIndex === chain.length - 1;
    const kind = app.kind;

    if (i.action === 'return' && stageIndex === 0) throw fieldError('action', '第一阶段不能退回；如不同意请选择“不予批准”');
    if (i.action === 'refuse' && (i.refusalReasons ?? '').trim().length < MIN_REASONS)
      throw fieldError('refusalReasons', `不予批准须书面说明理由（《诉讼费用交纳办法》第四十八条），至少 ${MIN_REASONS} 个字`);
    let grantedPercent: number | null = null;
    if (i.action === 'partial') {
      // on a listed ground the court 应当准予 in full (办法 arts. 45–47): a partial grant only on the catch-all item
      if (app.ground !== CATCH_ALL_GROUND)
        throw fieldError(
          'action',
          `申请人符合${groundBasis(kind, app.ground)}所列情形的，应当准予${RELIEF_KINDS[kind].label}，不能部分准予；部分准予只适用于该条“${groundOf(kind, CATCH_ALL_GROUND)!.label}”`,
        );
      if (i.grantedPercent === undefined) throw fieldError('grantedPercent', '部分准予须填写准予的比例');
      const lo = kind === 'defer' ? 1 : MIN_REDUCTION_PERCENT;
      const hi = kind === 'reduce' ? app.requestedPercent! - 1 : 99;
      if (i.grantedPercent < lo || i.grantedPercent > hi)
        throw fieldError(
          'grantedPercent',
          kind === 'defer'
            ? '部分缓交的比例应在 1% 至 99% 之间'
            : `部分准予的比例应在 ${lo}% 至 ${hi}% 之间（减交不得低于 30%${kind === 'reduce' ? '，且低于申请的比例' : ''}）`,
        );
      grantedPercent = i.grantedPercent;
    } else if (i.action === 'grant') grantedPercent = kind === 'reduce' ? app.requestedPercent! : 100;
    let deferredUntil: string | null = null;
    if (kind === 'defer' && last && (i.action === 'grant' || i.action === 'partial'))
      checkDeferralDecision(tx, caseRow(tx, app.caseId), today);
    if (kind === 'defer' && (i.action === 'grant' || i.action === 'partial')) {
      deferredUntil =
        i.deferredUntil ?? app.requestedUntil ?? courtCalendar(tx).addDays(today, readSetting(tx, 'relief.deferralDays') ?? 90);
      if (deferredUntil <= today) throw fieldError('deferredUntil', '缓交期限应晚于决定日期');
    } else if (i.deferredUntil !== undefined) throw fieldError('deferredUntil', '只有准予缓交时填写缓交期限');

    const now = isoShanghai(ctx.core.clock.now());
    tx.insert(reliefSteps)
      .values({
        applicationId: app.id,
        stage: last ? 'approve' : 'review',
        action: i.action,
        opinion: i.action === 'refuse' ? [opinion, i.refusalReasons!.trim()].filter(Boolean).join('\n') : opinion,
        // what this stage proposed (review) or decided (last stage)
        grantedPercent,
        deferredUntil: last ? deferredUntil : (i.deferredUntil ?? null),
        userId: actor.userId,
        userName: actor.displayName,
        at: now,
      })
      .run();

    const applicant = applicantOf(tx, app.caseId, app.casePartyId);
    let summary: string;
    let patch: Partial<typeof reliefApplications.$inferInsert>;
    if (i.action === 'return') {
      patch = { status: 'pending' };
      summary = `司法救助申请（编号 ${app.id}）退回重新审查`;
    } else if (!last) {
      patch = { status: 'reviewed' };
      summary = `${stage.label}：${RELIEF_ACTION_LABELS[i.action]}（${applicant.name}申请${RELIEF_KINDS[kind].label}）`;
    } else if (i.action === 'refuse') {
      patch = { status: 'refused', decidedOn: today, refusalReasons: i.refusalReasons!.trim(), grantedPercent: null, reliefFen: 0 };
      summary = `不予批准${applicant.name}${RELIEF_KINDS[kind].label}诉讼费用的申请`;
    } else {
      const reliefFen = percentOf(app.feeFen, grantedPercent!);
      patch = {
        status: i.action === 'grant' ? 'granted' : 'partly_granted',
        decidedOn: today,
        grantedPercent,
        reliefFen,
        deferredUntil,
        refusalReasons: null,
      };
      summary = `${i.action === 'grant' ? '准予' : '部分准予'}${applicant.name}${decisionVerb(kind, grantedPercent!)}诉讼费用 ${yuan(reliefFen)}${deferredUntil ? `，缓交至 ${deferredUntil}` : ''}`;
    }
    tx.update(reliefApplications)
      .set({ ...patch, updatedAt: now })
      .where(eq(reliefApplications.id, app.id))
      .run();
    addCaseEvent(tx, ctx, app.caseId, 'relief-step', summary, { applicationId: app.id, action: i.action });
    const after = tx.select().from(reliefApplications).where(eq(reliefApplications.id, app.id)).get();
    audit(tx, ctx, { operation: 'relief.act', entityType: 'relief_application', entityId: app.id, before: app, after });
    return reliefView(tx, app.id);
  });
}

/** What a decision grants, in the words of the decision: 免交, 减交, or 缓交. A partial 免交 is a 减交. */
export function decisionVerb(kind: ReliefKind, grantedPercent: number): string {
  if (kind === 'defer') return grantedPercent === 100 ? '缓交' : '部分缓交';
  if (kind === 'waive' && grantedPercent === 100) return '免交';
  return '减交';
}

export function withdrawRelief(ctx: CallContext, applicationId: number, note?: string) {
  return writeTransaction(ctx.core, (tx) => {
    const app = tx.select().from(reliefApplications).where(eq(reliefApplications.id, applicationId)).get();
    if (!app) throw notFound('司法救助申请');
    if (!OPEN.includes(app.status)) throw conflict(`该申请已${RELIEF_STATUS_LABELS[app.status]}，不能撤回`);
    tx.update(reliefApplications)
      .set({ status: 'withdrawn', updatedAt: isoShanghai(ctx.core.clock.now()) })
      .where(eq(reliefApplications.id, app.id))
      .run();
    addCaseEvent(tx, ctx, app.caseId, 'relief-withdrawn', `司法救助申请（编号 ${app.id}）已撤回${note ? `：${note}` : ''}`, {
      applicationId: app.id,
    });
    audit(tx, ctx, {
      operation: 'relief.withdraw',
      entityType: 'relief_application',
      entityId: app.id,
      before: app,
      after: { status: 'withdrawn', note },
    });
    return reliefView(tx, app.id);
  });
}

export function reliefView(db: Db | Tx, id: number) {
  const view = reliefViews(db, [id])[0];
  if (!view) throw notFound('司法救助申请');
  return view;
}

/** The views of several applications in three queries (the register lists pages of them). */
export function reliefViews(db: Db | Tx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      app: reliefApplications,
      caseNumber: cases.number,
      caseReceivedOn: cases.receivedOn,
      applicantName: parties.name,
      applicantKind: parties.kind,
      applicantRole: caseParties.role,
    })
    .from(reliefApplications)
    .innerJoin(cases, eq(cases.id, reliefApplications.caseId))
    .innerJoin(caseParties, eq(caseParties.id, reliefApplications.casePartyId))
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(inArray(reliefApplications.id, [...ids]))
    .all();
  const chain = reliefChain(db);
  const stepsOf = new Map<number, (typeof reliefSteps.$inferSelect)[]>();
  for (const s of db
    .select()
    .from(reliefSteps)
    .where(inArray(reliefSteps.applicationId, [...ids]))
    .orderBy(asc(reliefSteps.id))
    .all()) {
    const list = stepsOf.get(s.applicationId) ?? [];
    list.push(s);
    stepsOf.set(s.applicationId, list);
  }
  const byId = new Map(rows.map((row) => [row.app.id, viewOf(row, chain, stepsOf.get(row.app.id) ?? [])]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function viewOf(
  row: {
    app: typeof reliefApplications.$inferSelect;
    caseNumber: string;
    caseReceivedOn: string;
    applicantName: string;
    applicantKind: 'person' | 'organisation';
    applicantRole: string;
  },
  chain: ReliefStage[],
  steps: (typeof reliefSteps.$inferSelect)[],
) {
  const a = row.app;
  const kind = a.kind;
  const open = OPEN.includes(a.status);
  const stageIndex = open ? Math.min(currentStage(steps), chain.length - 1) : null;
  return {
    id: a.id,
    caseId: a.caseId,
    caseNumber: row.caseNumber,
    caseReceivedOn: row.caseReceivedOn,
    casePartyId: a.casePartyId,
    applicant: { name: row.applicantName, kind: row.applicantKind, role: row.applicantRole },
    kind,
    kindLabel: RELIEF_KINDS[kind].label,
    ground: a.ground,
    groundLabel: groundOf(kind, a.ground)?.label ?? a.ground,
    groundBasis: groundBasis(kind, a.ground),
    reasons: a.reasons,
    evidence: JSON.parse(a.evidence) as { name: string; kind: string }[],
    feeFen: a.feeFen,
    feeQuote: a.feeQuote ? storedFeeQuoteSchema.parse(JSON.parse(a.feeQuote)) : null,
    requestedPercent: a.requestedPercent,
    requestedUntil: a.requestedUntil,
    appliedOn: a.appliedOn,
    status: a.status,
    statusLabel: RELIEF_STATUS_LABELS[a.status],
    /** the stage waiting for action (open applications) */
    awaiting:
      stageIndex === null
        ? null
        : { index: stageIndex, label: chain[stageIndex]!.label, role: chain[stageIndex]!.role, last: stageIndex === chain.length - 1 },
    decision:
      a.decidedOn === null
        ? null
        : {
            decidedOn: a.decidedOn,
            grantedPercent: a.grantedPercent,
            reliefFen: a.reliefFen ?? 0,
            deferredUntil: a.deferredUntil,
            refusalReasons: a.refusalReasons,
            verb: a.status === 'refused' ? null : decisionVerb(kind, a.grantedPercent ?? 100),
            /** the decision document: 准予…决定书 or 不予批准司法救助申请通知书 */
            documentTitle:
              a.status === 'refused'
                ? '不予批准司法救助申请通知书'
                : `准予${decisionVerb(kind, a.grantedPercent ?? 100).replace('部分', '')}诉讼费用决定书`,
          },
    steps: steps.map((s) => ({
      id: s.id,
      stage: s.stage,
      action: s.action,
      actionLabel: RELIEF_ACTION_LABELS[s.action],
      opinion: s.opinion,
      grantedPercent: s.grantedPercent,
      deferredUntil: s.deferredUntil,
      userId: s.userId,
      userName: s.userName,
      at: s.at,
    })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export type ReliefView = ReturnType<typeof viewOf>;

export interface ReliefListFilter {
  caseId?: number;
  status?: ReliefStatus | 'open';
  kind?: ReliefKind;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function listRelief(db: Db | Tx, f: ReliefListFilter) {
  const where: SQL[] = [];
  if (f.caseId !== undefined) where.push(eq(reliefApplications.caseId, f.caseId));
  if (f.status === 'open') where.push(inArray(reliefApplications.status, OPEN));
  else if (f.status) where.push(eq(reliefApplications.status, f.status));
  if (f.kind) where.push(eq(reliefApplications.kind, f.kind));
  if (f.from) where.push(sql`${reliefApplications.appliedOn} >= ${f.from}`);
  if (f.to) where.push(sql`${reliefApplications.appliedOn} <= ${f.to}`);
  const cond = where.length ? and(...where) : undefined;
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(reliefApplications)
    .where(cond)
    .get()!.n;
  const ids = db
    .select({ id: reliefApplications.id })
    .from(reliefApplications)
    .where(cond)
    .orderBy(desc(reliefApplications.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  return {
    total,
    rows: reliefViews(
      db,
      ids.map((r) => r.id),
    ),
  };
}

/**
 * The relief granted on a case, in the sentence a judgment, ruling or mediation document states (办法 art. 51):
 * "准予原告张三免交案件受理费 3,300.00 元".
 */
export function grantedRelief(db: Db | Tx, caseId: number) {
  const rows = db
    .select({ id: reliefApplications.id })
    .from(reliefApplications)
    .where(and(eq(reliefApplications.caseId, caseId), inArray(reliefApplications.status, ['granted', 'partly_granted'])))
    .orderBy(asc(reliefApplications.id))
    .all();
  return reliefViews(
    db,
    rows.map((r) => r.id),
  ).map((v) => {
    const verb = v.decision!.verb!;
    const amount = yuan(v.decision!.reliefFen, { symbol: '' });
    return {
      applicationId: v.id,
      kind: v.kind,
      verb,
      reliefFen: v.decision!.reliefFen,
      deferredUntil: v.decision!.deferredUntil,
      statement:
        v.kind === 'defer'
          ? `本院已准予${v.applicant.role}${v.applicant.name}缓交诉讼费用 ${amount} 元`
          : `本院已准予${v.applicant.role}${v.applicant.name}${verb}诉讼费用 ${amount} 元`,
    };
  });
}
