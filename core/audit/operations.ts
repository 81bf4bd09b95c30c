import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../db/schema';
import { defineOperation } from '../api/contract';
import { auditMeta } from './meta';
import { input, integerIn, optionalText } from '../api/fields';
import { verifyInProgress, verifyStore } from './verifyInWorker';
import { describeAuditRow } from './describe';
import { auditFields, operationFieldLabels } from './fieldLabels';
import { registry } from '../api/registry';
import type { AnyOp } from '../api/contract';

const auditRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  operation: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  hash: z.string(),
  /** the operation's Chinese label (the operation name when no area declares it) */
  operationLabel: z.string(),
  /** what the entity is (案件, 文书, 用户 …) and the object as a person recognises it (案号, 文书名称, 用户名) */
  subject: z.object({ label: z.string(), name: z.string().nullable() }),
  /** before/after as named fields (Chinese names from the operations' input declarations), changed ones marked */
  fields: z.array(
    z.object({ key: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable(), changed: z.boolean() }),
  ),
});

/** The operation an audit row names (undefined for audit-only events such as auth.loginFailed). */
function operationNamed(name: string): AnyOp | undefined {
  for (const a of registry.areas) for (const op of a.operations) if (op.name === name) return op;
  return undefined;
}

export const listAuditOperation = defineOperation({
  ...auditMeta['audit.list'],
  input: input({
    beforeId: integerIn('起始编号', 1, Number.MAX_SAFE_INTEGER).optional(),
    limit: integerIn('每页条数', 1, 200).default(50),
    operation: optionalText('操作', { max: 64 }),
  }),
  output: z.object({ rows: z.array(auditRowSchema), nextBeforeId: z.number().nullable() }),
  handler: (ctx, i) => {
    const where: SQL[] = [];
    if (i.beforeId) where.push(lt(auditLog.id, i.beforeId));
    if (i.operation) where.push(eq(auditLog.operation, i.operation));
    const rows = ctx.core.db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        operation: auditLog.operation,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(i.limit)
      .all();
    const last = rows.at(-1);
    const named = rows.map((r) => ({
      ...r,
      ...describeAuditRow(ctx.core.db, r),
      fields: auditFields(operationFieldLabels(ctx.core, operationNamed(r.operation)), r.before, r.after),
    }));
    return { rows: named, nextBeforeId: rows.length === i.limit && last ? last.id : null };
  },
});

export const verifyAuditOperation = defineOperation({
  ...auditMeta['audit.verify'],
  input: z.object({}).optional(),
  output: z.object({
    ok: z.boolean(),
    integrity: z.string(),
    foreignKeyViolations: z.number(),
    auditRows: z.number(),
    firstBroken: z.object({ id: z.number(), reason: z.string() }).optional(),
    mode: z.enum(['full', 'quick']),
    keyedRows: z.number(),
    recordsChecked: z.number(),
    tampered: z.array(
      z.object({
        kind: z.string(),
        id: z.string(),
        name: z.string(),
        fields: z.array(z.string()),
        auditId: z.number(),
        message: z.string(),
      }),
    ),
    problems: z.array(z.string()),
    notes: z.array(z.string()),
  }),
  // in a worker thread: the host keeps answering every desk while a large store is checked
  handler: (ctx) => verifyStore(ctx.core),
});

export const verifyProgressOperation = defineOperation({
  ...auditMeta['audit.verifyProgress'],
  input: z.object({}).optional(),
  output: z.object({
    running: z.boolean(),
    startedAt: z.string().nullable(),
    phase: z.enum(['integrity', 'chain', 'records']).nullable(),
    done: z.number(),
    total: z.number(),
  }),
  handler: (ctx) => {
    const run = verifyInProgress(ctx.core);
    return {
      running: run !== null,
      startedAt: run?.startedAt ?? null,
      phase: run?.progress?.phase ?? null,
      done: run?.progress?.done ?? 0,
      total: run?.progress?.total ?? 0,
    };
  },
});

export const auditOperations = [listAuditOperation, verifyAuditOperation, verifyProgressOperation] as const;
