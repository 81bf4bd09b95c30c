import { describe, expect, it } from 'vitest';
import guide from '../../../docs/用户手册.md?raw';
import { guideSections, HELP_FOR_PATH, sectionForPath } from './guide';

describe('the user guide in the desk (F1)', () => {
  it('splits the guide into sections by their anchors, each up to the next heading of its level', () => {
    const s = guideSections('# 手册\n\n## 立案 {#counter}\n正文\n### 小节\n细节\n## 调解 {#mediation}\n调解正文\n');
    expect(s.map((x) => x.id)).toEqual(['counter', 'mediation']);
    expect(s[0]!.markdown).toBe('## 立案 {#counter}\n正文\n### 小节\n细节');
    expect(s[0]!.title).toBe('立案');
  });

  it('picks the section of the page in use: the longest prefix', () => {
    expect(sectionForPath('/cases/new')).toBe('counter');
    expect(sectionForPath('/cases/12')).toBe('cases');
    expect(sectionForPath('/admin/backup')).toBe('backup');
    expect(sectionForPath('/admin/users')).toBe('admin');
    expect(sectionForPath('/stats/mediation')).toBe('stats');
    expect(sectionForPath('/')).toBe('home');
    expect(sectionForPath('/casesx')).toBe('home');
  });

  it('the guide has a section for every page the desk maps to one', () => {
    const ids = new Set(guideSections(guide).map((s) => s.id));
    for (const [, id] of HELP_FOR_PATH) expect(ids.has(id), id).toBe(true);
  });
});
