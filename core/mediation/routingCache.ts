import type Database from 'better-sqlite3';
import { addCalendarDays } from '../calendar';
import { outcomeStats, type MediatorStats } from './counters';
import { LEVEL_RANK, LEVELS, MEDIATOR_KINDS, type Level, type MediatorKind } from './labels';

/**
 * What routing reads that changes rarely, kept in memory per database connection: the roster (mediators with their
 * organisation, the JSON fields and regions parsed once) and each mediator's outcome figures over the 365-day window.
 * A recommendation over 2,000 mediators then reads the version numbers, the open loads and the case's parties.
 *
 * Why it is sound: the versions live in the database (`routing_versions`, `mediator_roster_versions`,
 * `mediator_outcome_versions`) and are raised by triggers (migrations 0018 and 0023) in the same transaction as the
 * write — no code path can forget, and a write from another connection or process (the CLI, a second host window) is
 * seen too. Each call reads the versions *before* the data, so data newer than the version read is at worst re-read
 * next time, never kept as current. Inside an open transaction nothing is read from or written to the cache (a
 * rolled-back write could otherwise leave figures under a version number that a later commit reuses).
 * Not SQLite's `PRAGMA data_version`: it does not change for the connection's own writes, and `total_changes()`
 * rises with every write to any table, which would empty the cache on every filing — and neither says which
 * mediator changed. With the per-mediator versions a roster write re-reads the mediators it touched (one, or an
 * organisation's), an outcome re-reads one mediator's figures, and a new day re-reads only the mediators with an
 * outcome on a day that entered or left the window — never all 2,000 (issue 12 item 11: < 20 ms).
 * The hosts fill the cache at start (`warmRoutingCache`), so no one at the desk waits for the first full read.
 */

/** The version rows and the triggers that raise them (migration 0018 holds exactly this text; routingCache.test.ts). */
const bumpRoster = `UPDATE routing_versions SET version = version + 1 WHERE name = 'roster';`;
// Any write to a mediation that may move its mediator's outcome totals (counters.ts: mediator, outcome, its date,
// the signing date) marks the mediator — a superset of the writes that do, which costs at most a needless re-read.
const markOutcomes = (
  r: 'NEW' | 'OLD',
) => `UPDATE routing_versions SET version = version + 1 WHERE name = 'outcomes' AND ${r}.mediator_id IS NOT NULL;
  INSERT INTO mediator_outcome_versions (mediator_id, version)
    SELECT ${r}.mediator_id, version FROM routing_versions WHERE name = 'outcomes' AND ${r}.mediator_id IS NOT NULL
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;`;

export const VERSION_STATEMENTS = [
  `INSERT INTO routing_versions (name, version) VALUES ('roster', 0), ('outcomes', 0)`,
  ...(['mediators', 'mediation_orgs'] as const).flatMap((table) =>
    (['INSERT', 'UPDATE', 'DELETE'] as const).map(
      (op) => `CREATE TRIGGER ${table}_roster_version_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN
  ${bumpRoster}
END`,
    ),
  ),
  `CREATE TRIGGER mediations_outcome_version_insert AFTER INSERT ON mediations BEGIN
  ${markOutcomes('NEW')}
END`,
  `CREATE TRIGGER mediations_outcome_version_update AFTER UPDATE OF mediator_id, outcome, outcome_on, signed_on ON mediations BEGIN
  ${markOutcomes('OLD')}
  ${markOutcomes('NEW')}
END`,
  `CREATE TRIGGER mediations_outcome_version_delete AFTER DELETE ON mediations BEGIN
  ${markOutcomes('OLD')}
END`,
];

/** The migration's tail after drizzle's CREATE TABLEs. */
export function versionsMigrationSql(): string {
  return VERSION_STATEMENTS.join(';--> statement-breakpoint\n') + ';';
}

/**
 * Migration 0023: the roster triggers of 0018 replaced by ones that also mark which mediators changed — the mediator
 * written, or every mediator of the organisation written — with the `roster` version the write raised it to (bumped
 * first in the same trigger, so the mark is never older than the version a reader sees).
 */
const markMembers = (who: string) => `${bumpRoster}
  INSERT INTO mediator_roster_versions (mediator_id, version)
    SELECT m.id, v.version FROM ${who}, routing_versions v WHERE v.name = 'roster'
    ON CONFLICT (mediator_id) DO UPDATE SET version = excluded.version;`;
const mediatorRows = (r: 'NEW' | 'OLD') => `(SELECT ${r}.id AS id) m`;
const orgMembers = (...rs: ('NEW' | 'OLD')[]) =>
  `mediators m JOIN (${rs.map((r) => `SELECT ${r}.id AS org`).join(' UNION ')}) o ON m.org_id = o.org`;

