import { z } from 'zod';
import { fieldError } from '../api/errors';
import civil2025 from './data/civil-causes-2025.json';
import { letterMask, normalizeCauseText, readingsOf, SYLLABLE_MARK, type Reading } from './readings';
import { isIsoDate, parseCatalogue, type CatalogueFile } from './schema';

export { catalogueFileSchema, chineseOrdinal, isIsoDate, parseCatalogue, type CatalogueFile } from './schema';
export { normalizeCauseText } from './readings';

/**
 * The causes-of-action catalogue (民事案件案由规定, docs/DOMAIN.md “案由”) as versioned data.
 *
 * Each revision is one JSON file under ./data. It is validated with zod on first use, and a broken file
 * throws then, so a bad edit fails every test. Cause numbers and names belong to one revision: a case
 * keeps the cause that was valid on its receipt date, stored with its revision (see causeForFiling).
 *
 * Provenance of the data: docs/causes-provenance.md and the `provenance` key of each file.
 */

// ---------------------------------------------------------------------------------------------------------
// Revisions
// ---------------------------------------------------------------------------------------------------------

export type CauseRevisionId = '2020' | '2025';

export interface CauseRevisionInfo {
  id: CauseRevisionId;
  /** first day in force, inclusive */
  effectiveFrom: string;
  /** last day in force, inclusive; null while in force */
  effectiveTo: string | null;
  /** how the revision is named in messages: "2025 年版" */
  label: string;
  /** the document that made the revision */
  document: string;
  /** whether this build ships the catalogue of the revision; without it causes are free text to review */
  shipped: boolean;
}

interface RevisionSource {
  info: Omit<CauseRevisionInfo, 'shipped'>;
  raw: unknown;
}

/**
 * The revisions, oldest first. The 2020 revision has no file yet: no complete machine-readable copy was
 * found (docs/causes-provenance.md). To ship one, add data/civil-causes-2020.json in the same shape and set
 * `raw` below; validation, search and causeForFiling pick it up unchanged.
 */
const REVISIONS: readonly RevisionSource[] = [
  {
    info: {
      id: '2020',
      effectiveFrom: '2021-01-01',
      effectiveTo: '2025-12-31',
      label: '2020 年版',
      document: '最高人民法院关于修改《民事案件案由规定》的决定（法〔2020〕346号）',
    },
    raw: null,
  },
  {
    info: {
      id: '2025',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      label: '2025 年版',
      document: '最高人民法院关于印发修改后的《民事案件案由规定》的通知（法〔2025〕227号）',
    },
    raw: civil2025,
  },
];

/** The first day any shipped or known revision covers. */
export const EARLIEST_KNOWN_REVISION_DATE = '2021-01-01';

/** The revision in force on a date (YYYY-MM-DD): '2025' from 2026-01-01, '2020' for 2021-01-01 … 2025-12-31, else null. */
export function revisionFor(date: string): CauseRevisionId | null {
  if (!isIsoDate(date)) throw new Error(`revisionFor: not a YYYY-MM-DD date: ${date}`);
  for (let i = REVISIONS.length - 1; i >= 0; i--) {
    const { info } = REVISIONS[i]!;
    if (date >= info.effectiveFrom && (info.effectiveTo === null || date <= info.effectiveTo)) return info.id;
  }
  return null;
}

export function revisionInfo(id: CauseRevisionId): CauseRevisionInfo {
  const source = REVISIONS.find((r) => r.info.id === id);
  if (!source) throw new Error(`unknown causes revision ${id}`);
  return { ...source.info, shipped: source.raw !== null };
}

export function listRevisions(): CauseRevisionInfo[] {
  return REVISIONS.map((r) => revisionInfo(r.info.id));
}

export function isCauseRevisionId(value: unknown): value is CauseRevisionId {
  return typeof value === 'string' && REVISIONS.some((r) => r.info.id === value);
}

// ---------------------------------------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------------------------------------

