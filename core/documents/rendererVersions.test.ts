import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documents } from '../../db/schema';
import { deskPerTest } from '../../test/desk';
import { fileCivil } from '../../test/fixtures';
import type { Harness } from '../../test/harness';
import { DOCX_RENDERER, DOCX_RENDERERS, renderDocx } from './docx';
import { PDF_RENDERER, renderPdf } from './pdf';
import { builtinTemplate, fillTemplate } from './template';

/**
 * A reprint of an issued document must give the issued bytes. The register keeps no file: it keeps the template
 * version, the data, the day of issue and — since the keep-together change of the DOCX renderer (issue 10) made
 * every older DOCX reprint "not identical" — the renderer version that wrote the file, and a reprint writes with it.
 */

/** A notice with what the renderers treat specially: a 案号, an ID number, an amount, dates, numbered items, a signature. */
const NOTICE = {
  court: { name: '浙江省长兴县人民法院' },
  caseNumber: '（2026）浙0522民初1234号',
  addressee: '张三（公民身份号码330522199001011234）',
  paragraphs: [
    '本院受理原告长兴某某建材有限公司诉你买卖合同纠纷一案，诉讼标的额12,000元，定于2026年12月8日上午9时在本院第三法庭公开开庭审理。',
    '请你按时到庭，并提交下列材料：',
  ],
  items: ['身份证复印件；', '答辩状及证据材料（一式三份）。'],
  contact: { name: '李书记', phone: '0572-6012345' },
  date: '2026-11-23',
};
const ISSUED_AT = '2026-11-23T10:15:00.000+08:00';
const FILE_DATE = new Date('2026-11-23T00:00:00+08:00');

/**
 * The SHA-256 of the notice as each renderer version wrote it on that day. Versions 1 and 2 were taken by running the
 * renderer's code of the time (git 0e4d1da and 77e0785^ of core/documents/docx.ts); every built-in template's
 * sample gave the same bytes from that code and from the version flags here. When a change to a renderer or to
 * the packages it uses (docx, fflate, pdfkit, the shipped font) alters one of these, documents issued with that
 * version no longer reprint identically: add a new version and keep the old behaviour instead of updating the hash.
 */
const ISSUED = {
  docx: {
    1: '4982f20150d150cca63406587d94582b4c50e492da8bcce1053aeaa0dd830a3f',
    2: '5e640d2bd623d0b6cfe7efcabfff4dc3a464a8e41eddc70f7002f84805ca7bad',
    3: 'b7fe41e0bd2b26143fa0362b81cddc11715b6727da17a6e9f67cf27a3181d073',
    // version 4 changed only documents that open with a page break (the summons), not this notice
    4: 'b7fe41e0bd2b26143fa0362b81cddc11715b6727da17a6e9f67cf27a3181d073',
  } as Record<number, string>,
  pdf: { 1: '6034712903ac3e5f56fc46a44f5f488e56e90ec9af96d1cef6b16039c3bd06e2' } as Record<number, string>,
};

const sha = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
const notice = () => fillTemplate(builtinTemplate('notice'), NOTICE);

const desk = deskPerTest();

/** The register row an earlier release wrote for the notice: no renderer version (the column came later). */
function issuedEarlier(h: Harness, row: { sha256: string; format?: 'pdf' | 'docx'; rendererVersion?: number | null }): number {
  return h.core.db
    .insert(documents)
    .values({
      caseId: null,
      templateId: 'notice',
      templateVersion: '1',
      title: '通知书',
      format: row.format ?? 'docx',
      data: JSON.stringify(NOTICE),
      sha256: row.sha256,
      rendererVersion: row.rendererVersion ?? null,
      pageCount: 1,
      byteSize: 11_813,
      createdBy: 0,
      createdAt: ISSUED_AT,
    })
    .returning({ id: documents.id })
    .get().id;
}

