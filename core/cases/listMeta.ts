import { defineListMeta } from '../lists/define';
import { ALL_CASE_TYPES } from './types';

/** Case statuses the registers write (the counter's initial status, mediation's conversions). */
export const CASE_STATUSES = { 已立案: '已立案', 已登记: '已登记', 审理中: '审理中', 已转立案: '已转立案' } as const;

/** 案件列表 (issue 15): every case of every type; bound to SQL in core/cases/browse.ts. */
export const casesList = defineListMeta({
  what: 'cases',
  label: '案件',
  operation: 'cases.browse',
  columns: [
    { key: 'number', label: '案号', kind: 'text', width: 26 },
    { key: 'caseType', label: '类型', kind: 'text', width: 8 },
    { key: 'receivedOn', label: '收案日期', kind: 'date', sortable: true },
    { key: 'causeName', label: '案由', kind: 'text', width: 20 },
    { key: 'parties', label: '当事人', kind: 'text', width: 30 },
    { key: 'amountFen', label: '标的额', kind: 'money' },
    { key: 'status', label: '状态', kind: 'text', width: 10 },
    { key: 'judge', label: '承办法官', kind: 'text', width: 10 },
    { key: 'dueOn', label: '审限届满', kind: 'date' },
    { key: 'code', label: '案件码', kind: 'text', visible: false },
    { key: 'seq', label: '登记序号', kind: 'integer', sortable: true, visible: false },
  ],
  filters: [
    { key: 'caseType', label: '类型', kind: 'enum', options: Object.fromEntries(ALL_CASE_TYPES.map((t) => [t, t])) },
    { key: 'status', label: '状态', kind: 'enum', options: CASE_STATUSES },
    { key: 'received', label: '收案日期', kind: 'dateRange' },
    { key: 'cause', label: '案由', kind: 'text', placeholder: '案由中的字词' },
    { key: 'judge', label: '承办法官', kind: 'choice', choices: 'judges' },
    { key: 'overdue', label: '超审限', kind: 'flag' },
  ],
  dateFilter: 'received',
  defaultSort: { key: 'receivedOn', dir: 'desc' },
  searchHint: '案号、登记号、当事人（单位名称的一部分）、身份证号后六位、电话',
});

/** The fields a sheet sent by another body is mapped to (core/cases/importSheet.ts), with the header texts recognised. */
export const IMPORT_FIELDS = {
  receivedOn: { label: '收案日期', synonyms: ['收案日期', '收到日期', '移送日期', '登记日期', '受理日期', '日期'] },
  cause: { label: '案由', synonyms: ['案由', '纠纷类型', '纠纷类别', '纠纷种类'] },
  amount: { label: '标的额（元）', synonyms: ['标的额', '争议金额', '涉案金额', '金额'] },
  applicantName: { label: '申请人（原告）', synonyms: ['申请人', '原告', '申请人姓名', '申请人名称', '申请方'] },
  applicantId: {
    label: '申请人证件号码',
    synonyms: ['申请人身份证号码', '申请人身份证号', '申请人证件号码', '申请人统一社会信用代码', '申请人证件号'],
  },
  applicantPhone: { label: '申请人电话', synonyms: ['申请人电话', '申请人联系电话', '申请人手机'] },
  applicantAddress: { label: '申请人住址', synonyms: ['申请人住址', '申请人地址', '申请人住所地'] },
  applicantRepresentative: { label: '申请人法定代表人', synonyms: ['申请人法定代表人', '申请人负责人'] },
  applicantRepresentativeTitle: { label: '申请人法定代表人职务', synonyms: ['申请人法定代表人职务', '申请人负责人职务'] },
  respondentName: { label: '被申请人（被告）', synonyms: ['被申请人', '被告', '被申请人姓名', '被申请人名称', '对方当事人', '被申请方'] },
  respondentId: {
    label: '被申请人证件号码',
    synonyms: ['被申请人身份证号码', '被申请人身份证号', '被申请人证件号码', '被申请人统一社会信用代码', '被申请人证件号'],
  },
  respondentPhone: { label: '被申请人电话', synonyms: ['被申请人电话', '被申请人联系电话', '被申请人手机'] },
  respondentAddress: { label: '被申请人住址', synonyms: ['被申请人住址', '被申请人地址', '被申请人住所地'] },
  respondentRepresentative: { label: '被申请人法定代表人', synonyms: ['被申请人法定代表人', '被申请人负责人'] },
  respondentRepresentativeTitle: { label: '被申请人法定代表人职务', synonyms: ['被申请人法定代表人职务', '被申请人负责人职务'] },
  claims: { label: '请求事项', synonyms: ['请求事项', '诉讼请求', '调解请求', '申请事项'] },
  facts: { label: '事实与理由', synonyms: ['事实与理由', '纠纷简要情况', '案情简介', '简要案情'] },
  reference: { label: '来源编号', synonyms: ['来源编号', '移送编号', '原编号', '编号', '序号'] },
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_KEYS = Object.keys(IMPORT_FIELDS) as [ImportField, ...ImportField[]];

export const IMPORT_SOURCES = {
  zongzhi: '综治中心',
  people: '人民调解委员会',
  other: '其他单位',
} as const;
export type ImportSource = keyof typeof IMPORT_SOURCES;
