/**
 * Template syntax: the lines of a template body, their 【markers】, {{placeholders}} with filters, and the
 * {{#if}} / {{#each}} / 【表格】 blocks, parsed into nodes. Nothing here knows the data: check.ts types the
 * nodes against the declared fields and the sample, fill.ts fills them.
 */
import { NUMBER_STYLES } from '../chinese';

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`模板 ${file}${line ? ` 第 ${line} 行` : ''}：${problem}`);
    this.name = 'TemplateError';
  }
}

export interface Expr {
  path: string[];
  filters: { name: string; args: string[] }[];
  raw: string;
}

export interface Cond {
  negate: boolean;
  left: Expr;
  op?: '==' | '!=';
  right?: { literal: string } | { expr: Expr };
}

export type Inline =
  | { t: 'text'; text: string; bold: boolean }
  | { t: 'ph'; expr: Expr; bold: boolean }
  | { t: 'if'; cond: Cond; then: Inline[]; else: Inline[] };

/** What a line is: its 【marker】 (or a plain paragraph). */
export const MARKERS = {
  正文: '段落（首行缩进两字），与不加标记的行相同',
  标题: '标题行（居中，标题字体字号）',
  案号: '案号（右对齐）',
  当事人: '一名当事人的首行（首行缩进）',
  代理人: '接在当事人之后：法定代表人、委托诉讼代理人等',
  顶格: '不缩进的段落',
  居中: '居中的一行',
  居右: '右对齐的一行',
  编号: '编号条目（一、二、……）；可写【编号 （一）】【编号 1.】【编号 （1）】',
  表格: '表格开始：【表格 列宽毫米,列宽毫米,…】，之后每行一行表格，单元格以 | 分隔，至【/表格】止',
  '/表格': '表格结束',
  表头: '表格中的表头行（加粗居中）',
  二维码: '二维码图片：【二维码 边长毫米】内容；【二维码 25 右上】浮于本页右上角，不占正文位置',
  图注: '紧接二维码的说明文字',
  署名: '落款中的署名：【署名】审判员 王五',
  日期: '落款日期（写中文数字日期）',
  院印: '院印位置说明，默认（院印）',
  核对: '“本件与原本核对无异”',
  落款: '落款中右对齐的一行（如单位名称）',
  空行: '空一行；【空行 2】空两行',
  分页: '另起一页',
  注释: '说明，不进入文书',
} as const;
export type Marker = keyof typeof MARKERS;

export interface LineNode {
  kind: 'line';
  marker: Marker | null;
  arg: string;
  content: Inline[];
  /** table rows: one inline list per cell */
  cells?: Inline[][];
  line: number;
}
export interface EachNode {
  kind: 'each';
  list: Expr;
  as: string;
  body: Node[];
  line: number;
}
export interface IfNode {
  kind: 'if';
  cond: Cond;
  then: Node[];
  else: Node[];
  line: number;
}
export interface TableNode {
  kind: 'table';
  columnsMm: number[];
  rows: Node[];
  line: number;
}
export type Node = LineNode | EachNode | IfNode | TableNode;

const IDENT = /^[A-Za-z_\u3400-\u9fff][\w\u3400-\u9fff]*$/;

function parseExpr(raw: string, fail: (m: string) => never): Expr {
  const parts = splitOutsideQuotes(raw, '|').map((s) => s.trim());
  const head = parts[0] ?? '';
  if (!head) fail(`占位符为空：{{${raw}}}`);
  const pathParts = head.split('.');
  if (!pathParts.every((p) => IDENT.test(p))) fail(`字段名无效：{{${raw}}}（字段名由字母、数字、下划线或汉字组成，以点分隔）`);
  const filters = parts.slice(1).map((f) => {
    const tokens = tokenize(f);
    if (!tokens.length) fail(`过滤器为空：{{${raw}}}`);
    return { name: tokens[0]!, args: tokens.slice(1) };
  });
  return { path: pathParts, filters, raw: raw.trim() };
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of s) {
    if (ch === '"') q = !q;
    if (ch === sep && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of s.matchAll(re)) out.push(m[1] ?? m[2]!);
  return out;
}