export interface CauseEntry {
  revision: CauseRevisionId;
  /** "108" for a third-level cause, "108.3" for a fourth-level one */
  no: string;
  name: string;
  level: 3 | 4;
  /** the second-level heading, e.g. 合同纠纷 */
  group: string;
  /** its ordinal, e.g. 十 */
  groupNo: string;
  /** the first-level part, e.g. 合同、准合同纠纷, where the revision's file gives parts */
  part?: string;
  /** for a fourth-level cause, the number of its third-level parent */
  parent?: string;
  /** "合同纠纷 > 借款合同纠纷 > 民间借贷纠纷" */
  path: string;
  /** pinyin initials of the name, lower case: 机动车交通事故责任纠纷 → "jdcjtsgzrjf" */
  initials: string;
  /** full pinyin of the name without tones or spaces, ü written v */
  pinyin: string;
}

/**
 * The causes the centre uses most (docs/DOMAIN.md “案由”), in that order. Search ranks them first within a tier and
 * an empty search lists them.
 */
export const MOST_USED_CAUSES: readonly string[] = [
  '申请司法确认调解协议',
  '申请撤销确认调解协议裁定',
  '申请支付令',
  '申请诉前财产保全',
  '民间借贷纠纷',
  '买卖合同纠纷',
  '物业服务合同纠纷',
  '信用卡纠纷',
  '金融借款合同纠纷',
  '机动车交通事故责任纠纷',
  '劳务合同纠纷',
  '房屋租赁合同纠纷',
  '离婚纠纷',
  '赡养纠纷',
];

interface IndexedEntry {
  entry: CauseEntry;
  /** position in Index.items: catalogue order, revision by revision */
  order: number;
  /** normalized name */
  key: string;
  readings: Reading[];
  /** position in MOST_USED_CAUSES, or -1 */
  mostUsed: number;
}

interface LoadedRevision {
  info: CauseRevisionInfo;
  file: CatalogueFile;
  /** this revision's slice of Index.items: [from, to) */
  from: number;
  to: number;
  entries: readonly CauseEntry[];
  byNo: ReadonlyMap<string, CauseEntry>;
  byKey: ReadonlyMap<string, CauseEntry>;
}

interface Index {
  revisions: ReadonlyMap<CauseRevisionId, LoadedRevision>;
  items: readonly IndexedEntry[];
}

function loadRevision(source: RevisionSource, startOrder: number, items: IndexedEntry[]): LoadedRevision {
  const info = revisionInfo(source.info.id);
  const file = parseCatalogue(source.raw, `revision ${info.id}`);
  if (file.revision !== info.id) throw new Error(`causes file for revision ${info.id} says revision ${file.revision}`);
  if (file.effectiveFrom !== info.effectiveFrom) {
    throw new Error(`causes file for revision ${info.id} says effectiveFrom ${file.effectiveFrom}, expected ${info.effectiveFrom}`);
  }
  const partOf = new Map<string, string>();
  for (const part of file.parts ?? []) for (const g of part.groups) partOf.set(g, part.name);

  const entries: CauseEntry[] = [];
  let order = startOrder;
  const add = (fields: Omit<CauseEntry, 'initials' | 'pinyin'>) => {
    const readings = readingsOf(fields.name);
    const entry: CauseEntry = Object.freeze({ ...fields, initials: readings.initials, pinyin: readings.pinyin });
    entries.push(entry);
    items.push({
      entry,
      order: order++,
      key: normalizeCauseText(entry.name),
      readings: readings.alternates,
      mostUsed: MOST_USED_CAUSES.indexOf(entry.name),
    });
  };
  for (const group of file.groups) {
    const part = partOf.get(group.no);
    const common = { revision: info.id, group: group.name, groupNo: group.no, ...(part ? { part } : {}) };
    for (const cause of group.causes) {
      const no = String(cause.no);
      add({ ...common, no, name: cause.name, level: 3, path: `${group.name} > ${cause.name}` });
      for (const child of cause.children ?? []) {
        add({ ...common, no: child.no, name: child.name, level: 4, parent: no, path: `${group.name} > ${cause.name} > ${child.name}` });
      }
    }
  }
  return {
    info,
    file,
    from: startOrder,
    to: order,
    entries: Object.freeze(entries),
    byNo: new Map(entries.map((e) => [e.no, e])),
    byKey: new Map(entries.map((e) => [normalizeCauseText(e.name), e])),
  };
}

let index: Index | undefined;

