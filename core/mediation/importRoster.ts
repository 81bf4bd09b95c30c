import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mediationOrgs } from '../../db/schema';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import type { CallContext } from '../context';
import { cellText, readSheetValues, type RawSheet } from '../excel/reader';
import { isoShanghai } from '../time/clock';
import { LEVELS, MEDIATOR_KINDS, ORG_KINDS } from './labels';
import { checkOrg, insertMediator } from './rosters';
import { mediatorInput, orgInput } from './schemas';

/**
 * Imports a roster workbook: a sheet 调解组织 (名称, 类别, 层级, 覆盖区域, 联系人, 联系电话, 入册日期) and a sheet
 * 调解员 (姓名, 类别, 所属组织, 擅长领域, 服务区域, 承办上限, 身份证号码, 联系电话, 入册日期; lists separated by 、).
 * Every row is checked like a form; the good rows are written in one transaction with one audit entry, every
 * refused row is reported with its sheet, row number, column and reason.
 */
export const ORG_COLUMNS = ['名称', '类别', '层级', '覆盖区域', '联系人', '联系电话', '入册日期'] as const;
export const MEDIATOR_COLUMNS = [
  '姓名',
  '类别',
  '所属组织',
  '擅长领域',
  '服务区域',
  '承办上限',
  '身份证号码',
  '联系电话',
  '入册日期',
] as const;

const FIELD_COLUMNS: Record<string, string> = {
  name: '名称/姓名',
  kind: '类别',
  level: '层级',
  region: '覆盖区域',
  contact: '联系人',
  phone: '联系电话',
  activeFrom: '入册日期',
  orgId: '所属组织',
  fields: '擅长领域',
  regions: '服务区域',
  capacity: '承办上限',
  idNumber: '身份证号码',
};

const byLabel = <T extends string>(labels: Record<T, string>, text: string): T | string => {
  const t = text.trim();
  const hit = (Object.entries(labels) as [T, string][]).find(([id, label]) => label === t || id === t || label.startsWith(t));
  return hit ? hit[0] : t;
};

function rowsOf(sheet: RawSheet | undefined, columns: readonly string[]) {
  if (!sheet) return [];
  const header = Array.from(sheet.rows.find((r) => r.row === 1)?.values ?? [], (v) => cellText(v));
  const index = new Map(columns.map((c) => [c, header.indexOf(c)]));
  const out: { row: number; cells: Record<string, string> }[] = [];
  for (const { row: n, values } of sheet.rows) {
    if (n === 1) continue;
    const cells: Record<string, string> = {};
    for (const c of columns) cells[c] = index.get(c)! > 0 ? cellText(values[index.get(c)!]) : '';
    if (Object.values(cells).some(Boolean)) out.push({ row: n, cells });
  }
  return out;
}

const list = (s: string) =>
  s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

export async function importRoster(ctx: CallContext, bytes: Uint8Array) {
  // read in slices without holding the event loop (core/excel/reader.ts)
  const sheets = await readSheetValues(bytes, (names) => ['调解组织', '调解员'].filter((n) => names.includes(n)));
  const orgSheet = sheets.find((s) => s.name === '调解组织');
  const medSheet = sheets.find((s) => s.name === '调解员');
  if (!orgSheet && !medSheet) throw new ApiError('VALIDATION', '工作簿中没有名为“调解组织”或“调解员”的工作表', 'file');
  const orgRows = rowsOf(orgSheet, ORG_COLUMNS);
  const medRows = rowsOf(medSheet, MEDIATOR_COLUMNS);
  const refused: { sheet: string; row: number; field: string; message: string }[] = [];
  const refuse = (sheet: string, row: number, issue: { path?: PropertyKey[]; field?: string; message: string }) => {
    const key = issue.field ?? String(issue.path?.[0] ?? '');
    refused.push({ sheet, row, field: FIELD_COLUMNS[key.split('.')[0]!] ?? key, message: issue.message });
  };
  const firstIssue = (e: z.ZodError) => e.issues[0]!;

  return writeTransaction(ctx.core, (tx) => {
    let orgs = 0;
    let meds = 0;
    for (const { row, cells } of orgRows) {
      const parsed = orgInput.safeParse({
        name: cells['名称'],
        kind: byLabel(ORG_KINDS, cells['类别']!),
        level: byLabel(LEVELS, cells['层级']!),
        region: cells['覆盖区域'],
        contact: cells['联系人'],
        phone: cells['联系电话'],
        activeFrom: cells['入册日期'],
      });
      if (!parsed.success) {
        refuse('调解组织', row, firstIssue(parsed.error));
        continue;
      }
      try {
        tx.transaction((sp) => {
          checkOrg(sp, parsed.data);
          const now = isoShanghai(ctx.core.clock.now());
          sp.insert(mediationOrgs)
            .values({
              ...parsed.data,
              contact: parsed.data.contact ?? null,
              phone: parsed.data.phone ?? null,
              activeTo: null,
              createdAt: now,
              updatedAt: now,
            })
            .run();
        });
        orgs++;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        refuse('调解组织', row, { field: err.field, message: err.message });
      }
    }
    for (const { row, cells } of medRows) {
      const orgName = cells['所属组织']!;
      const org = orgName
        ? tx.select({ id: mediationOrgs.id }).from(mediationOrgs).where(eq(mediationOrgs.name, orgName)).get()
        : undefined;
      if (orgName && !org) {
        refuse('调解员', row, { field: 'orgId', message: `所属组织“${orgName}”不在名册中` });
        continue;
      }
      const capacity = Number(cells['承办上限']);
      const parsed = mediatorInput.safeParse({
        name: cells['姓名'],
        kind: byLabel(MEDIATOR_KINDS, cells['类别']!),
        orgId: org?.id,
        fields: list(cells['擅长领域']!),
        regions: list(cells['服务区域']!),
        capacity: cells['承办上限'] === '' ? undefined : capacity,
        idNumber: cells['身份证号码'],
        phone: cells['联系电话'],
        activeFrom: cells['入册日期'],
      });
      if (!parsed.success) {
        refuse('调解员', row, firstIssue(parsed.error));
        continue;
      }
      try {
        tx.transaction((sp) => insertMediator(sp, ctx, parsed.data));
        meds++;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        refuse('调解员', row, { field: err.field, message: err.message });
      }
    }
    audit(tx, ctx, {
      operation: 'mediation.importRoster',
      entityType: 'mediation_roster',
      entityId: null,
      after: { orgs, mediators: meds, refused: refused.length },
    });
    return { imported: orgs + meds, orgs, mediators: meds, refused };
  });
}
