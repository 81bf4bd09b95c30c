import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzip } from '../../test/unzip';
import { joinUnbreakable, renderDocx, unbreakableSegments } from './docx';
import { loadFonts } from './fonts';
import { layoutDocument, type TextOp } from './layout';
import { geometry, resolveFormat, type DocumentModel } from './model';
import { builtinTemplate, fillTemplate } from './template';
import { PDFTOTEXT, pdfText } from '../../test/pdf';

const SOFFICE = ['soffice', 'libreoffice'].find((c) => !spawnSync(c, ['--version'], { encoding: 'utf8' }).error);

/**
 * What a reader takes as one thing stays on one line and one page: ID numbers, 案号, dates and amounts are
 * never split across lines (PDF layout and DOCX), a signature never stands alone on a page, and a paragraph
 * continued on a new page has no first-line indent while one starting there keeps its own.
 */

function drawnLines(model: DocumentModel) {
  const layout = layoutDocument(model, loadFonts());
  const g = geometry(layout.format);
  const out: { page: number; y: number; x: number; text: string }[] = [];
  layout.pages.forEach((p, page) => {
    const byY = new Map<number, TextOp[]>();
    for (const op of p.ops) {
      if (op.op !== 'text' || op.y > g.bottom) continue;
      const y = Math.round(op.y * 100) / 100;
      byY.set(y, [...(byY.get(y) ?? []), op]);
    }
    for (const [y, ops] of [...byY].sort((a, b) => a[0] - b[0])) {
      ops.sort((a, b) => a.x - b.x);
      out.push({ page, y, x: ops[0]!.x, text: ops.map((o) => o.text).join('') });
    }
  });
  return out;
}

const model = (blocks: DocumentModel['blocks']): DocumentModel => ({ meta: { title: 't', templateId: 't', templateVersion: '1' }, blocks });

describe('PDF: numbers, 案号, dates and amounts move whole to the next line', () => {
  it('at every position along a line (real fonts, 28 characters a line)', () => {
    const spans = ['330522198503121233', '（2026）浙0522民初354号', '2026年10月30日', '二〇二六年十一月二十三日', '3,300.00元'];
    for (const span of spans) {
      for (let lead = 14; lead <= 28; lead++) {
        const text = `${'某'.repeat(lead)}${span}，其余文字。`;
        const lines = drawnLines(model([{ type: 'paragraph', runs: [{ text }], indent: 'none' }]));
        expect(lines.map((l) => l.text).join('')).toBe(text);
        expect(
          lines.some((l) => l.text.includes(span)),
          `${span} after ${lead}: ${lines.map((l) => l.text).join(' ⏎ ')}`,
        ).toBe(true);
      }
    }
  });

  it('a relief decision whose ID number falls at the line end prints it whole', () => {
    const t = builtinTemplate('relief-decision');
    const applicant = t.sample.applicant as Record<string, unknown>;
    for (let n = 0; n < 28; n++) {
      const data = {
        ...t.sample,
        applicant: { ...applicant, address: `浙江省长兴县雉城街道${'某'.repeat(n)}路1号`, idNumber: '330522198503121233' },
      };
      const lines = drawnLines(fillTemplate(t, data));
      expect(
        lines.some((l) => l.text.includes('330522198503121233')),
        `address +${n}`,
      ).toBe(true);
    }
  });
});

