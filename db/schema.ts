import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The database schema: the single source of truth for tables. Migrations in db/migrations are generated
 * from this file by drizzle-kit (`npm run db:generate`) and never edited after they ship.
 *
 * Conventions (ARCHITECTURE.md rule 5): money in integer fen, times as ISO-8601 text with +08:00,
 * dates as YYYY-MM-DD text in Asia/Shanghai.
 */

/** Key–value settings of this court (court name and code, numbering patterns, session policy …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  /** JSON-encoded value; its shape is checked by core/court/settings.ts */
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** login name, stored lower-case; unique */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    /** the user must choose a new password at the next login (set by an admin reset) */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username)],
);

/** One row per role a user holds (a user may hold several). */
export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
);

/** Login sessions. Only the SHA-256 of the bearer token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    client: text('client').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** absolute end of the session, whatever the activity */
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Serial counters for 案号 and centre register numbers. One row per court × special-trial code × type code ×
 * year of receipt (DOMAIN.md §2). Incremented inside the transaction that creates the record, so a number
 * is never skipped or reused.
 */
export const numberSequences = sqliteTable(
  'number_sequences',
  {
    /** 'case' for 案号, 'register' for centre register numbers such as 调登〔2026〕0001 */
    kind: text('kind').notNull(),
    courtCode: text('court_code').notNull(),
    /** special-trial code (知, 金 …) or '' */
    specialCode: text('special_code').notNull().default(''),
    /** type code (民初, 民特 …) or the register series name */
    typeCode: text('type_code').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.courtCode, t.specialCode, t.typeCode, t.year] })],
);

/**
 * Append-only audit log. Every mutation writes one row in its own transaction; each row's hash covers its
 * content and the previous row's hash, so an edited or deleted row breaks the chain (core/audit/verify.ts).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    operation: text('operation').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** JSON snapshot before the change (null for a creation) */
    before: text('before'),
    /** JSON snapshot after the change (null for a deletion) */
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

