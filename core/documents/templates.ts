import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { amountInWords, arabicDate, articleNo, chineseDate, chineseNumber, NUMBER_STYLES, yuan, type NumberStyle } from './chinese';
import { formatProblems, type Block, type DocumentModel, type FormatOverrides, type Run, type SignatureLine, type TableRow } from './model';
import { qrPng } from './qr';

/**
 * Court document templates (templates/*.txt): plain UTF-8 text that court staff can read and edit without
 * code. A file has three parts:
 *
 *   ---                                   a short YAML header: id, title, version, description,
 *   id: notice                            numbering style, format overrides
 *   title: 通知书
 *   version: 1
 *   ---
 *   【标题】{{court.name}}                  the body: one line per paragraph, as the document reads;
 *   {{#each parties as p}} … {{/each}}    a 【marker】 at the start of a line says what the line is;
 *   {{addressee}}：                        {{placeholders}}, {{#if}} and {{#each}} fill it from data
 *   === 样例数据 ===
 *   court:                                sample data in YAML: it previews the template, and it
 *     name: 浙江省长兴县人民法院            declares the fields a placeholder may use
 *
 * Loading validates everything: a placeholder naming a field the sample data does not have, an unknown
 * marker or filter, or a block left open is refused with the file and line.
 */

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

// ───────────────────────────── syntax ─────────────────────────────

interface Expr {
  path: string[];
  filters: { name: string; args: string[] }[];
  raw: string;
}

interface Cond {
  negate: boolean;
  left: Expr;
  op?: '==' | '!=';
  right?: { literal: string } | { expr: Expr };
}

type Inline =
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
type Marker = keyof typeof MARKERS;

interface LineNode {
  kind: 'line';
  marker: Marker | null;
  arg: string;
  content: Inline[];
  /** table rows: one inline list per cell */
  cells?: Inline[][];
  line: number;
}
interface EachNode {
  kind: 'each';
  list: Expr;
  as: string;
  body: Node[];
  line: number;
}
interface IfNode {
  kind: 'if';
  cond: Cond;
  then: Node[];
  else: Node[];
  line: number;
}
interface TableNode {
  kind: 'table';
  columnsMm: number[];
  rows: Node[];
  line: number;
}
type Node = LineNode | EachNode | IfNode | TableNode;

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

function parseBody(lines: { text: string; line: number }[], fail: (line: number, m: string) => never): Node[] {
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
      f(`不认识的标记【${m![1]}】。可用的标记：${Object.keys(MARKERS).map((k) => `【${k}】`).join('')}`);
    }
    const arg = (m?.[2] ?? '').trim();
    const rest = m ? m[3]! : s;
    if (marker === '注释') continue;
    if (marker === '表格') {
      if (inTable()) f('表格中不能再套表格');
      const cols = arg.split(/[,，、\s]+/).filter(Boolean).map(Number);
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
    if (marker === '编号' && arg && !(NUMBER_STYLES as readonly string[]).includes(arg)) f(`编号样式应为 ${NUMBER_STYLES.join(' ')} 之一：${arg}`);
    if (marker === '空行' && arg && !/^\d+$/.test(arg)) f(`【空行】后应为行数：${arg}`);
    if (marker === '二维码' && arg && !/^(\d+(\.\d+)?)?([\s　]*右上)?$/.test(arg)) f(`【二维码】后应为边长（毫米），可加“右上”：如【二维码 25 右上】：${arg}`);
    if (arg && marker !== '编号' && marker !== '空行' && marker !== '二维码') f(`【${marker}】不带参数：${arg}`);
    top().nodes.push({ kind: 'line', marker, arg, content: parseInline(rest, f), line });
  }
  if (stack.length > 1) {
    const c = top();
    fail(c.line, `${c.kind === 'table' ? '【表格】没有以【/表格】结束' : c.kind === 'each' ? '“{{#each …}}”没有以“{{/each}}”结束' : '“{{#if …}}”没有以“{{/if}}”结束'}`);
  }
  return root.nodes;
}

// ───────────────────────────── fields (from the sample data) ─────────────────────────────

