import { describe, expect, it } from 'vitest';
import { builtinTemplates, fillTemplate, parseTemplate, TemplateError, unknownDataFields, type Template } from '.';
import type { Block } from '../model';

/**
 * A template file from a body and a sample; the header takes lines 1–6 (line 5 declares the fields the body
 * uses, found by asking the checker itself), so the body starts on line 7.
 */
function tpl(body: string, sample = 'court:\n  name: 某某人民法院\nitems:\n  - a\n  - b\npeople:\n  - name: 甲\n    age: 30\n') {
  const fields = new Set<string>();
  const source = () =>
    `---\nid: t\ntitle: 测试\nversion: 1\nfields: {${[...fields].map((p) => `${p}: 字段`).join(', ')}}\n---\n${body}\n=== 样例数据 ===\n${sample}`;
  for (let round = 0; round < 40; round++) {
    try {
      parseTemplate(source(), 't');
      break;
    } catch (err) {
      const m =
        err instanceof TemplateError
          ? (/字段 (\S+) 没有写明名称和类型/.exec(err.problem) ?? /fields 中的 (\S+) 正文没有用到/.exec(err.problem))
          : null;
      if (!m) break;
      if (fields.has(m[1]!)) fields.delete(m[1]!);
      else fields.add(m[1]!);
    }
  }
  return source();
}

function refused(source: string): TemplateError {
  try {
    parseTemplate(source, 'templates/t.txt');
  } catch (err) {
    if (err instanceof TemplateError) return err;
    throw err;
  }
  throw new Error('the template was accepted');
}

const text = (blocks: Block[]) =>
  blocks
    .map((b) =>
      'runs' in b
        ? b.runs.map((r) => r.text).join('')
        : b.type === 'numbered'
          ? b.items.map((i) => i.map((r) => r.text).join('')).join('|')
          : b.type === 'party'
            ? b.lines.map((i) => i.map((r) => r.text).join('')).join('|')
            : b.type,
    )
    .join('\n');

describe('built-in templates', () => {
  it('load, validate, and fill from their own sample data', () => {
    const all = builtinTemplates(undefined, { reload: true });
    expect([...all.keys()].sort()).toEqual([
      'case-receipt',
      'docket-appearance-notice',
      'docket-judgment',
      'docket-mediation-paper',
      'docket-ruling-deemed-withdrawal',
      'docket-ruling-withdrawal',
      'docket-summons',
      'fee-notice',
      'mediation-agreement',
      'mediation-delegation-letter',
      'mediation-ended-notice',
      'mediation-entrustment-letter',
      'mediation-notice',
      'mediation-paper',
      'notice',
      'relief-decision',
      'relief-refusal',
      'ruling-confirm-deemed-withdrawn',
      'ruling-confirm-not-accepted',
      'ruling-confirm-reject',
      'ruling-confirm-valid',
      'ruling-confirm-withdraw',
    ]);
    for (const t of all.values()) {
      expect(t.versionLabel).toBe(String(t.version));
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      const model = fillTemplate(t, t.sample);
      expect(model.meta).toMatchObject({ templateId: t.id, templateVersion: String(t.version) });
      expect(model.meta.title).toBe(t.id === 'relief-decision' ? '准予缓交诉讼费用决定书' : t.title);
      expect(unknownDataFields(t, t.sample)).toEqual([]);
    }
  });
});