function parseCond(raw: string, fail: (m: string) => never): Cond {
  let s = raw.trim();
  let negate = false;
  if (/^not\s+/.test(s)) {
    negate = true;
    s = s.replace(/^not\s+/, '');
  }
  const m = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(s);
  if (!m) return { negate, left: parseExpr(s, fail) };
  const rhs = m[3]!.trim();
  const lit = /^"([^"]*)"$/.exec(rhs) ?? (/^-?\d+(\.\d+)?$/.test(rhs) ? [rhs, rhs] : null);
  return {
    negate,
    left: parseExpr(m[1]!, fail),
    op: m[2] as '==' | '!=',
    right: lit ? { literal: lit[1]! } : { expr: parseExpr(rhs, fail) },
  };
}

/** Text, **bold**, {{placeholders}} and inline {{#if}} … {{else}} … {{/if}} within one line. */
function parseInline(src: string, fail: (m: string) => never): Inline[] {
  type Frame = { cond: Cond | null; then: Inline[]; else: Inline[] | null };
  const stack: Frame[] = [{ cond: null, then: [], else: null }];
  const cur = () => {
    const f = stack[stack.length - 1]!;
    return f.else ?? f.then;
  };
  let bold = false;
  const pushText = (text: string) => {
    const parts = text.split('**');
    parts.forEach((p, i) => {
      if (i > 0) bold = !bold;
      if (p) cur().push({ t: 'text', text: p, bold });
    });
  };
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      pushText(src.slice(i));
      break;
    }
    pushText(src.slice(i, open));
    const close = src.indexOf('}}', open + 2);
    if (close < 0) fail(`“{{”没有对应的“}}”：${src.slice(open, open + 30)}`);
    const inner = src.slice(open + 2, close).trim();
    i = close + 2;
    if (inner.startsWith('#if ')) {
      stack.push({ cond: parseCond(inner.slice(4), fail), then: [], else: null });
    } else if (inner === 'else') {
      const f = stack[stack.length - 1]!;
      if (!f.cond || f.else) fail('“{{else}}”前没有对应的“{{#if …}}”');
      f.else = [];
    } else if (inner === '/if') {
      const f = stack.pop()!;
      if (!f.cond || stack.length === 0) fail('多余的“{{/if}}”：前面没有对应的“{{#if …}}”');
      cur().push({ t: 'if', cond: f.cond, then: f.then, else: f.else ?? [] });
    } else if (inner.startsWith('#each') || inner === '/each') {
      fail('“{{#each …}}”和“{{/each}}”须各自单独成行');
    } else if (inner.startsWith('#') || inner.startsWith('/')) {
      fail(`不认识的块标记：{{${inner}}}（可用：#if、else、/if、#each、/each）`);
    } else {
      cur().push({ t: 'ph', expr: parseExpr(inner, fail), bold });
    }
  }
  if (stack.length > 1) fail('行内“{{#if …}}”没有以“{{/if}}”结束（行内条件须在同一行结束）');
  return stack[0]!.then;
}