export const MEMBER_STATEMENTS = [
  ...(['mediators', 'mediation_orgs'] as const).flatMap((table) =>
    (['insert', 'update', 'delete'] as const).map((op) => `DROP TRIGGER ${table}_roster_version_${op}`),
  ),
  `CREATE TRIGGER mediators_roster_version_insert AFTER INSERT ON mediators BEGIN
  ${markMembers(mediatorRows('NEW'))}
END`,
  `CREATE TRIGGER mediators_roster_version_update AFTER UPDATE ON mediators BEGIN
  ${markMembers(`(SELECT OLD.id AS id UNION SELECT NEW.id) m`)}
END`,
  `CREATE TRIGGER mediators_roster_version_delete AFTER DELETE ON mediators BEGIN
  ${markMembers(mediatorRows('OLD'))}
END`,
  // a new organisation has no mediators yet: a mediator joining it is marked by its own trigger
  `CREATE TRIGGER mediation_orgs_roster_version_insert AFTER INSERT ON mediation_orgs BEGIN
  ${bumpRoster}
END`,
  `CREATE TRIGGER mediation_orgs_roster_version_update AFTER UPDATE ON mediation_orgs BEGIN
  ${markMembers(orgMembers('OLD', 'NEW'))}
END`,
  `CREATE TRIGGER mediation_orgs_roster_version_delete AFTER DELETE ON mediation_orgs BEGIN
  ${markMembers(orgMembers('OLD'))}
END`,
];

export function membersMigrationSql(): string {
  return MEMBER_STATEMENTS.join(';--> statement-breakpoint\n') + ';';
}

/** A roster member as ranking needs it, computed once per roster version. */
export interface RosterEntry {
  id: number;
  name: string;
  kindLabel: string;
  /** upper-cased, for recusal */
  idNumber: string | null;
  capacity: number;
  activeFrom: string;
  activeTo: string | null;
  orgName: string | null;
  orgTo: string | null;
  /** the organisation's level; an unattached mediator counts as county */
  level: Level;
  levelLabel: string | null;
  layer: number;
  /** the mediator's regions, else its organisation's */
  coverage: string[];
  fields: string[];
}

interface Cache {
  roster?: { version: number; byId: Map<number, RosterEntry>; entries: RosterEntry[] };
  stats?: { version: number; since: string; today: string; byMediator: Map<number, MediatorStats> };
}

const caches = new WeakMap<Database.Database, Cache>();

function cacheFor(sqlite: Database.Database): Cache {
  let c = caches.get(sqlite);
  if (!c) caches.set(sqlite, (c = {}));
  return c;
}

type MediatorRow = [number, string, string, string | null, string, string, number, string, string | null, number | null];
type OrgRow = [number, string, string, string | null, string | null];
const MEDIATOR_COLUMNS = `id, name, kind, id_number, fields, regions, capacity, active_from, active_to, org_id`;

/**
 * Roster entries for the mediators read, or for those in `ids` (a JSON array). The organisations apart (a few hundred)
 * and the mediators as raw rows (arrays): building 2,000 keyed objects, each with its organisation's strings copied in
 * by a join, cost more than SQLite's reading them.
 */
function readRoster(sqlite: Database.Database, ids?: number[]): RosterEntry[] {
  const only = ids ? ` WHERE id IN (SELECT value FROM json_each(?))` : '';
  const args = ids ? [JSON.stringify(ids)] : [];
  const rows = sqlite
    .prepare(`SELECT ${MEDIATOR_COLUMNS} FROM mediators${only} ORDER BY id`)
    .raw()
    .all(...args) as MediatorRow[];
  const orgRows = sqlite
    .prepare(
      `SELECT id, level, name, region, active_to FROM mediation_orgs${
        ids ? ` WHERE id IN (SELECT org_id FROM mediators WHERE id IN (SELECT value FROM json_each(?)))` : ''
      }`,
    )
    .raw()
    .all(...args) as OrgRow[];
  const orgs = new Map(orgRows.map(([id, level, name, region, activeTo]) => [id, { level: level as Level, name, region, activeTo }]));
  return rows.map(([id, name, kind, idNumber, fields, regionsJson, capacity, activeFrom, activeTo, orgId]) => {
    const org = orgId === null ? undefined : orgs.get(orgId);
    const level = org?.level ?? 'county';
    const regions = JSON.parse(regionsJson) as string[];
    return {
      id,
      name,
      kindLabel: MEDIATOR_KINDS[kind as MediatorKind] ?? kind,
      idNumber: idNumber ? idNumber.toUpperCase() : null,
      capacity,
      activeFrom,
      activeTo,
      orgName: org?.name ?? null,
      orgTo: org?.activeTo ?? null,
      level,
      levelLabel: org ? LEVELS[org.level] : null,
      layer: LEVEL_RANK[level],
      coverage: regions.length ? regions : org?.region ? [org.region] : [],
      fields: JSON.parse(fields) as string[],
    };
  });
}

