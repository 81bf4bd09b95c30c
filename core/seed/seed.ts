import type Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { appendAudit } from '../audit/log';
import { auditActor, writeTransaction } from '../audit/transaction';
import { caseCodeForId } from '../cases/caseCode';
import { caseSearchText } from '../cases/search';
import { CASE_TYPE_RULES, type CaseType } from '../cases/types';
import type { Actor, Core } from '../context';
import { readSetting } from '../court/settings';
import { formatCaseNumber } from '../numbering/caseNumber';
import { formatRegisterNumber, registerSeriesKey } from '../numbering/registerNumber';
import { findTypeCode } from '../numbering/typeCodes';
import { dateShanghai, isIsoDate, isoShanghai } from '../time/clock';
import { CaseGenerator, DaySchedule, type CaseDraft, type PartyDraft, type PersonDraft } from './generate';
import { residentIdFor } from './people';

/**
 * The bulk seeder behind `court seed` and the search benchmark. Filing a million cases through fileCase
 * (one durable transaction each, drizzle on every statement) would take hours; this writes the same rows
 * with prepared statements, many cases per transaction, and produces exactly what fileCase would:
 * - 案号 continuing number_sequences per court × type × year in order of receipt (gapless; the counters are
 *   written back in the same transaction, so real filings afterwards continue each series); centre register
 *   numbers with the court's pattern;
 * - the case code from caseCodeForId, the cause record from causeForFiling (catalogue cause from 2026, free
 *   text flagged for review before), the initial status of the type;
 * - parties reused by ID / USCC as savePartyForFiling does (returning people and the same banks and
 *   companies), new ones with sex and birth date as the ID says;
 * - the search row built by caseSearchText (core/cases/search.ts), the 'filed' timeline event;
 * - one audit row for the whole run (operation 'seed.cases', with the counts), appended by appendAudit in
 *   the transaction of the last batch, so `court verify` stays green.
 * Memory stays flat: each case is generated, written and dropped; nothing grows with N.
 * Deterministic: the same seed on the same database gives the same data.
 */

export interface SeedOptions {
  /** how many cases to add */
  cases: number;
  /** seed of the generator (default 1) */
  seed?: number;
  /** received dates from (default 2021-01-01) … to (default today by the core's clock), in order of receipt */
  from?: string;
  to?: string;
  /** cases per transaction (default 10,000) */
  batchSize?: number;
  /** who the audit row and the timelines name (default: 演示数据生成) */
  actor?: Actor | null;
  /** called after each committed batch */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  cases: number;
  firstCaseId: number | null;
  lastCaseId: number | null;
  byType: Record<string, number>;
  parties: { created: number; reused: number };
  caseParties: number;
  agents: number;
  /** number series touched: last serial after the run */
  series: { series: string; year: number; lastSerial: number }[];
  seed: number;
  from: string;
  to: string;
  auditId: number | null;
  ms: number;
}

const DEFAULT_ACTOR_NAME = '演示数据生成（court seed）';

interface PartyRow {
  id: number;
  kind: string;
  name: string;
  id_number: string | null;
  phone: string | null;
}

