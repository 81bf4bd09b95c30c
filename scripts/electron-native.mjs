#!/usr/bin/env node
/**
 * The two-ABI problem. better-sqlite3 is a native add-on and a native add-on is built for one ABI.
 * Tests, the host and the CLI run under Node and use node_modules/better-sqlite3/build/Release (built by
 * `npm install`). The desktop app runs under Electron, whose ABI differs, so it needs a second build.
 *
 * This script makes that second build, once per Electron version, platform and architecture:
 *
 *   native/electron-<electron version>-<platform>-<arch>/better_sqlite3.node   (+ build-info.json)
 *
 * and the Electron main process passes it to better-sqlite3's `nativeBinding` option
 * (electron/nativeBinding.ts). node_modules/better-sqlite3 is never touched, so Node keeps working.
 *
 * How: copy better-sqlite3's sources to .electron-native/<work dir> (without its build/ folder), then
 *   1. prebuild-install --runtime electron --target <ver>: downloads the prebuilt binary that
 *      better-sqlite3 publishes on its GitHub releases for that Electron ABI (seconds);
 *   2. if that fails, node-gyp rebuild --runtime=electron --target=<ver>
 *      --dist-url=https://electronjs.org/headers (or $ELECTRON_HEADERS_URL): compiles against Electron's
 *      headers (about a minute; needs Python 3 and a C++ tool chain).
 * Mirrors: prebuild-install reads npm_config_better_sqlite3_binary_host_mirror; node-gyp's headers come
 * from ELECTRON_HEADERS_URL; both honour HTTPS_PROXY.
 * The result is accepted only if it exports `node_register_module_v<Electron ABI>`: a binary built
 * against Node's headers but labelled as Electron's (what `electron-builder install-app-deps` produced
 * on our machines) is refused instead of crashing the app later.
 *
 * Usage: node scripts/electron-native.mjs [--force] [--arch <arch>] [--platform <platform>]
 * Plain Node ESM on purpose: it runs before anything is built, from `npm start` and `npm run dist`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NATIVE_FILE = 'better_sqlite3.node';
export const WORK_DIR = '.electron-native';
export const PREBUILD_TIMEOUT_MS = 2 * 60_000;
export const NODE_GYP_TIMEOUT_MS = 20 * 60_000;
/** the parts of the better-sqlite3 package needed to download or compile it; never its build/ */
export const SOURCE_ENTRIES = ['package.json', 'binding.gyp', 'lib', 'src', 'deps'];
/** Electron's headers for node-gyp; ELECTRON_HEADERS_URL points at a mirror where electronjs.org is slow. */
export const DEFAULT_HEADERS_URL = 'https://electronjs.org/headers';

/** Folder name of one Electron build; keep identical to nativeDirName in electron/nativeBinding.ts. */
export function nativeTargetDir(electronVersion, platform, arch) {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/** <projectRoot>/native/electron-<ver>-<platform>-<arch>/better_sqlite3.node */
export function nativeTargetPath(projectRoot, electronVersion, platform, arch) {
  return path.join(projectRoot, 'native', nativeTargetDir(electronVersion, platform, arch), NATIVE_FILE);
}

/** The symbol a Node/Electron add-on built for this ABI exports (NODE_MODULE_INIT). */
export function abiSymbol(abi) {
  return `node_register_module_v${abi}`;
}

/** True when the binary was built for this ABI. Symbol names are NUL-terminated in ELF, Mach-O and PE. */
export function binaryHasAbi(buffer, abi) {
  return buffer.includes(Buffer.from(`${abiSymbol(abi)}\0`, 'latin1'));
}

export function parseArgs(argv) {
  const out = { force: false, platform: process.platform, arch: process.arch };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') out.force = true;
    else if (a === '--arch' || a === '--platform') {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      out[a.slice(2)] = v;
    } else if (a.startsWith('--arch=')) out.arch = a.slice('--arch='.length);
    else if (a.startsWith('--platform=')) out.platform = a.slice('--platform='.length);
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

/** Versions the build depends on, read from the installed packages. */
export function readVersions(projectRoot) {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  const electronPkgFile = require.resolve('electron/package.json');
  const electron = JSON.parse(fs.readFileSync(electronPkgFile, 'utf8')).version;
  // electron ≥ 28 ships its ABI number; node-abi (a prebuild-install dependency) knows older ones.
  const abiFile = path.join(path.dirname(electronPkgFile), 'abi_version');
  const abi = fs.existsSync(abiFile)
    ? fs.readFileSync(abiFile, 'utf8').trim()
    : require(require.resolve('node-abi', { paths: [path.dirname(require.resolve('prebuild-install/package.json'))] })).getAbi(
        electron,
        'electron',
      );
  const bsqlPkgFile = require.resolve('better-sqlite3/package.json');
  const betterSqlite3 = JSON.parse(fs.readFileSync(bsqlPkgFile, 'utf8')).version;
  return { electron, abi: String(abi), betterSqlite3, betterSqlite3Dir: path.dirname(bsqlPkgFile) };
}

/** Is the build for these versions already in place (and really for Electron's ABI)? */
export function isUpToDate(target, versions) {
  if (!fs.existsSync(target)) return false;
  if (!binaryHasAbi(fs.readFileSync(target), versions.abi)) return false;
  const infoFile = path.join(path.dirname(target), 'build-info.json');
  if (!fs.existsSync(infoFile)) return true; // placed by hand; the ABI check above is what matters
  try {
    const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
    return info.betterSqlite3 === versions.betterSqlite3;
  } catch {
    return false;
  }
}

/** Runs a command, resolves with how it ended; never rejects. */
export function runCommand(command, args, { cwd, timeoutMs, env }) {
  return new Promise((resolve) => {
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { cwd, env, stdio: 'inherit', windowsHide: true });
    } catch (error) {
      resolve({ code: null, signal: null, timedOut, error });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, timedOut, error });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut });
    });
  });
}