type Schema = { t: 'string' | 'number' | 'boolean' | 'any' } | { t: 'object'; props: Map<string, Schema> } | { t: 'array'; item: Schema };

function infer(v: unknown): Schema {
  if (v === null || v === undefined) return { t: 'any' };
  if (Array.isArray(v)) return { t: 'array', item: v.map(infer).reduce(mergeSchema, { t: 'any' } as Schema) };
  if (v instanceof Date) return { t: 'string' };
  switch (typeof v) {
    case 'string':
      return { t: 'string' };
    case 'number':
    case 'bigint':
      return { t: 'number' };
    case 'boolean':
      return { t: 'boolean' };
    case 'object':
      return { t: 'object', props: new Map(Object.entries(v as object).map(([k, x]) => [k, infer(x)])) };
    default:
      return { t: 'any' };
  }
}

function mergeSchema(a: Schema, b: Schema): Schema {
  if (a.t === 'any') return b;
  if (b.t === 'any') return a;
  if (a.t === 'object' && b.t === 'object') {
    const props = new Map(a.props);
    for (const [k, v] of b.props) props.set(k, props.has(k) ? mergeSchema(props.get(k)!, v) : v);
    return { t: 'object', props };
  }
  if (a.t === 'array' && b.t === 'array') return { t: 'array', item: mergeSchema(a.item, b.item) };
  if (a.t === b.t) return a;
  return { t: 'any' };
}

const SCALAR = (s: Schema) => s.t === 'string' || s.t === 'number' || s.t === 'boolean' || s.t === 'any';

/** The filters a placeholder may use: {{value | filter arg}}. */
export const FILTERS = {
  chineseDate: '日期写成中文数字：2026-11-23 → 二〇二六年十一月二十三日',
  date: '日期写成阿拉伯数字：2026-11-23 → 2026年11月23日',
  articleNo: '条文序号：205 → 第二百零五条',
  chineseNumber: '中文数字：12 → 十二',
  amountWords: '金额（分）大写：330000 → 人民币叁仟叁佰元整',
  yuan: '金额（分）：123450 → ￥1,234.50',
  join: '把列表连成一句，默认以“、”连接：{{names | join}}、{{names | join "，"}}',
  pluck: '取列表中每一项的某个字段：{{applicants | pluck name | join}}',
  count: '列表的项数',
} as const;
type FilterName = keyof typeof FILTERS;

function keysOf(s: Schema): string {
  return s.t === 'object' ? [...s.props.keys()].join('、') : '';
}

function typeExpr(e: Expr, scope: Map<string, Schema>, root: Schema, fail: (m: string) => never): Schema {
  const [first, ...rest] = e.path;
  let s: Schema;
  let walked = first!;
  if (scope.has(first!)) s = scope.get(first!)!;
  else if (root.t === 'object' && root.props.has(first!)) s = root.props.get(first!)!;
  else {
    const available = [...scope.keys(), ...(root.t === 'object' ? root.props.keys() : [])].join('、');
    fail(`未知字段 {{${e.raw}}}：样例数据中没有“${first}”（可用：${available}）`);
  }
  for (const p of rest) {
    if (s.t === 'any') return { t: 'any' };
    if (s.t !== 'object' || !s.props.has(p)) {
      fail(`未知字段 {{${e.raw}}}：“${walked}”中没有“${p}”${s.t === 'object' ? `（可用：${keysOf(s)}）` : s.t === 'array' ? '（它是列表，请用 {{#each}} 逐项填写）' : ''}`);
    }
    s = s.props.get(p)!;
    walked += `.${p}`;
  }
  for (const f of e.filters) {
    if (!(f.name in FILTERS)) fail(`不认识的过滤器“${f.name}”（可用：${Object.keys(FILTERS).join('、')}）`);
    const name = f.name as FilterName;
    const maxArgs = name === 'join' || name === 'pluck' ? 1 : 0;
    if (f.args.length > maxArgs || (name === 'pluck' && f.args.length !== 1)) fail(`过滤器“${name}”的参数不对：${FILTERS[name]}`);
    switch (name) {
      case 'pluck': {
        if (s.t !== 'array' && s.t !== 'any') fail(`“pluck”只能用于列表：{{${e.raw}}}`);
        const item: Schema = s.t === 'array' ? s.item : { t: 'any' };
        if (item.t === 'object' && !item.props.has(f.args[0]!)) fail(`未知字段 {{${e.raw}}}：列表项中没有“${f.args[0]}”（可用：${keysOf(item)}）`);
        s = { t: 'array', item: item.t === 'object' ? item.props.get(f.args[0]!)! : { t: 'any' } };
        break;
      }
      case 'join':
        if (s.t !== 'array' && s.t !== 'any') fail(`“join”只能用于列表：{{${e.raw}}}`);
        s = { t: 'string' };
        break;
      case 'count':
        if (s.t !== 'array' && s.t !== 'any') fail(`“count”只能用于列表：{{${e.raw}}}`);
        s = { t: 'number' };
        break;
      default:
        if (!SCALAR(s)) fail(`过滤器“${name}”只能用于单个值：{{${e.raw}}}`);
        s = { t: 'string' };
    }
  }
  return s;
}

