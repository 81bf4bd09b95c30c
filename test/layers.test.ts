import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, shown working (docs/ARCHITECTURE.md, “Layers”): a renderer page that
 * imports db/ or a core service fails `npm run lint`; one that imports core's metadata, roles and contract types
 * passes. The fixtures are linted as if they stood in renderer/src/pages/ (they are kept as .txt so that the
 * repository's own lint run does not see them).
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function lintAsRendererPage(fixture: string) {
  const code = fs.readFileSync(path.join(root, 'test/lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/pages/LayerFixture.tsx') });
  return result!.messages.filter((m) => m.severity === 2);
}

describe('layer lint', () => {
  it('refuses a renderer page that imports db/ or a core service', async () => {
    const errors = await lintAsRendererPage('renderer-imports-db.tsx.txt');
    expect(errors.map((e) => [e.line, e.ruleId])).toEqual([
      [3, '@typescript-eslint/no-restricted-imports'],
      [4, '@typescript-eslint/no-restricted-imports'],
    ]);
    expect(errors[0]!.message).toContain('The renderer never imports db/');
    expect(errors[1]!.message).toContain('never services');
  }, 60_000);

  it('lets a renderer page import core metadata, roles and contract types', async () => {
    expect(await lintAsRendererPage('renderer-imports-meta.tsx.txt')).toEqual([]);
  }, 60_000);
});
