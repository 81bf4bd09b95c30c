import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, cases, mediations } from '../../db/schema';
import { outsideCallScope } from '../api/callScope';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import {
  addCaseEvent,
  CASE_TYPE_RULES,
  checkPartyRolesForCause,
  fileCase,
  firstRowIssue,
  guessColumns,
  legacyCaseInput,
  partiesOfRow,
  type LegacyCaseInput,
} from '../cases';
import { causeForFiling } from '../causes';
import type { CallContext, Core, Db, Tx } from '../context';
import { mappedRows, readSheet, unmappedRefusals, type SheetRows } from '../excel';
import { parseYuan } from '../money';
import { findTypeCode, formatCaseNumber, parseCaseNumber } from '../numbering';
import { readSetting } from '../settings';
import { dateShanghai, isIsoDate, isoShanghai, yearOfDate } from '../time/clock';
import { nextChunkSize, pacer, yieldToLoop } from '../time/eventLoop';
import {
  CLOSINGS,
  FAILURE_REASONS,
  FLOWS,
  LEGACY_IMPORT_FIELD_KEYS,
  LEGACY_IMPORT_FIELDS,
  LEGACY_OUTCOMES,
  type Closing,
  type FailureReason,
  type LegacyImportField,
  type LegacyOutcome,
  type Status,
} from './labels';
import { agreementShape } from './schemas';

/**
 * Legacy 民诉前调 records from the centre's old system, in bulk (issue 12, item 2: “legacy 民诉前调 records
 * (readable, importable)”). Until 2024 pre-filing mediations carried 民诉前调 案号; since 2025-01-01 no new ones are
 * opened (2024意见; docs/DOMAIN.md “案号与登记号”), so these records are only ever brought in, never numbered here.
 * The same three steps as the case import (core/cases/importSheet.ts):
 *
 * 1. the sheet's columns are mapped to the fields (guessed from the header texts, changed by the coordinator);
 * 2. every row is checked with the counter's own rules — the filing schema (ID number with its check digit, USCC,
 *    phone, dates), the cause against the catalogue in force on the received date, the amount in 元 — and with the
 *    rules of a legacy record: the 案号 is this court's 民诉前调 number of the year received, received no later
 *    than 2024-12-31, not registered yet nor repeated in the sheet; the old status is one of 调解中 / 调解成功 /
 *    调解不成 / 撤回, with its closing date (none while in progress). The preview lists each refused row with its
 *    column and reason; nothing is written;
 * 3. on confirmation each row is registered through the counter's filing keeping its 案号 (fileCase with the kept
 *    number: parties reused by ID, search index, timeline, audit), and its mediation is entered in the register as
 *    诉前调解（旧案） in its old state; one more audit row names the import and its preview digest, and a second
 *    confirmation of the same preview is refused.
 *
 * The confirmation is a job, not one transaction: in one synchronous transaction 5,000 rows took 15 s and 20,000
 * rows 90–112 s on the reference machine, the host's event loop held all the while (every desk frozen; the “one
 * admin call froze the host” class of issue 11). The rows are written in small committed transactions sized to at
 * most about 50 ms each (as the party-correction queue, core/cases/reindexQueue.ts), with the event loop free
 * between them; the page polls the job's progress. 5,000 rows take 19–31 s and 20,000 rows 110–167 s (slower, by
 * the durable commit of each chunk); a chunk holds the loop ~50 ms, rarely up to ~0.4 s on a busy machine. What
 * this means when it stops halfway — a row refused by the filing, the host stopped — is said in the page and the
 * user guide: every row of a committed chunk stays registered (the report and the
 * register list them); the rest is imported by confirming again, because a row whose 案号 is already in the
 * register as a 诉前调解（旧案） is recognised as imported (counted, not refused, never filed twice). The audit row
 * of the import itself is written with its last chunk, so only a finished import refuses a second confirmation.
 */

/** without these a row cannot be a legacy record */
const REQUIRED_FIELDS: LegacyImportField[] = ['number', 'receivedOn', 'cause', 'applicantName', 'status'];
/** the audit subject of an import: its id is the preview's digest, so a second confirmation is found by index */
export const LEGACY_IMPORT_SUBJECT = 'mediation_legacy_import';
const OPERATION = 'mediation.legacyImportConfirm';

