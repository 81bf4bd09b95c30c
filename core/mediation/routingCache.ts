import type Database from 'better-sqlite3';
import { outcomeStatsSql, type MediatorStats } from './counters';
import { LEVEL_RANK, LEVELS, MEDIATOR_KINDS, type Level, type MediatorKind } from './labels';

/**
 * What routing reads that changes rarely, kept in memory per database connection: the roster (mediators with their
 * organisation, the JSON fields and regions parsed once) and each mediator's outcome figures over the 365-day window.
 * A recommendation over 2,000 mediators then reads two version numbers, the open loads and the case's parties.
 *
 * Why it is sound: the versions live in the database (`routing_versions`, `mediator_outcome_versions`) and are
 * raised by triggers (VERSION_STATEMENTS, migration 0018) in the same transaction as the write — no code path can
 * forget, and a write from another connection or process (the CLI, a second host window) is seen too. Each call
 * reads the versions *before* the data, so data newer than the version read is at worst re-read next time, never
 * kept as current. Inside an open transaction nothing is read from or written to the cache (a rolled-back write could
 * otherwise leave figures under a version number that a later commit reuses).
 * Not SQLite's `PRAGMA data_version`: it does not change for the connection's own writes, and `total_changes()`
 * rises with every write to any table, which would empty the cache on every filing — and neither says which
 * mediator's figures changed. With the per-mediator versions, recording an outcome re-reads one mediator, not 2,000.
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
  roster?: { version: number; entries: RosterEntry[] };
  stats?: { version: number; since: string; today: string; byMediator: Map<number, MediatorStats> };
}

const caches = new WeakMap<Database.Database, Cache>();

function cacheFor(sqlite: Database.Database): Cache {
  let c = caches.get(sqlite);
  if (!c) caches.set(sqlite, (c = {}));
  return c;
}

function readRoster(sqlite: Database.Database): RosterEntry[] {
  // The organisations apart (a few hundred) and the mediators as raw rows (arrays): building 2,000 keyed objects,
  // each with its organisation's strings copied in by a join, cost more than SQLite's reading them.
  const orgs = new Map(
    (
      sqlite.prepare(`SELECT id, level, name, region, active_to FROM mediation_orgs`).raw().all() as [
        number,
        string,
        string,
        string | null,
        string | null,
      ][]
    ).map(([id, level, name, region, activeTo]) => [id, { level: level as Level, name, region, activeTo }]),
  );
  const rows = sqlite
    .prepare(`SELECT id, name, kind, id_number, fields, regions, capacity, active_from, active_to, org_id FROM mediators ORDER BY id`)
    .raw()
    .all() as [number, string, string, string | null, string, string, number, string, string | null, number | null][];
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

function readStats(sqlite: Database.Database, since: string, today: string): Map<number, MediatorStats> {
  const rows = sqlite.prepare(outcomeStatsSql(false)).all({ since, today }) as MediatorStats[];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The roster and the outcome figures between `since` and `today`, from the cache when their versions have not
 * moved. After an outcome is recorded only the marked mediators' figures are read again.
 */
export function routingInputs(
  sqlite: Database.Database,
  since: string,
  today: string,
): { roster: RosterEntry[]; stats: Map<number, MediatorStats> } {
  if (sqlite.inTransaction) return { roster: readRoster(sqlite), stats: readStats(sqlite, since, today) };
  const cache = cacheFor(sqlite);
  const v = new Map(
    (sqlite.prepare(`SELECT name, version FROM routing_versions`).all() as { name: string; version: number }[]).map((r) => [
      r.name,
      r.version,
    ]),
  );
  const roster = v.get('roster') ?? 0;
  const outcomes = v.get('outcomes') ?? 0;
  if (cache.roster?.version !== roster) cache.roster = { version: roster, entries: readRoster(sqlite) };
  let s = cache.stats;
  if (!s || s.since !== since || s.today !== today) {
    s = cache.stats = { version: outcomes, since, today, byMediator: readStats(sqlite, since, today) };
  } else if (s.version !== outcomes) {
    const changed = sqlite
      .prepare(`SELECT mediator_id AS id FROM mediator_outcome_versions WHERE version > ?`)
      .pluck()
      .all(s.version) as number[];
    for (const id of changed) s.byMediator.delete(id);
    for (const r of sqlite.prepare(outcomeStatsSql(true)).all({ since, today, after: s.version }) as MediatorStats[])
      s.byMediator.set(r.id, r);
    s.version = outcomes;
  }
  return { roster: cache.roster.entries, stats: s.byMediator };
}

/** Empties the cache (bench/mediation.ts measures the first call of a process or a day). */
export function forgetRoutingCache(sqlite: Database.Database): void {
  caches.delete(sqlite);
}
