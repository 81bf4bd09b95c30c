import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { causesMeta } from './meta';
import { input, integerIn } from '../api/fields';
import { isIsoDate } from '../time/clock';
import { catalogueShipped, listRevisions, revisionFor, searchCauses } from './catalogue';

const entrySchema = z.object({
  revision: z.string(),
  no: z.string(),
  name: z.string(),
  level: z.number(),
  group: z.string(),
  path: z.string(),
  initials: z.string(),
});

export const searchCausesOperation = defineOperation({
  ...causesMeta['causes.search'],
  input: input({
    q: z.string({ error: '请输入查询内容' }).max(40, { error: '查询内容不能超过 40 个字符' }),
    onDate: z.string({ error: '请填写收案日期' }).refine(isIsoDate, { error: '收案日期应为有效日期（年-月-日）' }),
    limit: integerIn('条数', 1, 200).default(20),
  }),
  output: z.object({
    revision: z.string().nullable(),
    /** false when no catalogue of that revision ships: the cause is then entered as text, flagged for review */
    catalogue: z.boolean(),
    label: z.string(),
    rows: z.array(entrySchema),
  }),
  handler: (_ctx, i) => {
    const revision = revisionFor(i.onDate);
    const info = listRevisions().find((r) => r.id === revision);
    return {
      revision,
      catalogue: revision ? catalogueShipped(revision) : false,
      label: info?.label ?? '无适用版本',
      rows: searchCauses({ q: i.q, onDate: i.onDate, limit: i.limit }).map((e) => ({
        revision: e.revision,
        no: e.no,
        name: e.name,
        level: e.level,
        group: e.group,
        path: e.path,
        initials: e.initials,
      })),
    };
  },
});

export const causeOperations = [searchCausesOperation] as const;
