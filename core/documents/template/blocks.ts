/** Filled lines → document model blocks: each 【marker】 becomes its block (signature, table, QR image, …). */
import type { NumberStyle } from '../chinese';
import type { Block, Run, SignatureLine, TableRow } from '../model';
import { qrPng } from '../qr';
import type { OutLine } from './fill';
import { TemplateError, type Marker } from './syntax';
import type { Template } from './template';

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

const SIGNATURE: Partial<Record<Marker, true>> = { 署名: true, 日期: true, 院印: true, 核对: true, 落款: true };

export function toBlocks(lines: OutLine[], t: Template): Block[] {
  const blocks: Block[] = [];
  const last = () => blocks[blocks.length - 1];
  let table: { columnsMm: number[]; rows: TableRow[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const fail: (m: string) => never = (m) => {
      throw new TemplateError(t.file, l.line, m);
    };
    if (l.marker === '表格') {
      table = { columnsMm: l.arg.split(',').map(Number), rows: [] };
      continue;
    }
    if (l.marker === '/表格') {
      blocks.push({ type: 'table', columnsMm: table!.columnsMm, rows: table!.rows });
      table = null;
      continue;
    }
    if (table) {
      table.rows.push({ cells: (l.cells ?? []).map((runs) => ({ runs })), ...(l.marker === '表头' ? { header: true } : {}) });
      continue;
    }
    if (l.marker && SIGNATURE[l.marker]) {
      let line: SignatureLine;
      const text = plain(l.runs).trim();
      switch (l.marker) {
        case '署名': {
          const m = /^(\S+?)[\s　]+(.+)$/.exec(text);
          if (!m) fail('【署名】应写作“职务 姓名”，如【署名】审判员 王五');
          line = { kind: 'role', role: m![1]!, name: m![2]!.trim() };
          break;
        }
        case '日期':
          line = { kind: 'date', text };
          break;
        case '院印':
          line = { kind: 'seal', text: text || '（院印）' };
          break;
        case '核对':
          line = { kind: 'verified', text: text || '本件与原本核对无异' };
          break;
        default:
          line = { kind: 'text', text };
      }
      const prev = last();
      if (prev?.type === 'signature') prev.lines.push(line);
      else blocks.push({ type: 'signature', lines: [line] });
      continue;
    }
    switch (l.marker) {
      case null:
      case '正文':
        blocks.push({ type: 'paragraph', runs: l.runs });
        break;
      case '标题':
        blocks.push({ type: 'title', runs: l.runs });
        break;
      case '案号':
        blocks.push({ type: 'caseNumber', text: plain(l.runs) });
        break;
      case '当事人':
        blocks.push({ type: 'party', lines: [l.runs] });
        break;
      case '代理人': {
        const prev = last();
        if (prev?.type === 'party') prev.lines.push(l.runs);
        else blocks.push({ type: 'party', lines: [l.runs] });
        break;
      }
      case '顶格':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none' });
        break;
      case '居中':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none', align: 'centre' });
        break;
      case '居右':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none', align: 'right' });
        break;
      case '编号': {
        const style = (l.arg || t.numbering) as NumberStyle;
        const prev = last();
        if (prev?.type === 'numbered' && prev.style === style) prev.items.push(l.runs);
        else blocks.push({ type: 'numbered', style, items: [l.runs] });
        break;
      }
      case '二维码': {
        const text = plain(l.runs).trim();
        if (!text) fail('二维码内容为空');
        const sizeArg = /\d+(\.\d+)?/.exec(l.arg)?.[0];
        const size = sizeArg ? Number(sizeArg) : 30;
        const topRight = l.arg.includes('右上');
        const next = lines[i + 1];
        const caption = next?.marker === '图注' ? plain(next.runs) : undefined;
        if (caption !== undefined) i++;
        blocks.push({
          type: 'image',
          png: qrPng(text),
          widthMm: size,
          heightMm: size,
          align: 'centre',
          alt: text,
          ...(topRight ? { position: 'topRight' as const } : {}),
          ...(caption ? { caption } : {}),
        });
        break;
      }
      case '图注':
        blocks.push({ type: 'paragraph', runs: l.runs, indent: 'none', align: 'centre' });
        break;
      case '空行':
        blocks.push({ type: 'blank', lines: l.arg ? Number(l.arg) : 1 });
        break;
      case '分页':
        blocks.push({ type: 'pageBreak' });
        break;
      default:
        fail(`【${l.marker}】不能用在这里`);
    }
  }
  return blocks;
}
