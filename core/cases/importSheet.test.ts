import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { residentId } from '../../test/fixtures';
import { countRows, createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';

let h: Harness;
let clerk: string;

beforeEach(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  const admin = await setUpCourt(h);
  clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
});
afterEach(() => h.close());

const HEADERS = [
  '序号',
  '移送日期',
  '纠纷类型',
  '申请人',
  '申请人身份证号码',
  '申请人联系电话',
  '被申请人',
  '被申请人证件号码',
  '争议金额',
  '调解请求',
  '被申请人法定代表人',
  '被申请人法定代表人职务',
];

/** A row a 综治中心 would send: a person against a person or a company, a cause of the 2025 catalogue. */
function goodRow(i: number): (string | number | Date)[] {
  const seq = String(100 + (i % 800)).padStart(3, '0');
  return [
    i,
    new Date(Date.UTC(2026, 10, 1 + (i % 28))),
    i % 2 ? '民间借贷纠纷' : '买卖合同纠纷',
    `申请人${i}`,
    residentId('330522', `1980${String(1 + (i % 12)).padStart(2, '0')}15`, seq),
    `1390572${String(1000 + i).slice(-4)}`,
    i % 3 ? `被申请人${i}` : '长兴明珠物业服务有限公司',
    i % 3 ? residentId('330523', '19900101', seq) : '91350100M000100Y43',
    `${(i * 37) % 90000}.50`,
    '请求调解',
    '赵五',
    '执行董事',
  ];
}

/** Twenty rows, each wrong in one way the counter refuses, with the column and the reason expected. */
const BAD: { patch: (r: (string | number | Date)[]) => void; column: string; message: RegExp }[] = [
  ...Array.from({ length: 5 }, () => ({
    patch: (r: (string | number | Date)[]) => (r[4] = String(r[4]).slice(0, 17) + (String(r[4]).endsWith('1') ? '2' : '1')),
    column: '申请人身份证号码',
    message: /校验/,
  })),
  ...Array.from({ length: 4 }, () => ({
    patch: (r: (string | number | Date)[]) => (r[8] = '-500'),
    column: '争议金额',
    message: /不能为负数/,
  })),
  ...Array.from({ length: 3 }, () => ({
    patch: (r: (string | number | Date)[]) => (r[8] = '12.345'),
    column: '争议金额',
    message: /两位小数/,
  })),
  ...Array.from({ length: 3 }, () => ({
    patch: (r: (string | number | Date)[]) => (r[2] = '邻里吵架'),
    column: '纠纷类型',
    message: /案由/,
  })),
  ...Array.from({ length: 2 }, () => ({
    patch: (r: (string | number | Date)[]) => ((r[6] = '长兴某某贸易有限公司'), (r[7] = '91330522MA2B3C4D5X')),
    column: '被申请人证件号码',
    message: /统一社会信用代码/,
  })),
  ...Array.from({ length: 2 }, () => ({
    patch: (r: (string | number | Date)[]) => (r[1] = '2027-01-05'),
    column: '移送日期',
    message: /不能晚于今天/,
  })),
  { patch: (r) => (r[3] = ''), column: '申请人', message: /姓名/ },
];

