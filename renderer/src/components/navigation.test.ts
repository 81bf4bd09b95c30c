import { describe, expect, it } from 'vitest';
import { mayOpen, NAVIGATION, selectedKey, visibleNavigation } from './navigation';

const keys = (entries: ReturnType<typeof visibleNavigation>): unknown[] =>
  entries.map((e) => (e.children ? { [e.key]: keys(e.children) } : e.key));

const READ_LISTS = ['/lists/cases', '/lists/mediations', '/lists/confirmations', '/lists/docket', '/lists/relief', '/lists/documents'];
// the counter also imports referral sheets (导入移送案件)
const lists = { lists: [...READ_LISTS, '/cases/import'] };
const stats = { stats: ['/stats', '/stats/cases', '/stats/mediation', '/stats/confirmation', '/stats/docket', '/stats/relief'] };

describe('side menu', () => {
  it('shows a clerk the counter pages and no empty 系统管理 group; readers only the search', () => {
    const fees = { fees: ['/fees/calculator', '/fees/relief/new', '/fees/relief', '/fees/follow-up', '/fees/totals'] };
    // the counter also files applications (登记司法确认申请); print staff only read and print
    const confirmation = { confirmation: ['/confirmation', '/confirmation/new', '/confirmation/print'] };
    expect(keys(visibleNavigation(NAVIGATION, ['clerk']))).toEqual([
      '/',
      '/cases/new',
      '/cases',
      '/documents',
      { mediation: ['/mediation'] },
      fees,
      confirmation,
      { docket: ['/docket/triage', '/docket/centre'] },
      lists,
      stats,
    ]);
    expect(keys(visibleNavigation(NAVIGATION, ['print']))).toEqual([
      '/',
      '/cases',
      '/documents',
      { mediation: ['/mediation'] },
      { fees: ['/fees/calculator', '/fees/follow-up'] },
      { confirmation: ['/confirmation', '/confirmation/print'] },
      { docket: ['/docket/centre'] },
      // print staff list what they print, and have no figures to act on
      { lists: READ_LISTS },
    ]);
    expect(keys(visibleNavigation(NAVIGATION, ['approver']))).toEqual([
      '/',
      '/cases',
      '/documents',
      { mediation: ['/mediation'] },
      { fees: ['/fees/calculator', '/fees/relief', '/fees/follow-up', '/fees/totals'] },
      { confirmation: ['/confirmation'] },
      { docket: ['/docket/centre', '/docket/settings'] },
      { lists: READ_LISTS },
      stats,
    ]);
  });

  it('shows an admin the 系统管理 pages', () => {
    const admin = {
      admin: [
        '/admin/users',
        '/admin/settings',
        '/admin/templates',
        '/admin/fees',
        '/admin/holidays',
        '/admin/audit',
        '/admin/backup',
        '/admin/log',
      ],
    };
    const fees = { fees: ['/fees/calculator', '/fees/relief/new', '/fees/relief', '/fees/follow-up', '/fees/totals'] };
    const confirmation = { confirmation: ['/confirmation', '/confirmation/new', '/confirmation/print'] };
    expect(keys(visibleNavigation(NAVIGATION, ['clerk', 'admin']))).toEqual([
      '/',
      '/cases/new',
      '/cases',
      '/documents',
      // an admin edits the mediation settings (调解设置)
      { mediation: ['/mediation', '/mediation/settings'] },
      fees,
      confirmation,
      { docket: ['/docket/triage', '/docket/centre', '/docket/settings'] },
      lists,
      stats,
      admin,
    ]);
    expect(keys(visibleNavigation(NAVIGATION, ['admin']))).toEqual([
      '/',
      { mediation: ['/mediation/settings'] },
      { fees: ['/fees/calculator', '/fees/follow-up', '/fees/totals'] },
      { docket: ['/docket/settings'] },
      { lists: ['/lists/relief'] },
      stats,
      admin,
    ]);
  });

  it('highlights the entry of the current page, including its sub-pages', () => {
    expect(selectedKey(NAVIGATION, '/')).toBe('/');
    expect(selectedKey(NAVIGATION, '/admin/users')).toBe('/admin/users');
    expect(selectedKey(NAVIGATION, '/admin/users/7')).toBe('/admin/users');
    expect(selectedKey(NAVIGATION, '/nowhere')).toBeUndefined();
    expect(selectedKey(NAVIGATION, '/cases/new')).toBe('/cases/new');
    expect(selectedKey(NAVIGATION, '/cases/12/receipt')).toBe('/cases');
    expect(selectedKey(NAVIGATION, '/fees/relief/new')).toBe('/fees/relief/new');
    expect(selectedKey(NAVIGATION, '/fees/relief')).toBe('/fees/relief');
    expect(selectedKey(NAVIGATION, '/cases/12/documents/new')).toBe('/cases');
    expect(selectedKey(NAVIGATION, '/admin/templates/notice')).toBe('/admin/templates');
  });

  it('tells whether a role may open a page its menu lists (the links of 今日工作)', () => {
    // 程序分流 is the clerk's; the mediation staff, who also see 今日工作, would meet the 403 page
    expect(mayOpen(NAVIGATION, ['clerk'], '/docket/triage')).toBe(true);
    expect(mayOpen(NAVIGATION, ['mediation'], '/docket/triage')).toBe(false);
    expect(mayOpen(NAVIGATION, ['mediation'], '/docket/centre')).toBe(true);
    expect(mayOpen(NAVIGATION, ['admin'], '/docket/centre')).toBe(false);
    // a page the menu does not list is not judged here
    expect(mayOpen(NAVIGATION, ['mediation'], '/cases/12')).toBe(true);
  });
});
