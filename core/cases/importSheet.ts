import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { causeForFiling } from '../causes';
import type { CallContext } from '../context';
import { mappedRows, readSheet, unmappedRefusals, type RefusedRow, type SheetRows } from '../excel';
import { parseYuan } from '../money';
import { residentIdProblem, usccProblem, normaliseIdNumber } from '../parties';
import { dateShanghai } from '../time/clock';
import { fileCaseInput, type FileCaseInput } from './schemas';
import { checkPartyRolesForCause, fileCase } from './service';
import { CASE_TYPE_RULES, type FilingCaseType } from './types';
import { IMPORT_FIELD_KEYS, IMPORT_FIELDS, IMPORT_SOURCES, type ImportField, type ImportSource } from './listMeta';

export { IMPORT_FIELD_KEYS, IMPORT_FIELDS, IMPORT_SOURCES, type ImportField, type ImportSource };

/**
 * Cases and referrals sent by other bodies on a sheet (issue 15, item 4): a 综治中心's or a people's mediation
 * committee's monthly list of disputes referred to the court. Three steps:
 *
 * 1. the sheet's columns are mapped to the counter's fields (guessed from the header texts, changed by the clerk);
 * 2. every row is checked with the counter's own rules — the filing schema (ID number with its check digit, USCC,
 *    phone, dates, roles of the case type), the cause against the catalogue in force on the received date, the
 *    amount as typed in 元 — and the preview lists each refused row with its column and reason; nothing is written;
 * 3. on confirmation the rows are filed through the counter's filing (fileCase: numbers, parties reused by ID,
 *    search index, timeline, an audit row each) inside ONE transaction with one more audit row for the import:
 *    a failure on any row writes nothing at all. The confirmation carries the preview's digest, so what is filed
 *    is exactly what the clerk saw.
 */

/** without these a row cannot be a case */
const REQUIRED_FIELDS: ImportField[] = ['receivedOn', 'cause', 'applicantName'];

export interface ImportOptions {
  fileBase64: string;
  fileName: string;
  caseType: FilingCaseType;
  source: ImportSource;
  /** the sending body's name (雉城街道综治中心) */
  sourceName: string;
  /** field → header text; fields left out are guessed from the headers */
  mapping?: Partial<Record<ImportField, string>>;
}

export interface ImportPreview {
  sheet: string;
  headers: string[];
  mapping: Partial<Record<ImportField, string>>;
  total: number;
  accepted: number;
  refused: RefusedRow[];
  /** the first accepted rows as they will be filed */
  sample: { row: number; applicant: string; respondent: string; cause: string; amountFen: number | null; receivedOn: string }[];
  /** sha-256 of the file, the mapping and the options: the confirmation must carry it */
  digest: string;
}

const norm = (s: string) => s.replace(/[\s（）()：:*＊]/g, '');

/**
 * The column for each field: the one given, else a header equal to one of its names, else a header containing one
 * (申请人 never takes a 被申请人… column). Exact matches are taken first for every field. Any table of fields with
 * the header texts it recognises (the legacy mediation import has its own, core/mediation/importLegacy.ts).
 */
export function guessColumns<F extends string>(
  fields: Record<F, { synonyms: readonly string[] }>,
  headers: string[],
  given: Partial<Record<F, string>> = {},
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  const used = new Set<string>(Object.values(given).filter(Boolean) as string[]);
  const open = (Object.keys(fields) as F[]).filter((f) => {
    if (given[f] === undefined) return true;
    if (given[f]) out[f] = given[f];
    return false;
  });
  const take = (f: F, hit: string | undefined) => {
    if (!hit) return;
    out[f] = hit;
    used.add(hit);
  };
  for (const f of open) {
    const names = fields[f].synonyms.map(norm);
    take(
      f,
      headers.find((h) => h && !used.has(h) && names.includes(norm(h))),
    );
  }
  for (const f of open) {
    if (out[f]) continue;
    const names = fields[f].synonyms.map(norm).filter((n) => n.length >= 3);
    const fits = (h: string) => names.some((n) => norm(h).includes(n) && (n.includes('被') || !norm(h).includes('被')));
    take(
      f,
      headers.find((h) => h && !used.has(h) && fits(h)),
    );
  }
  return out;
}

export function guessMapping(headers: string[], given: Partial<Record<ImportField, string>> = {}): Partial<Record<ImportField, string>> {
  return guessColumns(IMPORT_FIELDS, headers, given);
}

const ORGANISATION_NAME = /(公司|银行|支行|分行|委员会|中心|厂|店|社|协会|学校|医院|事务所|集团|局|所)$/;

