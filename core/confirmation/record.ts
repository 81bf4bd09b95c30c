import type { Role } from '../api/roles';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { confirmations, confirmationServices, confirmationSteps, documents, userRoles, users } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../api/errors';
import { courtCalendar, type LegalCalendar } from '../calendar';
import { daysBetween } from '../calendar';
import { caseView, type CaseView } from '../cases';
import type { Db, Tx } from '../context';
import { computeDeadline, type Deadline } from '../periods';
import {
  FEE_BASIS,
  groundLabel,
  MATERIAL_STATES,
  MATERIALS,
  OUTCOMES,
  STAGES,
  STEP_KINDS,
  type MaterialState,
  type Outcome,
  type Stage,
} from './meta';
import type { ConfirmationView } from './schemas';

/** The stored row of an application. */
export type ConfirmationRow = typeof confirmations.$inferSelect;

export interface StoredGround {
  code: string;
  label: string;
  /** the article as the ruling cites it, with the statute's short name */
  article: string;
  statute: 'law' | 'interpretation';
}

export interface StoredCheck {
  key: string;
  label: string;
  passed: boolean;
  article: string;
  detail: string;
}

export function getRow(db: Db | Tx, id: number): ConfirmationRow {
  const row = db.select().from(confirmations).where(eq(confirmations.id, id)).get();
  if (!row) throw notFound('司法确认申请');
  return row;
}

export function requireStage(row: ConfirmationRow, stages: Stage[], action: string): void {
  if (!stages.includes(row.stage as Stage)) {
    throw new ApiError('CONFLICT', `本申请目前“${STAGES[row.stage as Stage] ?? row.stage}”，不能${action}`);
  }
}

export function userName(db: Db | Tx, id: number | null): string | null {
  if (id === null) return null;
  if (id === 0) return '命令行管理';
  return db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? null;
}

/** A user who holds the role and is not disabled, or a field error naming the field. */
export function requireUserWithRole(db: Db | Tx, id: number, role: Role, field: string, label: string): string {
  const u = db
    .select({ name: users.displayName, disabled: users.disabled })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
    .where(eq(users.id, id))
    .get();
  if (!u || u.disabled) throw fieldError(field, `所选${label}不是在用的${label}账户`);
  return u.name;
}

/** The application window (30 days from the agreement taking effect, 民诉法 2023 art. 205). */
export function applicationWindow(db: Db | Tx, row: Pick<ConfirmationRow, 'agreementEffectiveOn'>): Deadline {
  return computeDeadline(courtCalendar(db), 'confirmation-application', row.agreementEffectiveOn);
}

/**
 * Whether an application made on `day` is within the window (民诉法 2023 art. 205: within 30 days, its last day
 * included). The one test of the period: the acceptance check, the application's view, the hand-off from the
 * mediation register and its card all ask this.
 */
export function inApplicationWindow(window: Deadline, day: string): boolean {
  return day <= window.due;
}

/**
 * The review period: 30 days from acceptance (民诉法 2023 art. 187), plus an approved extension. `calendar`: the
 * court calendar read once by a caller that computes many (the figures' overdue count).
 */
export function reviewDeadline(
  db: Db | Tx,
  row: Pick<ConfirmationRow, 'acceptanceDecidedOn' | 'stage' | 'extensionDays'>,
  calendar: LegalCalendar = courtCalendar(db),
): Deadline | null {
  if (!row.acceptanceDecidedOn || row.stage === 'not_accepted') return null;
  return computeDeadline(calendar, 'confirmation-review', row.acceptanceDecidedOn, { extendBy: row.extensionDays });
}

/**
 * The state of a deadline on a day: met when the step is done, overdue after the due date, a warning from the
 * warning day (the review period: 15 days after acceptance, the 2011 rule's 15 days; the acceptance period:
 * its last day).
 */
export function deadlineState(d: Deadline, today: string, done: boolean, warnFrom: string): 'ok' | 'warning' | 'overdue' | 'met' {
  if (done) return 'met';
  if (today > d.due) return 'overdue';
  if (today >= warnFrom) return 'warning';
  return 'ok';
}

