import { defineMeta } from '../api/meta';

/** The numbering area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const numberingMeta = defineMeta({
  'numbering.parse': {
    label: '解析案号',
    summary: '解析案号（接受半角括号、全角数字、空格），返回规范写法和各组成部分',
    access: 'authenticated',
  },
  'numbering.preview': {
    label: '预览下一个案号',
    summary: '本年度各类型的下一个案号和下一个中心登记号（只读，不占号）',
    access: 'authenticated',
  },
});
