import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** app.isPackaged: the developer tools item exists only in development */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** shows the 关于诉服台 box */
  onAbout: () => void;
}

/**
 * The application menu, in Chinese. Items use Electron roles, so shortcuts (Ctrl/⌘+C …) and the
 * platform behaviour come for free. On macOS the first menu is the application menu, named after the app.
 */
export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: '关于诉服台', click: () => opts.onAbout() };

  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', role: 'reload' },
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
  ];
  if (!opts.packaged) view.push({ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: '诉服台',
      submenu: [
        about,
        { type: 'separator' },
        { label: '隐藏诉服台', role: 'hide' },
        { label: '隐藏其他', role: 'hideOthers' },
        { type: 'separator' },
        { label: '退出诉服台', role: 'quit' },
      ],
    });
  }
  template.push(
    { label: '文件', submenu: [mac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', role: 'help', submenu: [about] },
  );
  return template;
}

/** Text of the 关于诉服台 box. */
export function aboutDetail(info: { version: string; electron: string; chrome: string; dataDir: string }): string {
  return [`版本 ${info.version}`, `Electron ${info.electron}（Chromium ${info.chrome}）`, `数据目录：${info.dataDir}`].join('\n');
}
