import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { renderDocx } from '../core/documents/docx';
import { fontParseMs } from '../core/documents/fonts';
import type { DocumentModel } from '../core/documents/model';
import { renderPdf, renderPdfBatch } from '../core/documents/pdf';
import { builtinTemplate, fillTemplate } from '../core/documents/template';
import { generateDocument } from '../core/documents/register';
import { closeCore, createCore } from '../core';
import { systemActor } from '../core/context';
import { fmt, heading, percentile, row, timeAsync, tmpDataDir } from './util';

/**
 * Documents: one ruling as PDF and as DOCX, cold (first in the process: fonts read and parsed) and warm;
 * 1,000 rulings streamed into one batch PDF with the process's memory sampled along the way; the same
 * ruling's DOCX converted by LibreOffice (the peers' way) where it is installed.
 * Targets (issue 4): PDF < 30 ms warm, DOCX < 15 ms, 1,000 in < 20 s with flat memory, PDF ≥ 50× faster than LibreOffice.
 */
const SURNAMES = ['张', '王', '李', '赵', '钱', '孙', '周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛'];

function ruling(i: number): DocumentModel {
  const t = builtinTemplate(i % 5 === 4 ? 'ruling-confirm-reject' : 'ruling-confirm-valid');
  const s = t.sample as Record<string, unknown> & { applicants: Record<string, unknown>[]; agreement: Record<string, unknown> };
  const name = (k: number) => SURNAMES[(i + k) % SURNAMES.length]! + GIVEN[(i * 7 + k) % GIVEN.length]!;
  const terms = Array.from(
    { length: 1 + (i % 4) },
    (_, k) => `${name(1)}于2026年12月${k + 1}日前向${name(0)}支付第${k + 1}期款项${(i % 90) + 10},000元；`,
  );
  return fillTemplate(t, {
    ...s,
    caseNumber: `（2026）浙0522民特${1000 + i}号`,
    applicants: [
      { ...s.applicants[0], name: name(0), idNumber: `33052219800501${String(1000 + (i % 9000)).padStart(4, '0')}` },
      { ...s.applicants[1], name: i % 2 ? s.applicants[1]!.name : name(1) },
    ],
    agreement: { ...s.agreement, terms },
  });
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${fmt(percentile(s, 50))} ms · p95 ${fmt(percentile(s, 95))} ms`;
}

const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

export async function benchDocuments(opts: { quick: boolean }): Promise<void> {
  heading('Documents (ruling 民事裁定书, 2 pages; pdfkit and docx from one model)');
  const one = ruling(0);
  const iterations = opts.quick ? 30 : 200;

  // Cold: the first document of the process reads and parses the font files.
  const coldPdf = await timeAsync(() => renderPdf(one));
  row('PDF, first in the process (cold, fonts parsed)', `${fmt(coldPdf.ms)} ms (of which fonts ${fmt(fontParseMs())} ms)`);
  const coldDocx = await timeAsync(() => renderDocx(one));
  row('DOCX, first in the process (cold)', `${fmt(coldDocx.ms)} ms`);

  // warm-up: let the JIT compile the hot paths before "warm" is measured
  for (let i = 0; i < 10; i++) {
    await renderPdf(ruling(i));
    await renderDocx(ruling(i));
  }
  row('machine load (1-minute average, cores)', `${fmt(os.loadavg()[0]!, 1)} on ${os.cpus().length} cores — figures scale with it`);
  const pdfMs: number[] = [];
  for (let i = 0; i < iterations; i++) pdfMs.push((await timeAsync(() => renderPdf(ruling(i)))).ms);
  row(`PDF warm, ${iterations} rulings`, `${stats(pdfMs)}   (target < 30 ms)`);
  const docxMs: number[] = [];
  for (let i = 0; i < iterations; i++) docxMs.push((await timeAsync(() => renderDocx(ruling(i)))).ms);
  row(`DOCX warm, with page count`, `${stats(docxMs)}   (target < 15 ms)`);
  const docxOnly: number[] = [];
  for (let i = 0; i < iterations; i++) docxOnly.push((await timeAsync(() => renderDocx(ruling(i), { countPages: false }))).ms);
  row(`DOCX warm, without page count`, stats(docxOnly));
  const filled: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    ruling(i);
    filled.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  row('of which filling the template (in both)', stats(filled));
  row(
    'sizes',
    `PDF ${fmt(coldPdf.value.bytes.length / 1024, 0)} KB · DOCX ${fmt(coldDocx.value.bytes.length / 1024, 0)} KB · ${coldPdf.value.pages} pages`,
  );

  // Batch: documents generated one by one, the PDF streamed to a file.
  const count = opts.quick ? 100 : 1000;
  const dir = tmpDataDir('documents');
  const file = path.join(dir, 'batch.pdf');
  // A collection before each sample separates what is kept from garbage not yet collected.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const heap: number[] = [process.memoryUsage().heapUsed];
  const rssStart = process.memoryUsage().rss;
  let gcMs = 0;
  let peak = rssStart;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  function* models() {
    for (let i = 0; i < count; i++) yield ruling(i);
  }
  const batch = await timeAsync(() =>
    renderPdfBatch(models(), {
      output: fs.createWriteStream(file),
      onProgress: (n) => {
        if (n % (count / 10) === 0) {
          const t0 = process.hrtime.bigint();
          gc();
          heap.push(process.memoryUsage().heapUsed);
          gcMs += Number(process.hrtime.bigint() - t0) / 1e6;
        }
      },
    }),
  );
  clearInterval(timer);
  const size = fs.statSync(file).size;
  const batchMs = batch.ms - gcMs; // the forced collections for the heap samples are not the batch's
  row(
    `batch: ${count} rulings → one PDF (streamed to a file)`,
    `${fmt(batchMs / 1000)} s, ${batch.value.pages} pages, ${mb(size)}   (target < 20 s for 1,000)`,
  );
  row('  per ruling', `${fmt(batchMs / count)} ms`);
  row('  RSS before · peak during the batch', `${mb(rssStart)} · ${mb(peak)} (includes garbage not yet collected)`);
  row('  JS heap after GC: before · each tenth', `${mb(heap[0]!)} · ${heap.slice(1).map(mb).join(' ')}`);
  const kept = (heap[heap.length - 1]! - heap[1]!) / (count - count / 10);
  row(
    '  kept per ruling after the first tenth',
    `${fmt(kept / 1024, 1)} KB (pdfkit's page tree and cross-reference offsets; the PDF itself is on disk)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });

  // The register: fill the court's current template version, render, record (row, audit entry) in one call.
  const regDir = tmpDataDir('register');
  const core = createCore({ dataDir: regDir });
  try {
    const ctx = { core, actor: systemActor('bench'), client: { transport: 'cli' as const } };
    const sample = builtinTemplate('ruling-confirm-valid').sample;
    const gen = (i: number) =>
      generateDocument(ctx, {
        templateId: 'ruling-confirm-valid',
        format: 'pdf',
        data: { ...sample, caseNumber: `（2026）浙0522民特${2000 + i}号` },
      });
    for (let i = 0; i < 5; i++) await gen(i);
    const regMs: number[] = [];
    for (let i = 0; i < iterations; i++) regMs.push((await timeAsync(() => gen(i))).ms);
    const regP50 = percentile(
      [...regMs].sort((a, b) => a - b),
      50,
    );
    const pdfP50 = percentile(
      [...pdfMs].sort((a, b) => a - b),
      50,
    );
    row('register: documents.generate (fill + PDF + record + audit)', `${stats(regMs)} · ${fmt(regP50 / pdfP50, 2)}× the PDF alone`);
  } finally {
    closeCore(core);
    fs.rmSync(regDir, { recursive: true, force: true });
  }

  // LibreOffice converting the same ruling's DOCX (how peers make PDFs from Word templates).
  const soffice = ['soffice', 'libreoffice'].find((c) => !spawnSync(c, ['--version'], { encoding: 'utf8' }).error);
  if (!soffice) {
    row('LibreOffice DOCX → PDF', 'not installed (apt-get install libreoffice-writer-nogui); ratio not measured');
    return;
  }
  const lo = fs.mkdtempSync(path.join(os.tmpdir(), 'court-bench-lo-'));
  const docx = path.join(lo, 'ruling.docx');
  fs.writeFileSync(docx, coldDocx.value.bytes);
  const env = { ...process.env, FONTCONFIG_FILE: path.resolve(import.meta.dirname, '../scripts/libreoffice-fonts.conf') };
  const convert = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${lo}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', lo, docx],
      { env, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const first = convert();
  const runs = Array.from({ length: opts.quick ? 2 : 5 }, convert);
  runs.sort((a, b) => a - b);
  const loMs = percentile(runs, 50);
  const pdfP50 = percentile(
    [...pdfMs].sort((a, b) => a - b),
    50,
  );
  row('LibreOffice DOCX → PDF (headless, one process per file)', `first ${fmt(first)} ms · then p50 ${fmt(loMs)} ms`);
  row('ratio: LibreOffice / our PDF (warm p50)', `${fmt(loMs / pdfP50, 0)}×   (target ≥ 50×)`);
  fs.rmSync(lo, { recursive: true, force: true });
}
