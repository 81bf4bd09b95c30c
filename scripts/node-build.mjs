// The host and the command line start from a built bundle (out/node/), not through tsx: loading ~200 TypeScript
// modules through tsx's transform hooks took seconds on this machine; one bundled ES module starts in a fraction
// of that. The bundle is rebuilt on demand when a source file is newer than it (like ensure-renderer-build.mjs
// for the renderer), so a fresh clone runs `npm install && npm run serve` with nothing else to do.
//
// Each source file's `import.meta.url` is kept as the URL of that source file, so the paths built from it
// (templates/, db/migrations, out/renderer, the fonts package) resolve exactly as when run from source.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_OUT = path.join(ROOT, 'out/node');
const STAMP = path.join(NODE_OUT, 'build.json');

/** The bundles: the command line (`court`, which also serves the host) and the verification worker. */
const ENTRIES = {
  court: 'cli/bin.ts',
  verifyWorker: 'core/audit/verifyWorker.ts',
};
/** Packages loaded from node_modules as they are: native (better-sqlite3), loaded on first use (core/lazyModule.ts,
 * the renderers), or reading files beside their own code (the fonts). fastify is bundled too (in the host's chunk):
 * 0.2 s less CPU to the host's ready line than loading it from node_modules. */
const EXTERNAL = ['better-sqlite3', 'pdfkit', 'docx', 'fontkit', 'exceljs', 'qrcode', 'yaml', 'pinyin-pro', '@expo-google-fonts/*'];
const SOURCE_DIRS = ['core', 'db', 'server', 'cli'];

function newestSource(dir, newest = 0) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'migrations') newest = newestSource(p, newest);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  }
  return newest;
}

/** Why the bundle must be rebuilt, or null when it is current. */
export function staleReason() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return 'missing';
  }
  if (stamp.root !== ROOT) return 'built for another checkout';
  for (const name of Object.keys(ENTRIES)) if (!fs.existsSync(path.join(NODE_OUT, `${name}.mjs`))) return 'missing';
  const built = fs.statSync(STAMP).mtimeMs;
  const newest = Math.max(
    ...SOURCE_DIRS.map((d) => newestSource(path.join(ROOT, d))),
    fs.statSync(path.join(ROOT, 'package.json')).mtimeMs,
  );
  return newest > built ? 'sources changed' : null;
}

/** Keeps import.meta.url of each bundled source file pointing at that file (see the header). */
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

export async function buildNode() {
  const { build } = await import('esbuild');
  const started = Date.now();
  // built beside and swapped in whole, so that two processes building at once never see a half-written bundle
  const temp = `${NODE_OUT}.${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: temp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true, // the host (fastify) and the renderers are chunks of their own, loaded when used
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // the pure-JS dependencies every command loads (zod, drizzle-orm, commander …) are bundled: one file parses
    // faster than hundreds of small modules resolved one by one. Native, lazily loaded and file-reading
    // packages stay in node_modules.
    external: EXTERNAL,
    banner: { js: "import { createRequire as __courtRequire } from 'node:module'; const require = __courtRequire(import.meta.url);" },
    sourcemap: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    plugins: [sourceImportMetaUrl],
  });
  fs.writeFileSync(
    path.join(temp, 'build.json'),
    JSON.stringify({ root: ROOT, builtAt: new Date().toISOString(), ms: Date.now() - started }),
  );
  fs.rmSync(NODE_OUT, { recursive: true, force: true });
  fs.renameSync(temp, NODE_OUT);
}

/** Builds the bundle when it is missing or older than a source file; says so on stderr. */
export async function ensureNodeBuild() {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`正在构建命令行和主机（${reason === 'missing' ? '尚未构建' : '源文件已更新'}，esbuild）…\n`);
  await buildNode();
}

// `node scripts/node-build.mjs` builds unconditionally
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
  process.stdout.write(`${JSON.parse(fs.readFileSync(STAMP, 'utf8')).ms} ms → ${path.relative(ROOT, NODE_OUT)}\n`);
}
