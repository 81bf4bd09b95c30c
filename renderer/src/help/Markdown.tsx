import { Fragment, type ReactNode } from 'react';

/**
 * A small markdown renderer for the user guide: headings (their `{#id}` anchors dropped), paragraphs, lists,
 * block quotes, tables, code, images, **bold** and `code`. The guide is written for it; nothing else is parsed, and
 * no HTML in the text is ever interpreted (text is rendered as text).
 */
const IMAGES = import.meta.glob('../../../docs/guide/*.png', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

function imageUrl(src: string): string | undefined {
  const name = src.split('/').pop();
  return Object.entries(IMAGES).find(([k]) => k.endsWith(`/${name}`))?.[1];
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\))/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const t = m[0];
    if (t.startsWith('**')) out.push(<strong key={n++}>{t.slice(2, -2)}</strong>);
    else if (t.startsWith('`')) out.push(<code key={n++}>{t.slice(1, -1)}</code>);
    else out.push(<Fragment key={n++}>{/^\[([^\]]+)\]/.exec(t)![1]}</Fragment>);
    last = m.index + t.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source }: { source: string }) {
  const lines = source.split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  let key = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const h = /^(#{1,4})\s+(.*?)\s*(?:\{#[a-z0-9-]+\})?\s*$/.exec(line);
    if (h) {
      const level = Math.min(h[1]!.length + 1, 5);
      const Tag = `h${level}` as 'h2';
      blocks.push(<Tag key={key++}>{inline(h[2]!)}</Tag>);
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith('```')) code.push(lines[i++]!);
      i++;
      blocks.push(<pre key={key++}>{code.join('\n')}</pre>);
      continue;
    }
    const img = /^!\[([^\]]*)\]\(([^)]+)\)\s*$/.exec(line);
    if (img) {
      const url = imageUrl(img[2]!);
      blocks.push(url ? <img key={key++} src={url} alt={img[1]} className="guide-image" /> : <p key={key++}>（图：{img[1]}）</p>);
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i]!)) items.push(lines[i++]!.replace(/^\s*([-*]|\d+\.)\s+/, ''));
      const List = ordered ? 'ol' : 'ul';
      blocks.push(
        <List key={key++}>
          {items.map((t, j) => (
            <li key={j}>{inline(t)}</li>
          ))}
        </List>,
      );
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) {
        const cells = lines[i++]!.split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
      }
      blocks.push(
        <table key={key++} className="guide-table">
          <tbody>
            {rows.map((r, j) => (
              <tr key={j}>{r.map((c, k) => (j === 0 ? <th key={k}>{inline(c)}</th> : <td key={k}>{inline(c)}</td>))}</tr>
            ))}
          </tbody>
        </table>,
      );
      continue;
    }
    if (line.startsWith('>')) {
      const quote: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('>')) quote.push(lines[i++]!.replace(/^>\s?/, ''));
      blocks.push(<blockquote key={key++}>{inline(quote.join(' '))}</blockquote>);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#|```|!\[|\||>|\s*([-*]|\d+\.)\s)/.test(lines[i]!)) para.push(lines[i++]!);
    blocks.push(<p key={key++}>{inline(para.join(''))}</p>);
  }
  return <div className="guide-markdown">{blocks}</div>;
}
