import { benchDocket } from './docket';
import { benchDocuments } from './documents';
import { benchFees } from './fees';
import { benchFoundation } from './foundation';
import { benchIntake } from './intake';
import { benchLegacyImport } from './legacyImport';
import { benchLists } from './lists';
import { benchMediation } from './mediation';
import { benchSearch } from './search';
import { benchStats } from './stats';

/**
 * `npm run bench`: prints figures and ratios for the capabilities built so far. Not a test: numbers
 * depend on the machine; read them, compare them with the targets in the issues and the README.
 * `BENCH_QUICK=1` uses smaller data for a smoke run. `BENCH_ONLY=search` (or `foundation`, `intake`, …) runs one part.
 * `BENCH_KEEP=1` keeps the search databases (their paths are printed) for EXPLAIN QUERY PLAN and demos;
 * `BENCH_SEARCH_SIZES=1000000` picks the case counts of the search part; `BENCH_SEARCH_DATA=DIR` measures the
 * queries again on a kept database without seeding (note: it leaves that database's search index optimised).
 */
const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY;
process.stdout.write(`诉服台 benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}\n`);
if (!only || only === 'foundation') await benchFoundation({ auditRows: quick ? 20_000 : 200_000 });
if (!only || only === 'search') {
  const keep = process.env.BENCH_KEEP === '1';
  const sizes = process.env.BENCH_SEARCH_SIZES?.split(',').map(Number);
  const existing = process.env.BENCH_SEARCH_DATA;
  await benchSearch(
    quick
      ? { sizes: sizes ?? [20_000], queries: 50, naiveQueries: 10, keep, ...(existing ? { existing } : {}) }
      : { sizes: sizes ?? [100_000, 1_000_000], queries: 200, naiveQueries: 20, keep, ...(existing ? { existing } : {}) },
  );
}
// quick by default on shared machines (each filing is an fsync'd commit); BENCH_INTAKE_FULL=1 for 3,000 filings
if (!only || only === 'intake') await benchIntake({ filings: process.env.BENCH_INTAKE_FULL === '1' && !quick ? 3_000 : 300 });
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'documents') await benchDocuments({ quick });
if (!only || only === 'fees') await benchFees(quick ? { cases: 20_000, applications: 10_000 } : { cases: 200_000, applications: 100_000 });
if (!only || only === 'docket') await benchDocket(quick ? { cases: 20_000, queries: 40 } : { cases: 1_000_000, queries: 100 });
if (!only || only === 'mediation') {
  // quick by default on shared machines; BENCH_MEDIATION_FULL=1 for the 1M cases with 300k mediations
  const full = process.env.BENCH_MEDIATION_FULL === '1' && !quick;
  await benchMediation({
    cases: full ? 1_000_000 : 200_000,
    mediations: full ? 300_000 : 50_000,
    mediators: 2_000,
    queries: full ? 200 : 50,
  });
}
// the legacy 民诉前调 import at the sheet sizes a centre brings (MAX_IMPORT_ROWS is 20,000)
if (!only || only === 'legacy') await benchLegacyImport({ rows: quick ? [2_000] : [5_000, 20_000] });
// BENCH_LISTS_DATA=DIR measures a data folder seeded before (e.g. `court seed`), without seeding or deleting it
const listsData = process.env.BENCH_LISTS_DATA;
if (!only || only === 'lists')
  await benchLists({
    ...(quick ? { cases: 20_000, queries: 50 } : { cases: 1_000_000, queries: 200 }),
    ...(listsData ? { existing: listsData } : {}),
  });
if (!only || only === 'stats') await benchStats(quick ? { cases: 100_000, runs: 5 } : { cases: 1_000_000, runs: 10 });
