import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { caseAgents, caseLinks, caseParties, cases, parties } from '../../db/schema';
import { ApiError, notFound } from '../api/errors';
import { audit, auditActor, writeTransaction } from '../audit';
import { causeForFiling } from '../causes';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../settings';
import { advanceCaseSeries, allocateCaseNumber, allocateRegisterNumber, parseCaseNumber } from '../numbering';
import { getParty, partyRevisionsOf, partyView, savePartyForFiling, type PartyView } from '../parties';
import { isoShanghai } from '../time/clock';
import { caseCodeForId } from './caseCode';
import type { FileCaseInput, LegacyCaseInput } from './schemas';
import { indexCaseForSearch } from './search';
import { updatePartyCases } from './reindexQueue';
import { addCaseEvent, caseTimeline } from './timeline';
import { CASE_TYPE_RULES, partyRolesFor, UNMASK_ROLES, type CaseType } from './types';

function courtCode(db: Db | Tx): string {
  const code = readSetting(db, 'court.code');
  if (!code) throw new ApiError('CONFLICT', '尚未完成首次设置（法院代字未登记）');
  return code;
}

/** A number the record already carries (a legacy record from the old system), kept instead of a new one. */
export interface KeptNumber {
  text: string;
  year: number;
  serial: number;
  /** the audit row's operation (the import that brought the record in) */
  operation: string;
}

/**
 * 立案登记: one transaction allocates the number, saves (or reuses) the parties, their agents, the case,
 * its search row, the first timeline event and the audit entry — all of it or nothing. With `kept`, the record
 * keeps the number it was given in the old system (an import of legacy records) and nothing is allocated.
 */
export function fileCase(ctx: CallContext, input: FileCaseInput): ReturnType<typeof caseView>;
export function fileCase(ctx: CallContext, input: LegacyCaseInput, kept: KeptNumber): ReturnType<typeof caseView>;
export function fileCase(ctx: CallContext, input: FileCaseInput | LegacyCaseInput, kept?: KeptNumber) {
  const rule = CASE_TYPE_RULES[input.caseType];
  const cause = causeForFiling(input.cause, input.receivedOn);
  checkPartyRolesForCause(input, cause.name);
  return writeTransaction(ctx.core, (tx) => {
    const userId = ctx.actor?.userId ?? null;
    const clock = ctx.core.clock;
    const court = courtCode(tx);
    // Parties referenced by id must exist before anything is allocated.
    for (const [i, p] of input.parties.entries()) {
      if (p.partyId !== undefined && !getParty(tx, p.partyId)) {
        throw new ApiError('VALIDATION', `第 ${i + 1} 名当事人不存在（编号 ${p.partyId}）`, `parties.${i}.partyId`);
      }
    }
    const allocated = kept
      ? keepNumber(tx, kept)
      : rule.typeCode
        ? allocateCaseNumber(tx, { courtCode: court, typeCode: rule.typeCode, receivedOn: input.receivedOn })
        : allocateRegisterNumber(tx, {
            courtCode: court,
            pattern: readSetting(tx, 'numbering.registerPattern')!,
            receivedOn: input.receivedOn,
          });
    const now = isoShanghai(clock.now());
    const inserted = tx
      .insert(cases)
      .values({
        caseType: input.caseType,
        number: allocated.text,
        numberYear: allocated.year,
        numberSerial: allocated.serial,
        code: 'pending',
        receivedOn: input.receivedOn,
        causeRevision: cause.revision,
        causeNo: cause.no,
        causeName: cause.name,
        causeNeedsReview: cause.needsReview,
        amountFen: input.amountFen ?? null,
        claims: input.claims ?? '',
        facts: input.facts ?? '',
        materials: JSON.stringify(input.materials),
        status: rule.initialStatus,
        createdBy: userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id })
      .get();
    const caseId = inserted.id;
    const code = caseCodeForId(caseId);
    tx.update(cases).set({ code }).where(eq(cases.id, caseId)).run();

    const reused: number[] = [];
    input.parties.forEach((p, seq) => {
      let partyId = p.partyId;
      if (p.party) {
        const saved = savePartyForFiling(tx, clock, p.party, userId);
        partyId = saved.partyId;
        if (saved.reused) reused.push(saved.partyId);
        // newer contact details given at the counter must be findable in the party's older cases too
        if (saved.corrected.length > 0) updatePartyCases(tx, ctx.core, saved.partyId, saved.corrected, now);
      }
      const cp = tx.insert(caseParties).values({ caseId, partyId: partyId!, role: p.role, seq }).returning({ id: caseParties.id }).get();
      for (const a of p.agents) {
        tx.insert(caseAgents)
          .values({
            caseId,
            casePartyId: cp.id,
            kind: a.kind,
            name: a.name,
            idNumber: a.idNumber ?? null,
            phone: a.phone ?? null,
            organisation: a.organisation ?? null,
            licenseNo: a.licenseNo ?? null,
            authority: a.authority,
            authorityDetail: a.authorityDetail ?? null,
          })
          .run();
      }
    });
    indexCaseForSearch(ctx.core.sqlite, caseId);
    const what = kept
      ? `${rule.label}，自原系统导入，保留原案号 ${allocated.text}`
      : `${rule.label}${rule.typeCode ? '立案' : '登记'}，编号 ${allocated.text}`;
    addCaseEvent(tx, ctx, caseId, kept ? 'imported' : 'filed', what, {
      number: allocated.text,
      cause: cause.name,
      reusedParties: reused,
    });
    const view = caseView(tx, caseId, true);
    audit(tx, ctx, { operation: kept?.operation ?? 'cases.file', entityType: 'case', entityId: caseId, after: view });
    return view;
  });
}

