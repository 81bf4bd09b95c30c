import { z } from 'zod';
import { requiredText } from '../api/fields';
import { ROLE_KEYS, ROLES } from './roles';

/** Shapes shared by the auth and user operations. */
export const usernameField = requiredText('用户名', { max: 32 }).regex(/^[A-Za-z][A-Za-z0-9_.-]{1,31}$/, {
  error: '用户名须以字母开头，由 2–32 位字母、数字、下划线、点或横线组成',
});

export const displayNameField = requiredText('姓名', { max: 40 });

/** A new password: the rule itself lives in password.ts (passwordProblem) and is applied by the handler,
 *  which knows the user name; here only its type and length bounds. */
export const newPasswordField = (label = '密码') =>
  z
    .string({ error: `请填写${label}` })
    .min(1, { error: `${label}不能为空` })
    .max(128, { error: `${label}不能超过 128 位` });

export const roleListField = z
  .array(z.enum(ROLE_KEYS as [string, ...string[]], { error: '角色不是有效的选项' }), { error: '请选择角色' })
  .min(1, { error: '角色：至少选择一个角色' });

export const roleSchema = z.enum(ROLE_KEYS as [keyof typeof ROLES, ...(keyof typeof ROLES)[]]);

export const userViewSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});

export const courtInfoSchema = z.object({ name: z.string(), code: z.string() });

export const loginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userViewSchema,
});
