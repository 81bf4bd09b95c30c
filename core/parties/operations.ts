import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { conflict, fieldError, notFound } from '../api/errors';
import { input, integerIn, positiveId, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit/transaction';
import { caseEventActor, updatePartyCases } from '../cases/reindexQueue';
import { mayUnmask } from '../cases/service';
import { dateShanghai, isoShanghai } from '../time/clock';
import { partyInputSchema } from './schemas';
import { correctParty, findPartyByIdentity, getParty, partyRevisionsOf, partyView, searchParties } from './service';

const COUNTER = ['clerk', 'mediation'] as const;

const partyViewSchema = z.object({
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
  name: 'parties.search',
  summary: '立案时查找已登记的当事人：姓名或单位名称开头、身份证号或电话开头；证件号打码显示',
  access: COUNTER,
  input: input({ q: z.string({ error: '请输入查询内容' }).max(40), limit: integerIn('条数', 1, 50).default(10) }),
  output: z.array(partyViewSchema.extend({ caseCount: z.number() })),
  handler: (ctx, i) => searchParties(ctx.core.db, i.q, i.limit).map((p) => ({ ...partyView(p, false), caseCount: p.caseCount })),
});

export const correctPartyOperation = defineOperation({
  name: 'parties.correct',
  summary: '更正当事人信息（须写明理由）；原信息保留在更正记录中，相关案件的时间线和检索同步更新',
  access: COUNTER,
  input: (core) =>
    input({
      id: positiveId('当事人编号'),
      party: partyInputSchema(dateShanghai(core.clock.now())),
      reason: requiredText('更正理由', { max: 200 }),
    }),
  output: z.object({ party: partyViewSchema, changed: z.array(z.string()) }),
  handler: (ctx, i) =>
    writeTransaction(ctx.core, (tx) => {
      const existing = getParty(tx, i.id);
      if (!existing) throw notFound('当事人');
      if (existing.kind !== i.party.kind) throw fieldError('party.kind', '不能把自然人更正为单位（或相反），请另行登记');
      if (i.party.idNumber && i.party.idNumber !== existing.idNumber) {
        const other = findPartyByIdentity(tx, i.party.idType, i.party.idNumber);
        if (other && other.id !== existing.id) throw conflict(`该证件号码已登记为当事人“${other.name}”`, 'party.idNumber');
      }
      const { kind: _kind, ...fields } = i.party;
      const changed = correctParty(tx, ctx.core.clock, existing, { ...fields, idNumber: i.party.idNumber }, i.reason, ctx.actor?.userId ?? null);
      if (changed.length > 0) {
        // its cases' search rows (only when a searched field changed) and timelines; chunked for a large party
        updatePartyCases(tx, ctx.core, existing.id, changed, isoShanghai(ctx.core.clock.now()), {
          ...caseEventActor(ctx),
          at: isoShanghai(ctx.core.clock.now()),
          kind: 'party.corrected',
          summary: `更正当事人“${existing.name}”的信息：${i.reason}`,
          data: { partyId: existing.id, changed },
        });
        audit(tx, ctx, { operation: 'parties.correct', entityType: 'party', entityId: existing.id, before: existing, after: getParty(tx, existing.id) });
      }
      return { party: partyView(getParty(tx, existing.id)!, mayUnmask(ctx)), changed };
    }),
});

export const partyHistoryOperation = defineOperation({
  name: 'parties.history',
  summary: '当事人的更正记录（每次更正前的信息、理由、时间）',
  access: ['clerk', 'mediation', 'judge', 'approver'],
  input: input({ id: positiveId('当事人编号') }),
  output: z.array(z.object({ revision: z.number(), reason: z.string(), changedAt: z.string(), before: partyViewSchema })),
  handler: (ctx, i) =>
    partyRevisionsOf(ctx.core.db, i.id).map((r) => ({
      revision: r.revision,
      reason: r.reason,
      changedAt: r.changedAt,
      before: partyView(JSON.parse(r.before), mayUnmask(ctx)),
    })),
});

export const partyOperations = [searchPartiesOperation, correctPartyOperation, partyHistoryOperation] as const;
