import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The parties area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const partiesMeta = defineMeta({
  'parties.search': {
    label: '查找当事人',
    summary: '立案时查找已登记的当事人：姓名或单位名称开头、身份证号或电话开头；证件号打码显示',
    access: ROLE_GROUPS.counter,
  },
  'parties.history': {
    label: '查看当事人更正记录',
    summary: '当事人的更正记录（每次更正前的信息、理由、时间）',
    access: ROLE_GROUPS.partyHistory,
  },
});