/** Loads, validates and indexes every shipped revision once (module-level, lazy). */
function getIndex(): Index {
  if (index) return index;
  const revisions = new Map<CauseRevisionId, LoadedRevision>();
  const items: IndexedEntry[] = [];
  for (const source of REVISIONS) {
    if (source.raw === null) continue;
    revisions.set(source.info.id, loadRevision(source, items.length, items));
  }
  index = { revisions, items: Object.freeze(items) };
  return index;
}

/** Builds the index now (about 0.15 s, mostly pinyin), e.g. at start-up, instead of on the first search. */
export function preloadCauses(): void {
  getIndex();
}

/** Whether this build ships the catalogue of a revision. */
export function catalogueShipped(revision: CauseRevisionId): boolean {
  return REVISIONS.some((r) => r.info.id === revision && r.raw !== null);
}

/** The validated file of a shipped revision (parts, groups, provenance), or undefined. */
export function catalogueFile(revision: CauseRevisionId): CatalogueFile | undefined {
  return getIndex().revisions.get(revision)?.file;
}

/** Every third- and fourth-level cause of a revision in catalogue order (each parent before its children); empty when not shipped. */
export function listCauses(revision: CauseRevisionId): readonly CauseEntry[] {
  return getIndex().revisions.get(revision)?.entries ?? [];
}

/** A cause by number ("108" or "108.3") in a revision; undefined if it has no such number or is not shipped. */
export function findCause(revision: CauseRevisionId, no: string): CauseEntry | undefined {
  return getIndex().revisions.get(revision)?.byNo.get(no.normalize('NFKC').trim());
}

/** A cause by exact name (punctuation and width ignored) in a revision. */
export function findCauseByName(revision: CauseRevisionId, name: string): CauseEntry | undefined {
  return getIndex().revisions.get(revision)?.byKey.get(normalizeCauseText(name));
}

// ---------------------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------------------

export interface CauseSearchOptions {
  /** characters (子串), pinyin initials or full pinyin, or a number ("108", "108.3") */
  q: string;
  /** only the revision in force on this date (YYYY-MM-DD); every shipped revision when omitted */
  onDate?: string;
  /** at most this many results (default 20, at most 200) */
  limit?: number;
}

/** Match tiers, best first. */
const enum Tier {
  Number = 0,
  Exact = 1,
  Prefix = 2,
  InitialsPrefix = 3,
  Substring = 4,
  Subsequence = 5,
}

function isSubsequence(needle: string, hay: string): boolean {
  if (needle.length > hay.length) return false;
  let i = 0;
  for (let j = 0; j < hay.length && i < needle.length; j++) if (hay.charCodeAt(j) === needle.charCodeAt(i)) i++;
  return i === needle.length;
}

const NUMBER_QUERY = /^\d+(?:\.\d*)?$/;
const LATIN_QUERY = /^[a-z]+$/;

type QueryKind = 'number' | 'latin' | 'text';

/** A query prepared once per search. */
interface Query {
  kind: QueryKind;
  q: string;
  /** "|" + q: a pinyin substring starting on a syllable */
  onSyllable: string;
  letters: number;
}

function tierOf(item: IndexedEntry, query: Query): Tier | undefined {
  const { q } = query;
  if (query.kind === 'number') {
    const no = item.entry.no;
    if (no === q) return Tier.Number;
    if (no.startsWith(q.endsWith('.') ? q : `${q}.`)) return Tier.Prefix; // the children of a cause
    if (no.startsWith(q)) return Tier.Substring;
    return undefined;
  }
  if (query.kind === 'latin') {
    let best: Tier | undefined;
    for (const r of item.readings) {
      if ((r.letters & query.letters) !== query.letters) continue;
      if (r.initials.startsWith(q) || r.pinyin.startsWith(q)) return Tier.InitialsPrefix;
      if (r.initials.includes(q) || r.syllables.includes(query.onSyllable)) best = Tier.Substring;
      else if (best === undefined && q.length >= 2 && isSubsequence(q, r.initials)) best = Tier.Subsequence;
    }
    return best;
  }
  const key = item.key;
  if (key === q) return Tier.Exact;
  if (key.startsWith(q)) return Tier.Prefix;
  if (key.includes(q)) return Tier.Substring;
  if (q.length >= 2 && isSubsequence(q, key)) return Tier.Subsequence;
  return undefined;
}

