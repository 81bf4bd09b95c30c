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
    // the light tints antd derives from a dark navy come out grey; set them to a clear pale blue
    colorPrimaryBg: '#e8f0fa',
    colorPrimaryBgHover: '#d6e4f5',
    colorPrimaryBorder: '#a9c2e3',
    colorInfoBg: '#eef4fb',
    colorInfoBorder: '#b7cde9',
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#16375f', headerHeight: 52, headerPadding: '0 20px', siderBg: '#ffffff' },
    Table: { cellPaddingBlockSM: 6, headerBg: '#f5f7fa' },
    Menu: {
      itemHeight: 38,
      subMenuItemBg: '#ffffff',
      itemSelectedBg: '#e3edf9',
      itemSelectedColor: '#1d4e89',
      itemActiveBg: '#d6e4f5',
      itemHoverBg: '#f0f4fa',
    },
    Card: { headerFontSize: 15 },
  },
};