function checkNodes(nodes: Node[], scope: Map<string, Schema>, root: Schema, fail: (line: number, m: string) => never): void {
  const checkInline = (items: Inline[], line: number) => {
    for (const it of items) {
      const f: (m: string) => never = (m) => fail(line, m);
      if (it.t === 'ph') {
        const s = typeExpr(it.expr, scope, root, f);
        if (!SCALAR(s)) f(`{{${it.expr.raw}}} 是${s.t === 'array' ? '列表，请用 {{#each}} 或“| join”' : '一组字段，请写到具体字段，如 {{' + it.expr.raw + '.' + (s.t === 'object' ? [...s.props.keys()][0] : '') + '}}'}`);
      } else if (it.t === 'if') {
        checkCond(it.cond, f);
        checkInline(it.then, line);
        checkInline(it.else, line);
      }
    }
  };
  const checkCond = (c: Cond, f: (m: string) => never) => {
    typeExpr(c.left, scope, root, f);
    if (c.right && 'expr' in c.right) typeExpr(c.right.expr, scope, root, f);
  };
  for (const n of nodes) {
    const f: (m: string) => never = (m) => fail(n.line, m);
    switch (n.kind) {
      case 'line':
        checkInline(n.content, n.line);
        for (const c of n.cells ?? []) checkInline(c, n.line);
        break;
      case 'if':
        checkCond(n.cond, f);
        checkNodes(n.then, scope, root, fail);
        checkNodes(n.else, scope, root, fail);
        break;
      case 'each': {
        const s = typeExpr(n.list, scope, root, f);
        if (s.t !== 'array' && s.t !== 'any') f(`{{#each ${n.list.raw} …}}：“${n.list.raw}”不是列表`);
        if (scope.has(n.as) || (root.t === 'object' && root.props.has(n.as))) f(`循环变量名“${n.as}”与已有字段重名，请换一个`);
        const inner = new Map(scope);
        inner.set(n.as, s.t === 'array' ? s.item : { t: 'any' });
        checkNodes(n.body, inner, root, fail);
        break;
      }
      case 'table':
        checkNodes(n.rows, scope, root, fail);
        break;
    }
  }
}

// ───────────────────────────── the template ─────────────────────────────

export interface Template {
  id: string;
  title: string;
  /** the version number written in the header */
  version: number;
  /** what documents record: "1" for a built-in template's version 1, "court.3" for the court's third own version */
  versionLabel: string;
  origin: 'builtin' | 'court';
  description: string;
  /** where it came from: a file path, or "本院版本 N" */
  file: string;
  source: string;
  /** SHA-256 of the source text */
  hash: string;
  numbering: NumberStyle;
  format: FormatOverrides | undefined;
  sample: Record<string, unknown>;
  /** @internal */
  body: Node[];
  /** @internal */
  schema: Schema;
}

const HEADER_KEYS = ['id', 'title', 'version', 'description', 'numbering', 'format'];
const SAMPLE_LINE = /^={3,}\s*样例数据.*$/;

