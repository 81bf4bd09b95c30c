import { and, asc, eq, inArray, isNull, or, gt, sql } from 'drizzle-orm';
import { mediationOrgs, mediations, mediators } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import type { CallContext, Db, Tx } from '../context';
import { isoShanghai } from '../time/clock';
import { isKnownField } from './fields';
import { LEVELS, MEDIATOR_KINDS, OPEN_STATUSES, ORG_KINDS, type Level, type MediatorKind, type OrgKind } from './labels';
import type { MediatorInput, MediatorView, OrgInput, OrgView } from './schemas';

/**
 * The rosters (特邀调解规定 arts. 7–9: the court keeps a roster of specially-invited organisations and mediators;
 * 人民调解法 art. 8: people's mediation committees of villages, residents' committees, towns and streets).
 * Nothing is ever deleted: deactivation sets the last active day, and old mediations keep pointing at the row.
 */

type OrgRow = typeof mediationOrgs.$inferSelect;
type MediatorRow = typeof mediators.$inferSelect;

export function isActiveOn(row: { activeFrom: string; activeTo: string | null }, on: string): boolean {
  return row.activeFrom <= on && (row.activeTo === null || row.activeTo >= on);
}

export function orgViewOf(r: OrgRow, today: string): OrgView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    kindLabel: ORG_KINDS[r.kind as OrgKind] ?? r.kind,
    level: r.level,
    levelLabel: LEVELS[r.level as Level] ?? r.level,
    region: r.region,
    contact: r.contact,
    phone: r.phone,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    active: isActiveOn(r, today),
  };
}

/** Open mediations per mediator (the load counted against capacity). */
export function mediatorLoads(db: Db | Tx, ids?: readonly number[]): Map<number, number> {
  const where = and(
    inArray(mediations.status, OPEN_STATUSES as string[]),
    ids ? inArray(mediations.mediatorId, ids as number[]) : undefined,
  );
  const rows = db
    .select({ id: mediations.mediatorId, n: sql<number>`count(*)` })
    .from(mediations)
    .where(where)
    .groupBy(mediations.mediatorId)
    .all();
  return new Map(rows.filter((r) => r.id !== null).map((r) => [r.id!, r.n]));
}

export function mediatorViewOf(r: MediatorRow, org: OrgRow | undefined, load: number, today: string): MediatorView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    kindLabel: MEDIATOR_KINDS[r.kind as MediatorKind] ?? r.kind,
    orgId: r.orgId,
    orgName: org?.name ?? null,
    fields: JSON.parse(r.fields) as string[],
    regions: JSON.parse(r.regions) as string[],
    capacity: r.capacity,
    load,
    phone: r.phone,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    active: isActiveOn(r, today),
  };
}

export function listOrgs(db: Db | Tx, today: string, includeInactive = false): OrgView[] {
  const rows = db
    .select()
    .from(mediationOrgs)
    .where(includeInactive ? undefined : or(isNull(mediationOrgs.activeTo), gt(mediationOrgs.activeTo, today)))
    .orderBy(asc(mediationOrgs.id))
    .all();
  return rows.map((r) => orgViewOf(r, today));
}

export function listMediators(db: Db | Tx, today: string, opts: { includeInactive?: boolean; orgId?: number } = {}): MediatorView[] {
  const rows = db
    .select()
    .from(mediators)
    .where(
      and(
        opts.includeInactive ? undefined : or(isNull(mediators.activeTo), gt(mediators.activeTo, today)),
        opts.orgId ? eq(mediators.orgId, opts.orgId) : undefined,
      ),
    )
    .orderBy(asc(mediators.id))
    .all();
  const orgs = new Map(
    db
      .select()
      .from(mediationOrgs)
      .all()
      .map((o) => [o.id, o]),
  );
  const loads = mediatorLoads(db);
  return rows.map((r) => mediatorViewOf(r, r.orgId ? orgs.get(r.orgId) : undefined, loads.get(r.id) ?? 0, today));
}

/** Checks that do not fit a schema: a unique name, a known organisation, fields from the catalogue of causes. */
function checkOrg(tx: Tx, i: OrgInput, selfId?: number, prefix = '') {
  const same = tx.select({ id: mediationOrgs.id }).from(mediationOrgs).where(eq(mediationOrgs.name, i.name)).get();
  if (same && same.id !== selfId) throw fieldError(`${prefix}name`, `调解组织“${i.name}”已在名册中`);
}

function checkMediator(tx: Tx, i: MediatorInput, prefix = '') {
  if (i.orgId !== undefined) {
    const org = tx.select().from(mediationOrgs).where(eq(mediationOrgs.id, i.orgId)).get();
    if (!org) throw fieldError(`${prefix}orgId`, `所属调解组织不存在（编号 ${i.orgId}）`);
    if (org.activeTo !== null && org.activeTo < i.activeFrom)
      throw fieldError(`${prefix}orgId`, `所属调解组织“${org.name}”已于 ${org.activeTo} 停用`);
  }
  i.fields.forEach((f, n) => {
    if (!isKnownField(f)) throw fieldError(`${prefix}fields.${n}`, `擅长领域“${f}”不是民事案件案由规定中的案由或类别`);
  });
  if (i.kind === 'lawyer' && i.orgId === undefined) throw fieldError(`${prefix}orgId`, '律师调解员须填写所属律师调解工作室或律师事务所');
}

