import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import {
  abiSymbol,
  binaryHasAbi,
  ensureElectronNative,
  parseArgs,
  pruneOtherVersions,
  type RunResult,
  type Runner,
} from '../scripts/electron-native.mjs';

/**
 * scripts/electron-native.mjs, step by step, without network or compiler: a fake project with fake
 * electron and better-sqlite3 packages, and a runner standing in for prebuild-install and node-gyp.
 */
const NODE_BINARY = Buffer.from(`\x7fELF...${abiSymbol(115)}\0...`, 'latin1');
const ELECTRON_BINARY = Buffer.from(`\x7fELF...${abiSymbol(150)}\0...`, 'latin1');

let root: string;

function write(rel: string, content: string | Buffer) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, file)] = fs.readFileSync(file).toString('base64');
    }
  }
  return out;
}

/** A runner: each step either writes a binary into the work dir's build/Release or fails. */
function fakeRunner(steps: { prebuild: Buffer | 'fail'; nodeGyp: Buffer | 'fail' }): Runner & { calls: string[][] } {
  const calls: string[][] = [];
  const run = Object.assign(
    async (_command: string, args: string[], opts: { cwd: string }): Promise<RunResult> => {
      calls.push(args);
      const tool = args[0]!.includes('prebuild-install') ? 'prebuild' : 'nodeGyp';
      // the installed package is never the working directory
      expect(opts.cwd.startsWith(path.join(root, '.electron-native'))).toBe(true);
      // the copy leaves out build/: a Node binary there could pass for a downloaded one
      if (tool === 'prebuild') expect(fs.existsSync(path.join(opts.cwd, 'build'))).toBe(false);
      const result = steps[tool];
      if (result === 'fail') return { code: 1, signal: null, timedOut: false };
      fs.mkdirSync(path.join(opts.cwd, 'build', 'Release'), { recursive: true });
      fs.writeFileSync(path.join(opts.cwd, 'build', 'Release', 'better_sqlite3.node'), result);
      return { code: 0, signal: null, timedOut: false };
    },
    { calls },
  );
  return run;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'court-native-'));
  write('package.json', '{"name":"court-desk","type":"module"}');
  write('node_modules/electron/package.json', '{"name":"electron","version":"45.4.1"}');
  write('node_modules/electron/abi_version', '150\n');
  write('node_modules/better-sqlite3/package.json', '{"name":"better-sqlite3","version":"12.10.1"}');
  write('node_modules/better-sqlite3/binding.gyp', '{}');
  write('node_modules/better-sqlite3/src/better_sqlite3.cpp', '// source');
  write('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', '// amalgamation');
  write('node_modules/better-sqlite3/lib/index.js', 'module.exports = {};');
  write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', NODE_BINARY);
  write('node_modules/prebuild-install/package.json', '{"name":"prebuild-install","version":"7.1.3"}');
  write('node_modules/prebuild-install/bin.js', '');
  write('node_modules/node-gyp/package.json', '{"name":"node-gyp","version":"12.4.0"}');
  write('node_modules/node-gyp/bin/node-gyp.js', '');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const target = () => path.join(root, 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node');
const quiet = () => {};

describe('scripts/electron-native.mjs', () => {
  it('uses the prebuilt binary when the download works, and leaves node_modules alone', async () => {
    const before = snapshot(path.join(root, 'node_modules'));
    const run = fakeRunner({ prebuild: ELECTRON_BINARY, nodeGyp: 'fail' });
    const r = await ensureElectronNative({ projectRoot: root, platform: 'linux', arch: 'x64', run, log: quiet });
    expect(r).toMatchObject({ action: 'built', method: 'prebuild-install', target: target() });
    expect(fs.readFileSync(target())).toEqual(ELECTRON_BINARY);
    expect(run.calls).toHaveLength(1);
    expect(run.calls[0]).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64']));
    expect(snapshot(path.join(root, 'node_modules'))).toEqual(before);
    const info = JSON.parse(fs.readFileSync(path.join(path.dirname(target()), 'build-info.json'), 'utf8'));
    expect(info).toMatchObject({ betterSqlite3: '12.10.1', electron: '45.4.1', abi: '150', method: 'prebuild-install' });
    expect(fs.readdirSync(path.join(root, '.electron-native'))).toEqual([]); // work dir removed
  });

  it('falls back to compiling with node-gyp against Electron headers', async () => {
    const run = fakeRunner({ prebuild: 'fail', nodeGyp: ELECTRON_BINARY });
    const r = await ensureElectronNative({ projectRoot: root, platform: 'linux', arch: 'x64', run, log: quiet });
    expect(r).toMatchObject({ action: 'built', method: 'node-gyp' });
    expect(run.calls[1]).toEqual(
      expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.4.1', '--dist-url=https://electronjs.org/headers']),
    );
  });

  it('refuses a binary built for Node that claims to be for Electron', async () => {
    const run = fakeRunner({ prebuild: NODE_BINARY, nodeGyp: ELECTRON_BINARY });
    const r = await ensureElectronNative({ projectRoot: root, platform: 'linux', arch: 'x64', run, log: quiet });
    expect(r).toMatchObject({ method: 'node-gyp' });
    expect(binaryHasAbi(fs.readFileSync(target()), 150)).toBe(true);
  });

  it('does nothing when the build is already there', async () => {
    await ensureElectronNative({
      projectRoot: root,
      platform: 'linux',
      arch: 'x64',
      run: fakeRunner({ prebuild: ELECTRON_BINARY, nodeGyp: 'fail' }),
      log: quiet,
    });
    const run = fakeRunner({ prebuild: 'fail', nodeGyp: 'fail' });
    const r = await ensureElectronNative({ projectRoot: root, platform: 'linux', arch: 'x64', run, log: quiet });
    expect(r.action).toBe('present');
    expect(run.calls).toEqual([]);
  });

  it('rebuilds after better-sqlite3 was upgraded', async () => {
    await ensureElectronNative({
      projectRoot: root,
      platform: 'linux',
      arch: 'x64',
      run: fakeRunner({ prebuild: ELECTRON_BINARY, nodeGyp: 'fail' }),
      log: quiet,
    });
    write('node_modules/better-sqlite3/package.json', '{"name":"better-sqlite3","version":"12.11.0"}');
    const run = fakeRunner({ prebuild: ELECTRON_BINARY, nodeGyp: 'fail' });
    expect((await ensureElectronNative({ projectRoot: root, platform: 'linux', arch: 'x64', run, log: quiet })).action).toBe('built');
  });

  it('fails with a bilingual message when both ways fail, and writes nothing', async () => {
    const before = snapshot(path.join(root, 'node_modules'));
    const run = fakeRunner({ prebuild: 'fail', nodeGyp: 'fail' });
    const err = await ensureElectronNative({ projectRoot: root, platform: 'linux', arch: 'x64', run, log: quiet }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/无法为 Electron 45\.4\.1/);
    expect((err as Error).message).toMatch(/Could not prepare better-sqlite3/);
    expect((err as Error).message).toMatch(/npm start/);
    expect(fs.existsSync(target())).toBe(false);
    expect(snapshot(path.join(root, 'node_modules'))).toEqual(before);
  });

  it('removes builds for other Electron versions of the same platform only', () => {
    write('native/electron-44.0.0-linux-x64/better_sqlite3.node', 'x');
    write('native/electron-44.0.0-win32-x64/better_sqlite3.node', 'x');
    write('native/electron-45.4.1-linux-x64/better_sqlite3.node', 'x');
    expect(pruneOtherVersions(root, 'electron-45.4.1-linux-x64', 'linux', 'x64')).toEqual(['electron-44.0.0-linux-x64']);
    expect(fs.readdirSync(path.join(root, 'native')).sort()).toEqual(['electron-44.0.0-win32-x64', 'electron-45.4.1-linux-x64']);
  });

  it('reads its arguments', () => {
    expect(parseArgs([])).toEqual({ force: false, platform: process.platform, arch: process.arch });
    expect(parseArgs(['--force', '--arch', 'arm64', '--platform=darwin'])).toEqual({ force: true, platform: 'darwin', arch: 'arm64' });
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument/);
  });

  it('recognises the ABI of the real Node build in node_modules', () => {
    const real = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const buf = fs.readFileSync(real);
    expect(binaryHasAbi(buf, process.versions.modules)).toBe(true);
    expect(binaryHasAbi(buf, 150)).toBe(false);
    expect(binaryHasAbi(Buffer.from(`${abiSymbol(1500)}\0`), 150)).toBe(false);
  });
});
