import { databasePath, openDatabase } from '../db/connection';
import { PRODUCTION_COST, type PasswordCost } from './auth/password';
import type { Core } from './context';
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
}

/** Opens (and migrates) the database and assembles the domain core. */
export function createCore(opts: CreateCoreOptions): Core {
  const file = opts.file ?? databasePath(opts.dataDir ?? '.');
  const { sqlite, db } = openDatabase({
    file,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.migrationsFolder ? { migrationsFolder: opts.migrationsFolder } : {}),
  });
  return {
    db,
    sqlite,
    clock: opts.clock ?? systemClock,
    dataDir: opts.file === ':memory:' ? '' : (opts.dataDir ?? ''),
    passwordCost: opts.passwordCost ?? PRODUCTION_COST,
  };
}

export function closeCore(core: Core): void {
  // Fold the WAL back into the main file so a copied data folder is complete on its own.
  try {
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    core.sqlite.close();
  }
}
