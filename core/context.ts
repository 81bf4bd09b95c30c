import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../db/schema';
import type { Role } from './api/roles';
import type { Clock } from './time/clock';
import type { PasswordCost } from './auth/password';
import type { AuditSeal } from './audit/seal';

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle a transaction callback receives; same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Process-wide dependencies of the domain core. No Electron, no React, no HTTP here. */
export interface Core {
  db: Db;
  sqlite: Database.Database;
  clock: Clock;
  /** where the database file lives ('' for in-memory test databases) */
  dataDir: string;
  passwordCost: PasswordCost;
  /** the audit chain's key (core/audit/seal.ts); in-memory stores get a key of their own */
  auditSeal?: AuditSeal | null;
}

/** Who is calling: resolved from the session token by the dispatcher. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  sessionId: number;
  /** set after an admin reset: only the password change is allowed until it is done */
  mustChangePassword?: boolean;
}

/** userId of the command-line administrator: not an account, named in the audit log by OS user. */
export const SYSTEM_USER_ID = 0;

/** The actor of `court user …` commands: the operating-system user at the server's console. */
export function systemActor(osUser: string): Actor {
  return { userId: SYSTEM_USER_ID, username: 'cli', displayName: `命令行管理（系统用户 ${osUser}）`, roles: ['admin'], sessionId: 0 };
}

/** How the call arrived — recorded on sessions and useful in logs. */
export interface ClientInfo {
  transport: 'http' | 'ipc' | 'cli' | 'test';
  address?: string;
}

export interface CallContext {
  core: Core;
  actor: Actor | null;
  client: ClientInfo;
}

/** The actor of a call that requires login; the dispatcher guarantees it for non-public operations. */
export function requireActor(ctx: CallContext): Actor {
  if (!ctx.actor) throw new Error('requireActor called on a public operation');
  return ctx.actor;
}