function describeRun(r, timeoutMs) {
  if (r.timedOut) return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  if (r.error) return r.error.message;
  return r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
}

/** Copies the sources of better-sqlite3 into a fresh work dir; the installed package is only read. */
function prepareWorkDir(sourceDir, workDir) {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  for (const entry of SOURCE_ENTRIES) {
    const from = path.join(sourceDir, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(workDir, entry), { recursive: true });
  }
}

/** An environment for the child tools: our own flags decide runtime, target and arch, not npm's. */
function childEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(runtime|target|arch|platform|disturl|dist_url|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function resolveTool(projectRoot, pkg, bin) {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), bin);
  } catch {
    return undefined;
  }
}

/**
 * Ensures native/electron-<ver>-<platform>-<arch>/better_sqlite3.node exists. Returns what it did;
 * throws an Error whose message says what failed and what to do.
 * `run` is injectable so the steps can be tested without a network or a compiler.
 */
export async function ensureElectronNative({
  projectRoot,
  platform = process.platform,
  arch = process.arch,
  force = false,
  run = runCommand,
  log = (line) => console.log(line),
}) {
  const versions = readVersions(projectRoot);
  const target = nativeTargetPath(projectRoot, versions.electron, platform, arch);
  if (!force && isUpToDate(target, versions)) {
    return { action: 'present', target, versions };
  }
  const label = `Electron ${versions.electron} (ABI ${versions.abi}, ${platform}-${arch})`;
  log(`[electron-native] 正在为 ${label} 准备 better-sqlite3 ${versions.betterSqlite3} … / preparing better-sqlite3 for ${label}`);

  const workDir = path.join(
    projectRoot,
    WORK_DIR,
    `better-sqlite3-${versions.betterSqlite3}-${nativeTargetDir(versions.electron, platform, arch)}`,
  );
  prepareWorkDir(versions.betterSqlite3Dir, workDir);
  const built = path.join(workDir, 'build', 'Release', NATIVE_FILE);
  const env = childEnv();
  const failures = [];

  const accept = (method) => {
    if (!fs.existsSync(built)) {
      failures.push(`${method}: finished but produced no ${NATIVE_FILE}`);
      return false;
    }
    if (!binaryHasAbi(fs.readFileSync(built), versions.abi)) {
      failures.push(`${method}: the binary is not built for ABI ${versions.abi} (no ${abiSymbol(versions.abi)})`);
      fs.rmSync(built, { force: true });
      return false;
    }
    return true;
  };

  let method;
  const prebuild = resolveTool(projectRoot, 'prebuild-install', 'bin.js');
  if (!prebuild) failures.push('prebuild-install: not installed');
  else {
    log('[electron-native] 1/2 下载预编译文件 (prebuild-install) / downloading the prebuilt binary');
    const args = [prebuild, '--runtime', 'electron', '--target', versions.electron, '--arch', arch, '--platform', platform];
    const r = await run(process.execPath, args, { cwd: workDir, timeoutMs: PREBUILD_TIMEOUT_MS, env });
    if (r.code === 0 && !r.timedOut) {
      if (accept('prebuild-install')) method = 'prebuild-install';
    } else failures.push(`prebuild-install: ${describeRun(r, PREBUILD_TIMEOUT_MS)}`);
  }

  if (!method) {
    const nodeGyp = resolveTool(projectRoot, 'node-gyp', path.join('bin', 'node-gyp.js')) ?? process.env.npm_config_node_gyp;
    if (!nodeGyp) failures.push('node-gyp: not installed');
    else if (platform !== process.platform) failures.push(`node-gyp: cannot compile for ${platform} on ${process.platform}`);
    else {
      log('[electron-native] 2/2 从源码编译 (node-gyp，约需 1 分钟) / compiling from source (about a minute)');
      const args = [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${versions.electron}`,
        `--arch=${arch}`,
        `--dist-url=${process.env.ELECTRON_HEADERS_URL || DEFAULT_HEADERS_URL}`,
      ];
      const r = await run(process.execPath, args, { cwd: workDir, timeoutMs: NODE_GYP_TIMEOUT_MS, env });
      if (r.code === 0 && !r.timedOut) {
        if (accept('node-gyp')) method = 'node-gyp';
      } else failures.push(`node-gyp: ${describeRun(r, NODE_GYP_TIMEOUT_MS)}`);
    }
  }

  if (!method) {
    const error = new Error(failureMessage(label, failures, workDir));
    error.failures = failures;
    throw error;
  }

  // Write beside, then rename: an interrupted copy never leaves a half file that looks ready.
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  const info = {
    betterSqlite3: versions.betterSqlite3,
    electron: versions.electron,
    abi: versions.abi,
    platform,
    arch,
    method,
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(path.dirname(target), 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  const pruned = pruneOtherVersions(projectRoot, path.basename(path.dirname(target)), platform, arch);
  fs.rmSync(workDir, { recursive: true, force: true });
  log(`[electron-native] 完成 / done (${method}): ${path.relative(projectRoot, target)}`);
  for (const dir of pruned) log(`[electron-native] 已删除旧版本 / removed the build for another Electron version: native/${dir}`);
  return { action: 'built', method, target, versions };
}

/**
 * Removes builds for other Electron versions of the same platform and arch: electron-builder copies
 * native/electron-*-<platform>-<arch>/, and a stale one would only make the installer bigger.
 */
export function pruneOtherVersions(projectRoot, keep, platform, arch) {
  const nativeDir = path.join(projectRoot, 'native');
  if (!fs.existsSync(nativeDir)) return [];
  const suffix = `-${platform}-${arch}`;
  const removed = [];
  for (const entry of fs.readdirSync(nativeDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('electron-') && entry.name.endsWith(suffix) && entry.name !== keep) {
      fs.rmSync(path.join(nativeDir, entry.name), { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}

export function failureMessage(label, failures, workDir) {
  const reasons = failures.map((f) => `  - ${f}`).join('\n');
  return [
    `[electron-native] 无法为 ${label} 准备数据库组件 better-sqlite3。`,
    reasons,
    '  请确认本机能访问互联网（github.com 与 electronjs.org，或已配置代理 HTTPS_PROXY），然后重新运行 npm start。',
    '  若下载预编译文件不可行，从源码编译还需要 Python 3 和 C++ 编译工具：',
    '  Windows 安装 Visual Studio 生成工具（“使用 C++ 的桌面开发”），macOS 运行 xcode-select --install，Linux 安装 build-essential。',
    `  中间文件保留在 ${workDir}，可供排查。`,
    '',
    `[electron-native] Could not prepare better-sqlite3 for ${label}.`,
    '  Check internet access (github.com and electronjs.org, or set HTTPS_PROXY) and run `npm start` again.',
    '  Compiling from source additionally needs Python 3 and a C++ tool chain (Visual Studio Build Tools with',
    '  "Desktop development with C++" on Windows, `xcode-select --install` on macOS, build-essential on Linux).',
    `  The work folder ${workDir} is kept for diagnosis. node_modules/better-sqlite3 was not changed.`,
  ].join('\n');
}

async function main() {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(
      `[electron-native] ${err.message}\nUsage: node scripts/electron-native.mjs [--force] [--arch <arch>] [--platform <platform>]`,
    );
    process.exit(2);
  }
  try {
    const r = await ensureElectronNative({ projectRoot, ...opts });
    if (r.action === 'present') {
      console.log(`[electron-native] 已就绪 / ready: ${path.relative(projectRoot, r.target)} (Electron ${r.versions.electron})`);
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
