import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { ApiError } from '../api/errors';
import { readSetting } from '../settings';
import type { Actor, ClientInfo, Core, Tx } from '../context';
import { addMinutes, isoShanghai } from '../time/clock';
import { rolesOf } from './users';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session inside the login transaction; returns the bearer token (only its hash is stored). */
export function createSession(tx: Tx, core: Core, userId: number, client: ClientInfo): { token: string; expiresAt: string; id: number } {
  const token = randomBytes(32).toString('base64url');
  const now = core.clock.now();
  const maxHours = readSetting(tx, 'auth.sessionMaxHours') ?? 12;
  const expiresAt = isoShanghai(addMinutes(now, maxHours * 60));
  const row = tx
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      client: client.address ? `${client.transport} ${client.address}` : client.transport,
      createdAt: isoShanghai(now),
      lastSeenAt: isoShanghai(now),
      expiresAt,
    })
    .returning({ id: sessions.id })
    .get();
  return { token, expiresAt, id: row.id };
}

const SESSION_EXPIRED = '登录已过期，请重新登录';
/** Refresh last_seen_at at most once a minute: enough for the idle timeout, no write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves a bearer token to the calling user. Refuses revoked, expired (absolute or idle) sessions and
 * disabled users. Touching last_seen_at is bookkeeping of the session, not a change to court records,
 * so it is not audited.
 */
export function resolveSession(core: Core, token: string | undefined): Actor {
  if (!token) throw new ApiError('UNAUTHENTICATED', '请先登录');
  const row = core.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .get();
  if (!row) throw new ApiError('UNAUTHENTICATED', SESSION_EXPIRED);
  const now = core.clock.now();
  const idleMinutes = readSetting(core.db, 'auth.sessionIdleMinutes') ?? 120;
  const lastSeen = new Date(row.session.lastSeenAt);
  if (new Date(row.session.expiresAt) <= now || addMinutes(lastSeen, idleMinutes) <= now) {
    throw new ApiError('UNAUTHENTICATED', SESSION_EXPIRED);
  }
  if (row.user.disabled) throw new ApiError('UNAUTHENTICATED', '账户已停用，请联系管理员');
  if (now.getTime() - lastSeen.getTime() >= TOUCH_INTERVAL_MS) {
    core.db
      .update(sessions)
      .set({ lastSeenAt: isoShanghai(now) })
      .where(eq(sessions.id, row.session.id))
      .run();
  }
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    roles: rolesOf(core.db, row.user.id),
    sessionId: row.session.id,
    mustChangePassword: row.user.mustChangePassword,
  };
}

export function revokeSession(tx: Tx, core: Core, sessionId: number): void {
  tx.update(sessions)
    .set({ revokedAt: isoShanghai(core.clock.now()) })
    .where(eq(sessions.id, sessionId))
    .run();
}

/** Ends every open session of a user (password reset, disabling). */
export function revokeUserSessions(tx: Tx, core: Core, userId: number): void {
  tx.update(sessions)
    .set({ revokedAt: isoShanghai(core.clock.now()) })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}
