import { and, asc, eq, gt } from 'drizzle-orm';
import { caseParties, partyCaseWork } from '../../db/schema';
import { auditActor, writeTransaction } from '../audit/transaction';
import type { CallContext, Core, Tx } from '../context';
import { nextChunkSize } from '../time/eventLoop';
import { indexCasesForSearch } from './search';

/**
 * Work on a corrected party's cases, in bounded chunks (issue 11 item 3). A party such as a bank can be in
 * 25,000 cases; rebuilding all their search rows (and adding the correction to each timeline) in the
 * correction's own transaction held the write lock — and, in the host's single event loop, every desk — for
 * over ten seconds. Now the correction commits with one queue row; the work then runs in chunks, each its
 * own write transaction sized to take about 20–40 ms, with the event loop free between chunks.
 */

/** Fields of a party that the search index holds (caseSearchText): only their change re-indexes. */
export const SEARCHED_PARTY_FIELDS: readonly string[] = ['name', 'idNumber', 'phone'];

export interface CaseEventSpec {
  at: string;
  actorId: number | null;
  actorName: string;
  kind: string;
  summary: string;
  data: unknown;
}

/** Who a queued case event names: the caller, as addCaseEvent would. */
export function caseEventActor(ctx: CallContext): { actorId: number | null; actorName: string } {
  const { actorId, actorName } = auditActor(ctx);
  return { actorId, actorName };
}

/** A party in at most this many cases has them updated inside the correction itself (a few ms). */
export const INLINE_CASES = 100;

/**
 * Brings a corrected party's cases up to date — re-indexes them only when a searched field changed, and
 * adds `event` to each case's timeline. Called inside the correction's transaction: a party in up to
 * INLINE_CASES cases is done there and then; a larger one is queued and done in chunks once it commits.
 */
export function updatePartyCases(
  tx: Tx,
  core: Core,
  partyId: number,
  changed: readonly string[],
  queuedAt: string,
  event?: CaseEventSpec,
): void {
  const reindex = changed.some((f) => SEARCHED_PARTY_FIELDS.includes(f));
  if (!reindex && !event) return;
  const ids = tx
    .select({ caseId: caseParties.caseId })
    .from(caseParties)
    .where(eq(caseParties.partyId, partyId))
    .orderBy(asc(caseParties.caseId))
    .limit(INLINE_CASES + 1)
    .all();
  if (ids.length <= INLINE_CASES) {
    applyToCases(core, [...new Set(ids.map((r) => r.caseId))], reindex, event ?? null);
    return;
  }
  tx.insert(partyCaseWork)
    .values({ partyId, reindex, event: event ? JSON.stringify(event) : null, queuedAt })
    .run();
  // runs once this synchronous transaction has committed (or finds nothing if it rolled back)
  setImmediate(() => scheduleCaseWork(core));
}

/** Re-indexes the cases (in one batch) and adds the event to each timeline; inside the caller's transaction. */
function applyToCases(core: Core, caseIds: readonly number[], reindex: boolean, event: CaseEventSpec | null): void {
  if (reindex) indexCasesForSearch(core.sqlite, caseIds);
  if (!event) return;
  const insert = core.sqlite.prepare(
    'INSERT INTO case_events (case_id, at, actor_id, actor_name, kind, summary, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const data = JSON.stringify(event.data);
  for (const caseId of caseIds) insert.run(caseId, event.at, event.actorId, event.actorName, event.kind, event.summary, data);
}

/** Each chunk holds the write lock about this long (issue 11: never more than ~50 ms at a time). */
const CHUNK_SIZING = { targetMs: 25, min: 20, max: 2000 };

interface Worker {
  running: boolean;
  stopped: boolean;
  chunk: number;
  idle: Promise<void>;
  resolveIdle: () => void;
  onError: (err: unknown) => void;
}

const workers = new WeakMap<Core, Worker>();

/** Runs one chunk; returns false when the queue is empty. */
function runChunk(core: Core, w: Worker): boolean {
  const job = core.db.select().from(partyCaseWork).orderBy(asc(partyCaseWork.id)).limit(1).get();
  if (!job) return false;
  const started = performance.now();
  writeTransaction(core, (tx) => {
    const ids = tx
      .select({ caseId: caseParties.caseId })
      .from(caseParties)
      .where(and(eq(caseParties.partyId, job.partyId), gt(caseParties.caseId, job.afterCaseId)))
      .orderBy(asc(caseParties.caseId))
      .limit(w.chunk)
      .all()
      .map((r) => r.caseId);
    applyToCases(core, [...new Set(ids)], job.reindex, job.event ? (JSON.parse(job.event) as CaseEventSpec) : null);
    if (ids.length < w.chunk) tx.delete(partyCaseWork).where(eq(partyCaseWork.id, job.id)).run();
    else
      tx.update(partyCaseWork)
        .set({ afterCaseId: ids[ids.length - 1]! })
        .where(eq(partyCaseWork.id, job.id))
        .run();
  });
  w.chunk = nextChunkSize(w.chunk, performance.now() - started, CHUNK_SIZING);
  return true;
}

function pump(core: Core, w: Worker): void {
  if (w.stopped || !core.sqlite.open) {
    w.running = false;
    w.resolveIdle();
    return;
  }
  let more: boolean;
  try {
    more = runChunk(core, w);
  } catch (err) {
    const busy = /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code ?? ''));
    if (!busy) w.onError(err);
    // the lock is held elsewhere (or the disk refused): try again shortly; the queue keeps the work
    setTimeout(() => pump(core, w), busy ? 50 : 5000).unref?.();
    return;
  }
  if (!more) {
    w.running = false;
    w.resolveIdle();
    return;
  }
  setImmediate(() => pump(core, w));
}

/**
 * Starts (or wakes) the chunked worker of this core; it stops by itself when the queue is empty. Safe to
 * call after every correction. A process that closes its core mid-way leaves the rest queued for the next.
 */
export function scheduleCaseWork(core: Core, onError: (err: unknown) => void = () => {}): { stop(): void; idle: Promise<void> } {
  let w = workers.get(core);
  if (!w) {
    w = { running: false, stopped: false, chunk: 200, idle: Promise.resolve(), resolveIdle: () => {}, onError };
    workers.set(core, w);
  }
  const worker = w;
  if (!worker.running && !worker.stopped) {
    worker.running = true;
    worker.idle = new Promise<void>((resolve) => (worker.resolveIdle = resolve));
    setImmediate(() => pump(core, worker));
  }
  return {
    stop: () => {
      worker.stopped = true;
    },
    idle: worker.idle,
  };
}

/** The host at start: picks up work a stopped host left queued. */
export function resumeSearchReindex(core: Core, onError: (err: unknown) => void) {
  return scheduleCaseWork(core, onError);
}

/** Resolves when this core's queued case work is done (tests, drills). */
export function caseWorkIdle(core: Core): Promise<void> {
  return workers.get(core)?.idle ?? Promise.resolve();
}
