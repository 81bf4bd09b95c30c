import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { ApiError } from '../api/errors';
import { noInput } from '../api/fields';
import { mayCall } from '../api/meta';
import { registry } from '../api/registry';
import type { CallContext } from '../context';
import { XLSX_MIME } from '../excel';
import { exportFileName, exportListBytes } from './export';
import { listsMeta } from './meta';
import { listInputSchema, type ListInput } from './query';
import { REGISTERS, type RegisterName } from './registers';

/** The register's own list operation decides who may export it: whoever may read the list. */
function checkMayRead(ctx: CallContext, what: RegisterName): void {
  const name = REGISTERS[what].meta.operation;
  const op = registry.areas.flatMap((a) => [...a.operations]).find((o) => o.name === name);
  if (!op || !mayCall(op.access, ctx.actor?.roles ?? null)) throw new ApiError('FORBIDDEN', `无权导出${REGISTERS[what].meta.label}列表`);
}

const exportInput = z.discriminatedUnion(
  'what',
  (Object.entries(REGISTERS) as [RegisterName, (typeof REGISTERS)[RegisterName]][]).map(([what, b]) =>
    listInputSchema(b.meta).extend({ what: z.literal(what) }),
  ) as unknown as [ReturnType<typeof listInputSchema>, ...ReturnType<typeof listInputSchema>[]],
  { error: '导出内容不是有效的选项' },
) as unknown as z.ZodType<ListInput & { what: RegisterName }, z.input<ReturnType<typeof listInputSchema>> & { what: RegisterName }>;

export const exportOperation = defineOperation({
  ...listsMeta['lists.export'],
  input: exportInput,
  output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), rows: z.number() }),
  handler: async (ctx, i) => {
    const what = i.what;
    checkMayRead(ctx, what);
    const b = REGISTERS[what];
    const { bytes, rows } = await exportListBytes(ctx.core, b, i);
    return { fileName: exportFileName(b, ctx.core), mime: XLSX_MIME, base64: bytes.toString('base64'), rows };
  },
});

const choice = z.object({ value: z.number(), label: z.string() });

export const choicesOperation = defineOperation({
  ...listsMeta['lists.choices'],
  input: noInput,
  output: z.object({ judges: z.array(choice), mediationOrgs: z.array(choice), mediators: z.array(choice) }),
  handler: (ctx) => {
    const all = (sql: string) => ctx.core.sqlite.prepare(sql).all() as { value: number; label: string }[];
    return {
      judges: all(`SELECT u.id AS value, u.display_name AS label FROM users u
        WHERE u.disabled = 0 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'judge') ORDER BY u.display_name`),
      mediationOrgs: all(`SELECT id AS value, name AS label FROM mediation_orgs ORDER BY name`),
      mediators: all(`SELECT id AS value, name AS label FROM mediators ORDER BY name`),
    };
  },
});

export const listsOperations = [exportOperation, choicesOperation] as const;