describe('PDF: pages', () => {
  const f = resolveFormat();
  const g = geometry(f);
  const indent = f.body.firstLineIndentChars * g.charPitch;

  it('a paragraph continued on a new page has no indent there; one starting on a new page keeps it', () => {
    // 20 one-line paragraphs, then one of 4 lines: 2 on page 1, 2 on page 2 (22 lines a page)
    const one = (i: number) => ({ type: 'paragraph' as const, runs: [{ text: `第${i}段。` }] });
    const long = { type: 'paragraph' as const, runs: [{ text: '长'.repeat(26 + 28 * 3) }] };
    const lines = drawnLines(model([...Array.from({ length: 20 }, (_, i) => one(i + 1)), long, one(99)]));
    const page2 = lines.filter((l) => l.page === 1);
    expect(page2[0]!.text.startsWith('长')).toBe(true);
    expect(page2[0]!.x).toBeCloseTo(g.left, 1); // continued: no indent
    const starting = page2.find((l) => l.text === '第99段。')!;
    expect(starting.x).toBeCloseTo(g.left + indent, 1);
    // and a paragraph that itself starts at the top of page 2 keeps its indent
    const pushed = drawnLines(model([...Array.from({ length: 22 }, (_, i) => one(i + 1)), one(23)]));
    const top = pushed.find((l) => l.page === 1)!;
    expect(top.text).toBe('第23段。');
    expect(top.x).toBeCloseTo(g.left + indent, 1);
  });

  it('the fee notice never leaves its signature (court, date, seal) alone on a page, whatever the length', () => {
    const t = builtinTemplate('fee-notice');
    let crossed = 0;
    for (let n = 0; n < 14; n++) {
      const data = { ...t.sample, notes: Array.from({ length: n }, (_, i) => `说明第${i + 1}段：当事人应按通知交纳诉讼费用。`) };
      const lines = drawnLines(fillTemplate(t, data));
      const court = lines.findLastIndex((l) => l.text === '浙江省长兴县人民法院');
      const before = lines[court - 1]!;
      expect(before.page, `${n} notes: the signature stands alone`).toBe(lines[court]!.page);
      if (lines[court]!.page > 0) {
        crossed++;
        // the text that moved with it starts a paragraph on the new page and keeps its indent
        const first = lines.find((l) => l.page === lines[court]!.page)!;
        if (first.text === '特此通知。') expect(first.x).toBeCloseTo(g.left + indent, 1);
      }
    }
    expect(crossed).toBeGreaterThan(0);
  });
});

