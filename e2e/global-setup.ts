import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBuild } from '../scripts/node-build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The tests drive the built UI: refuse to run against a missing or stale build, which would only confuse. The
 * host's bundle (out/node) is brought up to date here, once, before the workers start their hosts.
 */
export default async function globalSetup(): Promise<void> {
  await ensureNodeBuild();
  const built = path.join(ROOT, 'out/renderer/index.html');
  if (!fs.existsSync(built)) {
    throw new Error('界面尚未构建：请先运行 npx electron-vite build（生成 out/renderer）');
  }
  const sources = newestMtime(path.join(ROOT, 'renderer'));
  if (sources > fs.statSync(built).mtimeMs && !process.env.E2E_ALLOW_STALE_BUILD) {
    throw new Error('界面构建已过期（renderer/ 有更新的文件）：请先运行 npx electron-vite build，或设置 E2E_ALLOW_STALE_BUILD=1');
  }
}