/** A party from the sheet's cells, as the counter's form would send it: kind and ID type from the number. */
export function partyOf(cells: { name: string; id: string; phone: string; address: string; rep: string; repTitle: string }, today: string) {
  const id = normaliseIdNumber(cells.id);
  const looksOrganisation = ORGANISATION_NAME.test(cells.name);
  const isOrganisation = id ? (!residentIdProblem(id, today) ? false : !usccProblem(id) || looksOrganisation) : looksOrganisation;
  const opt = (v: string) => (v ? v : undefined);
  return isOrganisation
    ? {
        kind: 'organisation' as const,
        name: cells.name,
        idType: id ? ('uscc' as const) : ('none' as const),
        idNumber: opt(id),
        representative: cells.rep,
        representativeTitle: cells.repTitle,
        address: opt(cells.address),
        phone: opt(cells.phone),
      }
    : {
        kind: 'person' as const,
        name: cells.name,
        idType: id ? ('resident' as const) : ('none' as const),
        idNumber: opt(id),
        address: opt(cells.address),
        phone: opt(cells.phone),
      };
}

type PartyField = Extract<ImportField, `applicant${string}` | `respondent${string}`>;

/**
 * The applicant (and the respondent when named) of a row, in the roles of the case type, as the counter's form would
 * send them; `cell` reads a mapped column of the row.
 */
export function partiesOfRow(cell: (f: PartyField) => string, roles: readonly string[], today: string) {
  const side = (p: 'applicant' | 'respondent') => ({
    name: cell(`${p}Name`),
    id: cell(`${p}Id`),
    phone: cell(`${p}Phone`),
    address: cell(`${p}Address`),
    rep: cell(`${p}Representative`),
    repTitle: cell(`${p}RepresentativeTitle`),
  });
  const [firstRole, secondRole] = roles;
  const parties = [{ role: firstRole!, party: partyOf(side('applicant'), today) }];
  if (cell('respondentName') && secondRole) parties.push({ role: secondRole, party: partyOf(side('respondent'), today) });
  return parties;
}

/**
 * The field and message of the first problem the filing schema found in a row: the party's side is named
 * (申请人 / 被申请人) where the schema's message does not say it.
 */
export function firstRowIssue(error: z.ZodError): { field: ImportField | null; message: string } {
  const issue = error.issues[0]!;
  const who = issue.path[0] === 'parties' ? (issue.path[1] === 0 ? '申请人' : '被申请人') : '';
  return { field: fieldOfPath(issue.path), message: who && !issue.message.startsWith(who) ? `${who}${issue.message}` : issue.message };
}

/** zod path of the filing input → the field of the sheet it came from */
function fieldOfPath(path: PropertyKey[]): ImportField | null {
  const [head, index, , leaf] = path.map(String);
  if (head === 'parties') {
    const side = index === '0' ? 'applicant' : 'respondent';
    const byLeaf: Record<string, string> = {
      idNumber: 'Id',
      idType: 'Id',
      sex: 'Id',
      birthDate: 'Id',
      phone: 'Phone',
      address: 'Address',
      name: 'Name',
      representative: 'Representative',
      representativeTitle: 'RepresentativeTitle',
    };
    return `${side}${byLeaf[leaf ?? ''] ?? 'Name'}` as ImportField;
  }
  if (head === 'amountFen') return 'amount';
  if (head === 'receivedOn' || head === 'cause' || head === 'claims' || head === 'facts') return head;
  return null;
}

interface Checked {
  row: number;
  input: FileCaseInput;
}

function checkRows(ctx: CallContext, sheet: SheetRows, mapping: Partial<Record<ImportField, string>>, o: ImportOptions) {
  const today = dateShanghai(ctx.core.clock.now());
  const schema = fileCaseInput(today);
  const roles = Object.keys(CASE_TYPE_RULES[o.caseType].roles);
  const { rows, refused } = mappedRows(sheet, mapping, IMPORT_FIELDS);
  const accepted: Checked[] = [];
  for (const { row, cell, refuse } of rows) {
    const amount = parseYuan(cell('amount'), '标的额');
    if (!amount.ok) {
      refuse('amount', amount.message);
      continue;
    }
    const reference = cell('reference');
    const parties = partiesOfRow(cell, roles, today);
    const raw = {
      caseType: o.caseType,
      receivedOn: cell('receivedOn'),
      parties,
      cause: { text: cell('cause') },
      ...(amount.fen !== undefined ? { amountFen: amount.fen } : {}),
      ...(cell('claims') ? { claims: cell('claims') } : {}),
      ...(cell('facts') ? { facts: cell('facts') } : {}),
      materials: [`${o.sourceName || IMPORT_SOURCES[o.source]}移送材料${reference ? `（编号 ${reference}）` : ''}`],
    };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = firstRowIssue(parsed.error);
      refuse(issue.field, issue.message);
      continue;
    }
    try {
      // the counter's checks that are not in the schema: the cause in the catalogue in force on the received date
      // and the roles the cause requires
      const cause = causeForFiling(parsed.data.cause, parsed.data.receivedOn);
      checkPartyRolesForCause(parsed.data, cause.name);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      refuse(err.field?.startsWith('parties') ? 'applicantName' : 'cause', err.message);
      continue;
    }
    accepted.push({ row, input: parsed.data });
  }
  return { accepted, refused };
}

