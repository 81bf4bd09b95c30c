import type Database from 'better-sqlite3';
import { expect } from 'vitest';

export interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** SQLite's plan for a statement, one line per step (`SEARCH cases USING INDEX cases_number_unique (number=?)`). */
export function queryPlan(sqlite: Database.Database, sql: string, params: unknown[] = []): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as PlanRow[];
  return rows.map((r) => r.detail);
}

/**
 * Asserts that SQLite answers `sql` through `indexName` (a SEARCH or covering scan using it), so a hot query does not
 * fall back to reading the whole table as the register grows. The message shows the plan SQLite chose instead.
 */
export function expectIndexUsed(sqlite: Database.Database, sql: string, params: unknown[], indexName: string): void {
  const plan = queryPlan(sqlite, sql, params);
  const uses = plan.some((d) => new RegExp(`\\bUSING (COVERING )?INDEX ${indexName}\\b`).test(d));
  expect(uses, `expected ${indexName} in the plan of\n${sql}\nplan:\n${plan.join('\n')}`).toBe(true);
}

export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs `fn` and returns every statement it ran on `sqlite`, with its parameters: the SQL drizzle (or hand-written
 * code) really sends, so an index test follows the code when a query changes.
 */
export function recordStatements(sqlite: Database.Database, fn: () => unknown): RecordedStatement[] {
  const seen: RecordedStatement[] = [];
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) => {
    const stmt = prepare.call(sqlite, source);
    const proxy: Database.Statement = new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate')
          return (...params: unknown[]) => {
            seen.push({ sql: source, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        // raw(), pluck(), expand(), bind() return the statement itself: keep recording through the proxy
        return (...a: unknown[]) => {
          const r = (value as (...a: unknown[]) => unknown).apply(target, a);
          return r === target ? proxy : r;
        };
      },
    });
    return proxy;
  }) as typeof sqlite.prepare;
  try {
    fn();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}
