import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { readSetting } from '../settings';
import type { CallContext } from '../context';
import { addMinutes, isoShanghai } from '../time/clock';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './sessions';
import { findUserByUsername, getUserView, type UserView } from './users';

const WRONG_CREDENTIALS = '用户名或密码错误';

let dummyHash: Promise<string> | undefined;

function formatClock(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * Logs a user in. Wrong passwords count towards a lockout; a locked account is refused until the lock
 * expires or an admin resets it. Unknown names cost the same scrypt work as known ones, so the answer
 * time does not tell which user names exist.
 */
export async function login(
  ctx: CallContext,
  input: { username: string; password: string },
): Promise<{ token: string; expiresAt: string; user: UserView }> {
  const { core } = ctx;
  const user = findUserByUsername(core.db, input.username);
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password-0', core.passwordCost);
    await verifyPassword(input.password, await dummyHash);
    writeTransaction(core, (tx) =>
      audit(tx, ctx, { operation: 'auth.loginFailed', entityType: 'user', entityId: null, after: { username: input.username.trim().toLowerCase(), reason: '用户名不存在' } }),
    );
    throw new ApiError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  const now = core.clock.now();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    throw new ApiError('LOCKED', `账户因多次密码错误已锁定，请于 ${formatClock(user.lockedUntil)} 后重试，或请管理员重置密码`);
  }
  const passwordOk = await verifyPassword(input.password, user.passwordHash);
  if (!passwordOk) {
    const threshold = readSetting(core.db, 'auth.lockoutThreshold') ?? 5;
    const lockMinutes = readSetting(core.db, 'auth.lockoutMinutes') ?? 15;
    const failed = writeTransaction(core, (tx) => {
      const current = tx.select({ failedLogins: users.failedLogins }).from(users).where(eq(users.id, user.id)).get();
      const failedLogins = (current?.failedLogins ?? 0) + 1;
      const lockedUntil = failedLogins >= threshold ? isoShanghai(addMinutes(now, lockMinutes)) : null;
      tx.update(users).set({ failedLogins, lockedUntil, updatedAt: isoShanghai(now) }).where(eq(users.id, user.id)).run();
      audit(tx, ctx, {
        operation: 'auth.loginFailed',
        entityType: 'user',
        entityId: user.id,
        after: { username: user.username, failedLogins, lockedUntil },
      });
      return { failedLogins, lockedUntil };
    });
    if (failed.lockedUntil) {
      throw new ApiError('LOCKED', `密码连续错误 ${failed.failedLogins} 次，账户已锁定至 ${formatClock(failed.lockedUntil)}`);
    }
    throw new ApiError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  if (user.disabled) throw new ApiError('UNAUTHENTICATED', '账户已停用，请联系管理员');
  return writeTransaction(core, (tx) => {
    tx.update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: isoShanghai(now) })
      .where(eq(users.id, user.id))
      .run();
    const session = createSession(tx, core, user.id, ctx.client);
    audit(tx, ctx, {
      actorId: user.id,
      actorName: `${user.displayName}（${user.username}）`,
      operation: 'auth.login',
      entityType: 'session',
      entityId: session.id,
      after: { userId: user.id, client: ctx.client.transport, expiresAt: session.expiresAt },
    });
    return { token: session.token, expiresAt: session.expiresAt, user: getUserView(tx, user.id)! };
  });
}
