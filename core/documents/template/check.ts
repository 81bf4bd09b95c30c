/**
 * Checking a template before it is used: every placeholder, condition and loop is typed against the fields the
 * sample data shows, filters are checked for their arguments, and data given later is checked for fields the
 * template does not know. A template that passes here can be filled from its sample.
 */
import type { Cond, Expr, Inline, Node } from './syntax';
import type { Template } from './template';

export type Schema =
  { t: 'string' | 'number' | 'boolean' | 'any' } | { t: 'object'; props: Map<string, Schema> } | { t: 'array'; item: Schema };

export function infer(v: unknown): Schema {
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

/** Every data path the sample has (list items transparent), for checking declared fields. */
export function schemaPaths(s: Schema, at = '', out = new Set<string>()): Set<string> {
  if (at) out.add(at);
  if (s.t === 'object') for (const [k, v] of s.props) schemaPaths(v, at ? `${at}.${k}` : k, out);
  else if (s.t === 'array') {
    // an empty list in the sample says nothing of its items: any item field is allowed
    if (s.item.t === 'any') out.add(`${at}.*`);
    schemaPaths(s.item, at, out);
  }
  return out;
}

export const SCALAR = (s: Schema) => s.t === 'string' || s.t === 'number' || s.t === 'boolean' || s.t === 'any';

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
export type FilterName = keyof typeof FILTERS;

function keysOf(s: Schema): string {
  return s.t === 'object' ? [...s.props.keys()].join('、') : '';
}

/**
 * What the body uses, by data path (list items transparent: `{{line.label}}` in `{{#each breakdown as line}}` is
 * `breakdown.label`), with the first line it is used on; `lists` maps loop variables to their list's path.
 */
export interface Uses {
  paths: Map<string, number>;
  lists: Map<string, string>;
  line: number;
}

function use(uses: Uses | undefined, path: string): void {
  if (uses && !uses.paths.has(path)) uses.paths.set(path, uses.line);
}

function typeExpr(e: Expr, scope: Map<string, Schema>, root: Schema, fail: (m: string) => never, uses?: Uses): Schema {
  const [first, ...rest] = e.path;
  const canonical = [uses?.lists.get(first!) ?? first!, ...rest].join('.');
  use(uses, canonical);
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
      fail(
        `未知字段 {{${e.raw}}}：“${walked}”中没有“${p}”${s.t === 'object' ? `（可用：${keysOf(s)}）` : s.t === 'array' ? '（它是列表，请用 {{#each}} 逐项填写）' : ''}`,
      );
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
        if (item.t === 'object' && !item.props.has(f.args[0]!))
          fail(`未知字段 {{${e.raw}}}：列表项中没有“${f.args[0]}”（可用：${keysOf(item)}）`);
        use(uses, `${canonical}.${f.args[0]}`);
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

export function checkNodes(
  nodes: Node[],
  scope: Map<string, Schema>,
  root: Schema,
  fail: (line: number, m: string) => never,
  uses?: Uses,
): void {
  const checkInline = (items: Inline[], line: number) => {
    for (const it of items) {
      const f: (m: string) => never = (m) => fail(line, m);
      if (it.t === 'ph') {
        if (uses) uses.line = line;
        const s = typeExpr(it.expr, scope, root, f, uses);
        if (!SCALAR(s))
          f(
            `{{${it.expr.raw}}} 是${s.t === 'array' ? '列表，请用 {{#each}} 或“| join”' : '一组字段，请写到具体字段，如 {{' + it.expr.raw + '.' + (s.t === 'object' ? [...s.props.keys()][0] : '') + '}}'}`,
          );
      } else if (it.t === 'if') {
        if (uses) uses.line = line;
        checkCond(it.cond, f);
        checkInline(it.then, line);
        checkInline(it.else, line);
      }
    }
  };
  const checkCond = (c: Cond, f: (m: string) => never) => {
    typeExpr(c.left, scope, root, f, uses);
    if (c.right && 'expr' in c.right) typeExpr(c.right.expr, scope, root, f, uses);
  };
  for (const n of nodes) {
    const f: (m: string) => never = (m) => fail(n.line, m);
    if (uses) uses.line = n.line;
    switch (n.kind) {
      case 'line':
        checkInline(n.content, n.line);
        for (const c of n.cells ?? []) checkInline(c, n.line);
        break;
      case 'if':
        checkCond(n.cond, f);
        checkNodes(n.then, scope, root, fail, uses);
        checkNodes(n.else, scope, root, fail, uses);
        break;
      case 'each': {
        const s = typeExpr(n.list, scope, root, f, uses);
        if (s.t !== 'array' && s.t !== 'any') f(`{{#each ${n.list.raw} …}}：“${n.list.raw}”不是列表`);
        if (scope.has(n.as) || (root.t === 'object' && root.props.has(n.as))) f(`循环变量名“${n.as}”与已有字段重名，请换一个`);
        const inner = new Map(scope);
        inner.set(n.as, s.t === 'array' ? s.item : { t: 'any' });
        const lists = uses
          ? new Map(uses.lists).set(n.as, [uses.lists.get(n.list.path[0]!) ?? n.list.path[0]!, ...n.list.path.slice(1)].join('.'))
          : undefined;
        checkNodes(n.body, inner, root, fail, uses && lists ? { ...uses, lists } : undefined);
        if (uses) uses.line = n.line;
        break;
      }
      case 'table':
        checkNodes(n.rows, scope, root, fail, uses);
        break;
    }
  }
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
