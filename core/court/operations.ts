import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { courtMeta } from './meta';
import { ApiError, fieldError } from '../api/errors';
import { input, integerIn, labelled, noInput, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit';
import { createSession } from '../auth';
import { hashPassword, passwordProblem } from '../auth';
import { displayNameField, loginResultSchema, newPasswordField, usernameField } from '../auth';
import { getUserView, setRoles } from '../auth';
import { users } from '../../db/schema';
import { courtCodeProblem, normaliseCourtCode } from '../numbering';
import { registerPatternProblem } from '../numbering';
import { isoShanghai } from '../time/clock';
import { isInitialised, readSettings, writeSetting, type CourtSettings } from './settings';

const courtNameField = requiredText('法院名称', { max: 60 }).refine((v) => v.endsWith('法院'), {
  error: '法院名称应为全称，以“法院”结尾，如“浙江省长兴县人民法院”',
});

const courtCodeField = labelled(z.string({ error: '请填写法院代字' }), '法院代字')
  .transform(normaliseCourtCode)
  .superRefine((code, c) => {
    const problem = courtCodeProblem(code);
    if (problem) c.addIssue({ code: 'custom', message: problem });
  });

const registerPatternField = labelled(z.string({ error: '请填写登记号格式' }), '中心登记号格式')
  .trim()
  .superRefine((p, c) => {
    const problem = registerPatternProblem(p);
    if (problem) c.addIssue({ code: 'custom', message: problem });
  });

export const setupStatusOperation = defineOperation({
  ...courtMeta['setup.status'],
  input: noInput,
  output: z.object({ initialised: z.boolean(), court: z.object({ name: z.string(), code: z.string() }).nullable() }),
  handler: (ctx) => {
    const s = readSettings(ctx.core.db);
    return {
      initialised: isInitialised(ctx.core.db),
      court: s['court.code'] ? { name: s['court.name'] ?? '', code: s['court.code'] } : null,
    };
  },
});

export const initialiseOperation = defineOperation({
  ...courtMeta['setup.initialise'],
  input: input({
    courtName: courtNameField,
    courtCode: courtCodeField,
    adminUsername: usernameField,
    adminDisplayName: displayNameField,
    adminPassword: newPasswordField('管理员密码'),
  }),
  output: loginResultSchema,
  handler: async (ctx, i) => {
    if (isInitialised(ctx.core.db)) throw new ApiError('CONFLICT', '本系统已完成首次设置，请直接登录');
    const username = i.adminUsername.toLowerCase();
    const problem = passwordProblem(i.adminPassword, username);
    if (problem) throw fieldError('adminPassword', `管理员密码：${problem}`);
    const passwordHash = await hashPassword(i.adminPassword, ctx.core.passwordCost);
    return writeTransaction(ctx.core, (tx) => {
      if (isInitialised(tx)) throw new ApiError('CONFLICT', '本系统已完成首次设置，请直接登录');
      const now = isoShanghai(ctx.core.clock.now());
      const admin = tx
        .insert(users)
        .values({ username, displayName: i.adminDisplayName, passwordHash, createdAt: now, updatedAt: now })
        .returning({ id: users.id })
        .get();
      setRoles(tx, admin.id, ['admin']);
      writeSetting(tx, ctx.core.clock, 'court.name', i.courtName, admin.id);
      writeSetting(tx, ctx.core.clock, 'court.code', i.courtCode, admin.id);
      const actorName = `${i.adminDisplayName}（${username}）`;
      const user = getUserView(tx, admin.id)!;
      audit(tx, ctx, {
        actorId: admin.id,
        actorName,
        operation: 'setup.initialise',
        entityType: 'court',
        entityId: i.courtCode,
        after: { courtName: i.courtName, courtCode: i.courtCode, admin: user },
      });
      const session = createSession(tx, ctx.core, admin.id, ctx.client);
      audit(tx, ctx, { actorId: admin.id, actorName, operation: 'auth.login', entityType: 'session', entityId: session.id });
      return { token: session.token, expiresAt: session.expiresAt, user };
    });
  },
});

const settingsSchema = z.object({
  courtName: z.string(),
  courtCode: z.string(),
  registerPattern: z.string(),
  sessionIdleMinutes: z.number(),
  sessionMaxHours: z.number(),
  lockoutThreshold: z.number(),
  lockoutMinutes: z.number(),
});

function settingsView(s: Partial<CourtSettings>): z.infer<typeof settingsSchema> {
  return {
    courtName: s['court.name'] ?? '',
    courtCode: s['court.code'] ?? '',
    registerPattern: s['numbering.registerPattern']!,
    sessionIdleMinutes: s['auth.sessionIdleMinutes']!,
    sessionMaxHours: s['auth.sessionMaxHours']!,
    lockoutThreshold: s['auth.lockoutThreshold']!,
    lockoutMinutes: s['auth.lockoutMinutes']!,
  };
}

export const getSettingsOperation = defineOperation({
  ...courtMeta['settings.get'],
  input: noInput,
  output: settingsSchema,
  handler: (ctx) => settingsView(readSettings(ctx.core.db)),
});

export const updateSettingsOperation = defineOperation({
  ...courtMeta['settings.update'],
  input: input({
    courtName: courtNameField,
    courtCode: courtCodeField,
    registerPattern: registerPatternField,
    sessionIdleMinutes: integerIn('无操作自动退出时间（分钟）', 5, 24 * 60),
    sessionMaxHours: integerIn('会话最长时间（小时）', 1, 72),
    lockoutThreshold: integerIn('密码错误锁定次数', 3, 20),
    lockoutMinutes: integerIn('锁定时长（分钟）', 1, 24 * 60),
  }),
  output: settingsSchema,
  handler: (ctx, i) =>
    writeTransaction(ctx.core, (tx) => {
      const before = settingsView(readSettings(tx));
      const userId = ctx.actor?.userId ?? null;
      const c = ctx.core.clock;
      writeSetting(tx, c, 'court.name', i.courtName, userId);
      writeSetting(tx, c, 'court.code', i.courtCode, userId);
      writeSetting(tx, c, 'numbering.registerPattern', i.registerPattern, userId);
      writeSetting(tx, c, 'auth.sessionIdleMinutes', i.sessionIdleMinutes, userId);
      writeSetting(tx, c, 'auth.sessionMaxHours', i.sessionMaxHours, userId);
      writeSetting(tx, c, 'auth.lockoutThreshold', i.lockoutThreshold, userId);
      writeSetting(tx, c, 'auth.lockoutMinutes', i.lockoutMinutes, userId);
      const after = settingsView(readSettings(tx));
      audit(tx, ctx, { operation: 'settings.update', entityType: 'settings', entityId: 'court', before, after });
      return after;
    }),
});

export const courtOperations = [setupStatusOperation, initialiseOperation, getSettingsOperation, updateSettingsOperation] as const;
