import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCore, createCore } from '../core';
import { TEST_COST } from '../core/auth/password';
import { openForVerify } from '../core/audit/verify';
import { takeBackup } from '../core/backup/backupFile';
import { currentNativeBinding, useNativeBinding, withNativeBinding } from './nativeBinding';

/**
 * The desktop app opens its store with the Electron build of better-sqlite3. Every other connection it opens must
 * load that build too: without it better-sqlite3 reaches for node_modules' Node build, which Electron refuses and
 * the installer does not ship, so a scheduled backup or a verification in the app would fail.
 */
const NODE_BUILD = path.resolve(__dirname, '../node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const MISSING = path.join(os.tmpdir(), 'no-such-addon', 'better_sqlite3.node');
let dir: string | undefined;

afterEach(() => {
  useNativeBinding(undefined);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the process's better-sqlite3 build", () => {
  it('is not set under Node: connections load better-sqlite3 as installed', () => {
    expect(currentNativeBinding()).toBeUndefined();
    expect(withNativeBinding({ readonly: true })).toEqual({ readonly: true });
  });

  it('is set by createCore from the shell and added to later connections', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-binding-'));
    const core = createCore({ dataDir: dir, nativeBinding: NODE_BUILD, passwordCost: TEST_COST });
    try {
      expect(currentNativeBinding()).toBe(NODE_BUILD);
      expect(withNativeBinding({ readonly: true })).toEqual({ readonly: true, nativeBinding: NODE_BUILD });
      // a verification's read-only connection opens with it
      openForVerify(dir).close();
    } finally {
      closeCore(core);
    }
  });

  it('is the one a backup copy and a verification load (a missing build fails them, naming the file)', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-binding-'));
    const core = createCore({ dataDir: dir, passwordCost: TEST_COST });
    try {
      useNativeBinding(MISSING);
      await expect(takeBackup(core.sqlite, { out: path.join(dir, 'b.sqlite'), dataDir: dir, now: () => new Date() })).rejects.toThrow(
        MISSING,
      );
      expect(() => openForVerify(dir!)).toThrow(MISSING);
    } finally {
      useNativeBinding(undefined);
      closeCore(core);
    }
  });
});