function yamlError(file: string, err: unknown, lineOffset: number, what: string): never {
  if (err instanceof YAMLParseError) {
    const line = err.linePos?.[0]?.line;
    throw new TemplateError(file, line ? line + lineOffset : null, `${what}的 YAML 写法有误：${err.message.split('\n')[0]}`);
  }
  throw new TemplateError(file, null, `${what}无法读取：${err instanceof Error ? err.message : String(err)}`);
}

/**
 * Parses and validates a template text. `file` names it in errors. Throws TemplateError naming the line.
 */
export function parseTemplate(source: string, file: string, opts: { origin?: 'builtin' | 'court'; versionLabel?: string } = {}): Template {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') throw new TemplateError(file, 1, '模板应以一行“---”开始，接着是模板信息（id、title、version），再以一行“---”结束');
  const headerEnd = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (headerEnd < 0) throw new TemplateError(file, 1, '模板信息没有以一行“---”结束');
  const sampleStart = lines.findIndex((l, i) => i > headerEnd && SAMPLE_LINE.test(l.trim()));
  if (sampleStart < 0) throw new TemplateError(file, null, '缺少样例数据：正文之后应有一行“=== 样例数据 ===”，下面写 YAML 格式的样例数据');

  let header: Record<string, unknown>;
  try {
    header = (parseYaml(lines.slice(1, headerEnd).join('\n')) ?? {}) as Record<string, unknown>;
  } catch (err) {
    yamlError(file, err, 1, '模板信息');
  }
  const hline = (key: string) => {
    const i = lines.slice(1, headerEnd).findIndex((l) => l.startsWith(`${key}:`));
    return i >= 0 ? i + 2 : 1;
  };
  if (typeof header !== 'object' || Array.isArray(header)) throw new TemplateError(file, 2, '模板信息应为“键: 值”的形式');
  for (const k of Object.keys(header)) if (!HEADER_KEYS.includes(k)) throw new TemplateError(file, hline(k), `模板信息中不认识“${k}”（可用：${HEADER_KEYS.join('、')}）`);
  const id = header.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new TemplateError(file, hline('id'), 'id 应为小写字母、数字和连字符，如 ruling-confirm-valid');
  const title = header.title;
  if (typeof title !== 'string' || !title.trim()) throw new TemplateError(file, hline('title'), '缺少 title（文书名称）');
  const version = header.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new TemplateError(file, hline('version'), 'version 应为正整数');
  const numbering = (header.numbering ?? '一、') as NumberStyle;
  if (!NUMBER_STYLES.includes(numbering)) throw new TemplateError(file, hline('numbering'), `numbering 应为 ${NUMBER_STYLES.join(' ')} 之一`);
  const fmtProblems = formatProblems(header.format);
  if (fmtProblems.length) throw new TemplateError(file, hline('format'), fmtProblems.join('；'));

  let sample: unknown;
  try {
    sample = parseYaml(lines.slice(sampleStart + 1).join('\n'), { schema: 'core' });
  } catch (err) {
    yamlError(file, err, sampleStart + 1, '样例数据');
  }
  if (!sample || typeof sample !== 'object' || Array.isArray(sample)) throw new TemplateError(file, sampleStart + 1, '样例数据应为“字段: 值”的形式');
  // An ID number written without quotes is read as a number and loses its last digits.
  const longNumber = (v: unknown, at: string): string | null => {
    if (typeof v === 'number' && Math.abs(v) > Number.MAX_SAFE_INTEGER) return at;
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      const hit = longNumber(x, at ? `${at}.${k}` : k);
      if (hit) return hit;
    }
    return null;
  };
  const tooLong = longNumber(sample, '');
  if (tooLong) {
    const key = tooLong.split('.').pop()!;
    const i = lines.slice(sampleStart + 1).findIndex((l) => new RegExp(`^\\s*-?\\s*${key}:`).test(l));
    throw new TemplateError(file, i >= 0 ? sampleStart + 2 + i : sampleStart + 1, `样例数据中 ${tooLong.replace(/\.(\d+)(?=\.|$)/g, '[$1]')} 的数字太长，会丢失末尾的数字：请加引号写成文字，如 "330522198005011234"`);
  }

  const fail = (line: number, m: string): never => {
    throw new TemplateError(file, line, m);
  };
  const body = parseBody(
    lines.slice(headerEnd + 1, sampleStart).map((t, i) => ({ text: t, line: headerEnd + 2 + i })),
    fail,
  );
  const schema = infer(sample);
  checkNodes(body, new Map(), schema, fail);

  const t: Template = {
    id,
    title: title.trim(),
    version,
    versionLabel: opts.versionLabel ?? String(version),
    origin: opts.origin ?? 'builtin',
    description: typeof header.description === 'string' ? header.description : '',
    file,
    source: text,
    hash: createHash('sha256').update(text).digest('hex'),
    numbering,
    format: header.format as FormatOverrides | undefined,
    sample: sample as Record<string, unknown>,
    body,
    schema,
  };
  // The sample must fill the template: a template that cannot preview is refused now, not at the counter.
  fillTemplate(t, t.sample);
  return t;
}

