import { loginThrottle } from './loginThrottle';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { defineOperation } from '../api/contract';
import { authMeta } from './meta';
import { conflict, fieldError, notFound } from '../api/errors';
import { bool, input, noInput, positiveId } from '../api/fields';
import { audit, writeTransaction } from '../audit';
import { requireActor, type CallContext, type Tx } from '../context';
import { isoShanghai } from '../time/clock';
import { hashPassword, passwordProblem } from './password';
import type { Role } from './roles';
import { displayNameField, newPasswordField, roleListField, usernameField, userViewSchema } from './schemas';
import { revokeUserSessions } from './sessions';
import { activeAdminCount, findUserById, findUserByUsername, getUserView, listUserViews, setRoles } from './users';

/** The centre must always keep one enabled admin, or nobody could manage accounts any more. */
function assertAdminRemains(tx: Tx, userId: number): void {
  if (activeAdminCount(tx, userId) === 0) {
    throw conflict('系统至少需要保留一名启用的管理员', 'roles');
  }
}

function mustFindUser(tx: Tx, id: number) {
  const user = getUserView(tx, id);
  if (!user) throw notFound('用户');
  return user;
}

export const listUsersOperation = defineOperation({
  ...authMeta['users.list'],
  input: noInput,
  output: z.array(userViewSchema),
  handler: (ctx) => listUserViews(ctx.core.db),
});

export const createUserOperation = defineOperation({
  ...authMeta['users.create'],
  input: input({
    username: usernameField,
    displayName: displayNameField,
    password: newPasswordField('初始密码'),
    roles: roleListField,
  }),
  output: userViewSchema,
  handler: async (ctx, i) => createUser(ctx, { ...i, roles: i.roles as Role[] }),
});

export async function createUser(ctx: CallContext, i: { username: string; displayName: string; password: string; roles: Role[] }) {
  const username = i.username.toLowerCase();
  const problem = passwordProblem(i.password, username);
  if (problem) throw fieldError('password', `初始密码：${problem}`);
  if (findUserByUsername(ctx.core.db, username)) throw conflict(`用户名“${username}”已被使用`, 'username');
  const passwordHash = await hashPassword(i.password, ctx.core.passwordCost);
  return writeTransaction(ctx.core, (tx) => {
    // checked again under the write lock: another desk may have taken the name meanwhile
    if (findUserByUsername(tx, username)) throw conflict(`用户名“${username}”已被使用`, 'username');
    const now = isoShanghai(ctx.core.clock.now());
    const row = tx
      .insert(users)
      .values({ username, displayName: i.displayName, passwordHash, createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get();
    setRoles(tx, row.id, i.roles);
    const view = mustFindUser(tx, row.id);
    audit(tx, ctx, { operation: 'users.create', entityType: 'user', entityId: row.id, after: view });
    return view;
  });
}

export const updateUserOperation = defineOperation({
  ...authMeta['users.update'],
  input: input({ id: positiveId('用户编号'), displayName: displayNameField, roles: roleListField }),
  output: userViewSchema,
  handler: (ctx, i) =>
    writeTransaction(ctx.core, (tx) => {
      const before = mustFindUser(tx, i.id);
      if (before.roles.includes('admin') && !i.roles.includes('admin')) assertAdminRemains(tx, i.id);
      tx.update(users)
        .set({ displayName: i.displayName, updatedAt: isoShanghai(ctx.core.clock.now()) })
        .where(eq(users.id, i.id))
        .run();
      setRoles(tx, i.id, i.roles as Role[]);
      const after = mustFindUser(tx, i.id);
      audit(tx, ctx, { operation: 'users.update', entityType: 'user', entityId: i.id, before, after });
      return after;
    }),
});

export const setUserDisabledOperation = defineOperation({
  ...authMeta['users.setDisabled'],
  input: input({ id: positiveId('用户编号'), disabled: bool('停用') }),
  output: userViewSchema,
  handler: (ctx, i) => {
    const actor = requireActor(ctx);
    if (i.disabled && i.id === actor.userId) throw conflict('不能停用当前登录的本人账户', 'id');
    return writeTransaction(ctx.core, (tx) => {
      const before = mustFindUser(tx, i.id);
      if (i.disabled && before.roles.includes('admin')) assertAdminRemains(tx, i.id);
      tx.update(users)
        .set({ disabled: i.disabled, updatedAt: isoShanghai(ctx.core.clock.now()) })
        .where(eq(users.id, i.id))
        .run();
      if (i.disabled) revokeUserSessions(tx, ctx.core, i.id);
      const after = mustFindUser(tx, i.id);
      audit(tx, ctx, { operation: 'users.setDisabled', entityType: 'user', entityId: i.id, before, after });
      return after;
    });
  },
});

export const resetPasswordOperation = defineOperation({
  ...authMeta['users.resetPassword'],
  input: input({ id: positiveId('用户编号'), newPassword: newPasswordField('新密码') }),
  output: userViewSchema,
  handler: async (ctx, i) => {
    const target = findUserById(ctx.core.db, i.id);
    if (!target) throw notFound('用户');
    const problem = passwordProblem(i.newPassword, target.username);
    if (problem) throw fieldError('newPassword', `新密码：${problem}`);
    const passwordHash = await hashPassword(i.newPassword, ctx.core.passwordCost);
    return writeTransaction(ctx.core, (tx) => {
      const before = mustFindUser(tx, i.id);
      tx.update(users)
        .set({
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: isoShanghai(ctx.core.clock.now()),
        })
        .where(eq(users.id, i.id))
        .run();
      revokeUserSessions(tx, ctx.core, i.id);
      loginThrottle(ctx.core).clearUser(target.username);
      const after = mustFindUser(tx, i.id);
      audit(tx, ctx, { operation: 'users.resetPassword', entityType: 'user', entityId: i.id, before, after });
      return after;
    });
  },
});

export const userOperations = [
  listUsersOperation,
  createUserOperation,
  updateUserOperation,
  setUserDisabledOperation,
  resetPasswordOperation,
] as const;