/**
 * Searches the catalogue. Ranking: number > exact name > name prefix > initials or pinyin prefix > substring
 * (of the name, the initials or the pinyin) > subsequence (of the name or the initials: "jdsg" finds
 * 机动车交通事故责任纠纷). Within a tier the centre's most-used causes come first, then catalogue order.
 * An empty query lists the most-used causes. Each result carries its revision.
 */
export function searchCauses(opts: CauseSearchOptions): CauseEntry[] {
  const { items, revisions } = getIndex();
  const limit = Math.max(1, Math.min(200, Math.floor(opts.limit ?? 20)));
  let scope: Scope = { from: 0, to: items.length };
  if (opts.onDate !== undefined) {
    if (!isIsoDate(opts.onDate)) throw fieldError('onDate', '日期格式应为 YYYY-MM-DD');
    const r = revisionFor(opts.onDate);
    const loaded = r === null ? undefined : revisions.get(r);
    if (!loaded) return [];
    scope = loaded;
  }

  const raw = opts.q.normalize('NFKC').trim().toLowerCase();
  if (NUMBER_QUERY.test(raw)) return rank(items, scope, prepare(raw, 'number'), limit);
  const q = normalizeCauseText(raw).replace(/ü/g, 'v');
  if (q === '') {
    return items
      .slice(scope.from, scope.to)
      .filter((item) => item.mostUsed >= 0)
      .sort((a, b) => a.mostUsed - b.mostUsed || a.order - b.order)
      .slice(0, limit)
      .map((item) => item.entry);
  }
  return rank(items, scope, prepare(q, LATIN_QUERY.test(q) ? 'latin' : 'text'), limit);
}

interface Scope {
  from: number;
  to: number;
}

function prepare(q: string, kind: QueryKind): Query {
  return { kind, q, onSyllable: SYLLABLE_MARK + q, letters: kind === 'latin' ? letterMask(q) : 0 };
}

function rank(items: readonly IndexedEntry[], scope: Scope, query: Query, limit: number): CauseEntry[] {
  // One numeric key per hit: tier, then (except for numbers, which stay in catalogue order) most-used
  // causes first, then catalogue order.
  const keys: number[] = [];
  for (let i = scope.from; i < scope.to; i++) {
    const item = items[i]!;
    const tier = tierOf(item, query);
    if (tier === undefined) continue;
    const ordinary = query.kind === 'number' || item.mostUsed < 0 ? 1 : 0;
    keys.push((tier * 2 + ordinary) * ORDER_SPAN + item.order);
  }
  keys.sort((a, b) => a - b);
  const out: CauseEntry[] = [];
  for (let i = 0; i < keys.length && i < limit; i++) out.push(items[keys[i]! % ORDER_SPAN]!.entry);
  return out;
}

/** Larger than the number of entries of all revisions together. */
const ORDER_SPAN = 1 << 20;

// ---------------------------------------------------------------------------------------------------------
// Filing
// ---------------------------------------------------------------------------------------------------------

/** What the case record stores: the cause together with its revision (docs/DOMAIN.md “案由”). */
export const causeRecordSchema = z
  .strictObject({
    /** the revision in force on the receipt date; null before 2021-01-01 */
    revision: z.enum(['2020', '2025']).nullable(),
    /** "108" or "108.3"; null for a free-text cause */
    no: z
      .string()
      .regex(/^[1-9]\d*(?:\.[1-9]\d*)?$/)
      .nullable(),
    name: z.string().min(1).max(100),
    /** true for a free-text cause, taken where no catalogue for the date is shipped */
    needsReview: z.boolean(),
  })
  .refine((r) => r.needsReview === (r.no === null), 'a catalogue cause has a number and needs no review; a free-text one is the reverse')
  .refine((r) => r.no === null || r.revision !== null, 'a numbered cause has a revision');

export type CauseRecord = z.infer<typeof causeRecordSchema>;

/** A catalogue cause chosen by number, or free text (only where no catalogue for the date is shipped). */
export type CauseInput = { revision: string; no: string | number } | { text: string };

