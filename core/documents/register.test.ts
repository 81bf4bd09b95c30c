import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';
import { clerkAndPrinter, COMPANY, fileCivil, fileConfirmation, ZHANG_SAN } from '../../test/fixtures';
import { PDFTOTEXT, pdfText } from '../../test/pdf';
import { verifyDatabase } from '../audit/verify';
import { batchJob } from './batchJobs';
import { builtinTemplate, builtinTemplatesDir, unknownDataFields } from './template';

if (!PDFTOTEXT) console.warn('poppler-utils (pdftotext) is not installed: the PDF text checks of the register are skipped.');

/** The PDF's text without whitespace, since a sentence may wrap at any character. */
const flatText = (base64: string) => pdfText(base64).replace(/\s+/g, '');

const sha = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
const builtinSource = (id: string) => fs.readFileSync(path.join(builtinTemplatesDir(), `${id}.txt`), 'utf8');
const SENTENCE = '当事人应当按照调解协议的约定自觉履行义务。';
const CHANGED = '当事人应当按照调解协议的约定全面、及时履行义务。';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

async function desk() {
  h = createHarness();
  const admin = await setUpCourt(h);
  return { h, admin, ...(await clerkAndPrinter(h, admin)) };
}

/** What a person types for the facts the case core does not hold yet (the confirmation record). */
const TYPED = {
  judge: '周敏',
  clerk: '陈立',
  agreement: {
    date: '2026-11-20',
    organisation: '长兴县太湖街道人民调解委员会',
    terms: ['长兴某某建材有限公司于2026年12月20日前支付张三货款12,000元；', '双方再无其他争议。'],
  },
};

/** The ruling's data: the case's facts from draftData, the confirmation record typed by a person. */
async function rulingData(h: Harness, token: string, caseId: number) {
  const draft = await h.call('documents.draftData', { caseId, templateId: 'ruling-confirm-valid' }, token);
  return { ...draft.data, ...TYPED };
}

const REGISTER_TABLES = ['documents', 'case_events', 'audit_log'];
const snapshot = (h: Harness) => Object.fromEntries(REGISTER_TABLES.map((t) => [t, countRows(h.core, t)]));

