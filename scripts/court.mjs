// `npm run court` / `npm run serve`: runs the built command line (out/node/court.mjs), building it first when
// it is missing or stale (scripts/node-build.mjs).
import { ensureNodeBuild } from './node-build.mjs';

await ensureNodeBuild();
await import('../out/node/court.mjs');
