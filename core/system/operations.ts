import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { input, integerIn, oneOf } from '../api/fields';
import { readHostLog } from './hostLog';
import { systemMeta } from './meta';

const hostLogEntrySchema = z.object({
  time: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
  operation: z.string().nullable(),
  user: z.string().nullable(),
  status: z.number().nullable(),
  ms: z.number().nullable(),
  code: z.string().nullable(),
  address: z.string().nullable(),
});

/** 系统管理 → 运行日志: the last entries of the host log (issue 11 item 9), read off the event loop. */
export const systemLogOperation = defineOperation({
  ...systemMeta['system.log'],
  input: input({
    limit: integerIn('条数', 1, 1000).optional(),
    level: oneOf('级别', ['info', 'warn', 'error'] as const).optional(),
  }),
  output: z.object({ entries: z.array(hostLogEntrySchema), hostLog: z.boolean() }),
  handler: async (ctx, i) => {
    if (!ctx.core.dataDir) return { entries: [], hostLog: false };
    return { entries: await readHostLog(ctx.core.dataDir, i.limit ?? 200, i.level), hostLog: true };
  },
});

export const systemOperations = [systemLogOperation] as const;