// ───────────────────────────── filling ─────────────────────────────

interface OutLine {
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

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

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
          v = (Array.isArray(v) ? v : []).map((x) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[f.args[0]!] : undefined));
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

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

const SIGNATURE: Partial<Record<Marker, true>> = { 署名: true, 日期: true, 院印: true, 核对: true, 落款: true };

function toBlocks(lines: OutLine[], t: Template): Block[] {
  const blocks: Block[] = [];
  const last = () => blocks[blocks.length - 1];
  let table: { columnsMm: number[]; rows: TableRow[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const fail: (m: string) => never = (m) => {
      throw new TemplateError(t.file, l.line, m);
    };
    if (l.marker === '表格') {
      table = { columnsMm: l.arg.split(',').map(Number), rows: [] };
      continue;
    }
    if (l.marker === '/表格') {
      blocks.push({ type: 'table', columnsMm: table!.columnsMm, rows: table!.rows });
      table = null;
      continue;
    }
    if (table) {
      table.rows.push({ cells: (l.cells ?? []).map((runs) => ({ runs })), ...(l.marker === '表头' ? { header: true } : {}) });
      continue;
    }
    if (l.marker && SIGNATURE[l.marker]) {
      let line: SignatureLine;
      const text = plain(l.runs).trim();
      switch (l.marker) {
        case '署名': {
          const m = /^(\S+?)[\s　]+(.+)$/.exec(text);
          if (!m) fail('【署名】应写作“职务 姓名”，如【署名】审判员 王五');
          line = { kind: 'role', role: m![1]!, name: m![2]!.trim() };
          break;
        }
        case '日期':
          line = { kind: 'date', text };
          break;
        case '院印':
          line = { kind: 'seal', text: text || '（院印）' };
          break;
        case '核对':
          line = { kind: 'verified', text: text || '本件与原本核对无异' };
          break;
        default:
          line = { kind: 'text', text };
      }
      const prev = last();
      if (prev?.type === 'signature') prev.lines.push(line);
      else blocks.push({ type: 'signature', lines: [line] });
      continue;
    }
    switch (l.marker) {
      case null:
      case '正文':
        blocks.push({ type: 'paragraph', runs: l.runs });
        break;
      case '标题':
        blocks.push({ type: 'title', runs: l.runs });
        break;
      case '案号':
        blocks.push({ type: 'caseNumber', text: plain(l.runs) });
        break;
      case '当事人':
        blocks.push({ type: 'party', lines: [l.runs] });
        break;
      case '代理人': {
        const prev = last();
        if (prev?.type === 'party') prev.lines.push(l.runs);
        else blocks.push({ type: 'party', lines: [l.runs] });
        break;
      }
      case '顶格':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none' });
        break;
      case '居中':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none', align: 'centre' });
        break;
      case '居右':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none', align: 'right' });
        break;
      case '编号': {
        const style = (l.arg || t.numbering) as NumberStyle;
        const prev = last();
        if (prev?.type === 'numbered' && prev.style === style) prev.items.push(l.runs);
        else blocks.push({ type: 'numbered', style, items: [l.runs] });
        break;
      }
      case '二维码': {
        const text = plain(l.runs).trim();
        if (!text) fail('二维码内容为空');
        const sizeArg = /\d+(\.\d+)?/.exec(l.arg)?.[0];
        const size = sizeArg ? Number(sizeArg) : 30;
        const topRight = l.arg.includes('右上');
        const next = lines[i + 1];
        const caption = next?.marker === '图注' ? plain(next.runs) : undefined;
        if (caption !== undefined) i++;
        blocks.push({
          type: 'image',
          png: qrPng(text),
          widthMm: size,
          heightMm: size,
          align: 'centre',
          alt: text,
          ...(topRight ? { position: 'topRight' as const } : {}),
          ...(caption ? { caption } : {}),
        });
        break;
      }
      case '图注':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none', align: 'centre' });
        break;
      case '空行':
        blocks.push({ type: 'blank', lines: l.arg ? Number(l.arg) : 1 });
        break;
      case '分页':
        blocks.push({ type: 'pageBreak' });
        break;
      default:
        fail(`【${l.marker}】不能用在这里`);
    }
  }
  return blocks;
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
 * 准予免交 / 减交 / 缓交诉讼费用决定书, and the register must say which.
 */
function documentTitle(t: Template, blocks: DocumentModel['blocks']): string {
  const titles = blocks.filter((b) => b.type === 'title');
  const printed = titles.at(-1)?.runs.map((r) => r.text).join('').replace(/\s+/g, '');
  return printed && !t.title.replace(/\s+/g, '').startsWith(printed) ? printed : t.title;
}

/**
 * Checks data against the fields the template declares through its sample: names a field the data has that
 * the sample does not know (a misspelt key in an input file) — missing fields are reported when filling.
 */
export function unknownDataFields(t: Template, data: unknown): string[] {
  const out: string[] = [];
  const walk = (s: Schema, v: unknown, at: string) => {
    if (v === null || v === undefined || s.t === 'any') return;
    if (s.t === 'object' && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v as object)) {
        if (!s.props.has(k)) out.push(at ? `${at}.${k}` : k);
        else walk(s.props.get(k)!, x, at ? `${at}.${k}` : k);
      }
    } else if (s.t === 'array' && Array.isArray(v)) v.forEach((x, i) => walk(s.item, x, `${at}[${i}]`));
  };
  walk(t.schema, data, '');
  return out;
}