export function reviewWarnFrom(d: Deadline): string {
  return computeDeadlineDay(d.from, 15);
}

function computeDeadlineDay(from: string, days: number): string {
  const t = new Date(`${from}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function parseJson<T>(s: string | null): T | null {
  return s === null ? null : (JSON.parse(s) as T);
}

/** The full view of an application: the case's parties, deadlines with their state today, steps, ruling, service. */
export function confirmationView(db: Db | Tx, id: number, today: string, unmask = false): ConfirmationView {
  const row = getRow(db, id);
  const cv: CaseView = caseView(db, row.caseId, unmask);
  const window = applicationWindow(db, row);
  const acceptance = computeDeadline(courtCalendar(db), 'confirmation-acceptance', row.appliedOn);
  const review = reviewDeadline(db, row);
  const decided = row.stage === 'decided' || row.stage === 'not_accepted';
  const materials = JSON.parse(row.materials) as Record<string, MaterialState>;
  const steps = db
    .select()
    .from(confirmationSteps)
    .where(eq(confirmationSteps.confirmationId, id))
    .orderBy(asc(confirmationSteps.id))
    .all();
  const services = db.select().from(confirmationServices).where(eq(confirmationServices.confirmationId, id)).all();
  const doc = row.rulingDocumentId
    ? db
        .select({
          id: documents.id,
          templateId: documents.templateId,
          printCount: documents.printCount,
          lastPrintedAt: documents.lastPrintedAt,
        })
        .from(documents)
        .where(eq(documents.id, row.rulingDocumentId))
        .get()
    : undefined;
  const cal = courtCalendar(db);
  const serviceRows = cv.parties.map((p) => {
    const s = services.find((x) => x.casePartyId === p.casePartyId);
    return {
      casePartyId: p.casePartyId,
      partyName: p.party.name,
      method: s?.method ?? null,
      servedOn: s?.servedOn ?? null,
      recipient: s?.recipient ?? null,
      proof: s?.proof ?? null,
      objectionDue: s ? computeDeadline(cal, 'confirmation-objection', s.servedOn).due : null,
    };
  });
  // the enforcement window (民诉法 2023 art. 250) runs once the ruling that the agreement is valid has been served
  // on every party; shown from the last service (the performance period of the agreement is the parties' own and is
  // counted by the enforcement desk)
  const allServed = serviceRows.every((s) => s.servedOn !== null);
  const lastServed = allServed
    ? serviceRows
        .map((s) => s.servedOn!)
        .sort()
        .at(-1)!
    : null;
  const enforcementDue = row.outcome === 'valid' && lastServed ? computeDeadline(cal, 'enforcement-application', lastServed).due : null;
  const dl = (d: Deadline, state: ReturnType<typeof deadlineState>) => ({
    label: d.label,
    from: d.from,
    due: d.due,
    basis: d.basis,
    state,
  });
  const stepSummary = (s: (typeof steps)[number]): string => {
    const data = JSON.parse(s.data) as Record<string, unknown>;
    switch (s.kind) {
      case 'appearance':
        return `到场：${(data.names as string[]).join('、')}；${String(data.questions)}`;
      case 'request':
        return `${String(data.what)}（限 ${s.dueOn} 前补充）`;
      case 'withdrawal':
        return `${(data.names as string[]).join('、')}撤回申请：${String(data.reasons)}`;
      case 'objection':
        return `${String(data.by)}（${data.role === 'party' ? '当事人' : '利害关系人'}）：${String(data.content)}`;
      default:
        return '';
    }
  };
  const grounds = parseJson<StoredGround[]>(row.grounds) ?? [];
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: cv.number,
    source: row.source,
    mediationId: row.mediationId,
    stage: row.stage,
    stageLabel: STAGES[row.stage as Stage],
    outcome: row.outcome,
    outcomeLabel: row.outcome ? OUTCOMES[row.outcome as Outcome] : null,
    applicants: cv.parties.map((p) => ({
      casePartyId: p.casePartyId,
      name: p.party.name,
      agents: p.agents.map((a) => ({
        name: a.name,
        authority: a.authority === 'special' ? `特别授权：${a.authorityDetail ?? ''}` : '一般授权',
      })),
    })),
    agreement: {
      organisationKind: row.organisationKind,
      organisationName: row.organisationName,
      organisationPlace: row.organisationPlace,
      mediatorName: row.mediatorName,
      date: row.agreementDate,
      effectiveOn: row.agreementEffectiveOn,
      dispute: row.dispute,
      terms: JSON.parse(row.terms) as string[],
    },
    applicationForm: row.applicationForm,
    oralRecord: row.oralRecord,
    materials: Object.entries(MATERIALS).map(([key, label]) => ({
      key,
      label,
      state: materials[key] ?? 'missing',
      stateLabel: MATERIAL_STATES[materials[key] ?? 'missing'],
    })),
    appliedOn: row.appliedOn,
    fee: { feeFen: row.feeFen, basis: FEE_BASIS },
    applicationWindow: dl(window, inApplicationWindow(window, row.appliedOn) ? 'met' : 'overdue'),
    acceptanceDeadline: dl(acceptance, deadlineState(acceptance, today, row.acceptanceDecidedOn !== null, acceptance.due)),
    acceptanceChecks: parseJson<StoredCheck[]>(row.acceptanceChecks),
    acceptanceDecidedOn: row.acceptanceDecidedOn,
    judge: row.judgeId !== null ? { id: row.judgeId, name: userName(db, row.judgeId) ?? '' } : null,
    clerk: row.clerkId !== null ? { id: row.clerkId, name: userName(db, row.clerkId) ?? '' } : null,
    judgeAssignedAt: row.judgeAssignedAt,
    judgeAssignedBy: userName(db, row.judgeAssignedBy),
    reviewDeadline: review ? dl(review, deadlineState(review, today, decided, reviewWarnFrom(review))) : null,
    extension:
      row.extensionDays > 0
        ? {
            days: row.extensionDays,
            approvedBy: userName(db, row.extensionApprovedBy) ?? '',
            approvedAt: row.extensionApprovedAt ?? '',
            reason: row.extensionReason ?? '',
          }
        : null,
    steps: steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      kindLabel: STEP_KINDS[s.kind as keyof typeof STEP_KINDS] ?? s.kind,
      on: s.on,
      summary: stepSummary(s),
      dueOn: s.dueOn,
      fulfilledOn: s.fulfilledOn,
    })),
    grounds: grounds.map((g) => ({ code: g.code, label: g.label || groundLabel(g.code), article: g.article })),
    reasons: row.reasons,
    decidedOn: row.decidedOn,
    ruling:
      doc && row.signedAt
        ? {
            documentId: doc.id,
            templateId: doc.templateId,
            signedAt: row.signedAt,
            signedBy: userName(db, row.signedBy) ?? '',
            printCount: doc.printCount,
            lastPrintedAt: doc.lastPrintedAt,
          }
        : null,
    services: serviceRows,
    enforcementDue,
  };
}

/** Names of the case parties by casePartyId, refusing ids that are not applicants of this case. */
export function applicantNames(cv: CaseView, ids: number[], field: string): string[] {
  return ids.map((id) => {
    const p = cv.parties.find((x) => x.casePartyId === id);
    if (!p) throw fieldError(field, `编号 ${id} 不是本案的申请人`);
    return p.party.name;
  });
}

export function stepsOf(db: Db | Tx, confirmationId: number, kinds: string[]) {
  return db
    .select()
    .from(confirmationSteps)
    .where(and(eq(confirmationSteps.confirmationId, confirmationId), inArray(confirmationSteps.kind, kinds)))
    .orderBy(asc(confirmationSteps.id))
    .all();
}

export { daysBetween };
