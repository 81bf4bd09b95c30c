// `npm run serve` serves the built renderer (out/renderer). Build it once if it is missing, so a fresh
// clone can run `npm install && npm run serve`; after changing renderer code run `npm run build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('out/renderer/index.html')) {
  process.stderr.write('界面尚未构建，正在构建（electron-vite build）…\n');
  const r = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
