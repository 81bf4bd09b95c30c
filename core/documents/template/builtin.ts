import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configuredTemplatesDir } from './dir';
import { TemplateError } from './syntax';
import { parseTemplate, type Template } from './template';

/**
 * Where the built-in templates are: the folder the shell passed in, else COURT_TEMPLATES_DIR, else templates/
 * beside this source tree (tests, tools).
 */
export function builtinTemplatesDir(): string {
  const configured = configuredTemplatesDir();
  if (configured) return configured;
  if (process.env.COURT_TEMPLATES_DIR) return process.env.COURT_TEMPLATES_DIR;
  return fileURLToPath(new URL('../../../templates', import.meta.url));
}

const builtinCache = new Map<string, Map<string, Template>>();

/** Every built-in template (templates/*.txt), validated; loaded once per process and directory. */
export function builtinTemplates(dir = builtinTemplatesDir(), opts: { reload?: boolean } = {}): Map<string, Template> {
  const hit = builtinCache.get(dir);
  if (hit && !opts.reload) return hit;
  const out = new Map<string, Template>();
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const file = path.join(dir, name);
    const t = parseTemplate(fs.readFileSync(file, 'utf8'), `templates/${name}`);
    if (`${t.id}.txt` !== name) throw new TemplateError(`templates/${name}`, 2, `id（${t.id}）应与文件名（${name}）一致`);
    out.set(t.id, t);
  }
  builtinCache.set(dir, out);
  return out;
}

export function builtinTemplate(id: string, dir?: string): Template {
  const t = builtinTemplates(dir).get(id);
  if (!t) throw new TemplateError(id, null, `没有这个模板。可用的模板：${[...builtinTemplates(dir).keys()].join('、')}`);
  return t;
}
