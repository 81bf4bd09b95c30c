import { asc, eq, sql } from 'drizzle-orm';
import { userRoles, users } from '../../db/schema';
import type { Db, Tx } from '../context';
import { ROLE_KEYS, type Role } from './roles';

/** What the API tells about a user: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

type UserRow = typeof users.$inferSelect;

function sortRoles(roles: string[]): Role[] {
  return ROLE_KEYS.filter((r) => roles.includes(r));
}

export function rolesOf(db: Db | Tx, userId: number): Role[] {
  return sortRoles(
    // plain SQL: read on every call (resolveSession)
    db.all<{ role: Role }>(sql`SELECT role FROM user_roles WHERE user_id = ${userId}`).map((r) => r.role),
  );
}

export function toUserView(row: UserRow, roles: Role[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

export function findUserByUsername(db: Db | Tx, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get();
}

export function findUserById(db: Db | Tx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function getUserView(db: Db | Tx, id: number): UserView | undefined {
  const row = findUserById(db, id);
  return row ? toUserView(row, rolesOf(db, id)) : undefined;
}

export function listUserViews(db: Db | Tx): UserView[] {
  const rows = db.select().from(users).orderBy(asc(users.id)).all();
  const roleRows = db.select().from(userRoles).all();
  return rows.map((row) => toUserView(row, sortRoles(roleRows.filter((r) => r.userId === row.id).map((r) => r.role))));
}

export function setRoles(tx: Tx, userId: number, roles: readonly Role[]): void {
  tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
  for (const role of new Set(roles)) tx.insert(userRoles).values({ userId, role }).run();
}

/** Number of enabled users holding the admin role, optionally not counting one user. */
export function activeAdminCount(db: Db | Tx, exceptUserId?: number): number {
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
    WHERE r.role = 'admin' AND u.disabled = 0 AND u.id != ${exceptUserId ?? -1}`);
  return row.n;
}
