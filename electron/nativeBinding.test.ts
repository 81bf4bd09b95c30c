import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { nativeTargetDir, nativeTargetPath } from '../scripts/electron-native.mjs';
import {
  NativeBindingMissingError,
  nativeBindingCandidate,
  nativeDirName,
  resolveNativeBinding,
  type NativeBindingEnv,
} from './nativeBinding';

const base: NativeBindingEnv = {
  versions: { electron: '45.4.1' },
  platform: 'linux',
  arch: 'x64',
  packaged: false,
  resourcesPath: '/opt/court/resources',
  projectRoot: '/src/court-desk',
  exists: () => true,
};

describe('native binding selection', () => {
  it('is undefined under plain Node: better-sqlite3 uses its own Node build', () => {
    expect(resolveNativeBinding({ ...base, versions: {}, exists: () => false })).toBeUndefined();
    expect(resolveNativeBinding({ ...base, versions: process.versions })).toBe(process.versions.electron ? expect.any(String) : undefined);
  });

  it('in development uses native/ in the project', () => {
    expect(resolveNativeBinding(base)).toBe(path.join('/src/court-desk', 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'));
  });

  it('packaged uses the resources folder', () => {
    expect(resolveNativeBinding({ ...base, packaged: true })).toBe(
      path.join('/opt/court/resources', 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('names the folder after Electron version, platform and arch', () => {
    expect(nativeDirName('45.4.1', 'win32', 'arm64')).toBe('electron-45.4.1-win32-arm64');
    expect(nativeBindingCandidate({ ...base, platform: 'darwin', arch: 'arm64' })).toContain('electron-45.4.1-darwin-arm64');
  });

  it('uses the same folder name as scripts/electron-native.mjs, which builds it', () => {
    for (const [v, p, a] of [
      ['45.4.1', 'linux', 'x64'],
      ['46.0.0', 'win32', 'ia32'],
      ['45.4.1', 'darwin', 'arm64'],
    ] as const) {
      expect(nativeDirName(v, p, a)).toBe(nativeTargetDir(v, p, a));
    }
    expect(resolveNativeBinding(base)).toBe(nativeTargetPath('/src/court-desk', '45.4.1', 'linux', 'x64'));
  });

  it('when missing in development, tells the user to run npm start with internet', () => {
    const run = () => resolveNativeBinding({ ...base, exists: () => false });
    expect(run).toThrow(NativeBindingMissingError);
    expect(run).toThrow(/npm start/);
    expect(run).toThrow(/互联网/);
  });

  it('when missing in a package, says the package is incomplete', () => {
    expect(() => resolveNativeBinding({ ...base, packaged: true, exists: () => false })).toThrow(/安装包不完整/);
  });

  it('checks existence of exactly the chosen file', () => {
    const asked: string[] = [];
    resolveNativeBinding({ ...base, exists: (f) => (asked.push(f), true) });
    expect(asked).toEqual([path.join('/src/court-desk', 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node')]);
  });
});
