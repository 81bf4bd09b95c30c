import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { fileCivil, RARE } from '../../test/fixtures';
import { expectInOrder, pdfText } from '../../test/pdf';
import { unzip } from '../../test/unzip';
import { caseView } from '../cases/service';
import { buildDocx, renderDocx } from './docx';
import { checkFontConfig, fontParseMs, loadFonts, shippedFontFiles } from './fonts';
import { layoutDocument, type TextOp } from './layout';
import { NO_END, NO_START } from './linebreak';
import { geometry, mmToPt, resolveFormat, type DocumentModel } from './model';
import { renderPdf, renderPdfBatch } from './pdf';
import { receiptData } from './caseData';
import { builtinTemplate, fillTemplate, unknownDataFields } from './template';

const POPPLER = !spawnSync('pdftotext', ['-v']).error && !spawnSync('pdffonts', ['-v']).error;
if (!POPPLER)
  console.warn(
    'poppler-utils (pdftotext, pdffonts) is not installed: the PDF text and font checks are skipped. apt-get install poppler-utils',
  );

const FIXED = { createdAt: new Date('2026-11-23T10:00:00+08:00') };

function tmpFile(bytes: Uint8Array, ext: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-doc-')), `doc.${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Lines as drawn: text ops grouped by page and baseline, left to right (page numbers left out). */
function drawnLines(model: DocumentModel): { page: number; y: number; text: string; ops: TextOp[] }[] {
  const layout = layoutDocument(model, loadFonts());
  const g = geometry(layout.format);
  const out: { page: number; y: number; text: string; ops: TextOp[] }[] = [];
  layout.pages.forEach((p, page) => {
    const byY = new Map<number, TextOp[]>();
    for (const op of p.ops) {
      if (op.op !== 'text' || op.y > g.bottom) continue;
      const y = Math.round(op.y * 100) / 100;
      byY.set(y, [...(byY.get(y) ?? []), op]);
    }
    for (const [y, ops] of [...byY].sort((a, b) => a[0] - b[0])) {
      ops.sort((a, b) => a.x - b.x);
      out.push({ page, y, text: ops.map((o) => o.text).join(''), ops });
    }
  });
  return out;
}

describe('rulings of judicial confirmation (民诉法 arts. 205–206)', () => {
  it.skipIf(!POPPLER)('确认调解协议有效: every part, in order; no fee line', async () => {
    const t = builtinTemplate('ruling-confirm-valid');
    const doc = await renderPdf(fillTemplate(t, t.sample), FIXED);
    const text = pdfText(doc.bytes);
    expectInOrder(text, [
      '浙江省长兴县人民法院',
      '民 事 裁 定 书',
      '（2026）浙0522民特123号',
      '申请人：张三，男，1980年5月1日出生，汉族，住浙江省长兴县',
      '公民身份号码330522198005011234。',
      '委托诉讼代理人：李明，浙江长城律师事务所律师。',
      '申请人：长兴某某建材有限公司，住所地浙江省长兴县',
      '法定代表人：王某某，该公司总经理。',
      '申请人张三、长兴某某建材有限公司于2026年11月2日向本院申请司法确认，本院于同日立案后，依法由审判员王五进行了审查。',
      '于2026年10月28日经长兴县雉城街道人民调解委员会主持调解，达成了如下调解协议：',
      '一、长兴某某建材有限公司于2026年12月31日前支付张三货款33,000元；',
      '二、',
      '三、双方就本案买卖合同再无其他争议。',
      '依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条规定，裁定如下：',
      '经长兴县雉城街道人民调解委员会主持调解达成的调解协议有效。',
      '当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。',
      '本裁定自即日起发生法律效力。',
      '审判员',
      '王　五',
      '二〇二六年十一月二十三日',
      '（院印）',
      '本件与原本核对无异',
      '书记员',
      '赵　六',
    ]);
    expect(text).not.toMatch(/受理费|诉讼费|案件受理费/);
    expect(doc.pages).toBe(2);
    expect(text).toMatch(/—\s*1\s*—[\s\S]*—\s*2\s*—/);
  });

  it.skipIf(!POPPLER)('驳回司法确认申请: the rejection, its ground in law and the right to sue, in order', async () => {
    const t = builtinTemplate('ruling-confirm-reject');
    const text = pdfText((await renderPdf(fillTemplate(t, t.sample), FIXED)).bytes);
    expectInOrder(text, [
      '浙江省长兴县人民法院',
      '民 事 裁 定 书',
      '（2026）浙0522民特124号',
      '申请人：孙丽，女，1975年9月10日出生',
      '申请人：周强，男',
      '本院于2026年11月6日立案后',
      '达成了如下调解协议：',
      '一、坐落于长兴县画溪街道长兴大道568号的房屋归孙丽所有；',
      '本院经审查认为，申请人达成的调解协议内容涉及确认不动产物权归属',
      // an art. 355 ground found after acceptance: rejected under art. 355 para. 2 with its item, not art. 358
      '第二百零五条、第二百零六条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十五条第二款、第一款第五项规定，裁定如下：',
      '驳回申请人孙丽、周强的司法确认申请。',
      '可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。',
      '本裁定自即日起发生法律效力。',
      '审判员',
      '二〇二六年十一月二十日',
      '（院印）',
      '本件与原本核对无异',
      '书记员',
    ]);
    expect(text).not.toMatch(/受理费|诉讼费/);
  });

  it.skipIf(!POPPLER)('embeds the fonts as subsets with a Unicode map', async () => {
    const t = builtinTemplate('ruling-confirm-valid');
    const file = tmpFile((await renderPdf(fillTemplate(t, t.sample), FIXED)).bytes, 'pdf');
    const rows = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBe(2); // body and title faces
    for (const row of rows) {
      // name, type, encoding, emb, sub, uni
      expect(row).toMatch(/^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('records the template id and version, and identical input gives identical bytes', async () => {
    const t = builtinTemplate('ruling-confirm-valid');
    const a = await renderPdf(fillTemplate(t, t.sample), FIXED);
    const b = await renderPdf(fillTemplate(t, t.sample), FIXED);
    expect(a.meta).toMatchObject({
      templateId: 'ruling-confirm-valid',
      templateVersion: '1',
      templateHash: t.hash,
      author: '浙江省长兴县人民法院',
    });
    expect(a.sha256).toBe(b.sha256);
    if (POPPLER) {
      const info = spawnSync('pdfinfo', ['-custom', tmpFile(a.bytes, 'pdf')], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/TemplateId:\s+ruling-confirm-valid/);
      expect(info).toMatch(/TemplateVersion:\s+1\n/);
      expect(info).toMatch(/Title:\s+民事裁定书（确认调解协议有效）/);
    }
  });
});

describe('layout', () => {
  const long = (n: number) =>
    '申请人张三、长兴某某建材有限公司于2026年11月2日向本院申请司法确认，本院于同日立案后，依法由审判员王五进行了审查。“现已审查终结。”《调解协议》（一）约定：被申请人于2026年12月31日前支付货款人民币33,000.00元；逾期的，按日万分之五支付违约金！'.repeat(
      n,
    );

  it('22 lines of body text per page at a fixed pitch of 28.95 pt, 28 characters to a line', () => {
    const model: DocumentModel = {
      meta: { title: 't', templateId: 't', templateVersion: '1' },
      blocks: [{ type: 'paragraph', runs: [{ text: '一'.repeat(28 * 30) }] }],
    };
    const lines = drawnLines(model);
    const first = lines.filter((l) => l.page === 0);
    expect(first.length).toBe(22);
    for (let i = 1; i < first.length; i++) expect(first[i]!.y - first[i - 1]!.y).toBeCloseTo(28.95, 5);
    // after the 2-character indent, 26 on the first line, then 28 per line
    expect([...first[0]!.text].length).toBe(26);
    expect([...first[1]!.text].length).toBe(28);
  });

  it('no line starts with a closing mark or ends with an opening one, at many line widths (real fonts)', () => {
    for (const cpl of [20, 23, 25, 26, 27, 28, 29, 30, 31]) {
      const model: DocumentModel = {
        meta: { title: 't', templateId: 't', templateVersion: '1' },
        format: { body: { charsPerLine: cpl } },
        blocks: [
          { type: 'paragraph', runs: [{ text: long(3) }] },
          { type: 'numbered', style: '一、', items: [[{ text: long(1) }]] },
        ],
      };
      const lines = drawnLines(model);
      expect(lines.length).toBeGreaterThan(10);
      for (const l of lines) {
        const chars = [...l.text];
        expect(NO_START.has(chars[0]!), `line starts with ${chars[0]} at ${cpl}/line: ${l.text}`).toBe(false);
        expect(NO_END.has(chars[chars.length - 1]!), `line ends with ${chars[chars.length - 1]} at ${cpl}/line: ${l.text}`).toBe(false);
      }
      // and nothing was lost or reordered
      expect(lines.map((l) => l.text).join('')).toBe(long(3) + '一、' + long(1));
    }
  });

  it('long names and addresses wrap inside their table cells', () => {
    const address = '浙江省湖州市长兴县雉城街道金陵北路一百二十八号幸福家园小区三幢二单元五〇一室（靠近长兴县人民医院东门，邮编313100）';
    const name = '长兴县雉城街道金陵北路幸福家园小区业主委员会暨物业管理监督小组';
    const model: DocumentModel = {
      meta: { title: 't', templateId: 't', templateVersion: '1' },
      blocks: [
        {
          type: 'table',
          columnsMm: [30, 60, 66],
          rows: [
            { header: true, cells: [{ runs: [{ text: '诉讼地位' }] }, { runs: [{ text: '姓名或名称' }] }, { runs: [{ text: '住所' }] }] },
            { cells: [{ runs: [{ text: '申请人' }] }, { runs: [{ text: name }] }, { runs: [{ text: address }] }] },
            { cells: [{ runs: [{ text: '被申请人' }] }, { runs: [{ text: '李四' }] }, { runs: [{ text: '长兴县画溪街道' }] }] },
          ],
        },
      ],
    };
    const f = resolveFormat();
    const g = geometry(f);
    const x0 = g.left + (g.textWidth - mmToPt(156)) / 2;
    const pad = mmToPt(f.table.paddingXMm);
    const cols = [
      [x0, x0 + mmToPt(30)],
      [x0 + mmToPt(30), x0 + mmToPt(90)],
      [x0 + mmToPt(90), x0 + mmToPt(156)],
    ] as const;
    const layout = layoutDocument(model, loadFonts());
    const ops = layout.pages[0]!.ops.filter((o): o is TextOp => o.op === 'text' && o.y < g.bottom);
    const inCol = (c: number) => ops.filter((o) => o.x >= cols[c]![0] && o.x < cols[c]![1]);
    // every piece of text stays inside its cell (a hanging mark may reach into the padding)
    for (const [c, [l, r]] of cols.entries()) {
      for (const o of inCol(c)) {
        expect(o.x).toBeGreaterThanOrEqual(l + pad - 0.01);
        expect(o.x + o.width).toBeLessThanOrEqual(r - pad + f.table.sizePt * 0.5);
      }
    }
    const lineCount = (c: number, text: string) => {
      const mine = inCol(c).filter((o) => text.includes(o.text));
      return new Set(mine.map((o) => Math.round(o.y))).size;
    };
    expect(lineCount(1, name)).toBeGreaterThanOrEqual(2);
    expect(lineCount(2, address)).toBeGreaterThanOrEqual(3);
    // the address reads whole, in order, inside its column, and the next row starts below it
    const third = inCol(1).find((o) => o.text === '李四')!;
    const header = inCol(2).find((o) => o.text === '住所')!;
    const addressOps = inCol(2).filter((o) => o.y > header.y && o.y < third.y);
    expect(
      addressOps
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((o) => o.text)
        .join(''),
    ).toBe(address);
  });

  it('keeps the signature block together with the last line above it', () => {
    const t = builtinTemplate('ruling-confirm-valid');
    for (let extra = 0; extra < 25; extra++) {
      const data = {
        ...t.sample,
        agreement: { ...(t.sample.agreement as object), terms: Array.from({ length: extra + 1 }, (_, i) => `第${i + 1}项约定内容。`) },
      };
      const lines = drawnLines(fillTemplate(t, data));
      const judge = lines.findIndex((l) => l.text.startsWith('审判员'));
      const clerk = lines.findIndex((l) => l.text.startsWith('书记员'));
      expect(lines[clerk]!.page).toBe(lines[judge]!.page);
      expect(lines[judge - 1]!.page, `with ${extra + 1} terms the signature stands alone`).toBe(lines[judge]!.page);
    }
  });

  it('reports characters no font has instead of printing them silently as boxes', () => {
    const model: DocumentModel = {
      meta: { title: 't', templateId: 't', templateVersion: '1' },
      blocks: [{ type: 'paragraph', runs: [{ text: `申请人：${RARE.name}` }] }],
    };
    expect(layoutDocument(model, loadFonts()).missingGlyphs).toEqual(['𠀾']); // 㛃 (Ext A) is in Noto Serif SC
  });
});

describe('DOCX', () => {
  it('East-Asian fonts in the default styles, exact line spacing, margins, page number field, template id', async () => {
    const t = builtinTemplate('ruling-confirm-valid');
    const doc = await renderDocx(fillTemplate(t, t.sample));
    expect(doc.pages).toBe(2);
    const files = unzip(doc.bytes);
    const styles = files.get('word/styles.xml')!.toString('utf8');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toMatch(/w:hint="eastAsia"/);
    expect(defaults).toMatch(/<w:sz w:val="32"\/>/); // 三号 16 pt
    expect(defaults).toMatch(/w:line="579"[^>]*w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="579"/); // 28.95 pt
    const title = /<w:style [^>]*w:styleId="CourtTitle"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toMatch(/<w:sz w:val="44"\/>/); // 二号 22 pt
    const body = files.get('word/document.xml')!.toString('utf8');
    // margins 37/35/28/26 mm in twips
    for (const [side, mm] of [
      ['top', 37],
      ['bottom', 35],
      ['left', 28],
      ['right', 26],
    ] as const) {
      expect(body).toMatch(new RegExp(`w:${side}="${Math.round((mm * 72 * 20) / 25.4)}"`));
    }
    expect(body).toContain('第二百零五条、第二百零六条规定，裁定如下：');
    const footers = [...files.entries()].filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, b]) => b.toString('utf8'));
    expect(footers.some((f) => /PAGE/.test(f) && f.includes('— '))).toBe(true);
    const custom = files.get('docProps/custom.xml')!.toString('utf8');
    expect(custom).toContain('ruling-confirm-valid');
    expect(custom).toMatch(/TemplateVersion[\s\S]*?>1</);
  });

  it('tables have a fixed layout and explicit column widths in twips; the QR code is an image', async () => {
    const t = builtinTemplate('case-receipt');
    const files = unzip((await renderDocx(fillTemplate(t, t.sample))).bytes);
    const body = files.get('word/document.xml')!.toString('utf8');
    const tw = (mm: number) => Math.round(((mm * 72) / 25.4) * 20);
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
    expect([...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([tw(34), tw(122)]);
    const cellWidths = [...body.matchAll(/<w:tcW ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(cellWidths.length).toBeGreaterThan(10);
    for (const a of cellWidths) expect(a).toMatch(/w:type="dxa"/);
    expect(cellWidths.filter((a) => a.includes(`w:w="${tw(34)}"`)).length).toBe(cellWidths.length / 2);
    expect(/<w:tblW [^>]*w:w="(\d+)"/.exec(body)![1]).toBe(String(tw(34) + tw(122)));
    expect([...files.keys()].some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
  });

  it('builds the same blocks as the PDF: every block type has a DOCX form', () => {
    const model: DocumentModel = {
      meta: { title: 't', templateId: 't', templateVersion: '1' },
      format: { pageNumber: { position: 'outside' } },
      blocks: [
        { type: 'title', runs: [{ text: '标题' }] },
        { type: 'caseNumber', text: '（2026）浙0522民特1号' },
        { type: 'party', lines: [[{ text: '申请人：甲' }], [{ text: '委托诉讼代理人：乙' }]] },
        { type: 'paragraph', runs: [{ text: '加粗', bold: true }, { text: '正文' }], align: 'centre', indent: 'none' },
        { type: 'numbered', style: '（一）', items: [[{ text: '一项' }]] },
        { type: 'blank', lines: 2 },
        { type: 'pageBreak' },
        { type: 'table', columnsMm: [50, 50], rows: [{ cells: [{ runs: [{ text: 'a' }] }, { runs: [{ text: 'b' }], align: 'right' }] }] },
        {
          type: 'signature',
          lines: [
            { kind: 'role', role: '审判员', name: '王五' },
            { kind: 'date', text: '二〇二六年一月一日' },
            { kind: 'seal', text: '（院印）' },
            { kind: 'verified', text: '本件与原本核对无异' },
            { kind: 'text', text: '某某' },
          ],
        },
      ],
    };
    expect(() => buildDocx(model)).not.toThrow();
    expect(layoutDocument(model, loadFonts()).pages.length).toBe(2);
  });
});

describe('fonts', () => {
  it('are parsed once per process: later documents pay nothing for them', async () => {
    const t = builtinTemplate('notice');
    await renderPdf(fillTemplate(t, t.sample), FIXED);
    const spent = fontParseMs();
    expect(loadFonts()).toBe(loadFonts());
    for (let i = 0; i < 3; i++) await renderPdf(fillTemplate(t, t.sample), FIXED);
    expect(fontParseMs()).toBe(spent);
  });

  it('ships Noto Serif SC (OFL) and packs its two files into the desktop app', () => {
    const files = shippedFontFiles();
    expect(fs.readFileSync(files.licence, 'utf8')).toMatch(/SIL OPEN FONT LICENSE/i);
    const yml = fs.readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8');
    expect(yml).toContain('node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
    expect(yml).toContain('node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf');
  });

  it("a court's own font files: clear errors for a missing file, a collection without a name, a CFF font", () => {
    expect(checkFontConfig({ body: '/no/such/仿宋_GB2312.ttf' })[0]).toMatch(/无法读取字体文件/);
    const ttc = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
    if (fs.existsSync(ttc)) {
      expect(checkFontConfig({ title: ttc })[0]).toMatch(/字体集（\.ttc）需写明字体名/);
      expect(checkFontConfig({ title: `${ttc}#NotoSerifCJKsc-Regular` })[0]).toMatch(/CFF/);
    }
    expect(checkFontConfig({ body: shippedFontFiles().regular })).toEqual([]);
  });

  it('a body font without a bold file is emboldened by stroking', async () => {
    const fonts = loadFonts({ body: shippedFontFiles().regular });
    expect(fonts.bodyBold.syntheticBold).toBe(true);
    const model: DocumentModel = {
      meta: { title: 't', templateId: 't', templateVersion: '1' },
      blocks: [{ type: 'paragraph', runs: [{ text: '加粗', bold: true }] }],
    };
    const doc = await renderPdf(model, { ...FIXED, fonts: { body: shippedFontFiles().regular } });
    expect(Buffer.from(doc.bytes).toString('latin1')).toMatch(/\/Producer/);
  });
});

describe('batch PDF', () => {
  it.skipIf(!POPPLER)('each document starts on a new page and numbers its own pages', async () => {
    const valid = builtinTemplate('ruling-confirm-valid');
    const notice = builtinTemplate('notice');
    const models = [fillTemplate(valid, valid.sample), fillTemplate(notice, notice.sample), fillTemplate(valid, valid.sample)];
    const progress: number[] = [];
    const batch = await renderPdfBatch(models, { ...FIXED, onProgress: (n) => progress.push(n) });
    expect(batch.documents.map((d) => [d.firstPage, d.pages])).toEqual([
      [1, 2],
      [3, 1],
      [4, 2],
    ]);
    expect(batch.pages).toBe(5);
    expect(progress).toEqual([1, 2, 3]);
    const text = pdfText(batch.bytes!);
    expect(text.match(/—\s*1\s*—/g)?.length).toBe(3);
    expect(text.match(/—\s*2\s*—/g)?.length).toBe(2);
    expect(
      spawnSync('pdffonts', [tmpFile(batch.bytes!, 'pdf')], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n').length - 2,
    ).toBe(2); // one subset per face for the whole batch
  });
});

describe('receipt from a case', () => {
  let h: Harness | undefined;
  afterEach(() => {
    h?.close();
    h = undefined;
  });

  it('builds data the receipt template declares, and renders with the QR code of the case code', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
    const filed = await fileCivil(h, clerk);
    const view = caseView(h.core.db, filed.id, true);
    const data = receiptData(view, { courtName: '浙江省长兴县人民法院', issuedOn: '2026-11-23' });
    const t = builtinTemplate('case-receipt');
    expect(unknownDataFields(t, data)).toEqual([]);
    const model = fillTemplate(t, data);
    const qr = model.blocks.find((b) => b.type === 'image');
    expect(qr).toMatchObject({ alt: view.code, position: 'topRight' });
    expect(data.clerk).toBe('李书记'); // who filed it, from the timeline
    if (POPPLER) {
      const text = pdfText((await renderPdf(model, FIXED)).bytes);
      expectInOrder(text, [
        '收 案 回 执',
        view.number,
        '张三：',
        '案件码',
        `${view.code.slice(0, 4)}-${view.code.slice(4, 8)}-${view.code.slice(8)}`,
        '民间借贷纠纷',
        '2026年11月23日',
        '原告',
        '张三',
        '被告',
        '李四',
        '￥150,000.00（人民币壹拾伍万元整）',
        '起诉状；借条',
      ]);
    }
  });
});
