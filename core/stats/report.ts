import type { Core } from '../context';
import { documentRenderOptions, renderModel } from '../documents';
import type { Block, DocumentModel, TableRow } from '../documents/model';
import { writeWorkbookBuffer, XLSX_MIME, type SheetColumn } from '../excel';
import type { AreaFigures, FigureRow } from '../figures';
import { readSetting } from '../settings';
import { centreOverview, type CentreOverview } from './overview';

/**
 * The centre's monthly report (issue 15 item 3): the overview of one calendar month as one workbook — a sheet of
 * headline figures, then a sheet per register, then the definitions — or as a PDF laid out by the documents
 * pipeline (core/documents: the court's resolved fonts, the same renderer as every court document). Both are
 * built from `centreOverview`, the numbers of the overview page.
 */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

interface Line {
  group: string;
  row: FigureRow;
}

function linesOf(s: AreaFigures): Line[] {
  return [
    { group: '合计', row: s.total },
    ...s.months.map((row) => ({ group: '按月', row })),
    ...s.breakdowns.flatMap((b) => b.rows.map((row) => ({ group: b.label, row }))),
  ];
}

function areaColumns(s: AreaFigures): SheetColumn<Line>[] {
  const c = s.columns;
  const cols: SheetColumn<Line>[] = [
    { header: '分组', kind: 'text', width: 16, value: (l) => l.group },
    { header: '项目', kind: 'text', width: 28, value: (l) => l.row.label },
    { header: c.received, kind: 'integer', value: (l) => l.row.received },
    { header: c.concluded, kind: 'integer', value: (l) => l.row.concluded },
    { header: c.resolved, kind: 'integer', value: (l) => l.row.resolved },
    { header: c.successRate, kind: 'percent', value: (l) => l.row.successRate },
    { header: c.averageDays, kind: 'text', width: 14, value: (l) => (l.row.averageDays === null ? null : l.row.averageDays.toFixed(1)) },
    { header: c.medianDays, kind: 'text', width: 14, value: (l) => (l.row.medianDays === null ? null : String(l.row.medianDays)) },
    { header: c.overdue, kind: 'integer', value: (l) => l.row.overdue },
  ];
  // a register without outcomes (立案登记) shows only what it counts
  return cols.filter((col) => col.header !== '—');
}

interface Headline {
  item: string;
  count?: number | null;
  share?: number | null;
  fen?: number | null;
  text?: string;
  note?: string;
}

export function headlines(o: CentreOverview): Headline[] {
  const out: Headline[] = [];
  for (const s of o.sections) {
    out.push({ item: `${s.label}：${s.columns.received}`, count: s.total.received });
    if (s.total.concluded !== null) out.push({ item: `${s.label}：${s.columns.concluded}`, count: s.total.concluded });
    if (s.total.successRate !== null) out.push({ item: `${s.label}：${s.columns.successRate}`, share: s.total.successRate });
    if (s.total.averageDays !== null)
      out.push({ item: `${s.label}：${s.columns.averageDays}`, text: `${s.total.averageDays.toFixed(1)}（中位数 ${s.total.medianDays}）` });
    if (s.total.overdue !== null) out.push({ item: `${s.label}：${s.columns.overdue}`, count: s.total.overdue, note: `截至 ${s.on}` });
    for (const n of s.notes)
      out.push({
        item: `${s.label}：${n.label}`,
        ...(n.unit === 'fen' ? { fen: n.value } : n.unit === 'rate' ? { share: n.value } : { count: n.value }),
      });
  }
  const l = o.litigation;
  out.push({
    item: '万人成讼率',
    text: l.perTenThousand === null ? '未登记辖区人口' : `${l.perTenThousand.toFixed(2)} 件/万人`,
    note: l.population
      ? `民初 ${l.civilFirstInstance} 件；${l.population.year} 年辖区人口 ${l.population.population} 人（${l.population.source}）`
      : `民初 ${l.civilFirstInstance} 件`,
  });
  out.push({ item: '诉前化解率', share: o.shares.beforeFiling, note: `诉前调解成功 ${o.shares.preFilingResolved} 件` });
  out.push({ item: '未经庭审化解率', share: o.shares.withoutTrial, note: `立案后委托调解成功 ${o.shares.entrustedResolved} 件` });
  for (const f of o.funnel) out.push({ item: `漏斗：${f.label}`, count: f.count });
  return out;
}

const HEADLINE_COLUMNS: SheetColumn<Headline>[] = [
  { header: '项目', kind: 'text', width: 36, value: (h) => h.item },
  { header: '件数', kind: 'integer', value: (h) => h.count },
  { header: '比率', kind: 'percent', value: (h) => h.share },
  { header: '金额', kind: 'money', value: (h) => h.fen },
  { header: '数值', kind: 'text', width: 22, value: (h) => h.text },
  { header: '说明', kind: 'text', width: 60, value: (h) => h.note },
];

