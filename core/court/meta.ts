import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The court area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const courtMeta = defineMeta({
  'setup.status': {
    label: '查看设置状态',
    summary: '是否已完成首次设置；已设置时返回本院名称和代字',
    access: 'public',
  },
  'setup.initialise': {
    label: '首次设置',
    summary: '首次设置：登记本院全称、法院代字和管理员账户，并以管理员身份登录。仅在尚未设置时可用',
    access: 'public',
  },
  'settings.get': {
    label: '查看本院设置',
    summary: '本院设置：名称、代字、登记号格式、会话与锁定策略',
    access: 'authenticated',
  },
  'settings.update': {
    label: '修改本院设置',
    summary: '修改本院设置（管理员）。每项修改都记入审计日志',
    access: ROLE_GROUPS.admin,
  },
});
