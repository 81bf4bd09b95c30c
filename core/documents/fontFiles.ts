import fs from 'node:fs';
import path from 'node:path';
import { ApiError, fieldError } from '../api/errors';

/**
 * The court's font files (issue 11 item 4). Fonts live only in `<data>/fonts/`: an admin uploads one
 * (documents.uploadFont) or the server console copies one in (`court font add FILE`). The font settings
 * name files inside that folder and nothing else, so no operation ever reads an arbitrary server path; a
 * name with a separator, `..`, a drive, a device or anything outside is refused at once, before any file
 * system access, with the same message whether such a path exists or not.
 */

/** the largest font file accepted (a full CJK TrueType font is 10–25 MB; a .ttc up to ~35 MB) */
export const FONT_MAX_BYTES = 40 * 1024 * 1024;
export const FONTS_FOLDER = 'fonts';

/** `simfang.ttf`, `FZXBSJW.TTF`, `simsun.ttc#SimSun`: a plain file name with a font extension */
const FONT_NAME = /^[^\\/:*?"<>|\0-\x1f]{1,120}\.(ttf|otf|ttc|otc)(#[A-Za-z0-9._-]{1,80})?$/i;

export const FONT_NAME_REFUSED = '字体须为字体文件夹中的文件名（如 simfang.ttf；.ttc 写作 文件名#字体名），请先上传字体文件；不接受路径';

export function fontsDir(dataDir: string): string {
  if (!dataDir) throw new ApiError('CONFLICT', '内存中的数据库没有字体文件夹');
  return path.join(dataDir, FONTS_FOLDER);
}

/** Splits `file.ttc#Name`; the file part must be a plain name, else null. Pure string work: no file access. */
export function fontFileName(spec: string): { file: string; psName?: string } | null {
  if (!FONT_NAME.test(spec)) return null;
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 ? spec.slice(0, hash) : spec;
  if (file === '.' || file === '..' || file.startsWith('.') || path.basename(file) !== file) return null;
  if (hash > 0 && !/\.(ttc|otc)$/i.test(file)) return null;
  return hash > 0 ? { file, psName: spec.slice(hash + 1) } : { file };
}

/**
 * The absolute spec (`<data>/fonts/<file>[#Name]`) for a font named in the settings, checked to be a regular
 * file (not a link, device or folder) of at most FONT_MAX_BYTES inside the fonts folder.
 */
export function resolveFontSpec(dataDir: string, field: string, label: string, spec: string): string {
  const name = fontFileName(spec);
  if (!name) throw fieldError(field, `${label}：${FONT_NAME_REFUSED}`);
  const dir = fontsDir(dataDir);
  const file = path.join(dir, name.file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (!stat || !stat.isFile()) throw fieldError(field, `${label}：字体文件夹中没有此字体文件：${name.file}，请先上传`);
  if (stat.size > FONT_MAX_BYTES) throw fieldError(field, `${label}：字体文件超过 40 MB`);
  return name.psName ? `${file}#${name.psName}` : file;
}

/** The name shown for a stored spec: the part inside the fonts folder. */
export function fontSpecName(dataDir: string, spec: string | undefined): string | null {
  if (!spec) return null;
  if (dataDir) {
    const dir = fontsDir(dataDir) + path.sep;
    if (spec.startsWith(dir)) return spec.slice(dir.length);
  }
  return spec;
}

/** TrueType (00 01 00 00, 'true'), OpenType CFF ('OTTO'), collections ('ttcf'). */
export function hasFontMagic(bytes: Buffer): boolean {
  if (bytes.length < 12) return false;
  const tag = bytes.subarray(0, 4);
  return tag.equals(Buffer.from([0, 1, 0, 0])) || ['true', 'OTTO', 'ttcf'].includes(tag.toString('latin1'));
}

/**
 * Stores a font file's bytes in the fonts folder (0600, written to a temporary name and renamed, so a
 * half-written file is never used). Refuses a bad name, an empty or oversized file and one that is not a font.
 */
export function storeFontFile(dataDir: string, fileName: string, bytes: Buffer): string {
  const name = fontFileName(fileName.normalize('NFC'));
  if (!name || name.psName) throw fieldError('fileName', `文件名：${FONT_NAME_REFUSED}`);
  if (bytes.length === 0) throw fieldError('content', '字体文件为空');
  if (bytes.length > FONT_MAX_BYTES) throw fieldError('content', '字体文件超过 40 MB');
  if (!hasFontMagic(bytes)) throw fieldError('content', '不是 TrueType/OpenType 字体文件（.ttf、.otf、.ttc）');
  const dir = fontsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, name.file);
  const tmp = path.join(dir, `.${name.file}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, target);
  return name.file;
}

/** Copies a font file from the server console (`court font add FILE`): a regular file only, size-checked. */
export function copyFontFile(dataDir: string, source: string): string {
  const stat = fs.statSync(source);
  if (!stat.isFile()) throw new Error(`不是普通文件：${source}`);
  if (stat.size > FONT_MAX_BYTES) throw new Error(`字体文件超过 40 MB：${source}`);
  return storeFontFile(dataDir, path.basename(source), fs.readFileSync(source));
}

/** The font files in the fonts folder (names and sizes). */
export function listFontFiles(dataDir: string): { name: string; bytes: number }[] {
  if (!dataDir) return [];
  const dir = path.join(dataDir, FONTS_FOLDER);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && fontFileName(e.name))
    .map((e) => ({ name: e.name, bytes: fs.statSync(path.join(dir, e.name)).size }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
