import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from './connection';

const MIGRATIONS = defaultMigrationsFolder();
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
  entries: { idx: number; tag: string }[];
};

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'court-migrate-'));
}

/** A copy of the migrations folder that stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = tmpDir();
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const trimmed = { ...journal, entries: journal.entries.slice(0, count) };
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(trimmed));
  return dir;
}

/** Migration `idx` as drizzle's migrator runs it: its statements in order, in one transaction. */
function applyMigration(sqlite: Database.Database, idx: number): void {
  const text = fs.readFileSync(path.join(MIGRATIONS, `${journal.entries[idx]!.tag}.sql`), 'utf8');
  const statements = text.split('--> statement-breakpoint').filter((s) => s.trim().length > 0);
  sqlite.transaction(() => {
    for (const s of statements) sqlite.exec(s);
  })();
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** Ordinary tables (not the migrator's own, not an FTS index or its shadow tables) with their columns. */
function schemaOf(sqlite: Database.Database): Map<string, Column[]> {
  const all = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as {
    name: string;
    sql: string;
  }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const out = new Map<string, Column[]>();
  for (const t of all) {
    if (t.name === '__drizzle_migrations' || virtual.includes(t.name) || virtual.some((v) => t.name.startsWith(`${v}_`))) continue;
    out.set(t.name, sqlite.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(t.name) as Column[]);
  }
  return out;
}

/**
 * A value for a column as a desk in use would hold it: distinct per row (so unique indexes accept it), text with
 * a rare character and an astral one (so a rebuild that re-encodes text would show), dates and times in their formats.
 */
function valueFor(table: string, c: Column, row: number): string | number {
  const t = c.type.toUpperCase();
  if (t.includes('INT')) return c.pk ? row : 40 + row;
  if (t.includes('REAL') || t.includes('NUM')) return 12.5 + row;
  if (/(^|_)(on|date|until|from|to)$/.test(c.name)) return `2026-11-${String(10 + row).padStart(2, '0')}`;
  if (/_at$/.test(c.name)) return `2026-11-23T09:0${row}:00.000+08:00`;
  return `${table}.${c.name}#${row}·李㛃𠀾`;
}

/** Two rows in every table of the schema, foreign keys off (each table is seeded on its own). */
function seedEveryTable(sqlite: Database.Database, schema: Map<string, Column[]>): Map<string, Record<string, unknown>[]> {
  const written = new Map<string, Record<string, unknown>[]>();
  sqlite.pragma('foreign_keys = OFF');
  for (const [table, cols] of schema) {
    const rows: Record<string, unknown>[] = [];
    for (const row of [1, 2]) {
      const r = Object.fromEntries(cols.map((c) => [c.name, valueFor(table, c, row)]));
      sqlite
        .prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(...Object.values(r));
      rows.push(r);
    }
    written.set(table, rows);
  }
  return written;
}

/** The value SQLite stores for a column added with DEFAULT `dflt` (NULL when there is none). */
function defaultValue(sqlite: Database.Database, dflt: string | null): unknown {
  if (dflt === null) return null;
  return (sqlite.prepare(`SELECT ${dflt} AS v`).get() as { v: unknown }).v;
}

describe('migrations', () => {
  it('build an empty database at the latest version', () => {
    const file = path.join(tmpDir(), 'court.sqlite');
    const { sqlite } = openDatabase({ file });
    expect([...schemaOf(sqlite).keys()]).toEqual(
      expect.arrayContaining([
        'audit_log',
        'number_sequences',
        'sessions',
        'settings',
        'user_roles',
        'users',
        'cases',
        'parties',
        'documents',
      ]),
    );
    sqlite.close();
  });

  it('migration 0 builds the foundation on an empty file', () => {
    const sqlite = new Database(':memory:');
    applyMigration(sqlite, 0);
    expect([...schemaOf(sqlite).keys()]).toEqual(['audit_log', 'number_sequences', 'sessions', 'settings', 'user_roles', 'users']);
    sqlite.close();
  });

  // For every later migration: the schema at the version before it, rows in every table (so whatever the migration
  // touches holds data — ALTER, table rebuilds, new indexes on full tables), then the migration. Every row is still
  // there with its values, and a column the migration added holds its declared default.
  it.each(journal.entries.filter((e) => e.idx > 0).map((e) => [e.idx, e.tag] as const))(
    'migration %i (%s) keeps the rows written at the version before it and fills new columns with their defaults',
    (idx) => {
      const sqlite = new Database(':memory:');
      for (let i = 0; i < idx; i++) applyMigration(sqlite, i);
      const before = schemaOf(sqlite);
      const written = seedEveryTable(sqlite, before);
      // what each table holds before the migration: the rows written, and those an earlier migration's triggers
      // added (the routing versions of 0018 are written by triggers on mediators and mediations)
      const held = new Map(
        [...written.keys()].map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[]]),
      );

      applyMigration(sqlite, idx);
      const after = schemaOf(sqlite);
      for (const [table, rows] of held) {
        expect(after.has(table), `${table} still exists`).toBe(true);
        const added = after.get(table)!.filter((c) => !before.get(table)!.some((b) => b.name === c.name));
        const stored = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
        expect(
          stored.map((r) => Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, r[k]]))),
          table,
        ).toEqual(rows);
        for (const c of added) {
          const expected = defaultValue(sqlite, c.dflt_value);
          expect(
            stored.map((r) => r[c.name]),
            `${table}.${c.name}`,
          ).toEqual(rows.map(() => expected));
        }
      }
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      sqlite.close();
    },
  );

  it('drizzle’s migrator applies the remaining migrations to a file built at an earlier version', () => {
    const file = path.join(tmpDir(), 'court.sqlite');
    const half = Math.ceil(journal.entries.length / 2);
    openDatabase({ file, migrationsFolder: migrationsUpTo(half) }).sqlite.close();
    const { sqlite } = openDatabase({ file });
    expect((sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
    sqlite.close();
  });

  it('reopening an up-to-date database changes nothing', () => {
    const file = path.join(tmpDir(), 'court.sqlite');
    openDatabase({ file }).sqlite.close();
    const { sqlite } = openDatabase({ file });
    expect((sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('the committed migrations match db/schema.ts (a schema change needs `npm run db:generate`)', () => {
    const out = migrationsUpTo(journal.entries.length);
    const config = path.join(out, 'drizzle.guard.config.ts');
    const root = path.resolve(__dirname, '..');
    // drizzle-kit reads `out` relative to the working directory, even when absolute
    fs.writeFileSync(
      config,
      `export default { dialect: 'sqlite', schema: './db/schema.ts', out: ${JSON.stringify(path.relative(root, out))} };\n`,
    );
    const before = fs.readdirSync(out).filter((f) => f.endsWith('.sql'));
    const output = execFileSync(process.execPath, [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', `--config=${config}`], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(output).toMatch(/No schema changes/);
    const after = fs.readdirSync(out).filter((f) => f.endsWith('.sql'));
    expect(after).toEqual(before);
  });
});
