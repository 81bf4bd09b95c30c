import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { MenuItemConstructorOptions } from 'electron';
import { aboutDetail, menuTemplate } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
}
function submenu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = items.find((i) => i.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu as MenuItemConstructorOptions[];
}

describe('application menu', () => {
  const onAbout = vi.fn();

  it('has the Chinese menus with their items', () => {
    const t = menuTemplate({ packaged: true, platform: 'win32', onAbout });
    expect(labels(t)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(t, '文件'))).toEqual(['退出']);
    expect(labels(submenu(t, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(submenu(t, '视图'))).toEqual(['重新加载', '实际大小', '放大', '缩小']);
    expect(labels(submenu(t, '帮助'))).toEqual(['关于诉服台']);
    expect(
      submenu(t, '编辑')
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers the developer tools only when not packaged', () => {
    const dev = menuTemplate({ packaged: false, platform: 'linux', onAbout });
    expect(labels(submenu(dev, '视图'))).toContain('开发者工具');
    const shipped = menuTemplate({ packaged: true, platform: 'linux', onAbout });
    expect(JSON.stringify(shipped)).not.toContain('toggleDevTools');
  });

  it('opens the about box from 帮助', () => {
    const t = menuTemplate({ packaged: true, platform: 'linux', onAbout });
    const about = submenu(t, '帮助')[0]!;
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('puts the application menu first on macOS', () => {
    const t = menuTemplate({ packaged: true, platform: 'darwin', onAbout });
    expect(labels(t)).toEqual(['诉服台', '文件', '编辑', '视图', '帮助']);
    expect(labels(submenu(t, '诉服台'))).toContain('退出诉服台');
  });

  it('describes the version and the data folder in the about box', () => {
    const text = aboutDetail({ version: '0.1.0', electron: '45.4.1', chrome: '140.0', dataDir: '/home/a/.config/court-desk' });
    expect(text).toContain('版本 0.1.0');
    expect(text).toContain('数据目录：/home/a/.config/court-desk');
  });
});
