import { defineMeta } from '../api/meta';

/** The causes area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const causesMeta = defineMeta({
  'causes.search': {
    label: '查找案由',
    summary: '案由选择：按文字、拼音首字母（如 jdsg、mjjd）或编号查找收案日期适用版本的案由；常用案由优先',
    access: 'authenticated',
  },
});