export function createOrg(ctx: CallContext, i: OrgInput): OrgView {
  return writeTransaction(ctx.core, (tx) => {
    checkOrg(tx, i);
    const now = isoShanghai(ctx.core.clock.now());
    const row = tx
      .insert(mediationOrgs)
      .values({ ...i, contact: i.contact ?? null, phone: i.phone ?? null, activeTo: null, createdAt: now, updatedAt: now })
      .returning()
      .get();
    audit(tx, ctx, { operation: 'mediation.createOrg', entityType: 'mediation_org', entityId: row.id, after: row });
    return orgViewOf(row, now.slice(0, 10));
  });
}

export function updateOrg(ctx: CallContext, id: number, i: OrgInput): OrgView {
  return writeTransaction(ctx.core, (tx) => {
    const before = tx.select().from(mediationOrgs).where(eq(mediationOrgs.id, id)).get();
    if (!before) throw notFound('调解组织');
    checkOrg(tx, i, id);
    const now = isoShanghai(ctx.core.clock.now());
    const row = tx
      .update(mediationOrgs)
      .set({ ...i, contact: i.contact ?? null, phone: i.phone ?? null, updatedAt: now })
      .where(eq(mediationOrgs.id, id))
      .returning()
      .get();
    audit(tx, ctx, { operation: 'mediation.updateOrg', entityType: 'mediation_org', entityId: id, before, after: row });
    return orgViewOf(row, now.slice(0, 10));
  });
}

export function createMediator(ctx: CallContext, i: MediatorInput): MediatorView {
  return writeTransaction(ctx.core, (tx) => insertMediator(tx, ctx, i));
}

function insertMediator(tx: Tx, ctx: CallContext, i: MediatorInput, prefix = ''): MediatorView {
  checkMediator(tx, i, prefix);
  const now = isoShanghai(ctx.core.clock.now());
  const row = tx
    .insert(mediators)
    .values({
      name: i.name,
      kind: i.kind,
      orgId: i.orgId ?? null,
      fields: JSON.stringify(i.fields),
      regions: JSON.stringify(i.regions),
      capacity: i.capacity,
      idNumber: i.idNumber ?? null,
      phone: i.phone ?? null,
      activeFrom: i.activeFrom,
      activeTo: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  audit(tx, ctx, {
    operation: 'mediation.createMediator',
    entityType: 'mediator',
    entityId: row.id,
    after: { ...row, idNumber: row.idNumber ? '（已登记）' : null },
  });
  const org = row.orgId ? tx.select().from(mediationOrgs).where(eq(mediationOrgs.id, row.orgId)).get() : undefined;
  return mediatorViewOf(row, org, 0, now.slice(0, 10));
}

export function updateMediator(ctx: CallContext, id: number, i: MediatorInput): MediatorView {
  return writeTransaction(ctx.core, (tx) => {
    const before = tx.select().from(mediators).where(eq(mediators.id, id)).get();
    if (!before) throw notFound('调解员');
    checkMediator(tx, i);
    const now = isoShanghai(ctx.core.clock.now());
    const row = tx
      .update(mediators)
      .set({
        name: i.name,
        kind: i.kind,
        orgId: i.orgId ?? null,
        fields: JSON.stringify(i.fields),
        regions: JSON.stringify(i.regions),
        capacity: i.capacity,
        idNumber: i.idNumber ?? null,
        phone: i.phone ?? null,
        activeFrom: i.activeFrom,
        updatedAt: now,
      })
      .where(eq(mediators.id, id))
      .returning()
      .get();
    audit(tx, ctx, {
      operation: 'mediation.updateMediator',
      entityType: 'mediator',
      entityId: id,
      before: { ...before, idNumber: null },
      after: { ...row, idNumber: null },
    });
    const org = row.orgId ? tx.select().from(mediationOrgs).where(eq(mediationOrgs.id, row.orgId)).get() : undefined;
    return mediatorViewOf(row, org, mediatorLoads(tx, [id]).get(id) ?? 0, now.slice(0, 10));
  });
}

/** Ends a roster entry's active period (last active day); the row and every mediation naming it stay. */
export function deactivate(ctx: CallContext, what: 'org' | 'mediator', id: number, lastDay: string) {
  return writeTransaction(ctx.core, (tx) => {
    const table = what === 'org' ? mediationOrgs : mediators;
    const before = tx
      .select({ id: table.id, activeFrom: table.activeFrom, activeTo: table.activeTo })
      .from(table)
      .where(eq(table.id, id))
      .get();
    if (!before) throw notFound(what === 'org' ? '调解组织' : '调解员');
    if (lastDay < before.activeFrom) throw fieldError('lastDay', `停用日期不能早于入册日期 ${before.activeFrom}`);
    if (before.activeTo !== null) throw new ApiError('CONFLICT', `已于 ${before.activeTo} 停用`);
    tx.update(table)
      .set({ activeTo: lastDay, updatedAt: isoShanghai(ctx.core.clock.now()) })
      .where(eq(table.id, id))
      .run();
    audit(tx, ctx, {
      operation: 'mediation.deactivate',
      entityType: what === 'org' ? 'mediation_org' : 'mediator',
      entityId: id,
      before,
      after: { activeTo: lastDay },
    });
    return { id, activeTo: lastDay };
  });
}

export { insertMediator, checkOrg };
