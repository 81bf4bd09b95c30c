import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDatabase } from '../db/connection';
import { useNativeBinding } from '../db/nativeBinding';
import { ensureSeal } from './audit/sealStore';
import { closeHeadFile } from './audit/transaction';
import { registerStore } from './audit/verify';
import { ephemeralSeal, tightenDataDir } from './audit/seal';
import { PRODUCTION_COST, type PasswordCost } from './auth/password';
import type { Core } from './context';
import { useBuiltinTemplatesDir } from './documents/template/dir';
import { systemClock, type Clock } from './time/clock';

export interface CreateCoreOptions {
  /** data directory holding court.sqlite; ignored when `file` is given */
  dataDir?: string;
  /** explicit database file (':memory:' in tests) */
  file?: string;
  clock?: Clock;
  passwordCost?: PasswordCost;
  nativeBinding?: string;
  migrationsFolder?: string;
  /** the built-in templates folder, passed by the shell (core/documents/template/dir.ts) */
  templatesDir?: string;
}

/** Opens (and migrates) the database and assembles the domain core. */
export function createCore(opts: CreateCoreOptions): Core {
  if (opts.templatesDir) useBuiltinTemplatesDir(opts.templatesDir);
  // every later connection of this process (backups, restore, verification and its worker) loads the same addon
  if (opts.nativeBinding) useNativeBinding(opts.nativeBinding);
  const file = opts.file ?? databasePath(opts.dataDir ?? '.');
  const inMemory = file === ':memory:';
  if (!inMemory && !fs.existsSync(file)) {
    // the store holds ID numbers and password hashes: created readable by the service account only (the WAL
    // and shared-memory files take the same mode from it)
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  const { sqlite, db } = openDatabase({
    file,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.migrationsFolder ? { migrationsFolder: opts.migrationsFolder } : {}),
  });
  const core: Core = {
    db,
    sqlite,
    clock: opts.clock ?? systemClock,
    dataDir: inMemory ? '' : opts.file ? path.dirname(opts.file) : (opts.dataDir ?? '.'),
    passwordCost: opts.passwordCost ?? PRODUCTION_COST,
  };
  if (core.dataDir) {
    tightenDataDir(core.dataDir);
    core.auditSeal = ensureSeal(core);
  } else {
    core.auditSeal = ephemeralSeal();
  }
  registerStore(sqlite, { seal: core.auditSeal, dataDir: core.dataDir });
  return core;
}

export function closeCore(core: Core): void {
  closeHeadFile(core);
  // Fold the WAL back into the main file so a copied data folder is complete on its own.
  try {
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.sqlite.close();
  }
}
