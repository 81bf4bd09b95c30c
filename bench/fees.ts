import { closeCore } from '../core';
import { writeTransaction } from '../core/audit/transaction';
import { deferralFollowUps } from '../core/fees/payments';
import { quoteFee, type QuoteRequest } from '../core/fees/quote';
import { listRelief } from '../core/fees/relief';
import { readFeeQuoteSettings } from '../core/fees/service';
import { reliefTotals } from '../core/fees/totals';
import { seedCases } from '../core/seed';
import { FrozenClock } from '../core/time/clock';
import { fmt, heading, initialisedCore, percentile, row, time, tmpDataDir } from './util';

/**
 * Fees: the cost of one quote (the calculator quotes on every keystroke), and the relief register's list,
 * follow-up and monthly totals on a court with years of applications.
 */
export async function benchFees(opts: { cases: number; applications: number }): Promise<void> {
  heading('Fees and relief');
  const clock = new FrozenClock('2026-11-23T09:00:00+08:00');
  const core = await initialisedCore(tmpDataDir('fees'), clock);
  const settings = readFeeQuoteSettings(core.db);

  // 1. Quotes: random amounts up to 1 亿元 with random halvings.
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const requests: QuoteRequest[] = Array.from({ length: 20_000 }, () => ({
    kind: (['property', 'enforcement', 'preservation', 'payment-order', 'bankruptcy'] as const)[Math.floor(rnd() * 5)]!,
    amountsFen: [1 + Math.floor(rnd() ** 3 * 10_000_000_000)],
    on: '2026-11-23',
  }));
  for (const r of requests.slice(0, 1000)) quoteFee(r, settings); // warm
  const perQuote: number[] = [];
  const all = time(() => {
    for (const r of requests) perQuote.push(time(() => quoteFee(r, settings)).ms);
  });
  perQuote.sort((a, b) => a - b);
  row('fee quote with breakdown: p50', `${fmt(percentile(perQuote, 50) * 1000, 1)} µs`);
  row('                          p99', `${fmt(percentile(perQuote, 99) * 1000, 1)} µs`);
  row('quotes per second (one core)', fmt(requests.length / (all.ms / 1000), 0));

  // 2. A register with years of applications.
  const seeded = time(() => seedCases(core, { cases: opts.cases, seed: 7, from: '2024-01-01' }));
  row(`seeded ${opts.cases.toLocaleString('en-US')} cases`, `${fmt(seeded.ms / 1000, 1)} s`);
  const insert = time(() =>
    writeTransaction(core, () => {
      const parties = core.sqlite
        .prepare(
          'SELECT cp.id AS cpId, cp.case_id AS caseId, c.received_on AS receivedOn FROM case_parties cp JOIN cases c ON c.id = cp.case_id WHERE cp.seq = 1 AND cp.case_id % ? = 0 ORDER BY cp.id LIMIT ?',
        )
        .all(Math.max(1, Math.floor(opts.cases / opts.applications)), opts.applications) as {
        cpId: number;
        caseId: number;
        receivedOn: string;
      }[];
      const stmt = core.sqlite.prepare(
        `INSERT INTO relief_applications (case_id, case_party_id, kind, ground, reasons, evidence, fee_fen, applied_on, status, decided_on, granted_percent, relief_fen, deferred_until, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 'other', '困难', '[]', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      );
      const kinds = ['waive', 'reduce', 'defer'] as const;
      for (const p of parties) {
        const kind = kinds[Math.floor(rnd() * 3)]!;
        const fee = 5_000 + Math.floor(rnd() * 1_000_000);
        const roll = rnd();
        const status = roll < 0.05 ? 'pending' : roll < 0.15 ? 'refused' : 'granted';
        const decided = status === 'pending' ? null : p.receivedOn;
        const percent = status === 'granted' ? (kind === 'reduce' ? 50 : 100) : null;
        const relief = percent === null ? (status === 'refused' ? 0 : null) : Math.round((fee * percent) / 100);
        const due = kind === 'defer' && status === 'granted' ? p.receivedOn.replace(/^(\d{4})/, (y) => String(Number(y) + 1)) : null;
        stmt.run(
          p.caseId,
          p.cpId,
          kind,
          fee,
          p.receivedOn,
          status,
          decided,
          percent,
          relief,
          due,
          `${p.receivedOn}T09:00:00+08:00`,
          `${p.receivedOn}T09:00:00+08:00`,
        );
      }
      return parties.length;
    }),
  );
  row(`inserted ${insert.value.toLocaleString('en-US')} relief applications`, `${fmt(insert.ms / 1000, 1)} s`);
  core.sqlite.exec('ANALYZE');

  const measure = (label: string, fn: () => unknown, n = 20) => {
    fn();
    const ms: number[] = [];
    for (let i = 0; i < n; i++) ms.push(time(fn).ms);
    ms.sort((a, b) => a - b);
    row(label, `p50 ${fmt(percentile(ms, 50))} ms, p95 ${fmt(percentile(ms, 95))} ms`);
  };
  measure('relief.list: open applications, first page of 50', () => listRelief(core.db, { status: 'open', page: 1, pageSize: 50 }));
  measure('relief.list: one month, first page of 50', () =>
    listRelief(core.db, { from: '2026-10-01', to: '2026-10-31', page: 1, pageSize: 50 }),
  );
  measure('relief.followUp: overdue deferrals (≤ 1,000 rows)', () => deferralFollowUps(core.db, '2026-11-23', { state: 'overdue' }));
  measure('relief.followUp: due soon', () => deferralFollowUps(core.db, '2026-11-23', { state: 'due-soon' }));
  measure('relief.totals: twelve months × three kinds', () => reliefTotals(core.db, '2025-12', '2026-11'));
  closeCore(core);
}