// ───────────────────────────── the built-in templates ─────────────────────────────

/**
 * Where the built-in templates are: COURT_TEMPLATES_DIR, the packaged app's resources/templates, or templates/
 * in the source tree.
 */
export function builtinTemplatesDir(): string {
  if (process.env.COURT_TEMPLATES_DIR) return process.env.COURT_TEMPLATES_DIR;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && fs.existsSync(path.join(resources, 'templates'))) return path.join(resources, 'templates');
  return fileURLToPath(new URL('../../templates', import.meta.url));
}

const builtinCache = new Map<string, Map<string, Template>>();

/** Every built-in template (templates/*.txt), validated; loaded once per process and directory. */
export function builtinTemplates(dir = builtinTemplatesDir(), opts: { reload?: boolean } = {}): Map<string, Template> {
  const hit = builtinCache.get(dir);
  if (hit && !opts.reload) return hit;
  const out = new Map<string, Template>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const file = path.join(dir, name);
    const t = parseTemplate(fs.readFileSync(file, 'utf8'), `templates/${name}`);
    if (`${t.id}.txt` !== name) throw new TemplateError(`templates/${name}`, 2, `id（${t.id}）应与文件名（${name}）一致`);
    out.set(t.id, t);
  }
  builtinCache.set(dir, out);
  return out;
}

export function builtinTemplate(id: string, dir?: string): Template {
  const t = builtinTemplates(dir).get(id);
  if (!t) throw new TemplateError(id, null, `没有这个模板。可用的模板：${[...builtinTemplates(dir).keys()].join('、')}`);
  return t;
}