export interface LegacyImportOptions {
  fileBase64: string;
  fileName: string;
  /** field → header text; fields left out are guessed from the headers, '' leaves a field out */
  mapping?: Partial<Record<LegacyImportField, string>>;
}

type Mapping = Partial<Record<LegacyImportField, string>>;

/** The state a row brings into the register. */
interface LegacyState {
  outcome: LegacyOutcome;
  outcomeOn: string | null;
  closing: Closing | null;
  failureReason: FailureReason | null;
  agreement: { terms: string[]; signedOn: string; signatories: string[] } | null;
}

interface Checked {
  row: number;
  number: { text: string; year: number; serial: number };
  input: LegacyCaseInput;
  state: LegacyState;
  orgName: string | null;
  mediatorName: string | null;
}

const norm = (s: string) => s.replace(/[\s（）()：:]/g, '');

/** A date as the old systems write it — 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 — in YYYY-MM-DD; other text as is. */
export function legacyDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text.trim();
}

const byWords = <K extends string>(table: Record<K, readonly string[]>, text: string): K | null => {
  const t = norm(text);
  return (Object.keys(table) as K[]).find((k) => table[k].some((w) => norm(w) === t)) ?? null;
};

const OUTCOME_WORDS: Record<LegacyOutcome, readonly string[]> = {
  'in-progress': LEGACY_OUTCOMES['in-progress'].synonyms,
  agreement: LEGACY_OUTCOMES.agreement.synonyms,
  failed: LEGACY_OUTCOMES.failed.synonyms,
  withdrawn: LEGACY_OUTCOMES.withdrawn.synonyms,
};

/** how an agreement closed, in the words of the old systems (CLOSINGS' own labels are recognised too) */
const CLOSING_WORDS: Record<Closing, readonly string[]> = {
  performed: [CLOSINGS.performed, '当即履行', '自动履行', '已履行', '履行完毕', '其他方式结案'],
  withdrawn: [CLOSINGS.withdrawn, '撤回起诉', '撤诉', '撤回申请'],
  'mediation-document': [CLOSINGS['mediation-document'], '出具调解书', '民事调解书', '调解书'],
  confirmation: [CLOSINGS.confirmation, '司法确认', '申请司法确认', '已司法确认'],
};

/** why a mediation failed (特邀调解规定 art. 26; labels.ts FAILURE_REASONS), with the short forms the old systems use */
const FAILURE_WORDS: Record<FailureReason, readonly string[]> = {
  withdrew: [FAILURE_REASONS.withdrew, '拒绝继续调解', '当事人拒绝调解', '不同意调解'],
  'too-far-apart': [FAILURE_REASONS['too-far-apart'], '分歧较大', '双方分歧较大', '差距较大', '意见分歧'],
  unreachable: [FAILURE_REASONS.unreachable, '无法联系', '联系不上', '无法联系当事人', '被申请人无法联系'],
  expired: [FAILURE_REASONS.expired, '期限届满', '调解期限届满', '超过调解期限'],
  'refused-to-sign': [FAILURE_REASONS['refused-to-sign'], '拒绝签署', '拒签调解协议', '拒绝签署协议'],
};

const wordsOf = (table: Record<string, readonly string[]>) =>
  Object.values(table)
    .map((w) => w[1] ?? w[0])
    .join('、');

