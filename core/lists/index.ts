/**
 * 列表与导出 (issue 15): the list engine every register's list runs on (query.ts, bound per area in
 * core/<area>/browse.ts), the export of any list to Excel (export.ts) and the filter choices.
 */
import { defineArea } from '../api/area';
import { listsOperations } from './operations';

export { exportList, exportListBytes, exportFileName, DESK_EXPORT_MAX_ROWS } from './export';
export { REGISTERS, REGISTER_NAMES, type RegisterName } from './registers';
export { listPage, listRows, countRows, COUNT_CAP } from './query';

export const listsArea = defineArea({
  name: 'lists',
  label: '列表与导出',
  operations: listsOperations,
});