describe('document register', () => {
  it('generates and records a ruling with template version "1", then "court.1" after the court changes a sentence', async () => {
    const { h, admin, clerk } = await desk();
    const c = await fileConfirmation(h, clerk);
    const data = await rulingData(h, clerk, c.id);
    const first = await h.call('documents.generate', { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf', data }, clerk);
    expect(first.document).toMatchObject({
      caseId: c.id,
      caseNumber: c.number,
      templateId: 'ruling-confirm-valid',
      templateVersion: '1',
      title: '民事裁定书（确认调解协议有效）',
      format: 'pdf',
      pageCount: expect.any(Number),
      createdByName: '李书记',
      createdAt: '2026-11-23T09:00:00.000+08:00',
      printCount: 0,
      lastPrintedAt: null,
    });
    expect(first.document.sha256).toBe(sha(first.base64));
    expect(first.document.byteSize).toBe(Buffer.from(first.base64, 'base64').length);
    const view = await h.call('cases.get', { id: c.id }, clerk);
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'document', summary: '生成文书：民事裁定书（确认调解协议有效）' });

    const saved = await h.call(
      'documents.saveTemplate',
      { id: 'ruling-confirm-valid', source: builtinSource('ruling-confirm-valid').replace(SENTENCE, CHANGED), note: '审委会意见' },
      admin,
    );
    expect(saved.version).toMatchObject({ versionLabel: 'court.1', kind: 'court' });
    h.clock.advance(60_000);
    const second = await h.call('documents.generate', { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf', data }, clerk);
    expect(second.document.templateVersion).toBe('court.1');
    if (PDFTOTEXT) {
      expect(flatText(second.base64)).toContain(CHANGED);
      expect(flatText(first.base64)).toContain(SENTENCE);
      expect(flatText(first.base64)).toContain(ZHANG_SAN.idNumber);
    }
    // the first document still reprints with its own version
    const again = await h.call('documents.reprint', { id: first.document.id }, clerk);
    expect(again.identical).toBe(true);
    expect(again.base64).toBe(first.base64);
    expect(verifyDatabase(h.core.sqlite).ok).toBe(true);
  });

  it('reprints identical bytes (PDF and DOCX), with the recorded date, whatever the time now', async () => {
    const { h, clerk } = await desk();
    const c = await fileCivil(h, clerk);
    const pdf = await h.call('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'pdf' }, clerk);
    const docx = await h.call('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'docx' }, clerk);
    h.clock.advanceMinutes(30);
    // docx stamps the machine's time into the file: a day later it would differ
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 86_400_000 });
    let p, d;
    try {
      p = await h.call('documents.reprint', { id: pdf.document.id }, clerk);
      d = await h.call('documents.reprint', { id: docx.document.id }, clerk);
    } finally {
      vi.useRealTimers();
    }
    expect([p.identical, d.identical]).toEqual([true, true]);
    expect(sha(p.base64)).toBe(pdf.document.sha256);
    expect(sha(d.base64)).toBe(docx.document.sha256);
    // another format of the same document is not the recorded bytes
    const other = await h.call('documents.reprint', { id: pdf.document.id, format: 'docx' }, clerk);
    expect(other.identical).toBe(false);
    expect(Buffer.from(other.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad data and writes nothing', async () => {
    const { h, clerk } = await desk();
    const c = await fileConfirmation(h, clerk);
    const data = await rulingData(h, clerk, c.id);
    const before = snapshot(h);
    const unknown = await h.fail(
      'documents.generate',
      { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf', data: { ...data, judgeName: '王五' } },
      clerk,
    );
    expect(unknown).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(unknown.message).toContain('judgeName');
    const missing = await h.fail(
      'documents.generate',
      { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf', data: { ...data, judge: null } },
      clerk,
    );
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(missing.message).toMatch(/第 \d+ 行：数据缺少字段：judge/);
    // a ruling cannot be made from the case alone: the agreement is not in it
    const fromCase = await h.fail('documents.generate', { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf' }, clerk);
    expect(fromCase).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(fromCase.message).toContain('agreement');
    expect(await h.fail('documents.generate', { caseId: c.id, templateId: 'no-such', format: 'pdf' }, clerk)).toMatchObject({
      code: 'VALIDATION',
      field: 'templateId',
    });
    expect(await h.fail('documents.generate', { caseId: 999, templateId: 'case-receipt', format: 'pdf' }, clerk)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(snapshot(h)).toEqual(before);
  });

  it('drafts a ruling from a 民特 case: the case facts filled, the rest from the sample and listed as missing', async () => {
    const { h, clerk, printer } = await desk();
    const c = await fileConfirmation(h, clerk);
    const draft = await h.call('documents.draftData', { caseId: c.id, templateId: 'ruling-confirm-valid' }, clerk);
    expect(draft.complete).toBe(false);
    expect(draft.missing.sort()).toEqual(['agreement', 'clerk', 'judge']);
    expect(draft.data).toMatchObject({
      court: { name: '浙江省长兴县人民法院' },
      caseNumber: c.number,
      applicationDate: '2026-11-23',
      acceptanceDate: '2026-11-23',
      dispute: null,
      decisionDate: '2026-11-23',
    });
    expect(draft.data.applicants).toEqual([
      expect.objectContaining({
        role: '申请人',
        kind: 'person',
        name: '张三',
        sex: '男',
        birthDate: '1985-03-12',
        idNumber: ZHANG_SAN.idNumber,
        agents: [],
      }),
      expect.objectContaining({
        role: '申请人',
        kind: 'organisation',
        name: COMPANY.name,
        representative: '赵五',
        representativeRole: '法定代表人',
        representativeTitle: '执行董事',
      }),
    ]);
    expect(unknownDataFields(builtinTemplate('ruling-confirm-valid'), draft.data)).toEqual([]);
    // the print desk gets the full ID numbers too: the form shows what the document prints, never masked
    const forPrinter = await h.call('documents.draftData', { caseId: c.id, templateId: 'ruling-confirm-valid' }, printer);
    expect(forPrinter.data).toEqual(draft.data);
    expect((forPrinter.data.applicants as { idNumber: string }[])[0]!.idNumber).toBe(ZHANG_SAN.idNumber);
    // a ruling needs a 民特 case
    const civil = await fileCivil(h, clerk);
    expect(await h.fail('documents.draftData', { caseId: civil.id, templateId: 'ruling-confirm-reject' }, clerk)).toMatchObject({
      code: 'VALIDATION',
      field: 'caseId',
    });
    // a receipt is complete from any case
    const receipt = await h.call('documents.draftData', { caseId: civil.id, templateId: 'case-receipt' }, clerk);
    expect(receipt).toMatchObject({ complete: true, missing: [] });
  });

  it('lists newest first with filters and pages; get; markPrinted counts prints with a case event and one audit row', async () => {
    const { h, clerk, printer } = await desk();
    const c1 = await fileCivil(h, clerk);
    const c2 = await fileCivil(h, clerk);
    const ids: number[] = [];
    for (const c of [c1, c2, c1])
      ids.push(
        (await h.call('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'pdf', confirmDuplicate: true }, clerk))
          .document.id,
      );
    const all = await h.call('documents.list', { page: 1, pageSize: 2 }, printer);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect((await h.call('documents.list', { caseId: c1.id, page: 1 }, printer)).rows.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect((await h.call('documents.list', { from: '2026-11-23', to: '2026-11-23', page: 1 }, printer)).total).toBe(3);
    expect((await h.call('documents.list', { from: '2026-11-24', page: 1 }, printer)).total).toBe(0);
    expect((await h.call('documents.list', { to: '2026-11-22', page: 1 }, printer)).total).toBe(0);
    expect(await h.fail('documents.list', { from: '2026-13-01', page: 1 }, printer)).toMatchObject({ code: 'VALIDATION', field: 'from' });

    const auditBefore = countRows(h.core, 'audit_log');
    expect(await h.call('documents.markPrinted', { ids: [ids[0]!, ids[1]!, ids[0]!] }, printer)).toEqual({ count: 2 });
    expect(countRows(h.core, 'audit_log')).toBe(auditBefore + 1);
    const got = await h.call('documents.get', { id: ids[0]! }, printer);
    expect(got.document).toMatchObject({ printCount: 1, lastPrintedAt: '2026-11-23T09:00:00.000+08:00' });
    await h.call('documents.markPrinted', { ids: [ids[0]!] }, printer);
    expect((await h.call('documents.get', { id: ids[0]! }, printer)).document.printCount).toBe(2);
    expect((await h.call('documents.list', { printed: true, page: 1 }, printer)).rows.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect((await h.call('documents.list', { printed: false, page: 1 }, printer)).rows.map((r) => r.id)).toEqual([ids[2]]);
    const timeline = (await h.call('cases.get', { id: c1.id }, clerk)).timeline;
    expect(timeline.filter((e) => e.kind === 'document').map((e) => e.summary)).toContain('打印文书：收案回执（第 2 次）');
    // an unknown id: nothing is counted
    const before = snapshot(h);
    expect(await h.fail('documents.markPrinted', { ids: [ids[2]!, 9999] }, printer)).toMatchObject({ code: 'VALIDATION', field: 'ids' });
    expect(snapshot(h)).toEqual(before);
    expect((await h.call('documents.get', { id: ids[2]! }, printer)).document.printCount).toBe(0);
    expect(await h.fail('documents.get', { id: 9999 }, printer)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('batch prints N documents into one PDF: pages add up, progress reaches N, each document starts a page', async () => {
    const { h, clerk, printer } = await desk();
    const c = await fileConfirmation(h, clerk);
    const civil = await fileCivil(h, clerk);
    const data = await rulingData(h, clerk, c.id);
    const docs = [
      (await h.call('documents.generate', { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf', data }, clerk)).document,
      (await h.call('documents.generate', { caseId: civil.id, templateId: 'case-receipt', format: 'docx' }, clerk)).document,
      (
        await h.call(
          'documents.generate',
          { caseId: c.id, templateId: 'ruling-confirm-valid', format: 'pdf', data, confirmDuplicate: true },
          clerk,
        )
      ).document,
    ];
    const { jobId, total } = await h.call('documents.batchStart', { ids: docs.map((d) => d.id) }, printer);
    expect(total).toBe(3);
    const progress: number[] = [];
    for (;;) {
      const s = await h.call('documents.batchStatus', { jobId }, printer);
      progress.push(s.done);
      if (s.state !== 'running') {
        expect(s).toMatchObject({ state: 'done', done: 3, total: 3 });
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(progress.at(-1)).toBe(3);
    const r = await h.call('documents.batchResult', { jobId }, printer);
    const sum = docs.reduce((n, d) => n + d.pageCount, 0);
    expect(r.pages).toBe(sum);
    expect(r.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(r.documents.map((d) => d.firstPage)).toEqual([1, 1 + docs[0]!.pageCount, 1 + docs[0]!.pageCount + docs[1]!.pageCount]);
    const pdf = Buffer.from(r.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(sum);
    // another user cannot fetch it; it is gone ten minutes after it finished
    expect(await h.fail('documents.batchStatus', { jobId }, clerk)).toMatchObject({ code: 'NOT_FOUND' });
    h.clock.advance(11 * 60_000);
    expect(await h.fail('documents.batchResult', { jobId }, printer)).toMatchObject({ code: 'NOT_FOUND' });
    expect(batchJob(h.core, jobId)).toBeUndefined();
    expect(await h.fail('documents.batchStart', { ids: [docs[0]!.id, 9999] }, printer)).toMatchObject({ code: 'VALIDATION', field: 'ids' });
    expect(await h.fail('documents.batchStart', { ids: [] }, printer)).toMatchObject({ code: 'VALIDATION', field: 'ids' });
  });

  it('checks roles: readers generate, only an admin changes templates and fonts or previews unsaved text', async () => {
    const { h, admin, clerk, printer } = await desk();
    const c = await fileCivil(h, clerk);
    expect(await h.fail('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'pdf' }, admin)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail('documents.saveTemplate', { id: 'notice', source: builtinSource('notice') }, clerk)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail('documents.checkTemplate', { id: 'notice', source: builtinSource('notice') }, printer)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail('documents.setFontSettings', {}, clerk)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.fail('documents.preview', { templateId: 'notice', source: builtinSource('notice') }, clerk)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await h.fail('documents.list', { page: 1 })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await h.call('documents.templates', {}, printer)).templates.map((t) => t.id).sort()).toEqual([
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
  });

  it('templates: check names the line of an error; save and revert keep history; preview renders sample, case or unsaved text', async () => {
    const { h, admin, clerk } = await desk();
    const bad = builtinSource('notice').replace('特此通知。', '特此通知。{{court.nmae}}');
    const err = await h.fail('documents.checkTemplate', { id: 'notice', source: bad }, admin);
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'source' });
    expect(err.message).toMatch(/第 \d+ 行：未知字段 \{\{court.nmae\}\}/);
    // the line travels as data (the editor jumps to it), not only inside the message
    const line = bad.split('\n').findIndex((l) => l.includes('{{court.nmae}}')) + 1;
    expect(err.issues).toEqual([{ field: 'source', message: err.message, line }]);
    const ok = await h.call('documents.checkTemplate', { id: 'notice', source: builtinSource('notice') }, admin);
    expect(ok).toMatchObject({ ok: true, title: '通知书' });
    expect(ok.placeholders).toEqual(expect.arrayContaining(['court.name', 'caseNumber', 'addressee', 'para', 'contact.phone', 'date']));
    expect(await h.fail('documents.template', { id: 'nope' }, admin)).toMatchObject({ code: 'VALIDATION', field: 'id' });

    const edited = builtinSource('notice').replace('特此通知。', '特此通知，请予配合。');
    const preview = await h.call('documents.preview', { templateId: 'notice', source: edited }, admin);
    expect(preview.pageCount).toBeGreaterThan(0);
    if (PDFTOTEXT) expect(flatText(preview.pdfBase64)).toContain('特此通知，请予配合。');
    await h.call('documents.saveTemplate', { id: 'notice', source: edited, note: '改一句' }, admin);
    const t = await h.call('documents.template', { id: 'notice' }, clerk);
    expect(t.template).toMatchObject({ version: 'court.1', origin: 'court' });
    expect(t.source).toContain('特此通知，请予配合。');
    expect(t.builtinSource).toContain('特此通知。');
    expect(t.sample).toMatchObject({ addressee: '长兴某某建材有限公司' });
    const reverted = await h.call('documents.revertTemplate', { id: 'notice' }, admin);
    expect(reverted.version).toMatchObject({ version: 2, kind: 'builtin' });
    expect((await h.call('documents.template', { id: 'notice' }, clerk)).history.map((v) => v.version)).toEqual([2, 1]);

    const c = await fileCivil(h, clerk);
    const fromCase = await h.call('documents.preview', { templateId: 'case-receipt', caseId: c.id }, clerk);
    if (PDFTOTEXT) expect(flatText(fromCase.pdfBase64)).toContain(c.number);
    expect(await h.fail('documents.preview', { templateId: 'notice', data: { wrong: 1 } }, clerk)).toMatchObject({
      code: 'VALIDATION',
      field: 'data',
    });
    // a preview is not a document
    expect(countRows(h.core, 'documents')).toBe(0);
  });

  it('font settings: only files uploaded to the fonts folder; a path is refused; the setting is used by every render', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-fontset-'));
    h = createHarness({ file: path.join(dataDir, 'court.sqlite') });
    const admin = await setUpCourt(h);
    const { clerk } = await clerkAndPrinter(h, admin);
    expect(await h.call('documents.fontSettings', {}, admin)).toEqual({ body: null, bodyBold: null, title: null });
    const relative = await h.fail('documents.setFontSettings', { body: 'fonts/simfang.ttf' }, admin);
    expect(relative).toMatchObject({ code: 'VALIDATION', field: 'body' });
    const absolute = await h.fail('documents.setFontSettings', { title: '/nowhere/fzxbs.ttf' }, admin);
    expect(absolute).toMatchObject({ code: 'VALIDATION', field: 'title' });
    expect(absolute.message).toMatch(/^标题字体：字体须为字体文件夹中的文件名/);
    const missing = await h.fail('documents.setFontSettings', { title: 'fzxbs.ttf' }, admin);
    expect(missing.message).toMatch(/^标题字体：字体文件夹中没有此字体文件/);
    // a valid TrueType file uploaded: the shipped bold face used as the body font
    const { shippedFontFiles } = await import('./fonts');
    const uploaded = await h.call(
      'documents.uploadFont',
      { fileName: 'NotoBold.ttf', contentBase64: fs.readFileSync(shippedFontFiles().bold).toString('base64') },
      admin,
    );
    expect(uploaded.name).toBe('NotoBold.ttf');
    expect(await h.call('documents.fontFiles', undefined, admin)).toEqual([uploaded]);
    expect(await h.call('documents.setFontSettings', { body: 'NotoBold.ttf' }, admin)).toEqual({
      body: 'NotoBold.ttf',
      bodyBold: null,
      title: null,
    });
    const c = await fileCivil(h, clerk);
    const doc = await h.call('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'pdf' }, clerk);
    const fonts =
      Buffer.from(doc.base64, 'base64')
        .toString('latin1')
        .match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    expect(fonts.every((f) => f.endsWith('NotoSerifSC-Bold'))).toBe(true);
    expect((await h.call('documents.reprint', { id: doc.document.id }, clerk)).identical).toBe(true);
    // back to the shipped fonts: the old document no longer reprints identically, and says so
    await h.call('documents.setFontSettings', {}, admin);
    expect((await h.call('documents.reprint', { id: doc.document.id }, clerk)).identical).toBe(false);
    h.close();
    h = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
