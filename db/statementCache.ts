import type Database from 'better-sqlite3';

/**
 * Reuses prepared statements by their SQL text. drizzle prepares every query it runs afresh, and so do the
 * direct `sqlite.prepare(...)` calls: preparing was the largest single cost of a filing in a CPU profile
 * (~12 % with the audit and search statements; issue 9 item 10). A statement is reused only when it is not busy
 * (an iterate() in progress over the same SQL gets a fresh one), and its row mode is reset first, since drizzle
 * switches statements to raw() mode and other callers expect objects. SQLite re-prepares a cached statement by
 * itself after a schema change (migrations), so a cached statement never runs against a stale schema.
 */
export function cacheStatements(sqlite: Database.Database, max = 2000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source); // most recently used last: the first key is the one evicted
      cache.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const statement = prepare(source);
    if (!hit) {
      cache.set(source, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
