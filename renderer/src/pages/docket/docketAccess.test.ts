import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ROLE_KEYS, type Role } from '../../../../core/api/roles';
import { mayCall } from '../../../../core/api/meta';
import { docketMeta } from '../../../../core/docket/meta';
import { DOCKET_NAVIGATION } from './docketNavigation';
import { docketRoutes } from './docketRoutes';

type Op = keyof typeof docketMeta;

/** The operations each docket page calls as it opens, and those it offers as its own actions. */
const PAGES: Record<string, { load: Op[]; act?: Op[] }> = {
  '/docket/desk': { load: ['docket.mine', 'docket.myHearings'] },
  '/docket/triage': { load: ['docket.triageQueue', 'docket.previewTriage'], act: ['docket.triage'] },
  '/docket/centre': { load: ['docket.centre', 'docket.open'] },
  '/docket/settings': { load: ['docket.wageFigures', 'docket.settings'], act: ['docket.setWageFigure', 'docket.updateSettings'] },
};

const menu = new Map(DOCKET_NAVIGATION.children!.map((e) => [e.path, e.roles!]));
const guarded = new Map(
  docketRoutes.map((r) => {
    const route = r as ReactElement<{ path: string; element: ReactElement<{ role: readonly Role[] }> }>;
    return [`/${route.props.path}`, route.props.element.props.role];
  }),
);

describe('docket pages and their operations agree on who may use them', () => {
  for (const [path, { load, act = [] }] of Object.entries(PAGES)) {
    it(`${path}: the menu, the route guard and the operations name the same roles`, () => {
      const roles = menu.get(path)!;
      expect(guarded.get(path), 'route guard').toEqual(roles);
      for (const role of ROLE_KEYS) {
        const sees = roles.includes(role as never);
        // whoever sees the page can open it: every operation it loads answers them
        for (const op of load) if (sees) expect(mayCall(docketMeta[op].access, [role]), `${op} for ${role}`).toBe(true);
        // and the page's own actions are open to exactly the roles that see the page
        for (const op of act) expect(mayCall(docketMeta[op].access, [role]), `${op} for ${role}`).toBe(sees);
      }
    });
  }

  it('the 速裁工作量 figures are refused to every role whose menu hides the page', () => {
    const roles = menu.get('/docket/centre')!;
    for (const role of ROLE_KEYS) {
      for (const op of ['docket.centre', 'docket.open'] as const) {
        expect(mayCall(docketMeta[op].access, [role]), `${op} for ${role}`).toBe(roles.includes(role as never));
      }
    }
    // the counter (程序分流员, who also assigns and reassigns) is among them: its 今日工作 links here
    expect(roles).toContain('clerk');
  });
});