/**
 * A kept number must not exist yet (cases_number_unique would refuse it too, without naming it), and the series it
 * belongs to moves past it, so a number allocated later in that series can never be the same one.
 */
function keepNumber(tx: Tx, kept: KeptNumber) {
  const parts = parseCaseNumber(kept.text);
  if (!parts) throw new ApiError('VALIDATION', `案号“${kept.text}”格式不正确`, 'number');
  if (tx.select({ id: cases.id }).from(cases).where(eq(cases.number, kept.text)).get()) {
    throw new ApiError('CONFLICT', `案号 ${kept.text} 已登记，不能重复导入`, 'number');
  }
  advanceCaseSeries(tx, parts);
  return { text: kept.text, year: kept.year, serial: kept.serial };
}

/** The roles the cause requires (a confirmation is a joint application), refused before anything is written. */
export function checkPartyRolesForCause(input: FileCaseInput | LegacyCaseInput, causeName: string): void {
  const { roles, why } = partyRolesFor(input.caseType, causeName);
  if (!why) return;
  input.parties.forEach((p, i) => {
    if (!(p.role in roles)) throw new ApiError('VALIDATION', `${causeName}案件中没有“${p.role}”：${why}`, `parties.${i}.role`);
  });
  for (const [role, min] of Object.entries(roles)) {
    if (input.parties.filter((p) => p.role === role).length < min) {
      throw new ApiError('VALIDATION', `${causeName}案件须至少有 ${min} 名${role}：${why}`, 'parties');
    }
  }
}

export interface CasePartyView {
  casePartyId: number;
  role: string;
  seq: number;
  party: PartyView;
  agents: {
    id: number;
    kind: string;
    name: string;
    idNumber: string | null;
    phone: string | null;
    organisation: string | null;
    licenseNo: string | null;
    authority: string;
    authorityDetail: string | null;
  }[];
}

