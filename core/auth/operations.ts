import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { defineOperation } from '../api/contract';
import { authMeta } from './meta';
import { ApiError, fieldError } from '../api/errors';
import { input, noInput } from '../api/fields';
import { audit, writeTransaction } from '../audit';
import { readSetting } from '../settings';
import { requireActor } from '../context';
import { isoShanghai } from '../time/clock';
import { login } from './login';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { courtInfoSchema, loginResultSchema, newPasswordField, userViewSchema } from './schemas';
import { revokeSession } from './sessions';
import { findUserById, getUserView } from './users';

export const loginOperation = defineOperation({
  ...authMeta['auth.login'],
  input: input({
    username: z.string({ error: '请填写用户名' }).trim().min(1, { error: '用户名不能为空' }).max(64, { error: '用户名过长' }),
    password: z.string({ error: '请填写密码' }).min(1, { error: '密码不能为空' }).max(128, { error: '密码过长' }),
  }),
  output: loginResultSchema,
  handler: (ctx, i) => login(ctx, i),
});

export const logoutOperation = defineOperation({
  ...authMeta['auth.logout'],
  input: noInput,
  output: z.object({ ok: z.literal(true) }),
  handler: (ctx) => {
    const actor = requireActor(ctx);
    writeTransaction(ctx.core, (tx) => {
      revokeSession(tx, ctx.core, actor.sessionId);
      audit(tx, ctx, { operation: 'auth.logout', entityType: 'session', entityId: actor.sessionId });
    });
    return { ok: true as const };
  },
});

export const meOperation = defineOperation({
  ...authMeta['auth.me'],
  input: noInput,
  output: z.object({ user: userViewSchema, court: courtInfoSchema }),
  handler: (ctx) => {
    const actor = requireActor(ctx);
    const user = getUserView(ctx.core.db, actor.userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '账户不存在，请重新登录');
    return {
      user,
      court: { name: readSetting(ctx.core.db, 'court.name') ?? '', code: readSetting(ctx.core.db, 'court.code') ?? '' },
    };
  },
});

export const changePasswordOperation = defineOperation({
  ...authMeta['auth.changePassword'],
  input: input({
    currentPassword: z.string({ error: '请填写当前密码' }).min(1, { error: '当前密码不能为空' }),
    newPassword: newPasswordField('新密码'),
  }),
  output: z.object({ ok: z.literal(true) }),
  handler: async (ctx, i) => {
    const actor = requireActor(ctx);
    const user = findUserById(ctx.core.db, actor.userId);
    if (!user) throw new ApiError('UNAUTHENTICATED', '账户不存在，请重新登录');
    if (!(await verifyPassword(i.currentPassword, user.passwordHash))) {
      throw fieldError('currentPassword', '当前密码不正确');
    }
    const problem = passwordProblem(i.newPassword, user.username);
    if (problem) throw fieldError('newPassword', `新密码：${problem}`);
    if (i.newPassword === i.currentPassword) throw fieldError('newPassword', '新密码不能与当前密码相同');
    const passwordHash = await hashPassword(i.newPassword, ctx.core.passwordCost);
    writeTransaction(ctx.core, (tx) => {
      tx.update(users)
        .set({ passwordHash, mustChangePassword: false, updatedAt: isoShanghai(ctx.core.clock.now()) })
        .where(eq(users.id, user.id))
        .run();
      audit(tx, ctx, { operation: 'auth.changePassword', entityType: 'user', entityId: user.id, after: { passwordChanged: true } });
    });
    return { ok: true as const };
  },
});

export const authOperations = [loginOperation, logoutOperation, meOperation, changePasswordOperation] as const;
