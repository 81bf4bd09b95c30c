import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { partiesMeta } from './meta';
import { input, integerIn, positiveId } from '../api/fields';
import { inGroup } from '../auth';
import { partyRevisionsOf, partyView, searchParties } from './service';

export const partyViewSchema = z.object({
  id: z.number(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  idType: z.string(),
  idNumber: z.string().nullable(),
  idMasked: z.boolean(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  representative: z.string().nullable(),
  representativeTitle: z.string().nullable(),
  revision: z.number(),
});

export const searchPartiesOperation = defineOperation({
  ...partiesMeta['parties.search'],
  input: input({ q: z.string({ error: '请输入查询内容' }).max(40), limit: integerIn('条数', 1, 50).default(10) }),
  output: z.array(partyViewSchema.extend({ caseCount: z.number() })),
  handler: (ctx, i) => searchParties(ctx.core.db, i.q, i.limit).map((p) => ({ ...partyView(p, false), caseCount: p.caseCount })),
});

export const partyHistoryOperation = defineOperation({
  ...partiesMeta['parties.history'],
  input: input({ id: positiveId('当事人编号') }),
  output: z.array(z.object({ revision: z.number(), reason: z.string(), changedAt: z.string(), before: partyViewSchema })),
  handler: (ctx, i) =>
    partyRevisionsOf(ctx.core.db, i.id).map((r) => ({
      revision: r.revision,
      reason: r.reason,
      changedAt: r.changedAt,
      before: partyView(JSON.parse(r.before), inGroup(ctx.actor?.roles ?? [], 'unmask')),
    })),
});

export const partyOperations = [searchPartiesOperation, partyHistoryOperation] as const;
