import { defineArea } from '../api/area';
import { systemOperations } from './operations';

/** 系统管理: the host's own state (core/system). */
export { readHostLog, type HostLogEntry } from './hostLog';
export { systemMeta } from './meta';

export const systemArea = defineArea({
  name: 'system',
  label: '系统管理',
  operations: systemOperations,
});