describe('renderer versions', () => {
  it('each DOCX and PDF version writes the notice exactly as it did when it was current', async () => {
    expect(Object.keys(DOCX_RENDERERS).map(Number)).toEqual(Object.keys(ISSUED.docx).map(Number));
    expect(DOCX_RENDERER).toBe(4);
    for (const v of Object.keys(DOCX_RENDERERS).map(Number)) {
      expect((await renderDocx(notice(), { createdAt: FILE_DATE, rendererVersion: v, countPages: false })).sha256, `DOCX ${v}`).toBe(
        ISSUED.docx[v],
      );
    }
    // new documents: the current version, as recorded
    const current = await renderDocx(notice(), { createdAt: FILE_DATE, countPages: false });
    expect([current.rendererVersion, current.sha256]).toEqual([DOCX_RENDERER, ISSUED.docx[DOCX_RENDERER]]);
    const pdf = await renderPdf(notice(), { createdAt: FILE_DATE });
    expect([pdf.rendererVersion, pdf.sha256]).toEqual([PDF_RENDERER, ISSUED.pdf[PDF_RENDERER]]);
  });

  it('version 4 opens a document that starts with a page break (the summons) without a blank page; version 3 kept it', async () => {
    const model = notice();
    const opening = { ...model, blocks: [{ type: 'pageBreak' as const }, ...model.blocks] };
    const xml = async (v: number) => {
      const r = await renderDocx(opening, { createdAt: FILE_DATE, rendererVersion: v, countPages: false });
      return new TextDecoder().decode(unzipSync(r.bytes)['word/document.xml']);
    };
    expect((await xml(3)).match(/<w:pageBreakBefore\/>/g)?.length ?? 0).toBe(1);
    expect((await xml(4)).match(/<w:pageBreakBefore\/>/g)?.length ?? 0).toBe(0);
  });

  it('a DOCX issued before the keep-together change reprints with the issued bytes', async () => {
    const { h, clerk } = await desk();
    const id = issuedEarlier(h, { sha256: ISSUED.docx[2]! });
    const r = await h.call('documents.reprint', { id }, clerk);
    expect({ identical: r.identical, reason: r.reason, sha: sha(r.base64) }).toEqual({
      identical: true,
      reason: null,
      sha: ISSUED.docx[2],
    });
    expect(r.document.rendererVersion).toBeNull();
    // and one from the register's first release
    const first = issuedEarlier(h, { sha256: ISSUED.docx[1]! });
    const r1 = await h.call('documents.reprint', { id: first }, clerk);
    expect([r1.identical, sha(r1.base64)]).toEqual([true, ISSUED.docx[1]]);
  });

  it('new documents record the renderer version and reprint with it after the renderer has moved on', async () => {
    const { h, clerk } = await desk();
    const c = await fileCivil(h, clerk);
    const docx = await h.call('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'docx' }, clerk);
    const pdf = await h.call('documents.generate', { caseId: c.id, templateId: 'case-receipt', format: 'pdf' }, clerk);
    expect([docx.document.rendererVersion, pdf.document.rendererVersion]).toEqual([DOCX_RENDERER, PDF_RENDERER]);
    // a document recorded as written by version 2 is written by version 2 again, not by today's version
    const v2 = issuedEarlier(h, { sha256: ISSUED.docx[2]!, rendererVersion: 2 });
    const again = await h.call('documents.reprint', { id: v2 }, clerk);
    expect([again.identical, sha(again.base64), again.document.rendererVersion]).toEqual([true, ISSUED.docx[2], 2]);
  });

  it('says why a reprint is not the issued file', async () => {
    const { h, clerk } = await desk();
    // bytes no version of this program wrote (an earlier program, or a file edited after issue)
    const unknown = issuedEarlier(h, { sha256: '0'.repeat(64) });
    const r = await h.call('documents.reprint', { id: unknown }, clerk);
    expect(r.identical).toBe(false);
    expect(r.reason).toContain('未记录生成程序版本');
    // a PDF of a registered DOCX (the preview) is not the registered file
    const docx = issuedEarlier(h, { sha256: ISSUED.docx[3]!, rendererVersion: 3 });
    const asPdf = await h.call('documents.reprint', { id: docx, format: 'pdf' }, clerk);
    expect([asPdf.identical, asPdf.reason]).toEqual([false, '登记的是 DOCX 文件，此次生成的是 PDF，不能与登记的摘要比对']);
    // the recorded version that no longer gives the registered bytes says so, naming the version
    const changed = issuedEarlier(h, { sha256: 'f'.repeat(64), format: 'pdf', rendererVersion: 1 });
    const p = await h.call('documents.reprint', { id: changed }, clerk);
    expect(p.identical).toBe(false);
    expect(p.reason).toContain('版本 1');
    expect(p.reason).toContain('文书字体');
  });
});