function splitCells(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    if (src.startsWith('{{', i)) depth++;
    if (src.startsWith('}}', i)) depth = Math.max(0, depth - 1);
    const ch = src[i]!;
    if ((ch === '|' || ch === '｜') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

const MARKER_LINE = /^【([^】\s　]+)(?:[\s　]+([^】]*))?】(.*)$/;

export function parseBody(lines: { text: string; line: number }[], fail: (line: number, m: string) => never): Node[] {
  type Container =
    | { kind: 'root'; nodes: Node[]; line: number }
    | { kind: 'each'; node: EachNode; nodes: Node[]; line: number }
    | { kind: 'if'; node: IfNode; nodes: Node[]; line: number; inElse: boolean }
    | { kind: 'table'; node: TableNode; nodes: Node[]; line: number };
  const root: Container = { kind: 'root', nodes: [], line: 0 };
  const stack: Container[] = [root];
  const top = () => stack[stack.length - 1]!;
  const inTable = () => stack.some((c) => c.kind === 'table');
  for (const { text, line } of lines) {
    const f: (m: string) => never = (m) => fail(line, m);
    const s = text.trim();
    if (!s) continue;
    let m: RegExpExecArray | null;
    if ((m = /^\{\{#each\s+(.+?)\s+as\s+(\S+)\s*\}\}$/.exec(s))) {
      if (!IDENT.test(m[2]!)) f(`循环变量名无效：${m[2]}`);
      const node: EachNode = { kind: 'each', list: parseExpr(m[1]!, f), as: m[2]!, body: [], line };
      top().nodes.push(node);
      stack.push({ kind: 'each', node, nodes: node.body, line });
      continue;
    }
    if (/^\{\{#each\b/.test(s)) f('循环应写作 {{#each 列表 as 名称}}，如 {{#each applicants as p}}');
    if ((m = /^\{\{#if\s+(.+)\}\}$/.exec(s)) && !s.slice(2).includes('{{')) {
      const node: IfNode = { kind: 'if', cond: parseCond(m[1]!, f), then: [], else: [], line };
      top().nodes.push(node);
      stack.push({ kind: 'if', node, nodes: node.then, line, inElse: false });
      continue;
    }
    if (s === '{{else}}') {
      const c = top();
      if (c.kind !== 'if' || c.inElse) f('“{{else}}”前没有对应的“{{#if …}}”');
      c.inElse = true;
      c.nodes = c.node.else;
      continue;
    }
    if (s === '{{/each}}' || s === '{{/if}}') {
      const want = s === '{{/each}}' ? 'each' : 'if';
      const c = top();
      if (c.kind !== want) {
        if (c.kind === 'root') f(`多余的“${s}”：前面没有对应的开始标记`);
        f(`“${s}”与第 ${c.line} 行的${c.kind === 'table' ? '【表格】' : c.kind === 'each' ? '“{{#each}}”' : '“{{#if}}”'}不配对`);
      }
      stack.pop();
      continue;
    }
    m = MARKER_LINE.exec(s);
    const marker = m ? (m[1] as Marker) : null;
    if (marker && !(marker in MARKERS)) {
      f(
        `不认识的标记【${m![1]}】。可用的标记：${Object.keys(MARKERS)
          .map((k) => `【${k}】`)
          .join('')}`,
      );
    }
    const arg = (m?.[2] ?? '').trim();
    const rest = m ? m[3]! : s;
    if (marker === '注释') continue;
    if (marker === '表格') {
      if (inTable()) f('表格中不能再套表格');
      const cols = arg
        .split(/[,，、\s]+/)
        .filter(Boolean)
        .map(Number);
      if (!cols.length || cols.some((c) => !Number.isFinite(c) || c <= 0)) f('【表格】须写明各列宽度（毫米），如【表格 40,116】');
      if (rest.trim()) f('【表格】一行只写列宽，表格内容从下一行开始');
      const node: TableNode = { kind: 'table', columnsMm: cols, rows: [], line };
      top().nodes.push(node);
      stack.push({ kind: 'table', node, nodes: node.rows, line });
      continue;
    }
    if (marker === '/表格') {
      const c = top();
      if (c.kind !== 'table') f(c.kind === 'root' ? '多余的【/表格】' : `【/表格】之前第 ${c.line} 行的块还没有结束`);
      stack.pop();
      continue;
    }
    if (inTable()) {
      if (marker && marker !== '表头') f(`表格中只能写表格行（可用【表头】），不能用【${marker}】；表格须以【/表格】结束`);
      const table = [...stack].reverse().find((c) => c.kind === 'table') as Extract<Container, { kind: 'table' }>;
      const cells = splitCells(rest).map((c) => parseInline(c, f));
      if (cells.length > table.node.columnsMm.length) f(`这一行有 ${cells.length} 个单元格，表格只有 ${table.node.columnsMm.length} 列`);
      top().nodes.push({ kind: 'line', marker, arg, content: [], cells, line });
      continue;
    }
    if (marker === '表头') f('【表头】只能用在【表格】之中');
    if (marker === '编号' && arg && !(NUMBER_STYLES as readonly string[]).includes(arg))
      f(`编号样式应为 ${NUMBER_STYLES.join(' ')} 之一：${arg}`);
    if (marker === '空行' && arg && !/^\d+$/.test(arg)) f(`【空行】后应为行数：${arg}`);
    if (marker === '二维码' && arg && !/^(\d+(\.\d+)?)?([\s　]*右上)?$/.test(arg))
      f(`【二维码】后应为边长（毫米），可加“右上”：如【二维码 25 右上】：${arg}`);
    if (arg && marker !== '编号' && marker !== '空行' && marker !== '二维码') f(`【${marker}】不带参数：${arg}`);
    top().nodes.push({ kind: 'line', marker, arg, content: parseInline(rest, f), line });
  }
  if (stack.length > 1) {
    const c = top();
    fail(
      c.line,
      `${c.kind === 'table' ? '【表格】没有以【/表格】结束' : c.kind === 'each' ? '“{{#each …}}”没有以“{{/each}}”结束' : '“{{#if …}}”没有以“{{/if}}”结束'}`,
    );
  }
  return root.nodes;
}
