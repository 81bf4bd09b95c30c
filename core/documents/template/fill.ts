/** Filling a parsed template with data: placeholders through their filters, conditions, loops, tables. */
import { amountInWords, arabicDate, articleNo, chineseDate, chineseNumber, yuan } from '../chinese';
import type { DocumentModel, Run } from '../model';
import { toBlocks } from './blocks';
import type { FilterName } from './check';
import { TemplateError, type Cond, type Expr, type Inline, type Marker, type Node } from './syntax';
import type { Template } from './template';

export interface OutLine {
  marker: Marker | null;
  arg: string;
  runs: Run[];
  cells?: Run[][];
  line: number;
}

function lookup(e: Expr, scope: Map<string, unknown>, data: unknown): unknown {
  const [first, ...rest] = e.path;
  let v: unknown = scope.has(first!) ? scope.get(first!) : (data as Record<string, unknown>)?.[first!];
  for (const p of rest) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

export const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function applyFilters(e: Expr, value: unknown, fail: (m: string) => never): unknown {
  let v = value;
  for (const f of e.filters) {
    const name = f.name as FilterName;
    if (isEmpty(v) && name !== 'count' && name !== 'join') fail(`数据缺少字段：${e.path.join('.')}（{{${e.raw}}}）`);
    try {
      switch (name) {
        case 'chineseDate':
          v = chineseDate(String(v));
          break;
        case 'date':
          v = arabicDate(String(v));
          break;
        case 'articleNo':
          v = articleNo(v as number);
          break;
        case 'chineseNumber':
          v = chineseNumber(Number(v));
          break;
        case 'amountWords':
          v = amountInWords(v as number);
          break;
        case 'yuan':
          v = yuan(v as number);
          break;
        case 'pluck':
          v = (Array.isArray(v) ? v : []).map((x) =>
            x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[f.args[0]!] : undefined,
          );
          break;
        case 'join':
          v = (Array.isArray(v) ? v : []).filter((x) => !isEmpty(x)).join(f.args[0] ?? '、');
          break;
        case 'count':
          v = Array.isArray(v) ? v.length : 0;
          break;
      }
    } catch (err) {
      fail(`{{${e.raw}}}：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return v;
}

function truthy(c: Cond, scope: Map<string, unknown>, data: unknown, fail: (m: string) => never): boolean {
  const left = applyFilters({ ...c.left, filters: c.left.filters }, lookup(c.left, scope, data), fail);
  let r: boolean;
  if (!c.op) r = !isEmpty(left) && left !== false && left !== 0;
  else {
    const right = c.right && 'literal' in c.right ? c.right.literal : applyFilters(c.right!.expr, lookup(c.right!.expr, scope, data), fail);
    const eq = String(left ?? '') === String(right ?? '');
    r = c.op === '==' ? eq : !eq;
  }
  return c.negate ? !r : r;
}

function evalInline(items: Inline[], scope: Map<string, unknown>, data: unknown, fail: (m: string) => never, out: Run[] = []): Run[] {
  const push = (text: string, bold: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && Boolean(last.bold) === bold) last.text += text;
    else out.push(bold ? { text, bold: true } : { text });
  };
  for (const it of items) {
    if (it.t === 'text') push(it.text, it.bold);
    else if (it.t === 'ph') {
      const v = applyFilters(it.expr, lookup(it.expr, scope, data), fail);
      if (isEmpty(v)) fail(`数据缺少字段：${it.expr.path.join('.')}（{{${it.expr.raw}}}）。可选的内容请用 {{#if}} 包起来`);
      push(String(v).replace(/[\r\n]+/g, ''), it.bold);
    } else evalInline(truthy(it.cond, scope, data, fail) ? it.then : it.else, scope, data, fail, out);
  }
  return out;
}

function evalNodes(nodes: Node[], scope: Map<string, unknown>, data: unknown, file: string, out: OutLine[]): void {
  for (const n of nodes) {
    const fail: (m: string) => never = (m) => {
      throw new TemplateError(file, n.line, m);
    };
    switch (n.kind) {
      case 'line':
        out.push({
          marker: n.marker,
          arg: n.arg,
          runs: evalInline(n.content, scope, data, fail),
          ...(n.cells ? { cells: n.cells.map((c) => evalInline(c, scope, data, fail)) } : {}),
          line: n.line,
        });
        break;
      case 'if':
        evalNodes(truthy(n.cond, scope, data, fail) ? n.then : n.else, scope, data, file, out);
        break;
      case 'each': {
        const list = lookup(n.list, scope, data);
        const items = applyFilters(n.list, list, fail);
        if (items !== undefined && items !== null && !Array.isArray(items)) fail(`“${n.list.raw}”应为列表`);
        for (const item of (items as unknown[]) ?? []) {
          const inner = new Map(scope);
          inner.set(n.as, item);
          evalNodes(n.body, inner, data, file, out);
        }
        break;
      }
      case 'table': {
        const rows: OutLine[] = [];
        evalNodes(n.rows, scope, data, file, rows);
        out.push({ marker: '表格', arg: n.columnsMm.join(','), runs: [], line: n.line, cells: [] });
        // rows follow the table line, closed by a table end
        for (const r of rows) out.push(r);
        out.push({ marker: '/表格', arg: '', runs: [], line: n.line });
        break;
      }
    }
  }
}

/** Fills a template with data into a document model that records the template's id and version. */
export function fillTemplate(t: Template, data: Record<string, unknown>): DocumentModel {
  const lines: OutLine[] = [];
  evalNodes(t.body, new Map(), data, t.file, lines);
  const court = (data.court as { name?: unknown } | undefined)?.name;
  const blocks = toBlocks(lines, t);
  return {
    meta: {
      title: documentTitle(t, blocks),
      templateId: t.id,
      templateVersion: t.versionLabel,
      templateHash: t.hash,
      ...(typeof court === 'string' ? { author: court } : {}),
    },
    ...(t.format ? { format: t.format } : {}),
    blocks,
  };
}

/**
 * The document's name for the register and the PDF/DOCX properties: the template's title ("民事裁定书（确认调解
 * 协议有效）"), unless the printed title line is filled from data and says something else — one template gives
 * 准予免交 / 减交 / 缓交诉讼费用决定书, and the register must say which. Only the first page's titles count: a
 * form attached after a page break (调解告知书's 当事人调解意见书) does not rename the document.
 */
function documentTitle(t: Template, blocks: DocumentModel['blocks']): string {
  const firstBreak = blocks.findIndex((b) => b.type === 'pageBreak');
  const titles = (firstBreak < 0 ? blocks : blocks.slice(0, firstBreak)).filter((b) => b.type === 'title');
  const printed = titles
    .at(-1)
    ?.runs.map((r) => r.text)
    .join('')
    .replace(/\s+/g, '');
  return printed && !t.title.replace(/\s+/g, '').startsWith(printed) ? printed : t.title;
}