const CAUSE_TEXT_MAX_INPUT = 100;
const causeInputSchema = z.union([
  // bounded (issue 11 item 7): the messages below quote them
  z.strictObject({ revision: z.string().max(10), no: z.union([z.string().max(20), z.number().int().min(0).max(1e6)]) }),
  z.strictObject({ text: z.string().max(CAUSE_TEXT_MAX_INPUT * 4) }),
]);

export const CAUSE_TEXT_MAX = 100;

/** Why an input failed the shape above, said as the filing form would: one reason, not a list of possibilities. */
function malformedCauseMessage(input: unknown): string {
  const o: Record<string, unknown> = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const picked = 'revision' in o || 'no' in o;
  const typed = 'text' in o;
  if (picked && typed) return '请选择案由或填写案由，二者只能取其一';
  if (typed && typeof o.text === 'string') return `案由不能超过 ${CAUSE_TEXT_MAX} 个字`;
  if (picked && typeof o.revision === 'string' && o.no !== undefined) return '案由编号或版本无效，请从案由目录中选择案由';
  return '请选择案由或填写案由';
}

/**
 * Validates the cause of a new case against the revision in force on its receipt date (YYYY-MM-DD) and
 * returns the record to store. Throws an ApiError VALIDATION on field 'cause' (or 'receivedOn') with a
 * message in Chinese:
 * - a number must exist in the revision in force: "案由编号 600 在 2025 年版案由规定中不存在";
 * - a cause of another revision is refused: "收案日期 2025-06-01 适用 2020 年版案由规定……";
 * - free text is taken only where no catalogue for the date is shipped, and is flagged needsReview;
 *   text that is exactly a catalogue name of the revision in force is taken as that cause.
 */
export function causeForFiling(input: CauseInput, receivedOn: string): CauseRecord {
  if (typeof receivedOn !== 'string' || !isIsoDate(receivedOn)) throw fieldError('receivedOn', '收案日期格式应为 YYYY-MM-DD');
  const parsed = causeInputSchema.safeParse(input);
  if (!parsed.success) throw fieldError('cause', malformedCauseMessage(input));
  const inForce = revisionFor(receivedOn);
  const label = inForce === null ? null : revisionInfo(inForce).label;
  const shipped = inForce !== null && catalogueShipped(inForce);

  if ('text' in parsed.data) {
    const text = parsed.data.text.replace(/\s+/g, ' ').trim(); // stored as typed: full-width brackets stay
    if (text === '') throw fieldError('cause', '请填写案由');
    if ([...text].length > CAUSE_TEXT_MAX) throw fieldError('cause', `案由不能超过 ${CAUSE_TEXT_MAX} 个字`);
    if (shipped) {
      const entry = findCauseByName(inForce, text);
      if (entry) return record({ revision: entry.revision, no: entry.no, name: entry.name, needsReview: false });
      throw fieldError('cause', `收案日期 ${receivedOn} 适用 ${label}案由规定，请从案由目录中选择案由（“${text}”不是该版的案由名称）`);
    }
    return record({ revision: inForce, no: null, name: text, needsReview: true });
  }

  const revision = parsed.data.revision.trim();
  const no = String(parsed.data.no).normalize('NFKC').trim();
  if (inForce === null) {
    throw fieldError(
      'cause',
      `收案日期 ${receivedOn} 早于 ${EARLIEST_KNOWN_REVISION_DATE}，系统未收录当时适用的案由规定，请以文字填写案由`,
    );
  }
  if (revision !== inForce) {
    const chosen = isCauseRevisionId(revision) ? `${revisionInfo(revision).label}` : `“${revision}”版`;
    throw fieldError('cause', `收案日期 ${receivedOn} 适用 ${label}案由规定，不能选用 ${chosen}的案由`);
  }
  if (!shipped) throw fieldError('cause', `系统未收录 ${label}案由目录，无法核对案由编号，请以文字填写案由`);
  const entry = findCause(inForce, no);
  if (!entry) throw fieldError('cause', `案由编号 ${no} 在 ${label}案由规定中不存在`);
  return record({ revision: entry.revision, no: entry.no, name: entry.name, needsReview: false });
}

function record(r: CauseRecord): CauseRecord {
  return causeRecordSchema.parse(r);
}
