import type { Role } from '../api/roles';
import { and, asc, eq, inArray, isNotNull, like, or, type SQL } from 'drizzle-orm';
import { caseParties, cases, confirmations, documents, parties, userRoles, users } from '../../db/schema';
import { courtCalendar } from '../calendar';
import { daysBetween } from '../calendar';
import type { Db, Tx } from '../context';
import { computeDeadline } from '../periods';
import { ART355, ART358, OUTCOMES, STAGES, type Outcome, type Stage } from './meta';
import { deadlineState, parseJson, reviewDeadline, reviewWarnFrom, userName, type ConfirmationRow, type StoredGround } from './record';
import type { ListRow } from './schemas';

/**
 * The register of applications and its figures. A centre handles some hundreds a year (Jiayuguan: 578), so rows
 * are filtered by SQL on stage, outcome, judge and month, and the deadline state (which needs the court calendar)
 * is computed per row.
 */

export interface ListFilter {
  stage?: Stage | undefined;
  outcome?: Outcome | undefined;
  judgeId?: number | undefined;
  /** YYYY-MM, by application date */
  month?: string | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
}

function applicantNamesByCase(db: Db | Tx, caseIds: number[]): Map<number, string> {
  const out = new Map<number, string[]>();
  if (!caseIds.length) return new Map();
  const rows = db
    .select({ caseId: caseParties.caseId, name: parties.name })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(inArray(caseParties.caseId, caseIds))
    .orderBy(asc(caseParties.caseId), asc(caseParties.seq))
    .all();
  for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r.name]);
  return new Map([...out].map(([k, v]) => [k, v.join('、')]));
}

/** What a row waits for and until when: acceptance (3 days), review (30 days + extension), or signing. */
export function rowDeadline(
  db: Db | Tx,
  row: ConfirmationRow,
  today: string,
): { due: string | null; dueLabel: string | null; urgency: ListRow['urgency'] } {
  if (row.stage === 'applied') {
    const d = computeDeadline(courtCalendar(db), 'confirmation-acceptance', row.appliedOn);
    return { due: d.due, dueLabel: d.label, urgency: deadlineState(d, today, false, d.due) };
  }
  if (row.stage === 'accepted' || (row.stage === 'decided' && !row.signedAt)) {
    const d = reviewDeadline(db, row)!;
    return { due: d.due, dueLabel: d.label, urgency: deadlineState(d, today, false, reviewWarnFrom(d)) };
  }
  return { due: null, dueLabel: null, urgency: 'met' };
}

function toListRows(db: Db | Tx, rows: (ConfirmationRow & { number: string })[], today: string): ListRow[] {
  const names = applicantNamesByCase(
    db,
    rows.map((r) => r.caseId),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.number,
    applicants: names.get(r.caseId) ?? '',
    appliedOn: r.appliedOn,
    stage: r.stage,
    stageLabel: STAGES[r.stage as Stage],
    outcome: r.outcome,
    outcomeLabel: r.outcome ? OUTCOMES[r.outcome as Outcome] : null,
    judgeName: userName(db, r.judgeId),
    ...rowDeadline(db, r, today),
    signed: r.signedAt !== null,
  }));
}

function selectRows(db: Db | Tx, where: SQL | undefined) {
  return db
    .select({ c: confirmations, number: cases.number })
    .from(confirmations)
    .innerJoin(cases, eq(cases.id, confirmations.caseId))
    .where(where)
    .orderBy(asc(confirmations.appliedOn), asc(confirmations.id))
    .all()
    .map((r) => ({ ...r.c, number: r.number }));
}

export function listConfirmations(db: Db | Tx, f: ListFilter, today: string): { rows: ListRow[]; total: number } {
  const where: SQL[] = [];
  if (f.stage) where.push(eq(confirmations.stage, f.stage));
  if (f.outcome) where.push(eq(confirmations.outcome, f.outcome));
  if (f.judgeId !== undefined) where.push(eq(confirmations.judgeId, f.judgeId));
  if (f.month) where.push(like(confirmations.appliedOn, `${f.month}-%`));
  let rows = toListRows(db, selectRows(db, where.length ? and(...where) : undefined), today);
  if (f.overdue) rows = rows.filter((r) => r.urgency === 'overdue');
  const total = rows.length;
  return { rows: rows.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), total };
}

const URGENCY_ORDER = { overdue: 0, warning: 1, ok: 2, met: 3 } as const;