/** The cached roster brought up to `version`: the marked mediators re-read, the others kept. */
function refreshRoster(sqlite: Database.Database, cache: Cache, version: number): RosterEntry[] {
  const r = cache.roster;
  // a version lower than the one cached: the file was replaced under this connection (never while a host runs a
  // restore, but cheap to be sure of) — read everything
  if (!r || version < r.version) {
    const entries = readRoster(sqlite);
    cache.roster = { version, byId: new Map(entries.map((e) => [e.id, e])), entries };
    return entries;
  }
  if (r.version === version) return r.entries;
  const changed = sqlite.prepare(`SELECT mediator_id FROM mediator_roster_versions WHERE version > ?`).pluck().all(r.version) as number[];
  const fresh = readRoster(sqlite, changed);
  let sameMembers = fresh.length === changed.length;
  for (const id of changed) if (!r.byId.has(id)) sameMembers = false;
  for (const id of changed) r.byId.delete(id);
  for (const e of fresh) r.byId.set(e.id, e);
  // an edit replaces entries in place; a mediator added or removed rebuilds the order (by roster number)
  r.entries = sameMembers ? r.entries.map((e) => r.byId.get(e.id)!) : [...r.byId.values()].sort((a, b) => a.id - b.id);
  r.version = version;
  return r.entries;
}

/**
 * The cached figures brought to the window `since`…`today` and to `version`: re-read are the mediators an outcome
 * marked since the cached version, and — when the window moved (a new day) — those with a running-total row on a day
 * that entered or left it (index mediator_outcome_totals_day_idx). Either way the others' figures cannot have moved.
 */
function refreshStats(sqlite: Database.Database, cache: Cache, version: number, since: string, today: string) {
  const s = cache.stats;
  if (!s || version < s.version) {
    cache.stats = { version, since, today, byMediator: outcomeStats(sqlite, since, today) };
    return cache.stats.byMediator;
  }
  if (s.version === version && s.since === since && s.today === today) return s.byMediator;
  const changed = new Set(
    sqlite.prepare(`SELECT mediator_id FROM mediator_outcome_versions WHERE version > ?`).pluck().all(s.version) as number[],
  );
  if (s.since !== since || s.today !== today) {
    const [t1, t2] = [s.today, today].sort() as [string, string];
    const [s1, s2] = [s.since, since].sort() as [string, string];
    const moved = sqlite
      .prepare(
        `SELECT mediator_id FROM mediator_outcome_totals WHERE day > @t1 AND day <= @t2
         UNION SELECT mediator_id FROM mediator_outcome_totals WHERE day >= @s1 AND day < @s2`,
      )
      .pluck()
      .all({ t1, t2, s1, s2 }) as number[];
    for (const id of moved) changed.add(id);
  }
  const ids = [...changed];
  for (const id of ids) s.byMediator.delete(id);
  for (const [id, st] of outcomeStats(sqlite, since, today, ids)) s.byMediator.set(id, st);
  Object.assign(s, { version, since, today });
  return s.byMediator;
}

/**
 * The roster and the outcome figures between `since` and `today`, from the cache where their versions and the window
 * have not moved, re-reading only what changed.
 */
export function routingInputs(
  sqlite: Database.Database,
  since: string,
  today: string,
): { roster: RosterEntry[]; stats: Map<number, MediatorStats> } {
  if (sqlite.inTransaction) return { roster: readRoster(sqlite), stats: outcomeStats(sqlite, since, today) };
  const cache = cacheFor(sqlite);
  const v = new Map(
    (sqlite.prepare(`SELECT name, version FROM routing_versions`).raw().all() as [string, number][]).map(([name, version]) => [
      name,
      version,
    ]),
  );
  return {
    roster: refreshRoster(sqlite, cache, v.get('roster') ?? 0),
    stats: refreshStats(sqlite, cache, v.get('outcomes') ?? 0, since, today),
  };
}

/** The 365-day window routing ranks by, ending on `today`. */
export function routingWindow(today: string): { since: string; today: string } {
  return { since: addCalendarDays(today, -365), today };
}

/** Fills the cache for today, so the desk's first recommendation does not wait for the full read (host start). */
export function warmRoutingCache(sqlite: Database.Database, today: string): void {
  const { since } = routingWindow(today);
  routingInputs(sqlite, since, today);
}

/** Empties the cache (bench/mediation.ts measures the full read a host makes at start). */
export function forgetRoutingCache(sqlite: Database.Database): void {
  caches.delete(sqlite);
}
