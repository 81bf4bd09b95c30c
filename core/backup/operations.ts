import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { fieldError, notFound } from '../api/errors';
import { bool, input, integerIn, positiveId, requiredText } from '../api/fields';
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
  name: 'backup.status',
  summary: '数据备份：备份策略、最近的备份及其校验结果，超过备份间隔时给出提醒',
  label: '查看数据备份',
  access: ['admin'],
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
  name: 'backup.setPolicy',
  summary: '设置定时备份：备份文件夹（如移动硬盘或网络共享）、间隔小时数、保留份数',
  label: '设置数据备份',
  access: ['admin'],
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
  name: 'backup.start',
  summary: '立即备份：在后台复制数据库（不影响他人使用），返回进度编号',
  label: '立即备份',
  access: ['admin'],
  input: z.object({}).optional(),
  output: z.object({ runId: z.number() }),
  handler: (ctx) => ({ runId: startBackup(ctx.core, 'manual').runId }),
});

export const backupProgressOperation = defineOperation({
  name: 'backup.progress',
  summary: '备份进度：已复制的页数、结果和备份文件',
  label: '查看备份进度',
  access: ['admin'],
  input: input({ runId: positiveId('备份编号') }),
  output: jobSchema,
  handler: (_ctx, i) => {
    const job = backupJob(i.runId);
    if (!job) throw notFound('该备份任务');
    return { ...job };
  },
});

export const backupOperations = [backupStatusOperation, backupSetPolicyOperation, backupStartOperation, backupProgressOperation] as const;