function digestOf(o: ImportOptions, mapping: Partial<Record<ImportField, string>>): string {
  return createHash('sha256')
    .update(o.fileBase64)
    .update(JSON.stringify([o.caseType, o.source, o.sourceName, IMPORT_FIELD_KEYS.map((f) => mapping[f] ?? null)]))
    .digest('hex');
}

async function load(ctx: CallContext, o: ImportOptions) {
  const bytes = Buffer.from(o.fileBase64, 'base64');
  const sheet = await readSheet(bytes);
  if (sheet.rows.length === 0) throw new ApiError('VALIDATION', '工作表中没有数据行（第一行应为表头）', 'file');
  const mapping = guessMapping(sheet.headers, o.mapping);
  for (const [f, h] of Object.entries(mapping))
    if (h && !sheet.headers.includes(h))
      throw new ApiError('VALIDATION', `表头中没有“${h}”列（${IMPORT_FIELDS[f as ImportField].label}）`, `mapping.${f}`);
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  return { sheet, mapping, missing, checked: missing.length ? null : checkRows(ctx, sheet, mapping, o) };
}

export async function previewImport(ctx: CallContext, o: ImportOptions): Promise<ImportPreview> {
  const { sheet, mapping, missing, checked } = await load(ctx, o);
  const refused = checked ? checked.refused : unmappedRefusals(missing, IMPORT_FIELDS);
  const accepted = checked?.accepted ?? [];
  const name = (c: Checked, i: number) => c.input.parties[i]?.party?.name ?? '';
  return {
    sheet: sheet.sheet,
    headers: sheet.headers,
    mapping,
    total: sheet.rows.length,
    accepted: accepted.length,
    refused,
    sample: accepted.slice(0, 5).map((c) => ({
      row: c.row,
      applicant: name(c, 0),
      respondent: name(c, 1),
      cause: 'text' in c.input.cause ? c.input.cause.text : '',
      amountFen: c.input.amountFen ?? null,
      receivedOn: c.input.receivedOn,
    })),
    digest: digestOf(o, mapping),
  };
}

export const importResultSchema = z.object({
  imported: z.number(),
  skipped: z.number(),
  caseIds: z.array(z.number()),
  numbers: z.array(z.string()),
});

/**
 * Files the previewed rows. `skipRefused` must be set when the preview refused rows (they are left out and named
 * in the audit entry); any failure while filing rolls the whole import back.
 */
export async function confirmImport(ctx: CallContext, o: ImportOptions & { digest: string; skipRefused: boolean }) {
  const { mapping, missing, checked } = await load(ctx, o);
  if (digestOf(o, mapping) !== o.digest) throw new ApiError('CONFLICT', '导入内容或列对应关系与预览时不同，请重新预览后再确认', 'digest');
  if (missing.length || !checked) throw new ApiError('VALIDATION', `请为“${IMPORT_FIELDS[missing[0]!].label}”选择对应的列`, 'mapping');
  if (checked.accepted.length === 0) throw new ApiError('VALIDATION', '没有可以导入的行', 'file');
  if (checked.refused.length > 0 && !o.skipRefused)
    throw new ApiError('VALIDATION', `有 ${checked.refused.length} 行未通过校验：请修改工作表后重新导入，或选择跳过这些行`, 'skipRefused');
  return writeTransaction(ctx.core, (tx) => {
    const filed: { id: number; number: string }[] = [];
    for (const c of checked.accepted) {
      try {
        const view = fileCase(ctx, c.input);
        filed.push({ id: view.id, number: view.number });
      } catch (err) {
        if (err instanceof ApiError) throw new ApiError(err.code, `第 ${c.row} 行：${err.message}（整批未导入）`, err.field);
        throw err;
      }
    }
    audit(tx, ctx, {
      operation: 'cases.importConfirm',
      entityType: 'case_import',
      entityId: null,
      after: {
        file: o.fileName,
        source: IMPORT_SOURCES[o.source],
        sourceName: o.sourceName,
        caseType: o.caseType,
        rows: checked.accepted.length + checked.refused.length,
        imported: filed.length,
        numbers: [filed[0]!.number, filed[filed.length - 1]!.number],
        skipped: checked.refused.map((r) => `第 ${r.row} 行 ${r.column}：${r.message}`),
      },
    });
    return {
      imported: filed.length,
      skipped: checked.refused.length,
      caseIds: filed.map((f) => f.id),
      numbers: filed.map((f) => f.number),
    };
  });
}
