/**
 * The user guide (docs/用户手册.md) inside the desk: F1 opens the section of the page in use. Pure functions — the
 * markdown is split into sections by their `{#id}` anchors, and a page's address picks its section — so they are
 * tested without a browser (guide.test.ts).
 */

export interface GuideSection {
  id: string;
  title: string;
  level: number;
  /** the section's markdown, its heading included, up to the next heading of the same or a higher level */
  markdown: string;
}

const HEADING = /^(#{1,4})\s+(.*?)\s*(?:\{#([a-z0-9-]+)\})?\s*$/;

export function guideSections(markdown: string): GuideSection[] {
  const lines = markdown.split('\n');
  const heads: { line: number; level: number; title: string; id: string | undefined }[] = [];
  let fenced = false;
  lines.forEach((l, i) => {
    if (l.startsWith('```')) fenced = !fenced;
    const m = !fenced ? HEADING.exec(l) : null;
    if (m) heads.push({ line: i, level: m[1]!.length, title: m[2]!, id: m[3] });
  });
  return heads
    .filter((h) => h.id)
    .map((h) => {
      const end = heads.find((n) => n.line > h.line && n.level <= h.level)?.line ?? lines.length;
      return { id: h.id!, title: h.title, level: h.level, markdown: lines.slice(h.line, end).join('\n').trim() };
    });
}

/** Page address → guide section: the longest matching prefix wins (/cases/new before /cases). */
export const HELP_FOR_PATH: [prefix: string, section: string][] = [
  ['/cases/new', 'counter'],
  ['/cases', 'cases'],
  ['/documents', 'printing'],
  ['/mediation', 'mediation'],
  ['/confirmation', 'confirmation'],
  ['/docket', 'docket'],
  ['/fees', 'fees'],
  ['/stats', 'stats'],
  ['/admin/backup', 'backup'],
  ['/admin/fees', 'fees'],
  ['/admin', 'admin'],
  ['/', 'home'],
];

export function sectionForPath(pathname: string): string {
  const hit = HELP_FOR_PATH.filter(([p]) => pathname === p || pathname.startsWith(p === '/' ? '/' : `${p}/`) || pathname === p).sort(
    (a, b) => b[0].length - a[0].length,
  )[0];
  return hit?.[1] ?? 'home';
}
