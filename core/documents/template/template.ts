import { createHash } from 'node:crypto';
import { lazyModule } from '../../lazyModule';

const yaml = lazyModule<typeof import('yaml')>('yaml');
import { NUMBER_STYLES, type NumberStyle } from '../chinese';
import { formatProblems, type FormatOverrides } from '../model';
import { checkNodes, infer, schemaPaths, type Schema, type Uses } from './check';
import { checkFieldDecls, parseFieldDecls, type FieldDecl } from './fields';
import { fillTemplate } from './fill';
import { parseBody, TemplateError, type Node } from './syntax';

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
  /** the fields the header declares: Chinese name and kind of every field the body uses, in form order */
  fields: FieldDecl[];
  /** @internal */
  body: Node[];
  /** @internal */
  schema: Schema;
}

const HEADER_KEYS = ['id', 'title', 'version', 'description', 'numbering', 'format', 'fields'];
const SAMPLE_LINE = /^={3,}\s*样例数据.*$/;

function yamlError(file: string, err: unknown, lineOffset: number, what: string): never {
  if (err instanceof yaml().YAMLParseError) {
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
  if (lines[0]?.trim() !== '---')
    throw new TemplateError(file, 1, '模板应以一行“---”开始，接着是模板信息（id、title、version），再以一行“---”结束');
  const headerEnd = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (headerEnd < 0) throw new TemplateError(file, 1, '模板信息没有以一行“---”结束');
  const sampleStart = lines.findIndex((l, i) => i > headerEnd && SAMPLE_LINE.test(l.trim()));
  if (sampleStart < 0) throw new TemplateError(file, null, '缺少样例数据：正文之后应有一行“=== 样例数据 ===”，下面写 YAML 格式的样例数据');

  let header: Record<string, unknown>;
  try {
    header = (yaml().parse(lines.slice(1, headerEnd).join('\n')) ?? {}) as Record<string, unknown>;
  } catch (err) {
    yamlError(file, err, 1, '模板信息');
  }
  const hline = (key: string) => {
    const i = lines.slice(1, headerEnd).findIndex((l) => l.startsWith(`${key}:`));
    return i >= 0 ? i + 2 : 1;
  };
  if (typeof header !== 'object' || Array.isArray(header)) throw new TemplateError(file, 2, '模板信息应为“键: 值”的形式');
  for (const k of Object.keys(header))
    if (!HEADER_KEYS.includes(k)) throw new TemplateError(file, hline(k), `模板信息中不认识“${k}”（可用：${HEADER_KEYS.join('、')}）`);
  const id = header.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new TemplateError(file, hline('id'), 'id 应为小写字母、数字和连字符，如 ruling-confirm-valid');
  const title = header.title;
  if (typeof title !== 'string' || !title.trim()) throw new TemplateError(file, hline('title'), '缺少 title（文书名称）');
  const version = header.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new TemplateError(file, hline('version'), 'version 应为正整数');
  const numbering = (header.numbering ?? '一、') as NumberStyle;
  if (!NUMBER_STYLES.includes(numbering))
    throw new TemplateError(file, hline('numbering'), `numbering 应为 ${NUMBER_STYLES.join(' ')} 之一`);
  const fmtProblems = formatProblems(header.format);
  if (fmtProblems.length) throw new TemplateError(file, hline('format'), fmtProblems.join('；'));

  let sample: unknown;
  try {
    sample = yaml().parse(lines.slice(sampleStart + 1).join('\n'), { schema: 'core' });
  } catch (err) {
    yamlError(file, err, sampleStart + 1, '样例数据');
  }
  if (!sample || typeof sample !== 'object' || Array.isArray(sample))
    throw new TemplateError(file, sampleStart + 1, '样例数据应为“字段: 值”的形式');
  // An ID number written without quotes is read as a number and loses its last digits.
  const longNumber = (v: unknown, at: string): string | null => {
    if (typeof v === 'number' && Math.abs(v) > Number.MAX_SAFE_INTEGER) return at;
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const hit = longNumber(x, at ? `${at}.${k}` : k);
        if (hit) return hit;
      }
    return null;
  };
  const tooLong = longNumber(sample, '');
  if (tooLong) {
    const key = tooLong.split('.').pop()!;
    const i = lines.slice(sampleStart + 1).findIndex((l) => new RegExp(`^\\s*-?\\s*${key}:`).test(l));
    throw new TemplateError(
      file,
      i >= 0 ? sampleStart + 2 + i : sampleStart + 1,
      `样例数据中 ${tooLong.replace(/\.(\d+)(?=\.|$)/g, '[$1]')} 的数字太长，会丢失末尾的数字：请加引号写成文字，如 "330522198005011234"`,
    );
  }

  const fail = (line: number, m: string): never => {
    throw new TemplateError(file, line, m);
  };
  const body = parseBody(
    lines.slice(headerEnd + 1, sampleStart).map((t, i) => ({ text: t, line: headerEnd + 2 + i })),
    fail,
  );
  const schema = infer(sample);
  const uses: Uses = { paths: new Map(), lists: new Map(), line: 0 };
  checkNodes(body, new Map(), schema, fail, uses);
  const fieldsAt = hline('fields');
  const fieldLine = (key: string) => {
    const i = lines.slice(fieldsAt, headerEnd).findIndex((l) => l.trim().startsWith(`${key}:`));
    return i >= 0 ? fieldsAt + 1 + i : fieldsAt;
  };
  const fields = parseFieldDecls(header.fields, file, fieldsAt, fieldLine);
  checkFieldDecls(fields, uses.paths, schemaPaths(schema), file);

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
    fields,
    body,
    schema,
  };
  // The sample must fill the template: a template that cannot preview is refused now, not at the counter.
  fillTemplate(t, t.sample);
  return t;
}