describe('DOCX: Word and LibreOffice keep the same things together', () => {
  it('auto-spacing between Chinese and Latin or digits is off in the defaults and every paragraph', async () => {
    const t = builtinTemplate('fee-notice');
    const files = unzip((await renderDocx(fillTemplate(t, t.sample), { countPages: false })).bytes);
    const styles = files.get('word/styles.xml')!.toString('utf8');
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)![0];
    expect(defaults).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
    const body = files.get('word/document.xml')!.toString('utf8');
    const paragraphs = body.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)!;
    expect(paragraphs.length).toBeGreaterThan(10);
    const pPrs = body.match(/<w:pPr>[\s\S]*?<\/w:pPr>/g)!;
    for (const p of pPrs) expect(p).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
    expect(body).not.toContain('w:autoSpaceDE w:val="1"');
  });

  it('the paragraph above the signature keeps with it (w:keepNext) in the fee notice, the relief decision and both rulings', async () => {
    for (const id of ['fee-notice', 'relief-decision', 'ruling-confirm-valid', 'ruling-confirm-reject']) {
      const t = builtinTemplate(id);
      const body = unzip((await renderDocx(fillTemplate(t, t.sample), { countPages: false })).bytes)
        .get('word/document.xml')!
        .toString('utf8');
      const paragraphs = body.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)!;
      const sig = paragraphs.findIndex((p) => p.includes('w:val="CourtSignature"'));
      expect(sig, id).toBeGreaterThan(0);
      expect(paragraphs[sig - 1], `${id}: ${paragraphs[sig - 1]}`).toContain('<w:keepNext/>');
      // every written signature line but the last keeps with the next (the blank lines above it do by their style)
      const sigs = paragraphs.filter((p) => p.includes('w:val="CourtSignature"') && p.includes('<w:t'));
      for (const p of sigs.slice(0, -1)) expect(p).toMatch(/<w:keepNext\/>/);
    }
  });

  it('dates, 案号, amounts and ID numbers carry word joiners, so no line breaks inside them', async () => {
    const wj = '\u2060';
    expect(joinUnbreakable('于2026年10月30日')).toBe(`于${['2', '0', '2', '6', '年', '1', '0', '月', '3', '0', '日'].join(wj)}`);
    expect(joinUnbreakable('（2026）浙0522民初354号案')).toBe(`${[...'（2026）浙0522民初354号'].join(wj)}案`);
    expect(joinUnbreakable('号码330522198503121233。')).toBe(`号码${[...'330522198503121233'].join(wj)}。`);
    expect(joinUnbreakable('人民币3,300.00元（大写）')).toBe(`人民币${[...'3,300.00元'].join(wj)}（大写）`);
    expect(joinUnbreakable('本院受理')).toBe('本院受理');
    const t = builtinTemplate('fee-notice');
    const body = unzip((await renderDocx(fillTemplate(t, t.sample), { countPages: false })).bytes)
      .get('word/document.xml')!
      .toString('utf8');
    expect(body).toContain([...'（2026）浙0522民初1234号'].join(wj));
    // the visible text is unchanged once the joiners are taken out
    expect(body.replaceAll(wj, '')).toContain('（2026）浙0522民初1234号');
  });

  it('puts each kept span in a run of its own in a Western language (LibreOffice ignores the joiners in Chinese runs)', async () => {
    expect(unbreakableSegments('公民身份号码330522198503121233。').map((x) => [x.text.replaceAll('\u2060', ''), x.keep])).toEqual([
      ['公民身份号码', false],
      ['330522198503121233', true],
      ['。', false],
    ]);
    // the digits inside a 案号 are part of it; two spans that touch stay two
    expect(unbreakableSegments('（2026）浙0522民初354号').map((x) => x.keep)).toEqual([true]);
    const t = builtinTemplate('ruling-confirm-reject');
    const body = unzip((await renderDocx(fillTemplate(t, t.sample), { countPages: false })).bytes)
      .get('word/document.xml')!
      .toString('utf8');
    const idRun = body.match(
      /<w:r>(?:(?!<\/w:r>)[\s\S])*?3\u20603\u20600\u20605\u20602\u20602\u20601\u20609\u20607\u20605[\s\S]*?<\/w:r>/,
    )![0];
    expect(idRun).toContain('<w:lang w:val="en-US" w:eastAsia="en-US"/>');
    expect(idRun).toContain('<w:noProof/>');
  });

  it.skipIf(!SOFFICE || !PDFTOTEXT)(
    'LibreOffice keeps ID numbers, dates and amounts of both rulings and the relief decision whole (DOCX → PDF)',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-keep-lo-'));
      const ids = ['ruling-confirm-valid', 'ruling-confirm-reject', 'relief-decision'];
      for (const id of ids) {
        const t = builtinTemplate(id);
        fs.writeFileSync(path.join(dir, `${id}.docx`), (await renderDocx(fillTemplate(t, t.sample), { countPages: false })).bytes);
      }
      const env = { ...process.env, FONTCONFIG_FILE: path.resolve(import.meta.dirname, '../../scripts/libreoffice-fonts.conf') };
      const r = spawnSync(
        SOFFICE!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...ids.map((id) => path.join(dir, `${id}.docx`)),
        ],
        { env, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      for (const id of ids) {
        const lines = pdfText(fs.readFileSync(path.join(dir, `${id}.pdf`))).split('\n');
        const t = builtinTemplate(id);
        const sample = JSON.stringify(t.sample);
        // every 18-character ID number and every date of the sample data is found whole on one line
        const wanted = [
          ...new Set([...sample.matchAll(/\b\d{17}[\dX]\b|\b[0-9A-Z]{18}\b/g)].map((m) => m[0])),
          ...new Set([...sample.matchAll(/"(\d{4})-(\d{2})-(\d{2})"/g)].map((m) => `${m[1]}年${Number(m[2])}月${Number(m[3])}日`)),
        ];
        const printed = wanted.filter((w) => lines.join('').replace(/\s+/g, '').includes(w));
        expect(printed.length, `${id}: ${wanted.join(' ')}`).toBeGreaterThan(2);
        for (const w of printed)
          expect(
            lines.some((l) => l.replace(/\s+/g, '').includes(w)),
            `${id}: ${w} split across lines`,
          ).toBe(true);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    120_000,
  );
});
