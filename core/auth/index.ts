import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { defineArea } from '../api/area';
import { auditEvents } from './meta';
import { authOperations } from './operations';
import { authSettings } from './settings';
import { userOperations } from './userOperations';

/** 账户与角色: login, sessions, users. Public API for other areas: roles, role groups, the user view. */
export { ROLES, ROLE_KEYS, ROLE_GROUPS, inGroup, roleLabel, type Role, type RoleGroup } from '../api/roles';
export { authMeta } from './meta';
export { getUserView, setRoles, type UserView } from './users';
export { hashPassword, passwordProblem } from './password';
export { createSession } from './sessions';
export { displayNameField, loginResultSchema, newPasswordField, usernameField } from './schemas';

export const authArea = defineArea({
  name: 'auth',
  label: '账户与角色',
  operations: [...authOperations, ...userOperations] as const,
  settings: authSettings,
  auditSubjects: {
    user: {
      label: '用户',
      name: (db, id) => {
        const u = db
          .select({ username: users.username, displayName: users.displayName })
          .from(users)
          .where(eq(users.id, Number(id)))
          .get();
        return u ? `${u.displayName}（${u.username}）` : null;
      },
    },
    session: { label: '登录会话' },
  },
  auditEvents,
});