/** The judge's home: their applications in review or waiting for their signature, most urgent first. */
export function judgeQueue(db: Db | Tx, judgeId: number, today: string): ListRow[] {
  const rows = selectRows(
    db,
    and(
      eq(confirmations.judgeId, judgeId),
      or(
        eq(confirmations.stage, 'accepted'),
        and(inArray(confirmations.stage, ['decided', 'not_accepted']), isNotNull(confirmations.outcome)),
      ),
    ),
  ).filter((r) => r.signedAt === null);
  return toListRows(db, rows, today).sort(
    (a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || (a.due ?? '9').localeCompare(b.due ?? '9'),
  );
}

/** Signed rulings not yet printed (print staff's queue), with how many copies: one per applicant. */
export function printQueue(db: Db | Tx, includePrinted: boolean) {
  const rows = db
    .select({
      c: confirmations,
      number: cases.number,
      printCount: documents.printCount,
      lastPrintedAt: documents.lastPrintedAt,
      title: documents.title,
    })
    .from(confirmations)
    .innerJoin(cases, eq(cases.id, confirmations.caseId))
    .innerJoin(documents, eq(documents.id, confirmations.rulingDocumentId))
    .where(includePrinted ? undefined : eq(documents.printCount, 0))
    .orderBy(asc(confirmations.signedAt))
    .all();
  const names = applicantNamesByCase(
    db,
    rows.map((r) => r.c.caseId),
  );
  return rows.map((r) => {
    const applicants = names.get(r.c.caseId) ?? '';
    return {
      confirmationId: r.c.id,
      caseId: r.c.caseId,
      caseNumber: r.number,
      documentId: r.c.rulingDocumentId!,
      title: r.title,
      outcomeLabel: OUTCOMES[r.c.outcome as Outcome],
      applicants,
      signedAt: r.c.signedAt!,
      judgeName: userName(db, r.c.judgeId) ?? '',
      copies: applicants ? applicants.split('、').length : 0,
      printCount: r.printCount,
      lastPrintedAt: r.lastPrintedAt,
    };
  });
}

/**
 * The batch of the given applications' rulings: for each, the original and one copy per applicant (each page
 * carries 本件与原本核对无异), as document ids in order for documents.batchStart.
 */
export function printBatch(db: Db | Tx, confirmationIds: number[]): { documentIds: number[]; sheets: number } {
  const queue = printQueue(db, true);
  const ids: number[] = [];
  for (const id of confirmationIds) {
    const q = queue.find((r) => r.confirmationId === id);
    if (!q) throw new Error(`confirmation ${id} has no signed ruling`);
    for (let n = 0; n <= q.copies; n++) ids.push(q.documentId);
  }
  return { documentIds: ids, sheets: ids.length };
}

export interface MonthFigures {
  month: string;
  applications: number;
  accepted: number;
  notAccepted: number;
  confirmed: number;
  rejected: number;
  rejectedByGround: { code: string; label: string; count: number }[];
  withdrawn: number;
  averageDaysToRuling: number | null;
}

/** Figures per month of a year: applications, accepted, not accepted, confirmed, rejected by ground, withdrawn, days to ruling. */
export function monthlyFigures(db: Db | Tx, year: number): MonthFigures[] {
  const y = String(year);
  const rows = db
    .select()
    .from(confirmations)
    .where(
      or(
        like(confirmations.appliedOn, `${y}-%`),
        like(confirmations.acceptanceDecidedOn, `${y}-%`),
        like(confirmations.decidedOn, `${y}-%`),
      ),
    )
    .all();
  const labels: Record<string, string> = Object.fromEntries(
    [...Object.entries(ART355), ...Object.entries(ART358)].map(([k, v]) => [k, v.label]),
  );
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${y}-${String(i + 1).padStart(2, '0')}`;
    const inMonth = (d: string | null) => d !== null && d.startsWith(month);
    const decided = rows.filter((r) => inMonth(r.decidedOn) && r.stage === 'decided');
    const byGround = new Map<string, number>();
    for (const r of decided.filter((x) => x.outcome === 'rejected'))
      for (const g of parseJson<StoredGround[]>(r.grounds) ?? []) byGround.set(g.code, (byGround.get(g.code) ?? 0) + 1);
    const signed = rows.filter((r) => r.signedAt !== null && inMonth(r.signedAt.slice(0, 10)));
    const days = signed.map((r) => daysBetween(r.appliedOn, r.signedAt!.slice(0, 10)));
    return {
      month,
      applications: rows.filter((r) => inMonth(r.appliedOn)).length,
      accepted: rows.filter((r) => inMonth(r.acceptanceDecidedOn) && r.stage !== 'not_accepted').length,
      notAccepted: rows.filter((r) => inMonth(r.acceptanceDecidedOn) && r.stage === 'not_accepted').length,
      confirmed: decided.filter((r) => r.outcome === 'valid').length,
      rejected: decided.filter((r) => r.outcome === 'rejected').length,
      rejectedByGround: [...byGround].map(([code, count]) => ({ code, label: labels[code] ?? code, count })),
      withdrawn: decided.filter((r) => r.outcome === 'withdrawn' || r.outcome === 'deemed_withdrawn').length,
      averageDaysToRuling: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    };
  });
}

/** The judges and clerks who may be assigned (enabled accounts holding the role). */
export function assignableStaff(db: Db | Tx): { judges: { id: number; name: string }[]; clerks: { id: number; name: string }[] } {
  const of = (role: Role) =>
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
      .where(eq(users.disabled, false))
      .orderBy(asc(users.displayName))
      .all();
  return { judges: of('judge'), clerks: of('clerk') };
}
