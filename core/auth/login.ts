import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { readSetting } from '../settings';
import type { CallContext } from '../context';
import { isoShanghai } from '../time/clock';
import { loginThrottle, type ThrottlePolicy } from './loginThrottle';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './sessions';
import { findUserByUsername, getUserView, type UserView } from './users';

const WRONG_CREDENTIALS = '用户名或密码错误';

let dummyHash: Promise<string> | undefined;

function throttledMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return `登录尝试过于频繁，请 ${wait}后再试`;
}

function sourceOf(ctx: CallContext): string {
  return ctx.client.address ?? ctx.client.transport;
}

/**
 * Logs a user in (issue 11 item 5). Wrong passwords slow down further attempts of the same name from the
 * same source (and, over all names, from the same source) with growing delays — 1 s after 5 failures,
 * doubling up to the configured cap — instead of locking the account for everyone: the right password from
 * another source still works. Every path does exactly one scrypt verification (against a dummy hash when the
 * name is unknown or the attempt is throttled), and the answers depend only on the name as typed and its
 * history, never on whether the account exists. Failed attempts are audited once per burst and per delay
 * step with a count, so a flood writes a handful of rows.
 */
export async function login(
  ctx: CallContext,
  input: { username: string; password: string },
): Promise<{ token: string; expiresAt: string; user: UserView }> {
  const { core } = ctx;
  const username = input.username.trim().toLowerCase();
  const source = sourceOf(ctx);
  const throttle = loginThrottle(core);
  const now = core.clock.now();
  const policy: ThrottlePolicy = {
    accountFreeFailures: readSetting(core.db, 'auth.lockoutThreshold') ?? 5,
    maxDelayMs: (readSetting(core.db, 'auth.lockoutMinutes') ?? 5) * 60_000,
  };
  dummyHash ??= hashPassword('not-a-real-password-0', core.passwordCost);

  const verdict = throttle.check(source, username, now.getTime());
  if (verdict.waitMs > 0) {
    await verifyPassword(input.password, await dummyHash); // the same work as any other answer
    throw new ApiError('THROTTLED', throttledMessage(verdict.waitMs));
  }

  const user = findUserByUsername(core.db, username);
  const passwordOk = await verifyPassword(input.password, user ? user.passwordHash : await dummyHash);
  if (!user || !passwordOk) {
    const record = throttle.fail(source, username, now.getTime(), policy);
    if (record.report) {
      writeTransaction(core, (tx) => {
        if (user)
          tx.update(users)
            .set({ failedLogins: user.failedLogins + record.unreported })
            .where(eq(users.id, user.id))
            .run();
        audit(tx, ctx, {
          operation: 'auth.loginFailed',
          entityType: 'user',
          entityId: user?.id ?? null,
          after: {
            username,
            source,
            // attempts of this burst so far (throttled ones included) and since the previous row
            attempts: record.attempts,
            sinceLastRow: record.unreported,
            waitSeconds: Math.ceil(record.waitMs / 1000),
          },
        });
      });
    }
    throw new ApiError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  if (user.disabled) throw new ApiError('UNAUTHENTICATED', '账户已停用，请联系管理员');
  const burst = throttle.succeed(source, username);
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
      after: {
        userId: user.id,
        client: ctx.client.transport,
        expiresAt: session.expiresAt,
        ...(burst.unreported > 0 ? { failedAttemptsNotAudited: burst.unreported } : {}),
      },
    });
    return { token: session.token, expiresAt: session.expiresAt, user: getUserView(tx, user.id)! };
  });
}
