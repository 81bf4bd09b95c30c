import type { ThemeConfig } from 'antd';

/** A calm, dense look for an internal court tool: navy accents, 14px text, small radii. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4e89',
    colorInfo: '#1d4e89',
    colorLink: '#1d4e89',
    fontSize: 14,
    borderRadius: 4,
    colorBgLayout: '#f3f5f8',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#16375f', headerHeight: 52, headerPadding: '0 20px', siderBg: '#ffffff' },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f5f7fa' },
    Menu: { itemHeight: 38, subMenuItemBg: '#ffffff' },
    Card: { headerFontSize: 15 },
  },
};
