import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { civilFirstInstance, residentId } from '../../test/fixtures';
import { ADMIN, countRows, createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { agreementTerms, legacyDate, legacyImportJob } from './importLegacy';

let h: Harness;
let coord: string;

beforeEach(async () => {
  h = createHarness({ start: '2026-12-02T09:00:00+08:00' });
  const admin = await setUpCourt(h);
  coord = await userToken(h, admin, 'coord', '周调解', ['mediation']);
});
afterEach(() => h.close());

/** The columns of an old 诉前调解 system's export, in its own words. */
const HEADERS = [
  '序号',
  '案号',
  '收案日期',
  '案由',
  '申请人',
  '申请人身份证号码',
  '申请人联系电话',
  '被申请人',
  '被申请人证件号码',
  '被申请人法定代表人',
  '被申请人法定代表人职务',
  '标的额',
  '调解组织',
  '调解员',
  '调解结果',
  '结案日期',
  '结案方式',
  '调解不成原因',
  '协议内容',
] as const;
type Header = (typeof HEADERS)[number];
type Row = Record<Header, string | number | Date>;

const STATES = ['调解中', '调解成功', '调解不成', '撤回'] as const;
const TERMS = '1. 被申请人于收到协议后十日内支付申请人 12.50 元；2、双方再无其他争议。';

/** Row i: a 2023 or 2024 民诉前调 record, in one of the four old states, with dates written as the old system does. */
function goodRow(i: number): Row {
  const year = i % 2 ? 2023 : 2024;
  const month = 1 + (i % 10);
  const day = 1 + (i % 27);
  const received = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const state = STATES[i % 4]!;
  const seq = String(100 + (i % 800)).padStart(3, '0');
  const company = i % 3 === 0;
  return {
    序号: i,
    案号: `（${year}）浙0522民诉前调${i}号`,
    // half as Excel dates, half as the text an old export writes
    收案日期: i % 2 ? new Date(`${received}T00:00:00Z`) : `${year}/${month}/${day}`,
    案由: i % 2 ? '民间借贷纠纷' : '买卖合同纠纷',
    申请人: `申请人${i}`,
    申请人身份证号码: residentId('330522', `1980${String(1 + (i % 12)).padStart(2, '0')}15`, seq),
    申请人联系电话: `1390572${String(1000 + i).slice(-4)}`,
    被申请人: company ? '长兴明珠物业服务有限公司' : `被申请人${i}`,
    被申请人证件号码: company ? '91350100M000100Y43' : residentId('330523', '19900101', seq),
    被申请人法定代表人: company ? '赵五' : '',
    被申请人法定代表人职务: company ? '执行董事' : '',
    标的额: `${(i * 37) % 90000}.50`,
    调解组织: '雉城街道人民调解委员会',
    调解员: `调解员${i % 7}`,
    调解结果: state,
    结案日期: state === '调解中' ? '' : `${year}年${month + 1}月${day}日`,
    结案方式: state === '调解成功' ? (i % 3 ? '司法确认' : '自动履行') : '',
    调解不成原因: state === '调解不成' ? '分歧较大' : '',
    协议内容: state === '调解成功' ? TERMS : '',
  };
}

/** Twenty rows, each wrong in one way, with the column the preview names and the reason expected. */
const BAD: { patch: (r: Row) => void; column: string; message: RegExp }[] = [
  ...Array.from({ length: 3 }, () => ({
    patch: (r: Row) => {
      const id = String(r.申请人身份证号码);
      r.申请人身份证号码 = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    },
    column: '申请人身份证号码',
    message: /校验/,
  })),
  {
    patch: (r) => ((r.被申请人 = '长兴某某贸易有限公司'), (r.被申请人证件号码 = '91330522MA2B3C4D5X')),
    column: '被申请人证件号码',
    message: /统一社会信用代码/,
  },
  { patch: (r) => (r.标的额 = '-500'), column: '标的额', message: /不能为负数/ },
  { patch: (r) => (r.标的额 = '12.345'), column: '标的额', message: /两位小数/ },
  { patch: (r) => (r.案号 = '（2024）浙0522民初5号'), column: '案号', message: /不是“民诉前调”案号/ },
  { patch: (r) => (r.案号 = '（2024）浙0523民诉前调9001号'), column: '案号', message: /法院代字“浙0523”与本院代字“浙0522”不符/ },
  { patch: (r) => (r.案号 = '诉前调123'), column: '案号', message: /格式不正确/ },
  {
    patch: (r) => ((r.案号 = '（2022）浙0522民诉前调9002号'), (r.收案日期 = '2024-05-06')),
    column: '案号',
    message: /案号年度 2022 与收案日期 2024-05-06 不符/,
  },
  {
    patch: (r) => ((r.案号 = '（2025）浙0522民诉前调1号'), (r.收案日期 = '2025-03-01')),
    column: '收案日期',
    message: /晚于 2024-12-31：自 2025 年起不再编立“民诉前调”案号/,
  },
  { patch: (r) => (r.收案日期 = '2024-02-30'), column: '收案日期', message: /有效日期/ },
  { patch: (r) => (r.案号 = '（2023）浙0522民诉前调1号'), column: '案号', message: /与第 2 行重复/ },
  { patch: (r) => (r.调解结果 = '待定'), column: '调解结果', message: /调解状态“待定”无法识别/ },
  {
    patch: (r) => ((r.调解结果 = '调解中'), (r.结案日期 = '2024-06-01')),
    column: '结案日期',
    message: /调解中的案件尚未结案，不应填写结案日期/,
  },
  { patch: (r) => ((r.调解结果 = '调解成功'), (r.结案日期 = '')), column: '结案日期', message: /调解成功的案件须填写结案日期/ },
  {
    patch: (r) => ((r.调解结果 = '调解不成'), (r.结案日期 = '2020-01-01'), (r.结案方式 = ''), (r.协议内容 = '')),
    column: '结案日期',
    message: /不能早于收案日期/,
  },
  {
    patch: (r) => ((r.调解结果 = '调解不成'), (r.结案方式 = ''), (r.协议内容 = ''), (r.调解不成原因 = '天气不好')),
    column: '调解不成原因',
    message: /调解不成原因“天气不好”无法识别/,
  },
  { patch: (r) => (r.申请人 = ''), column: '申请人', message: /姓名/ },
  { patch: (r) => (r.案由 = ''), column: '案由', message: /案由/ },
];

async function sheet(rows: Row[], name = '诉前调解案件'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow([...HEADERS]);
  for (const r of rows) ws.addRow(HEADERS.map((k) => r[k]));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const options = (fileBase64: string) => ({ fileBase64, fileName: '原系统诉前调解案件.xlsx' });

type ConfirmInput = Parameters<typeof h.call<'mediation.legacyImportConfirm'>>[1];

/** Confirms, waits for the import job to end, and returns its report. */
async function confirmed(input: ConfirmInput) {
  const started = await h.call('mediation.legacyImportConfirm', input, coord);
  await legacyImportJob(h.core, started.jobId)!.finished;
  return { ...(await h.call('mediation.legacyImportStatus', { jobId: started.jobId }, coord)), jobId: started.jobId };
}
const counts = () => ({
  cases: countRows(h.core, 'cases'),
  mediations: countRows(h.core, 'mediations'),
  parties: countRows(h.core, 'parties'),
  audit: countRows(h.core, 'audit_log'),
});

describe('importing legacy 民诉前调 records', () => {
  it('a 200-row sheet with 20 bad rows: each is reported with its column and reason, nothing is written until confirmed, once', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => goodRow(i + 1));
    const badAt = BAD.map((_, k) => 5 + k * 9); // spread through the sheet, never on the first row
    BAD.forEach((b, k) => b.patch(rows[badAt[k]!]!));
    const file = await sheet(rows);
    const before = counts();

    const preview = await h.call('mediation.legacyImportPreview', options(file), coord);
    expect(preview.total).toBe(200);
    expect(preview.mapping).toMatchObject({
      number: '案号',
      receivedOn: '收案日期',
      status: '调解结果',
      outcomeOn: '结案日期',
      amount: '标的额',
    });
    expect(preview.refused).toHaveLength(20);
    BAD.forEach((b, k) => {
      const r = preview.refused[k]!;
      expect(r.row, `bad row ${k}`).toBe(badAt[k]! + 2); // header is row 1, data from row 2
      expect(r.column, `bad row ${k}: ${r.message}`).toBe(b.column);
      expect(r.message).toMatch(b.message);
    });
    expect(preview.accepted).toBe(180);
    const { byOutcome } = preview;
    expect(byOutcome['in-progress'] + byOutcome.agreement + byOutcome.failed + byOutcome.withdrawn).toBe(180);
    expect(preview.sample[0]).toMatchObject({
      row: 2,
      number: '（2023）浙0522民诉前调1号',
      receivedOn: '2023-02-02',
      outcome: '调解成功',
      outcomeOn: '2023-03-02',
    });
    expect(counts()).toEqual(before);

    // refused rows are left out only on the coordinator's explicit choice
    const unchosen = await h.fail('mediation.legacyImportConfirm', { ...options(file), digest: preview.digest }, coord);
    expect(unchosen.message).toBe('有 20 行未通过校验：请修改工作表后重新导入，或选择跳过这些行');
    expect(counts()).toEqual(before);

    const done = await confirmed({ ...options(file), digest: preview.digest, skipRefused: true });
    expect(done).toMatchObject({
      state: 'done',
      total: 180,
      done: 180,
      imported: 180,
      alreadyImported: 0,
      skipped: 20,
      byOutcome,
      error: null,
    });
    const after = counts();
    expect(after.cases - before.cases).toBe(180);
    expect(after.mediations - before.mediations).toBe(180);
    // an audit row for each case and each mediation, and one for the import naming the rows left out
    expect(after.audit - before.audit).toBe(361);
    const entry = h.core.sqlite
      .prepare(`SELECT entity_id AS id, after FROM audit_log WHERE entity_type = 'mediation_legacy_import'`)
      .get() as { id: string; after: string };
    expect(entry.id).toBe(preview.digest);
    expect(JSON.parse(entry.after)).toMatchObject({ file: '原系统诉前调解案件.xlsx', rows: 200, imported: 180 });
    expect(JSON.parse(entry.after).skipped).toHaveLength(20);

    // a second confirmation of the same preview is refused and writes nothing
    const again = await h.fail('mediation.legacyImportConfirm', { ...options(file), digest: preview.digest, skipRefused: true }, coord);
    expect(again.message).toMatch(/^该预览已于 2026-12-02 09:\d\d 确认导入，不能再次导入$/);
    expect(counts()).toEqual(after);

    // each record keeps its old number, flow, state and dates, and reads like any other
    const numbers = new Set(done.numbers);
    expect(numbers.has('（2023）浙0522民诉前调1号')).toBe(true);
    const views = await Promise.all(done.mediationIds.slice(0, 8).map((id) => h.call('mediation.get', { id }, coord)));
    for (const v of views) {
      expect(v.flowLabel).toBe('诉前调解（旧案）');
      expect(v.caseType).toBe('民诉前调');
      expect(v.caseNumber).toMatch(/^（202[34]）浙0522民诉前调\d+号$/);
    }
    const byNumber = (n: number) => views.find((v) => v.caseNumber.endsWith(`民诉前调${n}号`))!;
    expect(byNumber(1)).toMatchObject({
      statusLabel: '已结案',
      outcome: 'agreement',
      outcomeOn: '2023-03-02',
      closingLabel: '申请司法确认',
      mediator: { id: null, name: '调解员1' },
      org: { id: null, name: '雉城街道人民调解委员会' },
      agreement: {
        terms: ['被申请人于收到协议后十日内支付申请人 12.50 元', '双方再无其他争议。'],
        signedOn: '2023-03-02',
        signatories: [],
      },
    });
    expect(byNumber(2)).toMatchObject({
      statusLabel: '调解不成',
      outcome: 'failed',
      failureReasonLabel: '双方分歧较大，难以达成协议',
      nextStep: '当事人可以起诉',
    });
    expect(byNumber(3)).toMatchObject({ statusLabel: '已结案', outcome: 'withdrawn', closingLabel: '撤回起诉（申请），以其他方式结案' });
    const open = byNumber(4);
    expect(open).toMatchObject({ statusLabel: '调解中', outcome: null, outcomeOn: null, receivedOn: '2024-05-05' });
    expect(open.parties.map((p) => p.role)).toEqual(['申请人', '被申请人']);
    const c = await h.call('cases.get', { id: open.caseId }, coord);
    expect(c.timeline.map((e) => e.summary).join('\n')).toMatch(/自原系统导入，保留原案号 （2024）浙0522民诉前调4号/);

    // still open: it is continued like any other mediation
    const closed = await h.call(
      'mediation.recordAgreement',
      {
        mediationId: open.id,
        terms: ['被申请人于 2026 年 12 月 31 日前支付货款'],
        signedOn: '2026-12-01',
        signatories: ['申请人4', '被申请人4'],
        closing: 'performed',
      },
      coord,
    );
    expect(closed).toMatchObject({ status: 'closed', outcome: 'agreement', flowLabel: '诉前调解（旧案）' });

    // the register lists them under their flow; the series moved past the numbers brought in
    const listed = await h.call('mediation.list', { flow: 'legacy', limit: 200 }, coord);
    expect(listed.rows).toHaveLength(180);
    const series = h.core.sqlite
      .prepare(`SELECT last_serial FROM number_sequences WHERE type_code = '民诉前调' AND year = 2024`)
      .pluck()
      .get() as number;
    expect(series).toBe(200);
  }, 120_000);

  it('recognises rows imported before (left out, counted), refuses a number registered otherwise', async () => {
    const first = await sheet([goodRow(1), goodRow(2), goodRow(3)]);
    const p1 = await h.call('mediation.legacyImportPreview', options(first), coord);
    await confirmed({ ...options(first), digest: p1.digest });

    // the next sheet repeats （2024）浙0522民诉前调2号: imported before, so left out — neither refused nor filed twice
    const second = await sheet([goodRow(2), goodRow(5)]);
    const p2 = await h.call('mediation.legacyImportPreview', options(second), coord);
    expect(p2).toMatchObject({ refused: [], accepted: 1, alreadyImported: 1 });

    // imported between the preview and the confirmation: the confirmation leaves it out too
    const third = await sheet([goodRow(6), goodRow(7)]);
    const p3 = await h.call('mediation.legacyImportPreview', options(third), coord);
    expect(p3).toMatchObject({ refused: [], accepted: 2, alreadyImported: 0 });
    const only7 = await sheet([goodRow(7)]);
    const p4 = await h.call('mediation.legacyImportPreview', options(only7), coord);
    await confirmed({ ...options(only7), digest: p4.digest });
    const late = await confirmed({ ...options(third), digest: p3.digest });
    expect(late).toMatchObject({ state: 'done', imported: 1, alreadyImported: 1, numbers: ['（2024）浙0522民诉前调6号'] });
    const n7 = `SELECT count(*) FROM cases WHERE number = '（2023）浙0522民诉前调7号'`;
    expect(h.core.sqlite.prepare(n7).pluck().get()).toBe(1);

    // a sheet whose rows were all imported has nothing to import
    const again = await h.fail('mediation.legacyImportConfirm', { ...options(only7), digest: p4.digest }, coord);
    expect(again.message).toMatch(/已于 .* 确认导入，不能再次导入/);
    const p5 = await h.call('mediation.legacyImportPreview', options(second), coord);
    await confirmed({ ...options(second), digest: p5.digest });
    const renamed = await sheet([goodRow(2), goodRow(5)], '旧案');
    const p6 = await h.call('mediation.legacyImportPreview', options(renamed), coord);
    expect(p6).toMatchObject({ accepted: 0, alreadyImported: 2 });
    expect((await h.fail('mediation.legacyImportConfirm', { ...options(renamed), digest: p6.digest }, coord)).message).toBe(
      '工作表中的 2 行均已导入过（原案号已在调解登记簿中），没有需要导入的行',
    );

    // a 案号 in the register that is not a legacy record is refused, not taken as imported
    h.core.sqlite
      .prepare(`UPDATE mediations SET flow = 'outside' WHERE case_id = (SELECT id FROM cases WHERE number = '（2023）浙0522民诉前调5号')`)
      .run();
    const p7 = await h.call('mediation.legacyImportPreview', options(await sheet([goodRow(5), goodRow(9)])), coord);
    expect(p7.refused).toEqual([{ row: 2, column: '案号', message: '案号 （2023）浙0522民诉前调5号 已登记，不能重复导入' }]);
  });

  it('writes in committed chunks with the event loop free between them; stopped halfway, a re-run imports the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => goodRow(i + 1));
    const file = await sheet(rows);
    const preview = await h.call('mediation.legacyImportPreview', options(file), coord);
    expect(preview.accepted).toBe(60);
    // a counter case takes row 42's 案号 while the job runs (as a direct edit would): the filing refuses that row
    const clerk = await userToken(h, await setUpCourtAdmin(), 'clerk8', '李书记', ['clerk']);
    const other = await h.call('cases.file', civilFirstInstance() as never, clerk);
    const started = await h.call('mediation.legacyImportConfirm', { ...options(file), digest: preview.digest }, coord);
    expect(started).toMatchObject({ total: 60, alreadyImported: 0, skipped: 0 });
    const takenNumber = '（2024）浙0522民诉前调42号';
    h.core.sqlite.prepare('UPDATE cases SET number = ? WHERE id = ?').run(takenNumber, other.id);
    // the host answers while the job runs: progress is seen between chunks
    const seen: number[] = [];
    const job = legacyImportJob(h.core, started.jobId)!;
    while (job.state === 'running') {
      seen.push((await h.call('mediation.legacyImportStatus', { jobId: started.jobId }, coord)).done);
      await new Promise((r) => setImmediate(r));
    }
    expect(seen.some((n) => n > 0 && n < 60)).toBe(true);
    const stopped = await h.call('mediation.legacyImportStatus', { jobId: started.jobId }, coord);
    expect(stopped.state).toBe('failed');
    expect(stopped.error).toBe(`第 43 行：案号 ${takenNumber} 已登记，不能重复导入`);
    // every committed chunk stays, and the report lists exactly those rows
    const legacy = () =>
      h.core.sqlite
        .prepare(`SELECT c.number FROM mediations m JOIN cases c ON c.id = m.case_id WHERE m.flow = 'legacy' ORDER BY m.id`)
        .pluck()
        .all() as string[];
    expect(stopped.imported).toBeGreaterThan(0);
    expect(stopped.imported).toBeLessThanOrEqual(41);
    expect(stopped.numbers).toEqual(legacy());
    expect(stopped.numbers).toEqual(rows.slice(0, stopped.imported).map((r) => r.案号));
    const importAudit = `SELECT count(*) FROM audit_log WHERE entity_type = 'mediation_legacy_import'`;
    expect(h.core.sqlite.prepare(importAudit).pluck().get()).toBe(0);

    // the number freed again, the same sheet confirmed again: the rows already in are recognised, the rest imported
    h.core.sqlite.prepare('UPDATE cases SET number = ? WHERE id = ?').run(other.number, other.id);
    const again = await h.call('mediation.legacyImportPreview', options(file), coord);
    expect(again).toMatchObject({
      digest: preview.digest,
      accepted: 60 - stopped.imported,
      alreadyImported: stopped.imported,
      refused: [],
    });
    const rest = await confirmed({ ...options(file), digest: again.digest });
    expect(rest).toMatchObject({ state: 'done', imported: 60 - stopped.imported, alreadyImported: stopped.imported });
    expect(legacy()).toEqual(rows.map((r) => r.案号));
    expect(h.core.sqlite.prepare(importAudit).pluck().get()).toBe(1);
    const entry = h.core.sqlite
      .prepare(`SELECT after FROM audit_log WHERE entity_type = 'mediation_legacy_import'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toMatchObject({ rows: 60, imported: 60 - stopped.imported, alreadyImported: stopped.imported });
    // finished now: the same preview is not confirmed a third time
    expect((await h.fail('mediation.legacyImportConfirm', { ...options(file), digest: again.digest }, coord)).message).toMatch(
      /确认导入，不能再次导入/,
    );
  }, 60_000);

  it('takes the coordinator’s column mapping, names a missing column, and refuses a confirmation of another mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['编号(旧)', '日期(收)', '事由', '来访人', '办理情况', '办结']);
    ws.addRow(['（2024）浙0522民诉前调77号', '2024-06-03', '民间借贷纠纷', '张三', '达成协议', '2024.6.20']);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const guessed = await h.call('mediation.legacyImportPreview', options(file), coord);
    expect(guessed.refused[0]).toEqual({ row: 1, column: '案号', message: '请为“案号”选择对应的列' });
    const mapping = {
      number: '编号(旧)',
      receivedOn: '日期(收)',
      cause: '事由',
      applicantName: '来访人',
      status: '办理情况',
      outcomeOn: '办结',
    };
    const mapped = await h.call('mediation.legacyImportPreview', { ...options(file), mapping }, coord);
    expect(mapped).toMatchObject({ accepted: 1, refused: [], sample: [{ outcome: '调解成功', outcomeOn: '2024-06-20' }] });
    const other = await h.fail(
      'mediation.legacyImportConfirm',
      { ...options(file), mapping: { ...mapping, outcomeOn: '' }, digest: mapped.digest },
      coord,
    );
    expect(other.message).toBe('导入内容或列对应关系与预览时不同，请重新预览后再确认');
    const clerk = await userToken(h, await setUpCourtAdmin(), 'clerk9', '李书记', ['clerk']);
    const denied = await h.fail('mediation.legacyImportPreview', { ...options(file), mapping }, clerk);
    expect(denied.status).toBe(403);
    const done = await confirmed({ ...options(file), mapping, digest: mapped.digest });
    expect(done.numbers).toEqual(['（2024）浙0522民诉前调77号']);
  });
});

describe('a legacy agreement and judicial confirmation', () => {
  it('an imported 2023 agreement is long past the 30 days of 民诉法 art. 205: the card says so and the hand-off is refused', async () => {
    // goodRow(1): 调解成功, closed (and signed) 2023-03-02
    const file = await sheet([goodRow(1)]);
    const p = await h.call('mediation.legacyImportPreview', options(file), coord);
    const done = await confirmed({ ...options(file), digest: p.digest });
    const mediationId = done.mediationIds[0]!;
    // 2023-03-02 + 30 days = 2023-04-01, a Saturday → Monday 2023-04-03 (民诉法 art. 85)
    expect(await h.call('confirmation.ofMediation', { mediationId }, coord)).toEqual({
      confirmation: null,
      window: {
        effectiveOn: '2023-03-02',
        due: '2023-04-03',
        rolledFrom: '2023-04-01',
        basis: '《中华人民共和国民事诉讼法》第二百零五条',
        open: false,
      },
    });
    const clerk = await userToken(h, await setUpCourtAdmin(), 'clerk9', '李书记', ['clerk']);
    const before = counts();
    const e = await h.fail(
      'confirmation.applyFromMediation',
      {
        mediationId,
        appliedOn: '2026-12-02',
        organisationKind: 'people',
        organisationPlace: '长兴县雉城街道',
        applicationForm: 'written',
        materials: {
          agreement: 'provided',
          mediationProof: 'provided',
          propertyProof: 'not_applicable',
          identity: 'provided',
          powerOfAttorney: 'not_applicable',
        },
      },
      clerk,
    );
    expect(e.field).toBe('appliedOn');
    expect(e.message).toContain('申请期限至 2023-04-03 届满（《中华人民共和国民事诉讼法》第二百零五条）');
    expect(counts()).toEqual(before);
    expect(countRows(h.core, 'confirmations')).toBe(0);
  });
});

/** The admin's token (the court is set up in beforeEach). */
async function setUpCourtAdmin(): Promise<string> {
  return (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
}

describe('reading the old system’s cells', () => {
  it('splits an agreement into its numbered items without splitting amounts', () => {
    expect(agreementTerms('1. 甲支付乙 12.50 元；2、乙放弃其他请求。')).toEqual(['甲支付乙 12.50 元', '乙放弃其他请求。']);
    expect(agreementTerms('一、甲于 2024 年 3 月 1 日前付清\n二、案件受理费减半收取 25 元，由甲负担')).toEqual([
      '甲于 2024 年 3 月 1 日前付清',
      '案件受理费减半收取 25 元，由甲负担',
    ]);
    expect(agreementTerms('甲一次性支付乙 1.5 万元')).toEqual(['甲一次性支付乙 1.5 万元']);
  });

  it('reads the date forms old exports use', () => {
    expect(['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日'].map(legacyDate)).toEqual(Array(4).fill('2024-03-05'));
    expect(legacyDate('去年三月')).toBe('去年三月');
  });
});
