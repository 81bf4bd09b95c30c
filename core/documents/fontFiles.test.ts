import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';
import { fontFileName, listFontFiles, resolveFontSpec, storeFontFile } from './fontFiles';
import { shippedFontFiles } from './fonts';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(() => {
  h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'court-fonts-'));
  dirs.push(d);
  return d;
}

describe('font files only from <data>/fonts (issue 11 item 4)', () => {
  it('refuses /dev/zero, /etc/shadow, a missing path and .. at once with the identical message, writing nothing', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const before = countRows(h.core, 'audit_log');
    const answers: { message: string; ms: number }[] = [];
    for (const body of [
      '/dev/zero',
      '/etc/shadow',
      '/no/such/file.ttf',
      '../court.sqlite',
      '..\\..\\Windows\\Fonts\\simfang.ttf',
      'C:\\Windows\\Fonts\\simfang.ttf',
      'fonts/../x.ttf',
    ]) {
      const t0 = performance.now();
      const err = await h.fail('documents.setFontSettings', { body }, admin);
      answers.push({ message: err.message, ms: performance.now() - t0 });
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'body' });
    }
    expect(new Set(answers.map((a) => a.message)).size).toBe(1);
    expect(answers[0]!.message).toMatch(/字体须为字体文件夹中的文件名/);
    // refused without opening the path: reading /dev/zero would never end (bound wide for a loaded CI machine)
    for (const a of answers) expect(a.ms).toBeLessThan(2000);
    expect(countRows(h.core, 'audit_log')).toBe(before);
    expect(await h.call('documents.fontSettings', undefined, admin)).toEqual({ body: null, bodyBold: null, title: null });
  });

  it('accepts plain font file names only', () => {
    expect(fontFileName('simfang.ttf')).toEqual({ file: 'simfang.ttf' });
    expect(fontFileName('simsun.ttc#SimSun')).toEqual({ file: 'simsun.ttc', psName: 'SimSun' });
    for (const bad of ['', '.ttf', '..', '../a.ttf', 'a/b.ttf', 'a\\b.ttf', 'C:a.ttf', '/dev/zero', 'a.ttf#X', 'a.txt', 'a\u0000.ttf'])
      expect(fontFileName(bad)).toBeNull();
  });

  it('stores an uploaded font (0600, magic bytes checked), lists it and resolves only inside the folder', () => {
    const dataDir = tempDataDir();
    expect(() => storeFontFile(dataDir, 'evil.ttf', Buffer.from('#!/bin/sh\necho not a font\n'))).toThrow(/不是 TrueType/);
    expect(() => storeFontFile(dataDir, '../evil.ttf', Buffer.alloc(16))).toThrow(/字体须为字体文件夹中的文件名/);
    const name = storeFontFile(dataDir, 'NotoSerifSC.ttf', fs.readFileSync(shippedFontFiles().regular));
    expect(name).toBe('NotoSerifSC.ttf');
    const file = path.join(dataDir, 'fonts', name);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(listFontFiles(dataDir).map((f) => f.name)).toEqual(['NotoSerifSC.ttf']);
    expect(resolveFontSpec(dataDir, 'body', '正文字体', name)).toBe(file);
    expect(() => resolveFontSpec(dataDir, 'body', '正文字体', 'missing.ttf')).toThrow(/字体文件夹中没有此字体文件/);
    // a link inside the folder pointing elsewhere is not a regular file there
    fs.symlinkSync('/dev/zero', path.join(dataDir, 'fonts', 'zero.ttf'));
    expect(() => resolveFontSpec(dataDir, 'body', '正文字体', 'zero.ttf')).toThrow(/字体文件夹中没有此字体文件/);
  });
});
