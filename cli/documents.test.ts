import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { court, initCourt } from '../test/cli';
import { expectInOrder, PDFTOTEXT, pdfText } from '../test/pdf';

const ROOT = path.resolve(__dirname, '..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'court-render-'));

describe('court template / render', () => {
  it('lists the templates with id, title and version', async () => {
    const r = await court('template', 'list', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      expect.arrayContaining([
        { id: 'ruling-confirm-valid', title: '民事裁定书（确认调解协议有效）', version: '1', origin: 'builtin' },
        { id: 'ruling-confirm-reject', title: '民事裁定书（驳回司法确认申请）', version: '1', origin: 'builtin' },
        { id: 'case-receipt', title: '收案回执', version: '1', origin: 'builtin' },
        { id: 'notice', title: '通知书', version: '1', origin: 'builtin' },
      ]),
    );
  });

  it('renders a ruling from a JSON input as PDF and DOCX; a missing field is refused naming it', async () => {
    const dir = tmp();
    const sample = JSON.parse(
      (await court('render', '--template', 'ruling-confirm-reject', '--sample', '--format', 'pdf', '--out', path.join(dir, 's.pdf')))
        .stdout,
    );
    expect(sample).toMatchObject({ ok: true, template: 'ruling-confirm-reject', version: '1', format: 'pdf', pages: 2 });
    // the input file: the sample data of the template, as JSON, for another applicant
    const input = path.join(dir, 'input.json');
    const data = {
      court: { name: '浙江省长兴县人民法院' },
      caseNumber: '（2026）浙0522民特200号',
      applicants: [
        {
          role: '申请人',
          kind: 'person',
          name: '钱多多',
          sex: '女',
          birthDate: '1990-01-02',
          ethnicity: '汉族',
          address: '长兴县龙山街道',
          idNumber: '33052219900102002X',
          agents: [],
        },
        {
          role: '申请人',
          kind: 'person',
          name: '孙少少',
          sex: '男',
          birthDate: '1988-12-31',
          ethnicity: '回族',
          address: '长兴县龙山街道',
          idNumber: '330522198812310017',
          agents: [],
        },
      ],
      applicationDate: '2026-11-20',
      acceptanceDate: '2026-11-20',
      judge: '王五',
      agreement: {
        date: '2026-11-18',
        organisation: '长兴县龙山街道人民调解委员会',
        terms: ['孙少少于2026年12月1日前归还钱多多借款5,000元。'],
      },
      // the template's own fields (templates/ruling-confirm-reject.txt): the reasoning without its full stop, and
      // the citation of the one ground found — 违反自愿原则, 解释 art. 358 item 4 — as the register would write it
      reasoning: '该调解协议并非双方当事人的真实意思表示，违反自愿原则',
      citation:
        '《中华人民共和国民事诉讼法》第二百零五条、第二百零六条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十八条第四项',
      effectLine: '本裁定自即日起发生法律效力。',
      decisionDate: '2026-11-27',
      clerk: '赵六',
    };
    fs.writeFileSync(input, JSON.stringify(data));
    for (const format of ['pdf', 'docx']) {
      const out = path.join(dir, `r.${format}`);
      const r = await court('render', '--template', 'ruling-confirm-reject', '--input', input, '--format', format, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ template: 'ruling-confirm-reject', version: '1', format });
      expect(fs.readFileSync(out).subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
      if (format === 'pdf' && PDFTOTEXT)
        expectInOrder(pdfText(fs.readFileSync(out)), [
          '钱多多',
          '33052219900102002X',
          '本院经审查认为，该调解协议并非双方当事人的真实意思表示，违反自愿原则。依照',
          '第三百五十八条第四项规定，裁定如下：',
          '驳回申请人钱多多、孙少少的司法确认申请。',
          '审判员王五',
        ]);
    }
    fs.writeFileSync(input, JSON.stringify({ ...data, judge: undefined }));
    const missing = await court(
      'render',
      '--template',
      'ruling-confirm-reject',
      '--input',
      input,
      '--format',
      'pdf',
      '--out',
      path.join(dir, 'x.pdf'),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：模板 templates\/ruling-confirm-reject.txt 第 \d+ 行：数据缺少字段：judge/);
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  }, 90_000);

  it('renders the receipt of a case; a ruling cannot be made from a case alone', async () => {
    const dir = tmp();
    expect((await initCourt(dir)).code).toBe(0);
    expect((await court('seed', '--data', dir, '--cases', '3')).code).toBe(0);
    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    const { number } = db.prepare('SELECT number FROM cases ORDER BY id LIMIT 1').get() as { number: string };
    db.close();
    const out = path.join(dir, 'receipt.pdf');
    const r = await court('render', '--template', 'case-receipt', '--case', number, '--data', dir, '--format', 'pdf', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ template: 'case-receipt', pages: 1 });
    const ruling = await court(
      'render',
      '--template',
      'ruling-confirm-valid',
      '--case',
      number,
      '--data',
      dir,
      '--format',
      'pdf',
      '--out',
      path.join(dir, 'x.pdf'),
    );
    expect(ruling.code).toBe(1);
    expect(ruling.stderr).toMatch(/仅凭案件无法生成.*--input.*--sample/);
    expect((await court('render', '--template', 'case-receipt', '--case', number, '--format', 'pdf', '--out', out)).code).toBe(2);
  }, 90_000);

  it('checks a template file an editor changed, naming the line', async () => {
    const dir = tmp();
    const file = path.join(dir, 'notice.txt');
    fs.writeFileSync(
      file,
      fs.readFileSync(path.join(ROOT, 'templates/notice.txt'), 'utf8').replace('特此通知。', '特此通知。{{court.nmae}}'),
    );
    const r = await court('template', 'check', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/第 \d+ 行：未知字段 \{\{court.nmae\}\}/);
    expect((await court('template', 'check', path.join(ROOT, 'templates/notice.txt'))).code).toBe(0);
  }, 60_000);
});
