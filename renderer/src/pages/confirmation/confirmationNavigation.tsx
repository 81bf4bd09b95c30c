import { FileAddOutlined, FileProtectOutlined, PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../components/navigation';
import { ACCESS } from '../../../../core/confirmation/meta';
import type { Role } from '../../labels';

/** Who sees what (the operations' access lists in core/confirmation/meta.ts, never written twice). */
export const CONFIRMATION_READERS: readonly Role[] = ACCESS.read;
export const CONFIRMATION_COUNTER: readonly Role[] = ACCESS.counter;
export const CONFIRMATION_PRINTERS: readonly Role[] = [...ACCESS.print, 'clerk'];

/** The side menu's 司法确认 group. */
export const CONFIRMATION_NAVIGATION: NavEntry = {
  key: 'confirmation',
  label: '司法确认',
  icon: <FileProtectOutlined />,
  roles: CONFIRMATION_READERS,
  children: [
    { key: '/confirmation', path: '/confirmation', label: '司法确认登记簿', icon: <UnorderedListOutlined />, roles: CONFIRMATION_READERS },
    {
      key: '/confirmation/new',
      path: '/confirmation/new',
      label: '登记司法确认申请',
      icon: <FileAddOutlined />,
      roles: CONFIRMATION_COUNTER,
    },
    {
      key: '/confirmation/print',
      path: '/confirmation/print',
      label: '裁定书打印',
      icon: <PrinterOutlined />,
      roles: CONFIRMATION_PRINTERS,
    },
  ],
};