async function sheet(rows: (string | number | Date)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('移送案件');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const options = (fileBase64: string) => ({
  fileBase64,
  fileName: '雉城街道综治中心11月移送.xlsx',
  caseType: '调登' as const,
  source: 'zongzhi' as const,
  sourceName: '雉城街道综治中心',
});

describe('importing cases sent by another body', () => {
  it('a 500-row sheet with 20 bad rows: the preview shows the 20 with reasons and nothing is written until confirmed', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => goodRow(i + 1));
    const badAt = BAD.map((_, k) => 10 + k * 23); // spread through the sheet
    BAD.forEach((b, k) => b.patch(rows[badAt[k]!]!));
    const file = await sheet(rows);
    const casesBefore = countRows(h.core, 'cases');
    const auditBefore = countRows(h.core, 'audit_log');

    const preview = await h.call('cases.importPreview', options(file), clerk);
    expect(preview.total).toBe(500);
    expect(preview.accepted).toBe(480);
    expect(preview.refused).toHaveLength(20);
    // the columns were found from the headers
    expect(preview.mapping).toMatchObject({
      receivedOn: '移送日期',
      cause: '纠纷类型',
      applicantId: '申请人身份证号码',
      amount: '争议金额',
    });
    BAD.forEach((b, k) => {
      const r = preview.refused[k]!;
      expect(r.row, `bad row ${k}`).toBe(badAt[k]! + 2); // header is row 1, data from row 2
      expect(r.column, `bad row ${k}: ${r.message}`).toBe(b.column);
      expect(r.message).toMatch(b.message);
    });
    // nothing written by the preview
    expect(countRows(h.core, 'cases')).toBe(casesBefore);
    expect(countRows(h.core, 'audit_log')).toBe(auditBefore);

    // confirming with refused rows needs the clerk's explicit choice to leave them out
    const refusedConfirm = await h.fail('cases.importConfirm', { ...options(file), digest: preview.digest }, clerk);
    expect(refusedConfirm.message).toBe('有 20 行未通过校验：请修改工作表后重新导入，或选择跳过这些行');
    expect(countRows(h.core, 'cases')).toBe(casesBefore);

    const done = await h.call('cases.importConfirm', { ...options(file), digest: preview.digest, skipRefused: true }, clerk);
    expect(done.imported).toBe(480);
    expect(done.skipped).toBe(20);
    expect(countRows(h.core, 'cases')).toBe(casesBefore + 480);
    expect(done.numbers[0]).toMatch(/^调登〔2026〕\d{4}$/);
    // one audit row per filed case and one for the import, naming the rows left out
    const entry = h.core.sqlite.prepare(`SELECT after FROM audit_log WHERE operation = 'cases.importConfirm'`).get() as { after: string };
    const after = JSON.parse(entry.after);
    expect(after).toMatchObject({ source: '综治中心', sourceName: '雉城街道综治中心', rows: 500, imported: 480 });
    expect(after.skipped).toHaveLength(20);
    expect(countRows(h.core, 'audit_log')).toBe(auditBefore + 481);
  }, 120_000);

  it('is all or nothing: a failure on any row while filing writes none of them', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => goodRow(i + 1));
    const file = await sheet(rows);
    const preview = await h.call('cases.importPreview', options(file), clerk);
    expect(preview.refused).toEqual([]);
    // the register's numbering breaks between preview and confirmation: the 30th filing fails
    h.core.sqlite.exec(
      `CREATE TRIGGER fail_30 BEFORE INSERT ON cases WHEN (SELECT count(*) FROM cases) >= 29 BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const before = countRows(h.core, 'cases');
    const e = await h.fail('cases.importConfirm', { ...options(file), digest: preview.digest }, clerk);
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(countRows(h.core, 'cases')).toBe(before);
    expect(countRows(h.core, 'parties')).toBe(0);
    expect(
      h.core.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE operation IN ('cases.file', 'cases.importConfirm')`).pluck().get(),
    ).toBe(0);
  });

  it('takes the clerk’s column mapping, refuses a confirmation of something else than was previewed, and names a missing column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['日期(收)', '事由', '来访人', '身份证']);
    ws.addRow(['2026-11-20', '民间借贷纠纷', '张三', residentId('330522', '19850312', '123')]);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const guessed = await h.call('cases.importPreview', options(file), clerk);
    expect(guessed.refused[0]).toMatchObject({ column: '收案日期', message: '请为“收案日期”选择对应的列' });
    const mapping = { receivedOn: '日期(收)', cause: '事由', applicantName: '来访人', applicantId: '身份证' };
    const mapped = await h.call('cases.importPreview', { ...options(file), mapping }, clerk);
    expect(mapped).toMatchObject({ accepted: 1, refused: [] });
    const other = await h.fail(
      'cases.importConfirm',
      { ...options(file), mapping: { ...mapping, applicantId: '' }, digest: mapped.digest },
      clerk,
    );
    expect(other.message).toBe('导入内容或列对应关系与预览时不同，请重新预览后再确认');
    const done = await h.call('cases.importConfirm', { ...options(file), mapping, digest: mapped.digest }, clerk);
    expect(done.imported).toBe(1);
    const bad = await h.fail('cases.importPreview', { ...options(Buffer.from('hello').toString('base64')) }, clerk);
    expect(bad.message).toBe('无法读取该文件：请上传 Excel 工作簿（.xlsx）');
  });
});
