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

function tables(file: string): string[] {
  const { sqlite } = openDatabase({ file, migrate: false });
  const names = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  sqlite.close();
  return names;
}

/** Rows typical of a desk in use, written with plain SQL so they do not depend on the current schema code. */
function seed(file: string, migrationsFolder: string): void {
  const { sqlite } = openDatabase({ file, migrationsFolder });
  sqlite.exec(`
    INSERT INTO settings (key, value, updated_at) VALUES ('court.code', '"浙0522"', '2026-11-23T09:00:00.000+08:00');
    INSERT INTO users (username, display_name, password_hash, created_at, updated_at)
      VALUES ('clerk1', '李㛃𠀾', 'scrypt$10$8$1$x$y', '2026-11-23T09:00:00.000+08:00', '2026-11-23T09:00:00.000+08:00');
    INSERT INTO user_roles (user_id, role) VALUES (1, 'clerk');
    INSERT INTO number_sequences (kind, court_code, special_code, type_code, year, last_serial) VALUES ('case', '浙0522', '', '民初', 2026, 41);`);
  sqlite.close();
}

describe('migrations', () => {
  it('build an empty database at the latest version', () => {
    const file = path.join(tmpDir(), 'court.sqlite');
    openDatabase({ file }).sqlite.close();
    expect(tables(file)).toEqual(
      expect.arrayContaining(['__drizzle_migrations', 'audit_log', 'number_sequences', 'sessions', 'settings', 'user_roles', 'users']),
    );
  });

  it.each(journal.entries.map((e) => [e.idx, e.tag] as const))(
    'migration %i (%s) keeps the data written at the version before it',
    (idx) => {
      const file = path.join(tmpDir(), 'court.sqlite');
      // idx 0 starts from an empty file; later ones from a database built at the previous migration
      if (idx > 0) seed(file, migrationsUpTo(idx));
      const { sqlite } = openDatabase({ file });
      if (idx === 0) {
        sqlite.close();
        seed(file, MIGRATIONS);
      } else sqlite.close();
      const after = openDatabase({ file }).sqlite;
      expect(after.prepare('SELECT display_name FROM users WHERE username = ?').get('clerk1')).toEqual({ display_name: '李㛃𠀾' });
      expect(after.prepare('SELECT last_serial FROM number_sequences').get()).toEqual({ last_serial: 41 });
      after.close();
    },
  );

  it('reopening an up-to-date database changes nothing', () => {
    const file = path.join(tmpDir(), 'court.sqlite');
    seed(file, MIGRATIONS);
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
