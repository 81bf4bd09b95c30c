import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';
import { ApiError } from '../api/errors';
import { systemActor, type CallContext } from '../context';
import { currentTemplate, listTemplates, revertToBuiltin, saveCourtTemplate, templateAtVersion, templateHistory } from './overrides';
import { builtinTemplate, builtinTemplatesDir, fillTemplate } from './template';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

async function court(): Promise<CallContext> {
  h = createHarness();
  await setUpCourt(h);
  return { core: h.core, actor: systemActor('tester'), client: { transport: 'test' } };
}

const builtinSource = (id: string) => fs.readFileSync(path.join(builtinTemplatesDir(), `${id}.txt`), 'utf8');
const sentence = '当事人应当按照调解协议的约定自觉履行义务。';
const changed = '当事人应当按照调解协议的约定全面、及时履行义务。';

describe("a court's own versions of a template", () => {
  it('a changed sentence is validated, stored as a version, used for the next document, and recorded in it', async () => {
    const ctx = await court();
    const db = ctx.core.db;
    expect(currentTemplate(db, 'ruling-confirm-valid').versionLabel).toBe('1');
    const saved = saveCourtTemplate(ctx, {
      id: 'ruling-confirm-valid',
      source: builtinSource('ruling-confirm-valid').replace(sentence, changed),
      note: '审委会意见',
    });
    expect(saved).toMatchObject({ version: 1, versionLabel: 'court.1', kind: 'court', builtinVersion: 1, note: '审委会意见' });
    const t = currentTemplate(db, 'ruling-confirm-valid');
    expect(t).toMatchObject({ origin: 'court', versionLabel: 'court.1' });
    const model = fillTemplate(t, t.sample);
    expect(model.meta).toMatchObject({ templateId: 'ruling-confirm-valid', templateVersion: 'court.1', templateHash: saved.sha256 });
    expect(JSON.stringify(model.blocks)).toContain(changed);
    expect(listTemplates(db).find((x) => x.id === 'ruling-confirm-valid')).toMatchObject({ version: 'court.1', origin: 'court' });
    expect(listTemplates(db).find((x) => x.id === 'notice')).toMatchObject({ version: '1', origin: 'builtin' });
    // one audit entry per change, in the same transaction
    const audit = ctx.core.sqlite.prepare(`SELECT operation, entity_id FROM audit_log WHERE operation LIKE 'templates.%'`).all();
    expect(audit).toEqual([{ operation: 'templates.save', entity_id: 'ruling-confirm-valid' }]);
  });

  it('keeps every version: a later one, a switch back to the built-in, and the text of an old one for reprints', async () => {
    const ctx = await court();
    const db = ctx.core.db;
    const base = builtinSource('notice');
    saveCourtTemplate(ctx, { id: 'notice', source: base.replace('特此通知。', '特此通知！') });
    saveCourtTemplate(ctx, { id: 'notice', source: base.replace('特此通知。', '此致。') });
    expect(currentTemplate(db, 'notice').versionLabel).toBe('court.2');
    revertToBuiltin(ctx, { id: 'notice', note: '恢复' });
    expect(currentTemplate(db, 'notice')).toBe(builtinTemplate('notice'));
    expect(templateHistory(db, 'notice').map((v) => [v.version, v.kind, v.versionLabel])).toEqual([
      [3, 'builtin', '内置（1）'],
      [2, 'court', 'court.2'],
      [1, 'court', 'court.1'],
    ]);
    const old = templateAtVersion(db, 'notice', 'court.1');
    expect(JSON.stringify(fillTemplate(old, old.sample).blocks)).toContain('特此通知！');
    expect(templateAtVersion(db, 'notice', '1')).toBe(builtinTemplate('notice'));
    expect(() => templateAtVersion(db, 'notice', 'court.9')).toThrow(/没有本院版本 9/);
    expect(() => revertToBuiltin(ctx, { id: 'notice' })).toThrow(/正在使用内置版本/);
  });

  it('refuses a broken text naming the line, and writes nothing', async () => {
    const ctx = await court();
    const before = [countRows(ctx.core, 'template_versions'), countRows(ctx.core, 'audit_log')];
    const broken = builtinSource('notice').replace('{{addressee}}：', '{{adressee}}：');
    let err: unknown;
    try {
      saveCourtTemplate(ctx, { id: 'notice', source: broken });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).field).toBe('source');
    expect((err as ApiError).message).toMatch(/^模板 本院模板 notice（修改稿） 第 \d+ 行：未知字段 \{\{adressee\}\}/);
    expect(() => saveCourtTemplate(ctx, { id: 'notice', source: builtinSource('case-receipt') })).toThrow(/id（case-receipt）应为 notice/);
    expect(() => saveCourtTemplate(ctx, { id: 'no-such', source: builtinSource('notice') })).toThrow(/没有这个模板/);
    expect([countRows(ctx.core, 'template_versions'), countRows(ctx.core, 'audit_log')]).toEqual(before);
  });
});
