import type { Command } from 'commander';
import path from 'node:path';
import { checkFontConfig } from '../core/documents/fonts';
import { copyFontFile, fontsDir, listFontFiles } from '../core/documents/fontFiles';
import type { CliHelpers } from './documents';

/**
 * `court font add FILE` / `court font list`: the server console copies a licensed font into `<data>/fonts/`
 * (issue 11 item 4); 本院设置 → 文书字体 then names it. The same checks as an upload: a regular file of at
 * most 40 MB with a font's magic bytes, parsed once.
 */
export function addFontCommands(program: Command, h: CliHelpers): void {
  const font = program.command('font').description('文书字体文件（数据目录的字体文件夹）');
  font
    .command('add')
    .description('把字体文件复制到字体文件夹（TrueType/OpenType，至多 40 MB），之后在“本院设置 → 文书字体”中选用')
    .addOption(h.dataOption())
    .argument('<file>', '字体文件')
    .action((file: string, o) => {
      const dataDir = h.dataDirOf(o);
      let name: string;
      try {
        name = copyFontFile(dataDir, path.resolve(file));
      } catch (err) {
        h.fail(err instanceof Error ? err.message : String(err));
      }
      const problems = checkFontConfig({ body: path.join(fontsDir(dataDir), name) }).filter((p) => !p.startsWith('字体集'));
      if (problems.length) h.fail(`已复制但不可用：${problems[0]}`);
      h.print({ name, folder: fontsDir(dataDir) });
    });
  font
    .command('list')
    .description('列出字体文件夹中的字体文件')
    .addOption(h.dataOption())
    .action((o) => h.print(listFontFiles(h.dataDirOf(o))));
}
