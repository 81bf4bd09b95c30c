import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions } from '../../db/schema';
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
interface SessionRow {
  sessionId: number;
  lastSeenAt: string;
  expiresAt: string;
  userId: number;
  username: string;
  displayName: string;
  disabled: number;
  mustChangePassword: number;
}

export function resolveSession(core: Core, token: string | undefined): Actor {
  if (!token) throw new ApiError('UNAUTHENTICATED', '请先登录');
  // one plain, cached statement: this runs before every call, and the query builder's join cost more than the read
  const row = core.sqlite
    .prepare(
      `SELECT s.id AS sessionId, s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt, u.id AS userId,
              u.username, u.display_name AS displayName, u.disabled, u.must_change_password AS mustChangePassword
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.revoked_at IS NULL`,
    )
    .get(hashToken(token)) as SessionRow | undefined;
  if (!row) throw new ApiError('UNAUTHENTICATED', SESSION_EXPIRED);
  const now = core.clock.now();
  const idleMinutes = readSetting(core.db, 'auth.sessionIdleMinutes') ?? 120;
  const lastSeen = new Date(row.lastSeenAt);
  if (new Date(row.expiresAt) <= now || addMinutes(lastSeen, idleMinutes) <= now) {
    throw new ApiError('UNAUTHENTICATED', SESSION_EXPIRED);
  }
  if (row.disabled) throw new ApiError('UNAUTHENTICATED', '账户已停用，请联系管理员');
  if (now.getTime() - lastSeen.getTime() >= TOUCH_INTERVAL_MS) {
    core.db
      .update(sessions)
      .set({ lastSeenAt: isoShanghai(now) })
      .where(eq(sessions.id, row.sessionId))
      .run();
  }
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    roles: rolesOf(core.db, row.userId),
    sessionId: row.sessionId,
    mustChangePassword: row.mustChangePassword === 1,
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
