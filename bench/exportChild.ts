/**
 * Child process of bench/lists.ts: one `court export --what cases` as the command line runs it (exportList into a
 * file stream), in a process of its own so its peak RSS is the export's and not the seeding's. Prints one JSON line:
 * rows, milliseconds, RSS before the export, peak RSS (getrusage's high-water mark) and RSS sampled at each tenth.
 * Usage: exportChild.ts DATA_DIR OUT.xlsx [FROM TO]
 */
import fs from 'node:fs';
import { closeCore, createCore } from '../core';
import '../core/cases'; // before core/lists: the case list's binding imports the list engine
import { exportList, REGISTERS } from '../core/lists';

const [dataDir, out, from, to] = process.argv.slice(2) as [string, string, string?, string?];
const core = createCore({ dataDir });
const b = REGISTERS.cases;
const filters = from && to ? { received: { from, to } } : {};
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const rssBefore = process.memoryUsage().rss;
const samples: number[] = [];
let nextShare = 0.1;
const t0 = performance.now();
const stream = fs.createWriteStream(out);
const finished = new Promise<void>((resolve, reject) => {
  stream.on('finish', resolve);
  stream.on('error', reject);
});
const { rows } = await exportList(core, b, { filters }, stream, {
  progressEvery: 2000,
  onProgress: ({ done, total = 0 }) => {
    if (total > 0 && done / total >= nextShare) {
      samples.push(mib(process.memoryUsage().rss));
      nextShare += 0.1;
    }
  },
});
await finished;
const ms = performance.now() - t0;
closeCore(core);
process.stdout.write(
  `${JSON.stringify({
    rows,
    ms,
    rssBeforeMiB: mib(rssBefore),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    samplesMiB: samples,
    bytes: fs.statSync(out).size,
  })}\n`,
);
