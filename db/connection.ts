import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { withNativeBinding } from './nativeBinding';
import { cacheStatements } from './statementCache';
import type { Db } from '../core/context';

/** File name of the database inside a data directory. */
export const DATABASE_FILE = 'court.sqlite';

/** The checked-in migrations next to this file (overridable for packaged builds). */
export function defaultMigrationsFolder(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export interface OpenOptions {
  /** database file path, or ':memory:' */
  file: string;
  migrationsFolder?: string;
  /**
   * Path of a better-sqlite3 native addon built for another ABI. The Electron main process passes the
   * Electron build here (see scripts/electron-native.mjs); Node (tests, host, CLI) leaves it unset.
   */
  nativeBinding?: string;
  readonly?: boolean;
  /** apply pending migrations (default true) */
  migrate?: boolean;
}

export interface OpenDatabase {
  sqlite: Database.Database;
  db: Db;
}

/**
 * Opens the court database with the pragmas court records need:
 * - WAL, so readers (lists, search) never block the writer;
 * - synchronous=FULL, so an acknowledged record survives power loss, not only a crash;
 * - foreign_keys=ON; busy_timeout so a second process waits for the write lock instead of failing;
 * - a 64 MiB page cache (SQLite's default is 2 MiB): the desks read the same index and case pages all day, and at
 *   1M cases a list page's lookups by primary key otherwise go to the operating system for every page (the judge's
 *   desk of 100 cases took ~10 ms of CPU instead of ~6). It is filled only as pages are read.
 */
export function openDatabase(opts: OpenOptions): OpenDatabase {
  if (opts.file !== ':memory:') fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  const sqlite = new Database(opts.file, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : withNativeBinding()),
  });
  if (!opts.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  if (opts.migrate !== false && !opts.readonly) {
    migrate(db, { migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder() });
  }
  return { sqlite, db };
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}
