import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { input, integerIn, optionalText, positiveId, requiredText } from '../api/fields';
import { fieldError } from '../api/errors';
import { dateShanghai } from '../time/clock';
import { caseSummaries, searchCaseIds } from './search';
import { caseView, fileCase, findCaseId, LINK_KINDS, linkCases, mayUnmask, type LinkKind } from './service';
import { fileCaseInput } from './schemas';
import { normaliseCaseCode } from './caseCode';
import { normaliseCaseNumber } from '../numbering/caseNumber';

const COUNTER = ['clerk', 'mediation'] as const;
const CASE_READERS = ['clerk', 'mediation', 'judge', 'print', 'approver'] as const;

const caseSummarySchema = z.object({
  id: z.number(),
  caseType: z.string(),
  number: z.string(),
  code: z.string(),
  receivedOn: z.string(),
  causeName: z.string(),
  status: z.string(),
  amountFen: z.number().nullable(),
  partiesText: z.string(),
});

// The case view is large and built in one place (service.ts caseView); its schema documents the top level.
const caseViewSchema = z.custom<ReturnType<typeof caseView>>();

export const fileCaseOperation = defineOperation({
  name: 'cases.file',
  summary: '立案登记：当事人、代理人、案由、金额、诉讼请求、收到材料；分配案号（或中心登记号）和案件码',
  access: COUNTER,
  input: (core) => fileCaseInput(dateShanghai(core.clock.now())),
  output: caseViewSchema,
  handler: (ctx, i) => fileCase(ctx, i),
});

export const getCaseOperation = defineOperation({
  name: 'cases.get',
  summary: '案件详情：当事人、代理人、案由、金额、关联案件、时间线。身份证号仅对需要的角色完整显示',
  access: CASE_READERS,
  input: input({
    id: positiveId('案件编号').optional(),
    number: optionalText('案号', { max: 40 }),
    code: optionalText('案件码', { max: 20 }),
  }),
  output: caseViewSchema,
  handler: (ctx, i) => {
    let by: { id?: number; number?: string; code?: string } = {};
    if (i.id !== undefined) by = { id: i.id };
    else if (i.number) {
      const number = normaliseCaseNumber(i.number);
      if (!number) throw fieldError('number', '案号格式不正确，应如（2026）浙0522民初1234号');
      by = { number };
    } else if (i.code) {
      const code = normaliseCaseCode(i.code);
      if (!code) throw fieldError('code', '案件码无效（校验位不符），请重新扫描或核对');
      by = { code };
    } else throw fieldError('id', '请提供案件编号、案号或案件码');
    return caseView(ctx.core.db, findCaseId(ctx.core.db, by), mayUnmask(ctx));
  },
});

export const searchCasesOperation = defineOperation({
  name: 'cases.search',
  summary: '查找案件：案号（全部或部分）、当事人姓名（含两字姓名）、身份证号、统一社会信用代码、电话、案件码；新案在前',
  access: CASE_READERS,
  input: input({ q: z.string({ error: '请输入查询内容' }).max(60, { error: '查询内容不能超过 60 个字符' }), limit: integerIn('条数', 1, 100).default(20) }),
  output: z.object({ rows: z.array(caseSummarySchema), matchedBy: z.enum(['code', 'number', 'text', 'name']).nullable() }),
  handler: (ctx, i) => {
    const { ids, matchedBy } = searchCaseIds(ctx.core.db, i.q, i.limit);
    return { rows: caseSummaries(ctx.core.db, ids), matchedBy };
  },
});

export const recentCasesOperation = defineOperation({
  name: 'cases.recent',
  summary: '最近登记的案件（新案在前）',
  access: CASE_READERS,
  input: input({ limit: integerIn('条数', 1, 100).default(20) }),
  output: z.array(caseSummarySchema),
  handler: (ctx, i) => {
    const ids = ctx.core.sqlite.prepare('SELECT id FROM cases ORDER BY id DESC LIMIT ?').pluck().all(i.limit) as number[];
    return caseSummaries(ctx.core.db, ids);
  },
});

export const linkCasesOperation = defineOperation({
  name: 'cases.link',
  summary: '关联两个案件：转立案（由 → 至）、关联案件、同一当事人；两案时间线均记录',
  access: COUNTER,
  input: input({
    fromId: positiveId('案件编号'),
    toId: positiveId('关联案件编号'),
    kind: z.enum(Object.keys(LINK_KINDS) as [LinkKind, ...LinkKind[]], { error: '关联类型不是有效的选项' }),
    note: optionalText('备注', { max: 200 }),
  }),
  output: z.object({ id: z.number(), fromCaseId: z.number(), toCaseId: z.number(), kind: z.string(), note: z.string().nullable(), createdAt: z.string() }),
  handler: (ctx, i) => linkCases(ctx, i.fromId, i.toId, i.kind, i.note),
});

export const caseOperations = [fileCaseOperation, getCaseOperation, searchCasesOperation, recentCasesOperation, linkCasesOperation] as const;

void requiredText;
