import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The documents area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const documentsMeta = defineMeta({
  'documents.templates': {
    label: '查看文书模板列表',
    summary: '文书模板列表：id、名称、使用中的版本（内置或本院版本）',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'documents.template': {
    label: '查看文书模板',
    summary: '一个文书模板：使用中的文本、内置文本、本院版本历史、样例数据',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'documents.checkTemplate': {
    label: '检查文书模板',
    summary: '检查修改后的模板文本（不保存）；有误时指出行号（管理员）',
    access: ROLE_GROUPS.admin,
  },
  'documents.saveTemplate': {
    label: '保存文书模板',
    summary: '保存本院的模板文本为新版本，下一份文书即使用（管理员）',
    access: ROLE_GROUPS.admin,
  },
  'documents.revertTemplate': {
    label: '恢复内置模板',
    summary: '恢复使用内置模板（记为新版本，历史保留）（管理员）',
    access: ROLE_GROUPS.admin,
  },
  'documents.preview': {
    label: '预览文书',
    summary: '预览文书（PDF，不登记）：给出的数据、由案件生成的数据或模板样例数据；管理员可预览未保存的模板文本',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'documents.draftData': {
    label: '准备文书数据',
    summary:
      '由案件生成文书数据（证件号码完整，与打印的文书一致）；案件中没有的内容取自样例数据，列在 missing / fromSample 中，须由经办人按实际填写',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.generate': {
    label: '生成文书',
    summary:
      '生成文书（PDF 或 DOCX）并登记：模板版本、数据、SHA-256、页数；案件时间线与审计日志同时记录。仍为模板样例的内容被拒绝（列出字段）；与已登记文书完全相同时须 confirmDuplicate 确认',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.browse': {
    label: '文书列表',
    summary: '文书列表：按生成日期、格式、文书名称、未打印筛选，按生成时间排序，按位置翻页',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.list': {
    label: '查看文书登记',
    summary: '文书登记簿：按案件、模板、生成日期、是否已打印查询，新文书在前，分页',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.get': {
    label: '查看文书',
    summary: '一份已登记的文书',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.reprint': {
    label: '重印文书',
    summary:
      '重新生成已登记的文书：登记时的模板版本、数据、日期和生成程序版本；identical 表示与登记的 SHA-256 一致，不一致时 reason 说明原因',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.markPrinted': {
    label: '登记文书已打印',
    summary: '记录文书已打印（打印次数、最后打印时间和人员）；案件时间线与审计日志同时记录',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.batchStart': {
    label: '开始批量打印',
    summary: '批量打印：把所选文书（最多 1000 份）合成一个 PDF，每份从新页开始、各自编页码；返回任务号，进度用 documents.batchStatus 查询',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.batchStatus': {
    label: '查看批量打印进度',
    summary: '批量打印任务的进度',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.batchResult': {
    label: '取得批量打印结果',
    summary: '批量打印的 PDF 及每份文书的起始页和页数（任务完成 10 分钟后清除）',
    access: ROLE_GROUPS.caseReaders,
  },
  'documents.fontSettings': {
    label: '查看文书字体',
    summary: '本院文书字体文件（正文、正文加粗、标题）；未设置时使用随程序提供的思源宋体（Noto Serif SC）',
    access: ROLE_GROUPS.admin,
  },
  'documents.setFontSettings': {
    label: '修改文书字体',
    summary:
      '设置本院文书字体：写字体文件夹中的文件名（须先上传；.ttc 写作 文件名#字体名），不接受路径；留空则用随程序提供的字体（管理员）',
    access: ROLE_GROUPS.admin,
  },
  'documents.fontFiles': {
    label: '查看字体文件',
    summary: '数据目录字体文件夹中的字体文件（文件名和大小）',
    access: ROLE_GROUPS.admin,
  },
  'documents.uploadFont': {
    label: '上传字体文件',
    summary: '上传本院有授权的字体文件到字体文件夹（TrueType/OpenType，.ttf/.otf/.ttc，至多 40 MB；按文件头校验并试解析）',
    access: ROLE_GROUPS.admin,
  },
});

/** Audit-log operations of this area that are not API operations, with their Chinese label (the audit page's filter). */
export const auditEvents = { 'templates.save': '保存文书模板', 'templates.revert': '恢复内置模板' } as const;