describe('template validation names the file and the line', () => {
  it('refuses an unknown placeholder, and says which fields exist', () => {
    const e = refused(tpl('【标题】{{court.name}}\n正文{{court.nmae}}。'));
    expect(e.message).toBe('模板 templates/t.txt 第 8 行：未知字段 {{court.nmae}}：“court”中没有“nmae”（可用：name）');
    expect(e.line).toBe(8);
    expect(refused(tpl('{{caseNo}}')).message).toMatch(
      /^模板 templates\/t.txt 第 7 行：未知字段 \{\{caseNo\}\}：样例数据中没有“caseNo”（可用：court、items、people）/,
    );
  });

  it('checks fields of list items inside {{#each}}', () => {
    expect(parseTemplate(tpl('{{#each people as p}}\n{{p.name}}，{{p.age}}岁\n{{/each}}'), 't').id).toBe('t');
    const e = refused(tpl('{{#each people as p}}\n{{p.nmae}}\n{{/each}}'));
    expect(e.message).toMatch(/第 8 行：未知字段 \{\{p.nmae\}\}：“p”中没有“nmae”（可用：name、age）/);
    expect(refused(tpl('{{people.name}}')).message).toMatch(/它是列表，请用 \{\{#each\}\}/);
    expect(refused(tpl('{{people}}')).message).toMatch(/是列表/);
    expect(refused(tpl('{{#each court as c}}\n{{c}}\n{{/each}}')).message).toMatch(/第 7 行.*“court”不是列表/);
  });

  it('refuses broken blocks', () => {
    expect(refused(tpl('一\n{{#each items as i}}\n{{i}}')).message).toMatch(/第 8 行：“\{\{#each …\}\}”没有以“\{\{\/each\}\}”结束/);
    expect(refused(tpl('一\n{{/if}}')).message).toMatch(/第 8 行：多余的“\{\{\/if\}\}”/);
    expect(refused(tpl('{{#if court.name}}\n一\n{{/each}}')).message).toMatch(/第 9 行：“\{\{\/each\}\}”与第 7 行的“\{\{#if\}\}”不配对/);
    expect(refused(tpl('{{else}}')).message).toMatch(/第 7 行：“\{\{else\}\}”前没有/);
    expect(refused(tpl('甲{{#if court.name}}乙')).message).toMatch(/第 7 行：行内“\{\{#if …\}\}”没有以“\{\{\/if\}\}”结束/);
    expect(refused(tpl('甲{{court.name')).message).toMatch(/第 7 行：“\{\{”没有对应的“\}\}”/);
    expect(refused(tpl('【表格 30,30】\n甲|乙')).message).toMatch(/第 7 行：【表格】没有以【\/表格】结束/);
    expect(refused(tpl('【表格 30,30】\n甲|乙|丙\n【/表格】')).message).toMatch(/第 8 行：这一行有 3 个单元格，表格只有 2 列/);
    expect(refused(tpl('{{#each items}}\n{{/each}}')).message).toMatch(/第 7 行：循环应写作/);
  });

  it('refuses unknown markers and filters, listing the ones there are', () => {
    expect(refused(tpl('【标提】{{court.name}}')).message).toMatch(/第 7 行：不认识的标记【标提】。可用的标记：【正文】【标题】/);
    expect(refused(tpl('{{court.name | chinesedate}}')).message).toMatch(/第 7 行：不认识的过滤器“chinesedate”（可用：chineseDate、date/);
    expect(refused(tpl('{{items | pluck name}}')).message).toMatch(/第 7 行/);
    expect(refused(tpl('{{people | pluck nmae | join}}')).message).toMatch(/列表项中没有“nmae”（可用：name、age）/);
    expect(refused(tpl('【编号 A.】甲')).message).toMatch(/编号样式应为/);
  });

  it('refuses a bad header, format setting or sample, naming the line', () => {
    expect(refused('id: t\n').message).toMatch(/第 1 行：模板应以一行“---”开始/);
    expect(refused(tpl('甲').replace('version: 1', 'version: 一')).message).toMatch(/第 4 行：version 应为正整数/);
    expect(refused(tpl('甲').replace('version: 1', 'version: 1\nauthor: 我')).message).toMatch(/第 5 行：模板信息中不认识“author”/);
    expect(refused(tpl('甲').replace('version: 1', 'version: 1\nformat:\n  page:\n    marginTop: 30')).message).toMatch(
      /未知的版式设置：page.marginTop/,
    );
    expect(refused(`---\nid: t\ntitle: 测试\nversion: 1\n---\n甲\n`).message).toMatch(/缺少样例数据/);
    const yamlError = refused(tpl('甲', 'court:\n  name: [未闭合\n'));
    expect(yamlError.message).toMatch(/样例数据的 YAML 写法有误/);
    expect(yamlError.line).toBeGreaterThanOrEqual(9);
    expect(refused(tpl('{{id}}', 'id: 330522198005011234\n')).message).toMatch(/第 9 行：样例数据中 id 的数字太长.*请加引号/);
  });

  it('a template its own sample cannot fill is refused at load, not at the counter', () => {
    expect(refused(tpl('{{court.name}}', 'court:\n  name: null\n')).message).toMatch(/第 7 行：数据缺少字段：court.name/);
  });
});

describe('filling', () => {
  const t: Template = parseTemplate(
    tpl(
      [
        '【标题】{{court.name}}',
        '【顶格】{{people | pluck name | join}}：',
        '{{#each people as p}}',
        '【当事人】{{p.name}}{{#if p.age}}，{{p.age}}岁{{else}}，年龄不详{{/if}}。',
        '{{/each}}',
        '{{#if court.name == "某某人民法院"}}',
        '相等。**加粗{{court.name}}**。',
        '{{else}}',
        '不等。',
        '{{/if}}',
        '{{#each items as it}}',
        '【编号 （一）】{{it}}',
        '{{/each}}',
        '金额{{fen | yuan}}（{{fen | amountWords}}），{{date | chineseDate}}，{{date | date}}，{{art | articleNo}}，共{{items | count}}项。',
        '【署名】审判员 {{judge}}',
        '【日期】{{date | chineseDate}}',
        '【院印】',
        '【核对】',
      ].join('\n'),
      'court:\n  name: 某某人民法院\nitems: [甲事项, 乙事项]\npeople:\n  - name: 甲\n    age: 30\n  - name: 乙\n    age: null\nfen: 123450\ndate: 2026-11-23\nart: 205\njudge: 王五\n',
    ),
    'templates/t.txt',
  );

  it('fills placeholders, conditions, lists and filters into blocks', () => {
    const m = fillTemplate(t, t.sample);
    expect(m.blocks.map((b) => b.type)).toEqual([
      'title',
      'paragraph',
      'party',
      'party',
      'paragraph',
      'numbered',
      'paragraph',
      'signature',
    ]);
    expect(text(m.blocks.slice(0, 7))).toBe(
      [
        '某某人民法院',
        '甲、乙：',
        '甲，30岁。',
        '乙，年龄不详。',
        '相等。加粗某某人民法院。',
        '甲事项|乙事项',
        '金额￥1,234.50（人民币壹仟贰佰叁拾肆元伍角），二〇二六年十一月二十三日，2026年11月23日，第二百零五条，共2项。',
      ].join('\n'),
    );
    const para = m.blocks[4] as Extract<Block, { type: 'paragraph' }>;
    expect(para.runs).toEqual([{ text: '相等。' }, { text: '加粗某某人民法院', bold: true }, { text: '。' }]);
    expect(m.blocks[5]).toMatchObject({ type: 'numbered', style: '（一）' });
    expect(m.blocks[7]).toEqual({
      type: 'signature',
      lines: [
        { kind: 'role', role: '审判员', name: '王五' },
        { kind: 'date', text: '二〇二六年十一月二十三日' },
        { kind: 'seal', text: '（院印）' },
        { kind: 'verified', text: '本件与原本核对无异' },
      ],
    });
  });

  it('a field missing from the data is an error naming the field and the line, never a blank in a court document', () => {
    expect(() => fillTemplate(t, { ...t.sample, judge: '' })).toThrow(/第 21 行：数据缺少字段：judge/);
    expect(() => fillTemplate(t, { ...t.sample, date: '2026-02-30' })).toThrow(/第 20 行：\{\{date \| chineseDate\}\}：日期不存在/);
  });

  it('names data fields the template does not know (a misspelt key in an input file)', () => {
    expect(unknownDataFields(t, { ...t.sample, judeg: '王五', people: [{ name: '甲', agee: 3 }] })).toEqual(['people[0].agee', 'judeg']);
  });
});

describe('document titles', () => {
  it('name the document as printed when the title line is filled from data, else as the template', () => {
    const all = builtinTemplates();
    const title = (id: string, data?: Record<string, unknown>) =>
      fillTemplate(all.get(id)!, { ...all.get(id)!.sample, ...data }).meta.title;
    expect(title('relief-decision')).toBe('准予缓交诉讼费用决定书');
    expect(title('relief-decision', { title: '准予免交诉讼费用决定书' })).toBe('准予免交诉讼费用决定书');
    expect(title('ruling-confirm-valid')).toBe('民事裁定书（确认调解协议有效）');
    expect(title('case-receipt')).toBe('收案回执');
  });
});

describe('where the built-in templates come from', () => {
  it('is the folder the shell passed in; core/ never looks at an Electron resources path', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { builtinTemplatesDir } = await import('./builtin');
    const { useBuiltinTemplatesDir } = await import('./dir');
    const before = builtinTemplatesDir();
    const elsewhere = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'tpl-'));
    fs.copyFileSync(path.join(before, 'notice.txt'), path.join(elsewhere, 'notice.txt'));
    try {
      useBuiltinTemplatesDir(elsewhere);
      expect(builtinTemplatesDir()).toBe(elsewhere);
      expect([...builtinTemplates().keys()]).toEqual(['notice']);
    } finally {
      useBuiltinTemplatesDir(before);
    }
    const coreDir = path.resolve(before, '../core');
    const offenders = (fs.readdirSync(coreDir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => fs.readFileSync(path.join(coreDir, f), 'utf8').includes('resourcesPath'));
    expect(offenders).toEqual([]);
  });
});

describe('declared fields (fields: in the header)', () => {
  const file = (fields: string, body: string, sample: string) =>
    `---\nid: t\ntitle: 测试\nversion: 1\n${fields}---\n${body}\n=== 样例数据 ===\n${sample}`;
  const sample = 'caseNumber: （2026）浙0522民初1号\nfee:\n  amountFen: 330000\n  amount: 3,300.00\nlines:\n  - label: 甲\n';
  const body =
    '【案号】{{caseNumber}}\n应交{{fee.amount}}元（{{fee.amountFen | amountWords}}）。\n{{#each lines as l}}\n{{l.label}}\n{{/each}}';
  const good =
    'fields:\n  caseNumber: 案号 | 案号\n  fee.amountFen: 应交金额 | 金额\n  fee.amount: 应交金额（元） | 金额文字 fee.amountFen\n  lines: 各项 | 列表\n  lines.label: 项目\n';

  it('gives every field a Chinese name and a kind, in the order written; loop variables name their list', () => {
    const t = parseTemplate(file(good, body, sample), 't');
    expect(t.fields.map((f) => [f.path, f.label, f.type, f.from ?? ''])).toEqual([
      ['caseNumber', '案号', 'caseNumber', ''],
      ['fee.amountFen', '应交金额', 'money', ''],
      ['fee.amount', '应交金额（元）', 'moneyText', 'fee.amountFen'],
      ['lines', '各项', 'list', ''],
      ['lines.label', '项目', 'text', ''],
    ]);
    const choice = parseTemplate(
      file(
        good + '  you: 称呼 | 选项 你 你单位\n  kind: 类别 | 选项 person=自然人 organisation=单位\n',
        body + '\n{{you}}{{kind}}',
        sample + 'you: 你\nkind: person\n',
      ),
      't',
    );
    expect(choice.fields.find((f) => f.path === 'kind')!.choices).toEqual([
      { value: 'person', label: '自然人' },
      { value: 'organisation', label: '单位' },
    ]);
  });

  it('refuses a template without fields, a placeholder not declared, a declared field not used, naming the line', () => {
    expect(refused(file('', body, sample)).message).toMatch(/第 1 行：模板信息缺少 fields/);
    const undeclared = refused(file(good.replace('  lines.label: 项目\n', ''), body, sample));
    expect(undeclared.message).toMatch(/第 14 行：字段 lines.label 没有写明名称和类型/);
    const unused = refused(file(good + '  date: 日期 | 日期\n', body, sample + 'date: 2026-11-23\n'));
    expect(unused.message).toMatch(/第 11 行：fields 中的 date 正文没有用到/);
    expect(refused(file(good.replace('项目', 'label'), body, sample)).message).toMatch(/第 10 行：fields 中的 lines.label：名称应为中文/);
    expect(refused(file(good.replace('| 案号', '| 案件号'), body, sample)).message).toMatch(/第 6 行：.*不认识的类型“案件号”/);
    expect(refused(file(good.replace('应交金额 | 金额', '应交金额 | 数字'), body, sample)).message).toMatch(
      /fee.amount：由 fee.amountFen 得出，但 fee.amountFen 没有写成“金额”类型/,
    );
    expect(refused(file(good + '  nope: 无 | 文字\n', body + '\n{{#if nope}}有{{/if}}', sample)).message).toMatch(
      /第 18 行：未知字段 \{\{nope\}\}/,
    );
  });

  it('every built-in template declares every field it uses with a Chinese name', () => {
    for (const t of builtinTemplates().values()) {
      expect(t.fields.length).toBeGreaterThan(3);
      for (const f of t.fields) expect(f.label, `${t.id} ${f.path}`).toMatch(/[\u3400-\u9fff]/);
      // money is declared as fen (金额) and shown in 元; no name speaks of 分
      for (const f of t.fields) expect(f.label).not.toMatch(/分）|（分/);
    }
  });
});