/** an item's number at its start: 1. / 2、 / 3） / 一、 */
const TERM_MARK = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．）)]`;

/**
 * “1. 被申请人……；2、……” or one term a line → the numbered items of the agreement, their numbers dropped. An item
 * starts only after a line break, a separator or a space and before a non-digit, so 12.50 元 is never split.
 */
export function agreementTerms(text: string): string[] {
  const split = new RegExp(String.raw`(?<=[；;。\s])(?=${TERM_MARK}\s*\D)`);
  const mark = new RegExp(String.raw`^${TERM_MARK}\s*`);
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.split(split))
    .map((t) =>
      t
        .trim()
        .replace(mark, '')
        .replace(/[；;]$/, '')
        .trim(),
    )
    .filter(Boolean);
}

const list = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** a synchronous stretch of row checks yields to the event loop after this long */
const CHECK_SLICE_MS = 20;

async function checkRows(ctx: CallContext, sheet: SheetRows, mapping: Mapping) {
  const db = ctx.core.db;
  const today = dateShanghai(ctx.core.clock.now());
  const court = readSetting(db, 'court.code');
  if (!court) throw new ApiError('CONFLICT', '尚未完成首次设置（法院代字未登记）');
  const openUntil = findTypeCode('民诉前调')!.openUntil!;
  const schema = legacyCaseInput(today);
  const roles = Object.keys(CASE_TYPE_RULES['民诉前调'].roles);
  const { rows, refused, columnOf } = mappedRows(sheet, mapping, LEGACY_IMPORT_FIELDS);
  const registered = registeredNumbers(db, sheet, columnOf('number'));
  const seen = new Map<string, number>();
  const accepted: Checked[] = [];
  /** rows whose 案号 is already in the register as a legacy record: imported before (a re-run), left out */
  const already: { row: number; number: string }[] = [];
  const pace = pacer(CHECK_SLICE_MS);
  for (const { row, cell, refuse } of rows) {
    // 20,000 rows take seconds to check: the host answers other desks in between
    await pace();
    // the 案号 the record keeps
    const typed = cell('number');
    const parts = parseCaseNumber(typed);
    if (!typed) {
      refuse('number', '请填写案号');
      continue;
    }
    if (!parts) {
      refuse('number', `案号“${typed}”格式不正确，应如（2024）${court}民诉前调123号`);
      continue;
    }
    if (parts.typeCode !== '民诉前调') {
      refuse('number', `案号“${typed}”不是“民诉前调”案号：这里只导入旧的诉前调解案件`);
      continue;
    }
    if (parts.courtCode !== court) {
      refuse('number', `案号中的法院代字“${parts.courtCode}”与本院代字“${court}”不符`);
      continue;
    }
    const number = formatCaseNumber(parts);
    const earlierCase = registered.get(number);
    if (earlierCase === 'legacy') {
      already.push({ row, number });
      continue;
    }
    if (earlierCase) {
      refuse('number', `案号 ${number} 已登记，不能重复导入`);
      continue;
    }
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      refuse('number', `案号 ${number} 与第 ${earlier} 行重复`);
      continue;
    }
    seen.set(number, row);

    // the counter's rules: parties, cause, amount, received date
    const amount = parseYuan(cell('amount'), '标的额');
    if (!amount.ok) {
      refuse('amount', amount.message);
      continue;
    }
    const raw = {
      caseType: '民诉前调',
      receivedOn: legacyDate(cell('receivedOn')),
      parties: partiesOfRow(cell, roles, today),
      cause: { text: cell('cause') },
      ...(amount.fen !== undefined ? { amountFen: amount.fen } : {}),
      ...(cell('claims') ? { claims: cell('claims') } : {}),
      ...(cell('facts') ? { facts: cell('facts') } : {}),
    };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = firstRowIssue(parsed.error);
      refuse(issue.field as LegacyImportField | null, issue.message);
      continue;
    }
    const receivedOn = parsed.data.receivedOn;
    // 2024意见: from 2025-01-01 disputes are filed first and mediated after filing — no 民诉前调 after 2024
    if (receivedOn > openUntil) {
      refuse('receivedOn', `收案日期 ${receivedOn} 晚于 ${openUntil}：自 2025 年起不再编立“民诉前调”案号`);
      continue;
    }
    // the 年度 of a 案号 is the year the case was received (docs/DOMAIN.md “案号与登记号”)
    if (yearOfDate(receivedOn) !== parts.year) {
      refuse('number', `案号年度 ${parts.year} 与收案日期 ${receivedOn} 不符`);
      continue;
    }
    try {
      const cause = causeForFiling(parsed.data.cause, receivedOn);
      checkPartyRolesForCause(parsed.data, cause.name);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      refuse(err.field?.startsWith('parties') ? 'applicantName' : 'cause', err.message);
      continue;
    }

    // the record's old state
    const state = legacyState(cell, receivedOn, today);
    if ('field' in state) {
      refuse(state.field, state.message);
      continue;
    }
    const orgName = cell('orgName');
    const mediatorName = cell('mediatorName');
    if ([...orgName].length > 60) {
      refuse('orgName', '调解组织名称不能超过 60 个字');
      continue;
    }
    if ([...mediatorName].length > 30) {
      refuse('mediatorName', '调解员姓名不能超过 30 个字');
      continue;
    }
    accepted.push({
      row,
      number: { text: number, year: parts.year, serial: parts.serial },
      input: parsed.data,
      state,
      orgName: orgName || null,
      mediatorName: mediatorName || null,
    });
  }
  return { accepted, refused, already };
}

/**
 * The sheet's numbers that are already cases (one indexed lookup per 500): 'legacy' when the case is a legacy
 * record in the mediation register (imported before), 'other' otherwise.
 */
function registeredNumbers(db: Db, sheet: SheetRows, col: number): Map<string, 'legacy' | 'other'> {
  const numbers = [
    ...new Set(
      sheet.rows.flatMap((r) => {
        const p = col >= 0 ? parseCaseNumber(r.cells[col] ?? '') : null;
        return p ? [formatCaseNumber(p)] : [];
      }),
    ),
  ];
  const out = new Map<string, 'legacy' | 'other'>();
  for (let i = 0; i < numbers.length; i += 500) {
    const chunk = numbers.slice(i, i + 500);
    const found = db
      .select({ number: cases.number, flow: mediations.flow })
      .from(cases)
      .leftJoin(mediations, eq(mediations.caseId, cases.id))
      .where(inArray(cases.number, chunk))
      .all();
    for (const r of found) out.set(r.number, r.flow === 'legacy' ? 'legacy' : 'other');
  }
  return out;
}

/** Inside a chunk's transaction: is this 案号 registered, and as a legacy record? */
function registeredAs(tx: Tx, number: string): 'legacy' | 'other' | null {
  const r = tx
    .select({ flow: mediations.flow })
    .from(cases)
    .leftJoin(mediations, eq(mediations.caseId, cases.id))
    .where(eq(cases.number, number))
    .get();
  return r ? (r.flow === 'legacy' ? 'legacy' : 'other') : null;
}

/** The old status, closing date and result of a row, checked against each other. */
function legacyState(
  cell: (f: LegacyImportField) => string,
  receivedOn: string,
  today: string,
): LegacyState | { field: LegacyImportField; message: string } {
  const statusText = cell('status');
  if (!statusText) return { field: 'status', message: '请填写调解状态（调解中、调解成功、调解不成或撤回）' };
  const outcome = byWords(OUTCOME_WORDS, statusText);
  if (!outcome) return { field: 'status', message: `调解状态“${statusText}”无法识别：应为调解中、调解成功、调解不成或撤回` };
  const label = LEGACY_OUTCOMES[outcome].label;
  const onText = cell('outcomeOn');
  let outcomeOn: string | null = null;
  if (outcome === 'in-progress') {
    if (onText) return { field: 'outcomeOn', message: '调解中的案件尚未结案，不应填写结案日期' };
  } else {
    if (!onText) return { field: 'outcomeOn', message: `${label}的案件须填写结案日期` };
    outcomeOn = legacyDate(onText);
    if (!isIsoDate(outcomeOn)) return { field: 'outcomeOn', message: `结案日期“${onText}”应为有效日期（年-月-日）` };
    if (outcomeOn < receivedOn) return { field: 'outcomeOn', message: `结案日期 ${outcomeOn} 不能早于收案日期 ${receivedOn}` };
    if (outcomeOn > today) return { field: 'outcomeOn', message: `结案日期 ${outcomeOn} 不能晚于今天` };
  }
  const closingText = cell('closing');
  const reasonText = cell('failureReason');
  const termsText = cell('terms');
  if (outcome !== 'agreement' && closingText) return { field: 'closing', message: `${label}的案件没有调解协议，不应填写结案方式` };
  if (outcome !== 'agreement' && termsText) return { field: 'terms', message: `${label}的案件没有调解协议，不应填写协议内容` };
  if (outcome !== 'failed' && reasonText) return { field: 'failureReason', message: `${label}的案件不应填写调解不成原因` };
  let closing: Closing | null = null;
  if (closingText) {
    closing = byWords(CLOSING_WORDS, closingText);
    if (!closing) return { field: 'closing', message: `结案方式“${closingText}”无法识别：应为${wordsOf(CLOSING_WORDS)}之一` };
  }
  let failureReason: FailureReason | null = null;
  if (reasonText) {
    failureReason = byWords(FAILURE_WORDS, reasonText);
    if (!failureReason)
      return { field: 'failureReason', message: `调解不成原因“${reasonText}”无法识别：应为${wordsOf(FAILURE_WORDS)}之一` };
  }
  const terms = termsText ? agreementTerms(termsText) : [];
  const signatories = list(cell('signatories'));
  if (signatories.length && !terms.length) return { field: 'signatories', message: '填写了协议签署人，但没有协议内容' };
  // an agreement's terms and signatories by the register's own rules (人民调解法 art. 29); an old record that did
  // not keep its signatories is kept without them rather than with names guessed
  if (terms.length) {
    const t = agreementShape.terms.safeParse(terms);
    if (!t.success) return { field: 'terms', message: t.error.issues[0]!.message };
    const who = signatories.length ? agreementShape.signatories.safeParse(signatories) : null;
    if (who && !who.success) return { field: 'signatories', message: who.error.issues[0]!.message };
  }
  // 撤回: the application withdrawn — closed without agreement, as 撤回申请（其他方式结案）
  if (outcome === 'withdrawn') closing = 'withdrawn';
  return {
    outcome,
    outcomeOn,
    closing,
    failureReason,
    agreement: terms.length ? { terms, signedOn: outcomeOn!, signatories } : null,
  };
}

/** The register's row values for a row's old state (labels.ts: statuses, outcomes). */
function registerState(s: LegacyState): { status: Status; outcome: string | null } {
  switch (s.outcome) {
    case 'in-progress':
      return { status: 'in-progress', outcome: null };
    case 'agreement':
      return { status: 'closed', outcome: 'agreement' };
    case 'failed':
      return { status: 'failed', outcome: 'failed' };
    case 'withdrawn':
      // neither an agreement nor a failure: not in the success rate (core/mediation/stats.ts counts those two)
      return { status: 'closed', outcome: 'withdrawn' };
  }
}

function digestOf(o: LegacyImportOptions, mapping: Mapping): string {
  return createHash('sha256')
    .update(o.fileBase64)
    .update(JSON.stringify(['legacy', LEGACY_IMPORT_FIELD_KEYS.map((f) => mapping[f] ?? null)]))
    .digest('hex');
}

async function load(ctx: CallContext, o: LegacyImportOptions) {
  const sheet = await readSheet(Buffer.from(o.fileBase64, 'base64'));
  if (sheet.rows.length === 0) throw new ApiError('VALIDATION', '工作表中没有数据行（第一行应为表头）', 'file');
  const mapping = guessColumns(LEGACY_IMPORT_FIELDS, sheet.headers, o.mapping);
  for (const [f, h] of Object.entries(mapping))
    if (h && !sheet.headers.includes(h))
      throw new ApiError('VALIDATION', `表头中没有“${h}”列（${LEGACY_IMPORT_FIELDS[f as LegacyImportField].label}）`, `mapping.${f}`);
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  return { sheet, mapping, missing, checked: missing.length ? null : await checkRows(ctx, sheet, mapping) };
}

const countBy = (accepted: Checked[]) =>
  Object.fromEntries(
    (Object.keys(LEGACY_OUTCOMES) as LegacyOutcome[]).map((k) => [k, accepted.filter((c) => c.state.outcome === k).length]),
  ) as Record<LegacyOutcome, number>;

export const legacyPreviewSchema = z.object({
  sheet: z.string(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(LEGACY_IMPORT_FIELD_KEYS), z.string()),
  total: z.number(),
  accepted: z.number(),
  /** rows whose 案号 is already in the register as a legacy record (imported before): left out, not refused */
  alreadyImported: z.number(),
  /** accepted rows by their old state */
  byOutcome: z.object({ 'in-progress': z.number(), agreement: z.number(), failed: z.number(), withdrawn: z.number() }),
  refused: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  /** the first accepted rows as they will be registered */
  sample: z.array(
    z.object({
      row: z.number(),
      number: z.string(),
      receivedOn: z.string(),
      applicant: z.string(),
      respondent: z.string(),
      cause: z.string(),
      outcome: z.string(),
      outcomeOn: z.string().nullable(),
    }),
  ),
  /** sha-256 of the file and the mapping: the confirmation must carry it */
  digest: z.string(),
});
export type LegacyPreview = z.infer<typeof legacyPreviewSchema>;

export async function previewLegacyImport(ctx: CallContext, o: LegacyImportOptions): Promise<LegacyPreview> {
  const { sheet, mapping, missing, checked } = await load(ctx, o);
  const refused = checked ? checked.refused : unmappedRefusals(missing, LEGACY_IMPORT_FIELDS);
  const accepted = checked?.accepted ?? [];
  const name = (c: Checked, i: number) => c.input.parties[i]?.party?.name ?? '';
  return {
    sheet: sheet.sheet,
    headers: sheet.headers,
    mapping,
    total: sheet.rows.length,
    accepted: accepted.length,
    alreadyImported: checked?.already.length ?? 0,
    byOutcome: countBy(accepted),
    refused,
    sample: accepted.slice(0, 5).map((c) => ({
      row: c.row,
      number: c.number.text,
      receivedOn: c.input.receivedOn,
      applicant: name(c, 0),
      respondent: name(c, 1),
      cause: 'text' in c.input.cause ? c.input.cause.text : '',
      outcome: LEGACY_OUTCOMES[c.state.outcome].label,
      outcomeOn: c.state.outcomeOn,
    })),
    digest: digestOf(o, mapping),
  };
}

export const legacyImportStartSchema = z.object({
  jobId: z.string(),
  /** rows to import */
  total: z.number(),
  /** rows left out as imported before */
  alreadyImported: z.number(),
  /** rows refused by the preview and left out on the coordinator's choice */
  skipped: z.number(),
});

export const legacyImportStatusSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  /** rows dealt with so far: imported, or found imported already */
  done: z.number(),
  imported: z.number(),
  alreadyImported: z.number(),
  skipped: z.number(),
  /** the imported rows by their old state */
  byOutcome: legacyPreviewSchema.shape.byOutcome,
  /** the first and last 案号 imported so far */
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
  firstMediationId: z.number().nullable(),
  /** every imported record, once the job has ended (empty while it runs) */
  mediationIds: z.array(z.number()),
  numbers: z.array(z.string()),
  /** why it stopped, naming the row (null unless failed) */
  error: z.string().nullable(),
});
export type LegacyImportStatus = z.infer<typeof legacyImportStatusSchema>;

/** An import running in this process (jobs live in memory per core, like batch printing; kept 10 minutes after). */
export interface LegacyImportJob {
  id: string;
  userId: number;
  digest: string;
  fileName: string;
  total: number;
  rows: number;
  skippedRows: string[];
  state: LegacyImportStatus['state'];
  next: number;
  alreadyImported: number;
  imported: { id: number; number: string; outcome: LegacyOutcome }[];
  error: string | null;
  finishedAt?: number;
  /** settles when the job ends (tests await it) */
  finished: Promise<void>;
}

const KEEP_MS = 10 * 60_000;
/**
 * Each chunk holds the write lock (and the event loop) up to about this long (issue 11: never more than ~50 ms at a
 * time). Measured on the reference machine: a chunk costs ~12 ms whatever its size (the durable commit, the audit
 * digests) plus ~4 ms a row, so 25 ms chunks of 1–4 rows made the import 3–4 times slower than 50 ms ones.
 */
const CHUNK_SIZING = { targetMs: 50, min: 1, max: 500 };
const jobsByCore = new WeakMap<Core, Map<string, LegacyImportJob>>();

function jobsOf(core: Core): Map<string, LegacyImportJob> {
  let jobs = jobsByCore.get(core);
  if (!jobs) jobsByCore.set(core, (jobs = new Map()));
  const now = core.clock.now().getTime();
  for (const [id, j] of jobs) if (j.finishedAt !== undefined && now - j.finishedAt > KEEP_MS) jobs.delete(id);
  return jobs;
}

/**
 * Starts importing the previewed rows. `skipRefused` must be set when the preview refused rows (they are left out
 * and named in the audit entry); rows imported before (their 案号 already a legacy record) are left out and
 * counted; a preview whose import finished is refused, and so is one being imported now. The rows are written by
 * the job in chunks (see the head of this file); the page polls `mediation.legacyImportStatus`.
 */
export async function confirmLegacyImport(ctx: CallContext, o: LegacyImportOptions & { digest: string; skipRefused: boolean }) {
  const { mapping, missing, checked } = await load(ctx, o);
  if (digestOf(o, mapping) !== o.digest) throw new ApiError('CONFLICT', '导入内容或列对应关系与预览时不同，请重新预览后再确认', 'digest');
  if (missing.length || !checked)
    throw new ApiError('VALIDATION', `请为“${LEGACY_IMPORT_FIELDS[missing[0]!].label}”选择对应的列`, 'mapping');
  const done = confirmedAt(ctx.core.db, o.digest);
  if (done) throw new ApiError('CONFLICT', `该预览已于 ${done.slice(0, 16).replace('T', ' ')} 确认导入，不能再次导入`, 'digest');
  const running = [...jobsOf(ctx.core).values()].find((j) => j.digest === o.digest && j.state === 'running');
  if (running) throw new ApiError('CONFLICT', `该预览正在导入（已完成 ${running.next}/${running.total} 行），请等待完成`, 'digest');
  if (checked.accepted.length === 0)
    throw new ApiError(
      'VALIDATION',
      checked.already.length
        ? `工作表中的 ${checked.already.length} 行均已导入过（原案号已在调解登记簿中），没有需要导入的行`
        : '没有可以导入的行',
      'file',
    );
  if (checked.refused.length > 0 && !o.skipRefused)
    throw new ApiError('VALIDATION', `有 ${checked.refused.length} 行未通过校验：请修改工作表后重新导入，或选择跳过这些行`, 'skipRefused');
  const job = startJob(ctx, o, checked);
  return { jobId: job.id, total: job.total, alreadyImported: checked.already.length, skipped: checked.refused.length };
}

type CheckedRows = Awaited<ReturnType<typeof checkRows>>;

function startJob(ctx: CallContext, o: LegacyImportOptions & { digest: string }, checked: CheckedRows): LegacyImportJob {
  const core = ctx.core;
  const job: LegacyImportJob = {
    id: randomUUID(),
    userId: ctx.actor?.userId ?? 0,
    digest: o.digest,
    fileName: o.fileName,
    total: checked.accepted.length,
    rows: checked.accepted.length + checked.refused.length + checked.already.length,
    skippedRows: checked.refused.map((r) => `第 ${r.row} 行 ${r.column}：${r.message}`),
    state: 'running',
    next: 0,
    alreadyImported: checked.already.length,
    imported: [],
    error: null,
    finished: Promise.resolve(),
  };
  jobsOf(core).set(job.id, job);
  const rows = checked.accepted;
  // the chunks run after this call has answered, outside its scope (its idempotency key, its count of writes)
  job.finished = outsideCallScope(async () => {
    let size = 8;
    try {
      while (job.next < rows.length) {
        await yieldToLoop();
        if (!core.sqlite.open) throw new ApiError('CONFLICT', '程序已关闭，导入中断');
        const started = performance.now();
        try {
          importChunk(ctx, job, rows.slice(job.next, job.next + size));
        } catch (err) {
          // the write lock is held by another process: wait and run the same chunk again
          if (/^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code ?? ''))) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            continue;
          }
          throw err;
        }
        size = nextChunkSize(size, performance.now() - started, CHUNK_SIZING);
      }
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      // a row refused names itself; anything else (the disk, the database closed) is said as an interruption
      job.error = err instanceof ApiError ? err.message : `导入中断（系统错误：${err instanceof Error ? err.message : String(err)}）`;
    } finally {
      job.finishedAt = core.clock.now().getTime();
    }
  });
  return job;
}

/**
 * One chunk, one write transaction: each row filed with its kept 案号 and entered in the register; a row found
 * imported meanwhile is counted and left out; the last chunk also writes the import's own audit row. A row the
 * filing refuses rolls its chunk back and stops the job, naming the row; the chunks before it stay.
 */
function importChunk(ctx: CallContext, job: LegacyImportJob, chunk: Checked[]): void {
  const added: LegacyImportJob['imported'] = [];
  let found = 0;
  writeTransaction(ctx.core, (tx) => {
    const now = isoShanghai(ctx.core.clock.now());
    for (const c of chunk) {
      try {
        const already = registeredAs(tx, c.number.text);
        if (already === 'legacy') {
          found++;
          continue;
        }
        if (already) throw new ApiError('CONFLICT', `案号 ${c.number.text} 已登记，不能重复导入`, 'number');
        added.push({ ...importRow(ctx, tx, c, now), outcome: c.state.outcome });
      } catch (err) {
        if (err instanceof ApiError) throw new ApiError(err.code, `第 ${c.row} 行：${err.message}`, err.field);
        throw err;
      }
    }
    if (job.next + chunk.length < job.total) return;
    const all = [...job.imported, ...added];
    const byOutcome = countImported(all);
    audit(tx, ctx, {
      operation: OPERATION,
      entityType: LEGACY_IMPORT_SUBJECT,
      entityId: job.digest,
      after: {
        file: job.fileName,
        rows: job.rows,
        imported: all.length,
        alreadyImported: job.alreadyImported + found,
        byOutcome: Object.fromEntries(Object.entries(byOutcome).map(([k, n]) => [LEGACY_OUTCOMES[k as LegacyOutcome].label, n])),
        numbers: all.length ? [all[0]!.number, all[all.length - 1]!.number] : [],
        skipped: job.skippedRows,
      },
    });
  });
  // committed: the job's report now holds these rows
  job.imported.push(...added);
  job.alreadyImported += found;
  job.next += chunk.length;
}

/** Files one row with its kept 案号 and enters its mediation in its old state (inside the chunk's transaction). */
function importRow(ctx: CallContext, tx: Tx, c: Checked, now: string): { id: number; number: string } {
  const view = fileCase(ctx, c.input, { ...c.number, operation: OPERATION });
  const { status, outcome } = registerState(c.state);
  const row = tx
    .insert(mediations)
    .values({
      caseId: view.id,
      flow: 'legacy',
      procedure: null,
      status,
      region: '',
      causeName: view.cause.name,
      receivedOn: view.receivedOn,
      outsideOrgName: c.orgName,
      outsideMediatorName: c.mediatorName,
      outcome,
      closing: c.state.closing,
      outcomeOn: c.state.outcomeOn,
      failureReason: c.state.failureReason,
      agreement: c.state.agreement ? JSON.stringify(c.state.agreement) : null,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  const label = LEGACY_OUTCOMES[c.state.outcome].label;
  addCaseEvent(
    tx,
    ctx,
    view.id,
    'mediation-opened',
    `${FLOWS.legacy}自原系统导入（${label}${c.state.outcomeOn ? `，${c.state.outcomeOn} 结案` : ''}）`,
    {
      mediationId: row.id,
    },
  );
  audit(tx, ctx, { operation: OPERATION, entityType: 'mediation', entityId: row.id, after: row });
  return { id: row.id, number: view.number };
}

const countImported = (rows: LegacyImportJob['imported']) =>
  Object.fromEntries(
    (Object.keys(LEGACY_OUTCOMES) as LegacyOutcome[]).map((k) => [k, rows.filter((r) => r.outcome === k).length]),
  ) as Record<LegacyOutcome, number>;

/** The progress or the report of an import, for the user who started it. */
export function legacyImportStatus(ctx: CallContext, jobId: string): LegacyImportStatus {
  const j = jobsOf(ctx.core).get(jobId);
  if (!j || j.userId !== (ctx.actor?.userId ?? 0))
    throw new ApiError('NOT_FOUND', '导入任务不存在或已过期（结束 10 分钟后清除）：请在调解登记簿中查看已导入的案件', 'jobId');
  const ended = j.state !== 'running';
  const first = j.imported[0];
  const last = j.imported[j.imported.length - 1];
  return {
    state: j.state,
    total: j.total,
    done: j.next,
    imported: j.imported.length,
    alreadyImported: j.alreadyImported,
    skipped: j.skippedRows.length,
    byOutcome: countImported(j.imported),
    firstNumber: first?.number ?? null,
    lastNumber: last?.number ?? null,
    firstMediationId: first?.id ?? null,
    mediationIds: ended ? j.imported.map((r) => r.id) : [],
    numbers: ended ? j.imported.map((r) => r.number) : [],
    error: j.error,
  };
}

/** The job itself (tests wait for `finished`). */
export function legacyImportJob(core: Core, jobId: string): LegacyImportJob | undefined {
  return jobsOf(core).get(jobId);
}

/** When the preview with this digest was confirmed, or null. */
function confirmedAt(db: Db | Tx, digest: string): string | null {
  return (
    db
      .select({ at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, LEGACY_IMPORT_SUBJECT), eq(auditLog.entityId, digest)))
      .get()?.at ?? null
  );
}
