/**
 * The fields a template declares in its header (`fields:`): for every data path a placeholder uses, the Chinese
 * name the generate form shows and the kind of value it is. Court staff editing a template keep them with the
 * text; the check stage refuses a placeholder whose field is not declared and a declared field no line uses.
 *
 *   fields:
 *     caseNumber: 案号 | 案号
 *     fee.amountFen: 应交金额 | 金额                 stored in fen, entered and shown in 元 with two decimals
 *     fee.amount: 应交金额（元） | 金额文字 fee.amountFen   the yuan text, always derived from the fen field
 *     breakdown: 计算过程 | 列表                        a list of records; its items' fields follow as breakdown.label
 *     applicant.kind: 类别 | 选项 person=自然人 organisation=单位
 *
 * A path names the data, not the loop variable: `{{line.label}}` inside `{{#each breakdown as line}}` is
 * `breakdown.label`. A group of fields (`applicant`) may be declared (| 组) to name its part of the form.
 */
import { TemplateError } from './syntax';

/** The kinds of value, by the words a template writes after “|”. */
export const FIELD_TYPES = {
  文字: 'text',
  长文字: 'longText',
  日期: 'date',
  金额: 'money',
  金额文字: 'moneyText',
  数字: 'number',
  是否: 'boolean',
  案号: 'caseNumber',
  证件号码: 'idNumber',
  选项: 'choice',
  列表: 'list',
  条目: 'lines',
  组: 'group',
} as const;
export type FieldType = (typeof FIELD_TYPES)[keyof typeof FIELD_TYPES];

export const FIELD_TYPE_HELP: Record<keyof typeof FIELD_TYPES, string> = {
  文字: '一行文字（不写类型时即为文字）',
  长文字: '可以很长的一段文字',
  日期: '日期，数据写 YYYY-MM-DD',
  金额: '金额：数据以“分”为整数保存，表单中按“元”填写，保留两位小数',
  金额文字: '写好的元金额（如 3,300.00）；后面写一个“金额”字段的路径时由它算出，表单中不再单列',
  数字: '数字（如 百分比）',
  是否: '是或否',
  案号: '案号，如（2026）浙0522民初1234号',
  证件号码: '公民身份号码或统一社会信用代码',
  选项: '从几个值中选一个：选项 值=名称 值=名称，或 选项 男 女',
  列表: '若干条记录（当事人、计算过程各行），各项的字段写作 列表.字段',
  条目: '若干句话，表单中每行一条',
  组: '几个字段的总称，只用于表单的分组标题',
};

export interface FieldChoice {
  value: string;
  label: string;
}

export interface FieldDecl {
  /** data path, list items transparent: `applicants.agents.name` */
  path: string;
  label: string;
  type: FieldType;
  /** 选项: the values */
  choices?: FieldChoice[];
  /** 金额文字 derived from a 金额 field: its path */
  from?: string;
  /** the header line it is declared on */
  line: number;
}

const PATH = /^[A-Za-z_\u3400-\u9fff][\w\u3400-\u9fff]*(\.[A-Za-z_\u3400-\u9fff][\w\u3400-\u9fff]*)*$/;

