import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { fieldError, notFound } from '../api/errors';
import { bool, input, integerIn, positiveId, requiredText } from '../api/fields';
import { backupMeta } from './meta';
import { backupJob, backupStatus, savePolicy, startBackup } from './service';

const policySchema = z.object({ folder: z.string(), everyHours: z.number(), keep: z.number(), enabled: z.boolean() });
const runSchema = z.object({
  id: z.number(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  file: z.string().nullable(),
  bytes: z.number().nullable(),
  ok: z.boolean().nullable(),
  message: z.string().nullable(),
  present: z.boolean(),
});
const jobSchema = z.object({
  runId: z.number(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  file: z.string().nullable(),
  message: z.string().nullable(),
});

export const backupStatusOperation = defineOperation({
  ...backupMeta['backup.status'],
  input: z.object({}).optional(),
  output: z.object({
    policy: policySchema.extend({ chosen: z.boolean() }),
    lastRun: runSchema.nullable(),
    lastGood: runSchema.nullable(),
    overdue: z.boolean(),
    warning: z.string().nullable(),
    runs: z.array(runSchema),
    runningId: z.number().nullable(),
  }),
  handler: (ctx) => backupStatus(ctx.core),
});

export const backupSetPolicyOperation = defineOperation({
  ...backupMeta['backup.setPolicy'],
  input: input({
    folder: requiredText('备份文件夹', { max: 500 }),
    everyHours: integerIn('备份间隔（小时）', 1, 24 * 7),
    keep: integerIn('保留份数', 1, 365),
    enabled: bool('启用定时备份'),
  }),
  output: policySchema,
  handler: (ctx, i) => {
    if (!path.isAbsolute(i.folder)) throw fieldError('folder', '备份文件夹须填写完整路径，如 E:\\诉服台备份 或 /mnt/backup');
    try {
      fs.mkdirSync(i.folder, { recursive: true });
      fs.accessSync(i.folder, fs.constants.W_OK);
    } catch {
      throw fieldError('folder', '无法在该文件夹中写入备份，请检查路径、磁盘是否已接入以及写入权限');
    }
    const policy = { folder: path.resolve(i.folder), everyHours: i.everyHours, keep: i.keep, enabled: i.enabled };
    savePolicy(ctx, policy);
    return policy;
  },
});

export const backupStartOperation = defineOperation({
  ...backupMeta['backup.start'],
  input: z.object({}).optional(),
  output: z.object({ runId: z.number() }),
  handler: (ctx) => ({ runId: startBackup(ctx.core, 'manual').runId }),
});

export const backupProgressOperation = defineOperation({
  ...backupMeta['backup.progress'],
  input: input({ runId: positiveId('备份编号') }),
  output: jobSchema,
  handler: (_ctx, i) => {
    const job = backupJob(i.runId);
    if (!job) throw notFound('该备份任务');
    return { ...job };
  },
});

export const backupOperations = [backupStatusOperation, backupSetPolicyOperation, backupStartOperation, backupProgressOperation] as const;
