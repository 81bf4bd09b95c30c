import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';

/** Session and lockout policy (the auth area's settings section). */
export const authSettings = defineSettings({
  /** a session ends after this many minutes without a request */
  'auth.sessionIdleMinutes': {
    label: '无操作自动退出时间',
    schema: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    default: 120,
  },
  /** and in any case this many hours after login */
  'auth.sessionMaxHours': { label: '会话最长时间', schema: z.number().int().min(1).max(72), default: 12 },
  /** wrong passwords of one name from one address before logins from there are slowed down (1 s, doubling) */
  'auth.lockoutThreshold': { label: '密码错误后开始限速的次数', schema: z.number().int().min(3).max(20), default: 5 },
  /** the longest wait between attempts once slowed down; no account is ever locked for everyone */
  'auth.lockoutMinutes': {
    label: '登录限速最长等待（分钟）',
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    default: 5,
  },
});

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends SettingValues<typeof authSettings> {}
}