function statements(sqlite: Database.Database) {
  return {
    lastCaseId: sqlite.prepare(
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'cases'), 0), coalesce((SELECT max(id) FROM cases), 0)) AS n`,
    ),
    lastPartyId: sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM parties`),
    lastSerial: sqlite
      .prepare(
        `SELECT last_serial FROM number_sequences WHERE kind = ? AND court_code = ? AND special_code = '' AND type_code = ? AND year = ?`,
      )
      .pluck(),
    saveSerial: sqlite.prepare(`
      INSERT INTO number_sequences (kind, court_code, special_code, type_code, year, last_serial)
      VALUES (?, ?, '', ?, ?, ?)
      ON CONFLICT (kind, court_code, special_code, type_code, year)
      DO UPDATE SET last_serial = excluded.last_serial`),
    insertCase: sqlite.prepare(`
      INSERT INTO cases (id, case_type, number, number_year, number_serial, code, received_on, cause_revision, cause_no,
        cause_name, cause_needs_review, amount_fen, claims, facts, materials, status, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`),
    partyByIdentity: sqlite.prepare(`SELECT id, kind, name, id_number, phone FROM parties WHERE id_type = ? AND id_number = ?`),
    partyById: sqlite.prepare(`SELECT id, kind, name, id_number, phone FROM parties WHERE id = ?`),
    insertParty: sqlite.prepare(`
      INSERT INTO parties (kind, name, sex, birth_date, ethnicity, id_type, id_number, address, phone, representative,
        representative_title, revision, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`),
    insertCaseParty: sqlite.prepare(`INSERT INTO case_parties (case_id, party_id, role, seq) VALUES (?, ?, ?, ?)`),
    insertAgent: sqlite.prepare(`
      INSERT INTO case_agents (case_id, case_party_id, kind, name, id_number, phone, organisation, license_no, authority, authority_detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertSearch: sqlite.prepare(`INSERT INTO case_search (rowid, text) VALUES (?, ?)`),
    insertEvent: sqlite.prepare(`
      INSERT INTO case_events (case_id, at, actor_id, actor_name, kind, summary, data) VALUES (?, ?, ?, ?, 'filed', ?, ?)`),
  };
}

/** Adds `opts.cases` generated cases to an initialised court. Throws ApiError CONFLICT before setup. */
export function seedCases(core: Core, opts: SeedOptions): SeedReport {
  const started = process.hrtime.bigint();
  const total = opts.cases;
  if (!Number.isInteger(total) || total < 1) throw new ApiError('VALIDATION', '案件数须为正整数', 'cases');
  const seed = (opts.seed ?? 1) >>> 0;
  const now = core.clock.now();
  const from = opts.from ?? '2021-01-01';
  const to = opts.to ?? dateShanghai(now);
  if (!isIsoDate(from) || !isIsoDate(to)) throw new ApiError('VALIDATION', '收案日期范围应为有效日期（年-月-日）', 'from');
  if (to < from) throw new ApiError('VALIDATION', `收案日期范围无效：${from} 晚于 ${to}`, 'to');
  if (to > dateShanghai(now)) throw new ApiError('VALIDATION', '收案日期不能晚于今天', 'to');
  const court = readSetting(core.db, 'court.code');
  if (!court) throw new ApiError('CONFLICT', '尚未完成首次设置（法院代字未登记），请先运行 court init');
  const pattern = readSetting(core.db, 'numbering.registerPattern')!;
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 10_000));
  const { actorId, actorName } = opts.actor
    ? auditActor({ core, actor: opts.actor, client: { transport: 'cli' } })
    : { actorId: null, actorName: DEFAULT_ACTOR_NAME };

  const nowIso = isoShanghai(now);
  const gen = new CaseGenerator({ seed, cases: total, nowIso });
  const rng = gen.rng;
  const schedule = new DaySchedule(from, to);
  const st = statements(core.sqlite);
  const report: SeedReport = {
    cases: 0,
    firstCaseId: null,
    lastCaseId: null,
    byType: {},
    parties: { created: 0, reused: 0 },
    caseParties: 0,
    agents: 0,
    series: [],
    seed,
    from,
    to,
    auditId: null,
    ms: 0,
  };
  const series = new Map<string, { series: string; year: number; lastSerial: number }>();

  // A bigger page cache while seeding: the name / phone / ID indexes take inserts in random order.
  const cacheSize = core.sqlite.pragma('cache_size', { simple: true }) as number;
  core.sqlite.pragma('cache_size = -262144');
  try {
    for (let done = 0; done < total;) {
      const n = Math.min(batchSize, total - done);
      const last = done + n === total;
      writeTransaction(core, (tx) => {
        let caseId = (st.lastCaseId.get() as { n: number }).n;
        let maxPartyId = (st.lastPartyId.get() as { n: number }).n;
        // Serials are counted here and written back at the end of the batch. The write lock of this
        // transaction keeps every other filing out meanwhile, so the series stay gapless and shared.
        const serials = new Map<string, { kind: 'case' | 'register'; type: string; year: number; last: number }>();
        const nextSerial = (kind: 'case' | 'register', type: string, year: number): number => {
          const key = `${kind}|${type}|${year}`;
          let s = serials.get(key);
          if (!s) {
            s = { kind, type, year, last: (st.lastSerial.get(kind, court, type, year) as number | undefined) ?? 0 };
            serials.set(key, s);
          }
          return ++s.last;
        };
        // Search rows go in after everything else of the batch: FTS5 flushes its pending terms at every
        // statement savepoint (any statement that may need a statement journal: an UPSERT, a foreign-key
        // check), so interleaving them one case at a time writes a tiny index segment per case.
        const searchRows: [number, string][] = [];

        const insertParty = (p: PartyDraft, at: string): number => {
          const person = p.kind === 'person';
          return Number(
            st.insertParty.run(
              p.kind,
              p.name,
              person ? p.sex : null,
              person ? p.birthDate : null,
              person ? p.ethnicity : null,
              p.idType,
              p.idNumber,
              p.address,
              p.phone,
              person ? null : p.representative,
              person ? null : p.representativeTitle,
              at,
              at,
            ).lastInsertRowid,
          );
        };

        /** savePartyForFiling: the same ID is the same party; a new person whose random ID is taken gets another. */
        const saveNew = (p: PartyDraft, at: string, taken: Set<number>): { row: PartyRow; reused: boolean } => {
          for (let attempt = 0; ; attempt++) {
            const existing = st.partyByIdentity.get(p.idType, p.idNumber) as PartyRow | undefined;
            if (!existing) {
              const id = insertParty(p, at);
              maxPartyId = Math.max(maxPartyId, id);
              return { row: { id, kind: p.kind, name: p.name, id_number: p.idNumber, phone: p.phone }, reused: false };
            }
            const samePerson = p.kind === 'organisation' || existing.name === p.name;
            if (samePerson && !taken.has(existing.id)) return { row: existing, reused: true };
            if (p.kind === 'organisation' || attempt > 20) {
              // the pool's organisation already sits in this case: a new person takes the seat
              p = gen.person(at.slice(0, 10));
              continue;
            }
            const person = p as PersonDraft;
            p = { ...person, idNumber: residentIdFor(person.idNumber.slice(0, 6), person.birthDate, person.sex, rng) };
          }
        };

        for (let k = 0; k < n; k++) {
          const i = done + k;
          const draft: CaseDraft = gen.next(schedule.at((i + 0.5) / total));
          const rule = CASE_TYPE_RULES[draft.caseType as CaseType];
          const year = Number(draft.receivedOn.slice(0, 4));
          let number: string;
          let serial: number;
          if (rule.typeCode) {
            const type = findTypeCode(rule.typeCode)!;
            if (type.openUntil && draft.receivedOn > type.openUntil) throw new Error(`seed: ${type.code} is closed on ${draft.receivedOn}`);
            serial = nextSerial('case', type.code, year);
            number = formatCaseNumber({ year, courtCode: court, specialCode: '', typeCode: type.code, serial });
            noteSeries(series, rule.typeCode, year, serial);
          } else {
            serial = nextSerial('register', registerSeriesKey(pattern), year);
            number = formatRegisterNumber(pattern, { year, court, serial });
            noteSeries(series, registerSeriesKey(pattern), year, serial);
          }
          caseId += 1;
          const code = caseCodeForId(caseId);
          st.insertCase.run(
            caseId,
            draft.caseType,
            number,
            year,
            serial,
            code,
            draft.receivedOn,
            draft.cause.revision,
            draft.cause.no,
            draft.cause.name,
            draft.cause.needsReview ? 1 : 0,
            draft.amountFen,
            draft.claims,
            draft.facts,
            JSON.stringify(draft.materials),
            rule.initialStatus,
            draft.createdAt,
            draft.createdAt,
          );

          const taken = new Set<number>();
          const reused: number[] = [];
          const searchParties: { name: string; idNumber: string | null; phone: string | null }[] = [];
          draft.parties.forEach((slot, seq) => {
            let saved: { row: PartyRow; reused: boolean } | undefined;
            if (slot.source === 'returning' && maxPartyId > 0) {
              // someone who has been here before: an earlier person, found again by ID at the counter
              for (let attempt = 0; attempt < 3 && !saved; attempt++) {
                const row = st.partyById.get(rng.int(1, maxPartyId)) as PartyRow | undefined;
                if (row && row.kind === 'person' && !taken.has(row.id)) saved = { row, reused: true };
              }
            }
            saved ??= saveNew(slot.source === 'new' ? slot.party : slot.fallback, draft.createdAt, taken);
            taken.add(saved.row.id);
            if (saved.reused) {
              reused.push(saved.row.id);
              report.parties.reused++;
            } else report.parties.created++;
            const casePartyId = Number(st.insertCaseParty.run(caseId, saved.row.id, slot.role, seq).lastInsertRowid);
            report.caseParties++;
            for (const a of slot.agents) {
              st.insertAgent.run(
                caseId,
                casePartyId,
                a.kind,
                a.name,
                a.idNumber,
                a.phone,
                a.organisation,
                a.licenseNo,
                a.authority,
                a.authorityDetail,
              );
              report.agents++;
            }
            searchParties.push({ name: saved.row.name, idNumber: saved.row.id_number, phone: saved.row.phone });
          });
          searchRows.push([caseId, caseSearchText({ number, code }, searchParties)]);
          st.insertEvent.run(
            caseId,
            draft.createdAt,
            actorId,
            actorName,
            `${rule.label}${rule.typeCode ? '立案' : '登记'}，编号 ${number}`,
            JSON.stringify({ number, cause: draft.cause.name, reusedParties: reused }),
          );
          report.byType[draft.caseType] = (report.byType[draft.caseType] ?? 0) + 1;
          report.firstCaseId ??= caseId;
          report.lastCaseId = caseId;
          report.cases++;
        }

        for (const s of serials.values()) st.saveSerial.run(s.kind, court, s.type, s.year, s.last);
        for (const [id, text] of searchRows) st.insertSearch.run(id, text);

        if (last) {
          report.series = [...series.values()].sort((a, b) => a.series.localeCompare(b.series) || a.year - b.year);
          const { ms: _ms, auditId: _auditId, ...content } = report;
          report.auditId = appendAudit(tx, core, {
            actorId,
            actorName,
            operation: 'seed.cases',
            entityType: 'case',
            entityId: report.firstCaseId === null ? null : `${report.firstCaseId}-${report.lastCaseId}`,
            after: content,
          });
        }
      });
      done += n;
      opts.onProgress?.(done, total);
    }
  } finally {
    core.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  report.ms = Number(process.hrtime.bigint() - started) / 1e6;
  return report;
}

function noteSeries(series: Map<string, { series: string; year: number; lastSerial: number }>, name: string, year: number, serial: number) {
  const key = `${name}|${year}`;
  const s = series.get(key);
  if (s) s.lastSerial = serial;
  else series.set(key, { series: name, year, lastSerial: serial });
}