/** Everything the case view shows. ID numbers in full only when `unmask`. */
export function caseView(db: Db | Tx, caseId: number, unmask: boolean) {
  const c = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!c) throw notFound('案件');
  const cps = db
    .select({ cp: caseParties, party: parties })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.seq))
    .all();
  const agents = db.select().from(caseAgents).where(eq(caseAgents.caseId, caseId)).all();
  const links = db
    .select()
    .from(caseLinks)
    .where(or(eq(caseLinks.fromCaseId, caseId), eq(caseLinks.toCaseId, caseId)))
    .all();
  const otherIds = links.map((l) => (l.fromCaseId === caseId ? l.toCaseId : l.fromCaseId));
  const others = otherIds.length
    ? db.select({ id: cases.id, number: cases.number, caseType: cases.caseType }).from(cases).where(inArray(cases.id, otherIds)).all()
    : [];
  return {
    id: c.id,
    caseType: c.caseType as CaseType,
    caseTypeLabel: CASE_TYPE_RULES[c.caseType as CaseType]?.label ?? c.caseType,
    number: c.number,
    code: c.code,
    receivedOn: c.receivedOn,
    cause: { revision: c.causeRevision, no: c.causeNo, name: c.causeName, needsReview: c.causeNeedsReview },
    amountFen: c.amountFen,
    claims: c.claims,
    facts: c.facts,
    materials: JSON.parse(c.materials) as string[],
    status: c.status,
    createdAt: c.createdAt,
    parties: cps.map((r): CasePartyView => ({
      casePartyId: r.cp.id,
      role: r.cp.role,
      seq: r.cp.seq,
      party: partyView(r.party, unmask),
      agents: agents
        .filter((a) => a.casePartyId === r.cp.id)
        .map((a) => ({
          id: a.id,
          kind: a.kind,
          name: a.name,
          idNumber: a.idNumber && !unmask ? `${a.idNumber.slice(0, 6)}********${a.idNumber.slice(-4)}` : a.idNumber,
          phone: a.phone,
          organisation: a.organisation,
          licenseNo: a.licenseNo,
          authority: a.authority,
          authorityDetail: a.authorityDetail,
        })),
    })),
    links: links.map((l) => {
      const outgoing = l.fromCaseId === caseId;
      const other = others.find((o) => o.id === (outgoing ? l.toCaseId : l.fromCaseId));
      return { id: l.id, kind: l.kind, direction: outgoing ? ('to' as const) : ('from' as const), note: l.note, case: other ?? null };
    }),
    timeline: caseTimeline(db, caseId),
  };
}

export type CaseView = ReturnType<typeof caseView>;

export function mayUnmask(ctx: CallContext): boolean {
  return Boolean(ctx.actor?.roles.some((r) => (UNMASK_ROLES as readonly string[]).includes(r)));
}

export function findCaseId(db: Db, by: { id?: number; number?: string; code?: string }): number {
  const where =
    by.id !== undefined ? eq(cases.id, by.id) : by.number !== undefined ? eq(cases.number, by.number) : eq(cases.code, by.code ?? '');
  const row = db.select({ id: cases.id }).from(cases).where(where).get();
  if (!row) throw notFound('案件');
  return row.id;
}

export const LINK_KINDS = { converted: '转立案', related: '关联案件', sameParties: '同一当事人' } as const;
export type LinkKind = keyof typeof LINK_KINDS;

/** Links two cases (converted from → to, related, same parties), with a timeline event on both. */
export function linkCases(ctx: CallContext, fromId: number, toId: number, kind: LinkKind, note?: string) {
  if (fromId === toId) throw new ApiError('VALIDATION', '不能将案件与其本身关联', 'toId');
  return writeTransaction(ctx.core, (tx) => {
    const from = tx.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, fromId)).get();
    const to = tx.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, toId)).get();
    if (!from || !to) throw notFound('案件');
    const exists = tx
      .select({ id: caseLinks.id })
      .from(caseLinks)
      .where(and(eq(caseLinks.fromCaseId, fromId), eq(caseLinks.toCaseId, toId), eq(caseLinks.kind, kind)))
      .get();
    if (exists) throw new ApiError('CONFLICT', '这两个案件已有相同的关联');
    const link = tx
      .insert(caseLinks)
      .values({ fromCaseId: fromId, toCaseId: toId, kind, note: note ?? null, createdAt: isoShanghai(ctx.core.clock.now()) })
      .returning()
      .get();
    const label = LINK_KINDS[kind];
    addCaseEvent(tx, ctx, fromId, 'linked', `${label}：${to.number}`, { linkId: link.id });
    addCaseEvent(tx, ctx, toId, 'linked', `${label}：${from.number}`, { linkId: link.id });
    audit(tx, ctx, { operation: 'cases.link', entityType: 'case_link', entityId: link.id, after: link });
    return link;
  });
}

export { auditActor, partyRevisionsOf };
