import type { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../core/api/errors';
import { caseView, findCaseId } from '../core/cases/service';
import type { Core } from '../core/context';
import { readSetting } from '../core/court/settings';
import type { FontConfig, Template } from '../core/documents';
import { normaliseCaseNumber } from '../core/numbering/caseNumber';
import { dateShanghai } from '../core/time/clock';

/**
 * `court template list|check` and `court render`: the documents engine from the command line (the admin
 * preview and the register use the same core functions). The engine (pdfkit, docx, fonts) is loaded only by
 * these commands: importing it costs every other command a second or more.
 */

const engine = () => import('../core/documents');

export interface CliHelpers {
  fail(message: string): never;
  dataDirOf(opts: { data?: string }): string;
  openExisting(dataDir: string): Core;
  closeCore(core: Core): void;
  print(value: unknown): void;
  dataOption(): Option;
}

function fontConfig(o: { fontBody?: string; fontBold?: string; fontTitle?: string }): FontConfig {
  return {
    ...(o.fontBody ? { body: path.resolve(o.fontBody) } : {}),
    ...(o.fontBold ? { bodyBold: path.resolve(o.fontBold) } : {}),
    ...(o.fontTitle ? { title: path.resolve(o.fontTitle) } : {}),
  };
}

export function addDocumentCommands(program: Command, h: CliHelpers): void {
  const template = program.command('template').description('文书模板');
  template
    .command('list')
    .description('列出文书模板（id、名称、版本）；给出 --data 时含本院修改的版本')
    .option('--data <dir>', '数据目录（含本院修改的模板版本）')
    .option('--json', '输出 JSON')
    .action(async (o) => {
      const { listTemplates } = await engine();
      let core: Core | undefined;
      try {
        if (o.data) core = h.openExisting(h.dataDirOf(o));
        const list = listTemplates(core?.db);
        if (o.json) h.print(list.map((t) => ({ id: t.id, title: t.title, version: t.version, origin: t.origin })));
        else
          h.print(
            list.map((t) => `${t.id.padEnd(24)} ${t.version.padEnd(9)} ${t.title}${t.origin === 'court' ? '（本院版本）' : ''}\n`).join(''),
          );
      } finally {
        if (core) h.closeCore(core);
      }
    });
  template
    .command('check')
    .description('检查一个模板文件（信息、标记、占位符、样例数据）；有误时指出行号')
    .argument('<file>', '模板文件，如 templates/notice.txt')
    .action(async (file: string) => {
      const { parseTemplate, TemplateError } = await engine();
      let t: Template;
      try {
        t = parseTemplate(fs.readFileSync(file, 'utf8'), file);
      } catch (err) {
        if (err instanceof TemplateError) h.fail(err.message);
        throw err;
      }
      h.print({ ok: true, id: t.id, title: t.title, version: t.version, sha256: t.hash });
    });

  program
    .command('render')
    .description('按模板生成文书（PDF 或 DOCX）：数据来自 JSON 文件、模板自带的样例数据，或案件')
    .requiredOption('--template <id>', '模板 id（court template list）')
    .option('--input <file>', 'JSON 数据文件')
    .option('--sample', '使用模板自带的样例数据')
    .option('--case <案号>', '由案件生成数据（案件中须有模板所需的全部内容，如收案回执）；须给出 --data')
    .option('--data <dir>', '数据目录：案件所在，并使用本院修改的模板版本')
    .requiredOption('--format <pdf|docx>', '输出格式：pdf 或 docx')
    .requiredOption('--out <file>', '输出文件')
    .option('--font-body <file>', '正文字体文件（如本院的仿宋_GB2312 .ttf；.ttc 写作 文件#字体名）')
    .option('--font-bold <file>', '正文加粗字体文件')
    .option('--font-title <file>', '标题字体文件（如方正小标宋简体 .ttf）')
    .option('--clerk <name>', '收案回执的经办人（默认：立案的经办人）')
    .action(async (o, cmd: Command) => {
      const sources = [o.input, o.sample, o.case].filter(Boolean).length;
      if (sources !== 1) cmd.error('错误：请用 --input、--sample 或 --case 中的一个指定数据', { exitCode: 2, code: 'court.usage' });
      if (o.format !== 'pdf' && o.format !== 'docx')
        cmd.error(`错误：--format 应为 pdf 或 docx：${o.format}`, { exitCode: 2, code: 'court.usage' });
      if (o.case && !o.data) cmd.error('错误：--case 须同时给出 --data（案件所在的数据目录）', { exitCode: 2, code: 'court.usage' });
      const { builtinTemplate, currentTemplate, draftData, FontError, renderTemplate, TemplateError, unknownDataFields } = await engine();
      let core: Core | undefined;
      try {
        if (o.data) core = h.openExisting(h.dataDirOf(o));
        const t = core ? currentTemplate(core.db, o.template) : builtinTemplate(o.template);
        let data: Record<string, unknown>;
        if (o.sample) data = t.sample;
        else if (o.input) {
          let text: string;
          try {
            text = fs.readFileSync(o.input, 'utf8');
          } catch {
            h.fail(`无法读取数据文件：${o.input}`);
          }
          try {
            data = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
          } catch (err) {
            h.fail(`数据文件不是有效的 JSON：${o.input}（${err instanceof Error ? err.message : String(err)}）`);
          }
          if (!data || typeof data !== 'object' || Array.isArray(data)) h.fail(`数据文件应为 JSON 对象：${o.input}`);
          const extra = unknownDataFields(t, data);
          if (extra.length) process.stderr.write(`提示：数据中有模板 ${t.id} 不使用的字段：${extra.join('、')}\n`);
        } else {
          const number = normaliseCaseNumber(o.case) ?? String(o.case).trim();
          let id: number;
          try {
            id = findCaseId(core!.db, { number });
          } catch (err) {
            if (err instanceof ApiError && err.code === 'NOT_FOUND') h.fail(`案件不存在：${number}`);
            throw err;
          }
          const refused = (why: string) => h.fail(`${why}。模板“${t.title}”仅凭案件无法生成，请用 --input 提供数据，或用 --sample 预览。`);
          // a signed 司法确认 ruling: its registered text, frozen at signing (not what the record would give today)
          const signed = (await import('../core/confirmation')).signedRulingData(core!.db, id, t.id);
          if (signed)
            process.stderr.write(`提示：按已签发的裁定书生成（文书编号 ${signed.documentId}，${signed.signedAt.slice(0, 10)} 签发）\n`);
          let draft;
          if (signed) draft = { complete: true, missing: [], data: signed.data };
          else
            try {
              draft = draftData(t, {
                db: core!.db,
                caseView: caseView(core!.db, id, true),
                courtName: readSetting(core!.db, 'court.name') ?? '人民法院',
                issuedOn: dateShanghai(core!.clock.now()),
                actorName: '命令行',
              });
            } catch (err) {
              if (err instanceof ApiError) refused(err.message);
              throw err;
            }
          if (!draft.complete)
            refused(`案件中没有这些内容：${draft.missing.join('、')}（如司法确认的调解协议、审判员，由司法确认登记提供）`);
          data = draft.data;
          if (o.clerk && t.id === 'case-receipt') data.clerk = o.clerk;
        }
        // the court's font setting (documents.fonts), unless fonts are given on the command line
        const fonts = { ...(core ? readSetting(core.db, 'documents.fonts') : undefined), ...fontConfig(o) };
        const doc = await renderTemplate(t, data, o.format, { fonts });
        fs.writeFileSync(o.out, doc.bytes);
        if (doc.missingGlyphs.length)
          process.stderr.write(
            `注意：字体中没有这些字，文书中显示为空框：${doc.missingGlyphs.join(' ')}（可用 --font-body 指定含这些字的字体）\n`,
          );
        h.print({
          ok: true,
          out: path.resolve(o.out),
          template: doc.meta.templateId,
          version: doc.meta.templateVersion,
          format: doc.format,
          pages: doc.pages,
          bytes: doc.bytes.length,
          sha256: doc.sha256,
          missingGlyphs: doc.missingGlyphs,
        });
      } catch (err) {
        if (err instanceof TemplateError || err instanceof FontError) h.fail(err.message);
        if (err instanceof ApiError) h.fail(err.field ? `${err.message}（字段：${err.field}）` : err.message);
        throw err;
      } finally {
        if (core) h.closeCore(core);
      }
    });
}