/** Reads `fields:` of a header; `lineOf(path)` gives the header line a key is written on. */
export function parseFieldDecls(raw: unknown, file: string, fieldsLine: number, lineOf: (key: string) => number): FieldDecl[] {
  if (raw === undefined || raw === null) {
    throw new TemplateError(
      file,
      1,
      '模板信息缺少 fields：请为正文用到的每个字段写明中文名称和类型，如“fields:”下一行“  caseNumber: 案号 | 案号”（写法见 README“模板的字段”）',
    );
  }
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new TemplateError(file, fieldsLine, 'fields 应为“字段: 中文名称 | 类型”的若干行');
  const out: FieldDecl[] = [];
  for (const [path, value] of Object.entries(raw as Record<string, unknown>)) {
    const line = lineOf(path);
    const fail = (m: string): never => {
      throw new TemplateError(file, line, `fields 中的 ${path}：${m}`);
    };
    if (!PATH.test(path)) fail('字段路径由字母、数字、下划线或汉字组成，以点分隔');
    if (typeof value !== 'string' || !value.trim()) fail('应写作“中文名称 | 类型”，如 案号 | 案号');
    const [labelPart, typePart = '', ...more] = (value as string).split(/[|｜]/).map((s) => s.trim());
    if (more.length) fail('只能有一个“|”：中文名称 | 类型');
    const label = labelPart!;
    if (!label) fail('缺少中文名称');
    if (/^[A-Za-z_]+$/.test(label)) fail(`名称应为中文（表单上给人看）：${label}`);
    const [typeWord = '文字', ...args] = typePart.split(/[\s　]+/).filter(Boolean);
    if (!(typeWord in FIELD_TYPES)) fail(`不认识的类型“${typeWord}”（可用：${Object.keys(FIELD_TYPES).join('、')}）`);
    const type = FIELD_TYPES[typeWord as keyof typeof FIELD_TYPES];
    const decl: FieldDecl = { path, label, type, line };
    if (type === 'choice') {
      const items = args
        .join(' ')
        .split(/[\s　,，、]+/)
        .filter(Boolean);
      if (!items.length) fail('“选项”后应列出可选的值，如 选项 男 女，或 选项 person=自然人 organisation=单位');
      decl.choices = items.map((it) => {
        const [v, l] = it.split('=');
        return { value: v!, label: l || v! };
      });
    } else if (type === 'moneyText' && args.length) {
      if (args.length > 1 || !PATH.test(args[0]!)) fail('“金额文字”后只能写一个“金额”字段的路径，如 金额文字 fee.amountFen');
      decl.from = args[0]!;
    } else if (args.length) fail(`类型“${typeWord}”后不带参数：${args.join(' ')}`);
    out.push(decl);
  }
  for (const d of out) {
    if (!d.from) continue;
    const src = out.find((x) => x.path === d.from);
    if (!src || src.type !== 'money') {
      throw new TemplateError(file, d.line, `fields 中的 ${d.path}：由 ${d.from} 得出，但 ${d.from} 没有写成“金额”类型`);
    }
  }
  return out;
}

/**
 * The declared fields against the paths the body uses (`used`: path → first body line) and the sample: every
 * used path declared, every declared path used (itself, as the group or list of a used path, or as the source
 * of a derived amount), and present in the sample data.
 */
export function checkFieldDecls(decls: FieldDecl[], used: Map<string, number>, samplePaths: Set<string>, file: string): void {
  const declared = new Map(decls.map((d) => [d.path, d]));
  for (const [path, line] of used) {
    if (!declared.has(path)) {
      throw new TemplateError(file, line, `字段 ${path} 没有写明名称和类型：请在模板信息的 fields 下加一行“  ${path}: 中文名称 | 类型”`);
    }
  }
  const usedPaths = [...used.keys()];
  for (const d of decls) {
    const isUsed =
      used.has(d.path) ||
      usedPaths.some((p) => p.startsWith(`${d.path}.`)) ||
      decls.some((x) => x.from === d.path && (used.has(x.path) || usedPaths.some((p) => p.startsWith(`${x.path}.`))));
    if (!isUsed) throw new TemplateError(file, d.line, `fields 中的 ${d.path} 正文没有用到：请删去这一行，或在正文中使用它`);
    const underEmptyList = d.path.split('.').some((_, i, parts) => samplePaths.has(`${parts.slice(0, i).join('.')}.*`));
    if (!samplePaths.has(d.path) && !underEmptyList)
      throw new TemplateError(file, d.line, `fields 中的 ${d.path} 在样例数据中没有：请在样例数据中写上它的值（可写 null）`);
  }
}
