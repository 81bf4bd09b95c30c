import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

/**
 * electron-builder.yml packs only the node_modules the main process loads (an allow-list, so the
 * installer does not carry antd, fastify or tsx's esbuild binary). This test keeps the list honest: every
 * package imported by code the main process bundles (core/, db/, electron/), and every package those
 * depend on at run time, must be packed — otherwise the installed app would fail with "Cannot find module".
 * Dependencies are resolved as Node resolves them (from the requiring package's folder upwards), so a
 * package that needs another version than the hoisted one (exceljs's own unzipper 0.10 beside the top-level
 * 0.12) is followed into its nested node_modules, and its own dependencies are those of that version.
 */
const ROOT = path.resolve(__dirname, '..');
const MAIN_PROCESS_DIRS = ['core', 'db', 'electron'];

/** Dependencies a package declares but that the app never loads. */
const NOT_LOADED: Record<string, string[]> = {
  // install-time download, and the default loader that the `nativeBinding` option bypasses
  'better-sqlite3': ['prebuild-install', 'bindings'],
  // yargs is for qrcode's own command line (bin/qrcode); the library never loads it
  qrcode: ['yargs'],
};

/** Type declarations (docx and @fast-csv/format list @types/node as a dependency): no code to load. */
const declarationsOnly = (name: string) => name.startsWith('@types/');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) && e.name !== 'preload.ts')
    .map((e) => path.join(e.parentPath, e.name));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Bare packages imported at run time (type-only imports are erased). */
function importedPackages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) {
    if (m[2]) continue;
    const spec = m[3] ?? m[4];
    if (!spec || spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    const name = packageName(spec);
    if (name === 'electron' || builtinModules.includes(name)) continue;
    found.push(name);
  }
  return found;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The folder Node would load `name` from when required inside `fromDir` (relative to ROOT), or null. */
function resolvePackage(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return path.relative(ROOT, candidate).split(path.sep).join('/');
    if (dir === ROOT || dir === path.dirname(dir)) return null;
  }
}

/**
 * The package folders the main process loads (relative to ROOT: node_modules/exceljs,
 * node_modules/exceljs/node_modules/unzipper …): the imported packages and, transitively, their
 * dependencies and installed optional dependencies, each resolved from the folder of the package needing it.
 */
function runtimeClosure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue: [string, string][] = roots.map((name) => [name, ROOT]);
  while (queue.length) {
    const [name, fromDir] = queue.pop()!;
    const dir = resolvePackage(name, fromDir);
    if (dir === null) throw new Error(`${name} (needed from ${path.relative(ROOT, fromDir) || '.'}) is not installed`);
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as PackageJson;
    const optional = Object.keys(pkg.optionalDependencies ?? {}).filter((dep) => resolvePackage(dep, path.join(ROOT, dir)) !== null);
    for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...optional]) {
      if (!NOT_LOADED[name]?.includes(dep) && !declarationsOnly(dep)) queue.push([dep, path.join(ROOT, dir)]);
    }
  }
  return seen;
}

/** The "files" patterns of electron-builder.yml that take something from node_modules. */
function filePatterns(): string[] {
  const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  return [...yml.matchAll(/^\s*-\s*['"]?(node_modules\/[^'"\s]+)['"]?\s*$/gm)].map((m) => m[1]!);
}

/** Package names packed at the top level of node_modules. */
function allowListed(): Set<string> {
  return new Set(filePatterns().map((p) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)![1]!));
}

/**
 * Is a package folder packed? Either a pattern takes its whole tree (…/**\/*), or it lies inside the whole
 * tree of a packed package (a nested node_modules), or its package.json is packed with chosen parts (better-
 * sqlite3's lib, qrcode's lib: the comments in the yml say why the rest is not needed).
 */
function packed(dir: string, patterns: string[]): boolean {
  return patterns.some((p) => (p.endsWith('/**/*') && `${dir}/`.startsWith(p.slice(0, -'**/*'.length))) || p === `${dir}/package.json`);
}

describe('electron-builder.yml', () => {
  it('packs every package the main process loads', () => {
    const imported = new Set(MAIN_PROCESS_DIRS.flatMap(sourceFiles).flatMap(importedPackages));
    expect(imported).toContain('better-sqlite3'); // the scan works
    const needed = [...runtimeClosure([...imported])].sort();
    expect(needed).toContain('node_modules/exceljs/node_modules/unzipper'); // nested versions are followed
    const patterns = filePatterns();
    const missing = needed.filter((dir) => !packed(dir, patterns));
    expect(missing, `add these to "files" in electron-builder.yml: ${missing.join(', ')}`).toEqual([]);
  });

  it('keeps the Node build of better-sqlite3 and the renderer and host libraries out', () => {
    const listed = allowListed();
    for (const name of ['react', 'antd', 'fastify', 'tsx', 'esbuild', 'bindings']) expect(listed.has(name)).toBe(false);
    const yml = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^\s*-\s*['"]!node_modules\/\*\*\/\*['"]$/m);
    expect(yml).not.toMatch(/node_modules\/better-sqlite3\/(build|\*\*)/);
    expect(yml).toMatch(/^npmRebuild: false$/m);
  });
});
