import { benchDocuments } from './documents';
import { benchFoundation } from './foundation';

/**
 * `npm run bench`: prints figures and ratios for the capabilities built so far. Not a test: numbers
 * depend on the machine; read them, compare them with the targets in the issues and the README.
 * `BENCH_QUICK=1` uses smaller data for a smoke run.
 */
const quick = process.env.BENCH_QUICK === '1';
process.stdout.write(`诉服台 benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}\n`);
await benchFoundation({ auditRows: quick ? 20_000 : 200_000 });
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'documents') await benchDocuments({ quick });