export async function monthlyWorkbook(o: CentreOverview, created: Date): Promise<{ bytes: Buffer; sheets: number }> {
  const definitions = [
    ...o.sections.flatMap((s) => s.definitions.map((d) => ({ area: s.label, text: d }))),
    { area: '万人成讼率', text: o.litigation.basis },
    ...o.shares.definitions.map((d) => ({ area: '诉前化解', text: d })),
  ];
  const { bytes, sheets } = await writeWorkbookBuffer(
    [
      { name: '总览', columns: HEADLINE_COLUMNS, rows: headlines(o) },
      ...o.sections.map((s) => ({ name: s.label, columns: areaColumns(s), rows: linesOf(s) })),
      {
        name: '统计口径',
        columns: [
          { header: '登记簿', kind: 'text', width: 20, value: (d: { area: string }) => d.area },
          { header: '说明', kind: 'text', width: 120, value: (d: { text: string }) => d.text },
        ],
        rows: definitions,
      },
    ],
    { created },
  );
  return { bytes, sheets: sheets.length };
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));
const cell = (text: string, align: 'left' | 'centre' | 'right' = 'right') => ({ runs: [{ text }], align });

function areaTable(s: AreaFigures): Block {
  const shown = (['received', 'concluded', 'resolved', 'successRate', 'averageDays', 'medianDays', 'overdue'] as const).filter(
    (k) => s.columns[k] !== '—',
  );
  const first = 156 - shown.length * 16;
  const value = (r: FigureRow, k: (typeof shown)[number]) =>
    k === 'successRate' ? pct(r.successRate) : k === 'averageDays' ? (r.averageDays === null ? '—' : r.averageDays.toFixed(1)) : num(r[k]);
  const rows: TableRow[] = [
    { header: true, cells: [cell('项目', 'centre'), ...shown.map((k) => cell(s.columns[k], 'centre'))] },
    ...linesOf(s).map((l) => ({
      cells: [
        cell(l.group === '合计' ? '合计' : `${l.group.replace(/^按/, '')}：${l.row.label}`, 'left'),
        ...shown.map((k) => cell(value(l.row, k))),
      ],
    })),
  ];
  return { type: 'table', columnsMm: [first, ...shown.map(() => 16)], rows, sizePt: 9, linePitchPt: 13 };
}

export function monthlyReportModel(o: CentreOverview, court: string, month: string): DocumentModel {
  const [y, m] = month.split('-');
  const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }], indent: 'none' });
  const blocks: Block[] = [
    { type: 'title', runs: [{ text: court }] },
    { type: 'title', runs: [{ text: `诉讼服务中心月度统计报表（${y}年${Number(m)}月）` }] },
    p(`统计期间：${o.period.from} 至 ${o.period.to}；超期截至 ${o.on}。`),
    {
      type: 'table',
      columnsMm: [70, 86],
      sizePt: 10,
      linePitchPt: 15,
      rows: [
        { header: true, cells: [cell('项目', 'centre'), cell('数字', 'centre')] },
        ...headlines(o).map((h) => ({
          cells: [
            cell(h.item, 'left'),
            cell(
              [
                h.count != null ? `${h.count} 件` : null,
                h.share !== undefined ? pct(h.share ?? null) : null,
                h.fen != null ? `${(h.fen / 100).toFixed(2)} 元` : null,
                h.text ?? null,
                h.note ?? null,
              ]
                .filter(Boolean)
                .join('；'),
              'left',
            ),
          ],
        })),
      ],
    },
  ];
  for (const s of o.sections) {
    blocks.push({ type: 'pageBreak' }, { type: 'title', runs: [{ text: s.label }] }, areaTable(s));
    for (const d of s.definitions) blocks.push({ type: 'paragraph', runs: [{ text: d }], indent: 'none' });
  }
  blocks.push({ type: 'paragraph', runs: [{ text: o.litigation.basis }], indent: 'none' });
  for (const d of o.shares.definitions) blocks.push({ type: 'paragraph', runs: [{ text: d }], indent: 'none' });
  return {
    meta: { title: `诉讼服务中心月度统计报表（${month}）`, templateId: 'stats.monthly', templateVersion: '1', author: court },
    format: {
      body: { sizePt: 12, linePitchPt: 20, charsPerLine: 36, firstLineIndentChars: 2 },
      title: { sizePt: 16, linePitchPt: 26, spaceAfterPt: 6 },
    },
    blocks,
  };
}

/** The report for a month as bytes: .xlsx or .pdf, named for the month. */
export async function monthlyReport(core: Core, month: string, format: 'xlsx' | 'pdf', today: string) {
  const o = centreOverview(core, monthPeriod(month), today);
  const created = new Date(`${today}T00:00:00+08:00`);
  if (format === 'xlsx') {
    const { bytes, sheets } = await monthlyWorkbook(o, created);
    return { fileName: `诉讼服务中心月度报表-${month}.xlsx`, mime: XLSX_MIME, format, bytes, sheets };
  }
  const court = readSetting(core.db, 'court.name') ?? '人民法院';
  const doc = await renderModel(monthlyReportModel(o, court, month), 'pdf', documentRenderOptions(core.db, created));
  return {
    fileName: `诉讼服务中心月度报表-${month}.pdf`,
    mime: 'application/pdf',
    format,
    bytes: Buffer.from(doc.bytes),
    sheets: doc.pages,
  };
}
