import { ensureNodeBuild } from '../scripts/node-build.mjs';

/**
 * Brings the built bundle (out/node, scripts/node-build.mjs) up to date once before the tests: the verification
 * worker runs from it (Node 20 gives worker threads no tsx loader), and the drills start the built host.
 */
export default async function setup(): Promise<void> {
  await ensureNodeBuild();
}
