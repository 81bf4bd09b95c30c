// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the native tsc needs the local fontkit declaration named here
/// <reference path="./fontkit.d.ts" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as fontkit from 'fontkit';
import { lazyModule } from '../lazyModule';

/** fontkit loads when a font is first parsed (core/lazyModule.ts) */
const fontkitModule = lazyModule<typeof fontkit>('fontkit');

/**
 * Fonts for the PDF renderer. PDFs must look the same on every machine, so the font is embedded (pdfkit
 * subsets it to the glyphs used). The default is Noto Serif SC from the npm package
 * `@expo-google-fonts/noto-serif-sc` (SIL OFL 1.1: may be bundled and redistributed with the app; static
 * TrueType outlines, which pdfkit subsets correctly, unlike CFF/OTF CJK fonts). No free Simplified-Chinese
 * FangSong exists, so a court that holds licences for 仿宋_GB2312 and 方正小标宋简体 points `FontConfig` at its
 * own files.
 *
 * Fonts are read and parsed once per process and the fontkit objects are handed to every pdfkit document
 * (pdfkit accepts a font object as well as a buffer; with a buffer it re-parses a 15 MB file per document).
 * The parsed fonts map code points to glyphs through the cmap only: Chinese body text needs no shaping, and
 * fontkit's OpenType shaping of a line of CJK costs about a millisecond, which would dominate the rendering.
 */

export interface FontConfig {
  /** body text: the court's 仿宋_GB2312 (a .ttf, or "file.ttc#PostScriptName") */
  body?: string;
  /** bold runs; without it a custom body font is emboldened by stroking */
  bodyBold?: string;
  /** titles: the court's 方正小标宋简体 */
  title?: string;
  /** fonts tried, in order, for characters the body font lacks (e.g. rare characters of CJK Extension B) */
  fallback?: string[];
}

export interface Face {
  /** name under which the renderers register it */
  key: string;
  file: string;
  postscriptName: string;
  font: fontkit.Font;
  /** emboldened by the renderer (fill and stroke), because no bold file was given */
  syntheticBold: boolean;
  /** ascent and descent in em */
  ascent: number;
  descent: number;
  has(codePoint: number): boolean;
  /** advance width of a code point in em */
  advance(codePoint: number): number;
}

export interface FontSet {
  body: Face;
  bodyBold: Face;
  title: Face;
  fallback: Face[];
}

const require = createRequire(import.meta.url);

/** The TrueType files of Noto Serif SC shipped with the app (npm: @expo-google-fonts/noto-serif-sc, OFL-1.1). */
export function shippedFontFiles(): { regular: string; bold: string; black: string; licence: string } {
  const dir = path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  return {
    regular: path.join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: path.join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf'),
    black: path.join(dir, '900Black', 'NotoSerifSC_900Black.ttf'),
    licence: path.join(dir, 'LICENSE_FONT'),
  };
}

export class FontError extends Error {}

interface Parsed {
  font: fontkit.Font;
  file: string;
}

/** One parse per file (and PostScript name) per process. */
const parsed = new Map<string, Parsed>();
let parseMs = 0;

/** Time spent reading and parsing font files in this process (for the benchmark). */
export function fontParseMs(): number {
  return parseMs;
}

function splitSpec(spec: string): { file: string; psName: string | undefined } {
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && /\.(ttc|otc)$/i.test(spec.slice(0, hash))) return { file: spec.slice(0, hash), psName: spec.slice(hash + 1) };
  return { file: spec, psName: undefined };
}

function parseFont(spec: string): Parsed {
  const cached = parsed.get(spec);
  if (cached) return cached;
  const t0 = performance.now();
  const { file, psName } = splitSpec(spec);
  let bytes: Buffer;
  try {
    // never a device, pipe or folder, and never more than the upload limit (issue 11 item 4: /dev/zero froze the host)
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 40 * 1024 * 1024)
      throw Object.assign(new Error('not a regular font file'), { code: '非普通文件或超过 40 MB' });
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new FontError(`无法读取字体文件：${file}（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
  }
  let result: fontkit.Font | fontkit.FontCollection;
  try {
    result = fontkitModule().create(bytes, psName);
  } catch (err) {
    throw new FontError(`不是可用的字体文件：${file}（${err instanceof Error ? err.message : String(err)}）`);
  }
  if ('fonts' in result && !('unitsPerEm' in result)) {
    const names = result.fonts.map((f) => f.postscriptName).join('、');
    throw new FontError(`字体集（.ttc）需写明字体名：${file}#字体名（可用：${names}）`);
  }
  const font = result as fontkit.Font;
  const tables = (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
  if (tables['CFF '] || tables.CFF2) {
    throw new FontError(`字体为 CFF 轮廓（OpenType/.otf）：${file}。PDF 嵌入此类中文字体可能丢字，请改用 TrueType（.ttf）字体`);
  }
  useCmapLayout(font);
  const p = { font, file };
  parsed.set(spec, p);
  parseMs += performance.now() - t0;
  return p;
}

/**
 * Replaces fontkit's OpenType shaping with a one-to-one cmap mapping on this (process-private) font object.
 * pdfkit calls `font.layout(text)` for every string it writes and scales the positions it gets back in place,
 * so fresh position objects are returned each time.
 */
function useCmapLayout(font: fontkit.Font): void {
  const layout = (text: string) => {
    const glyphs: fontkit.Glyph[] = [];
    const positions: fontkit.GlyphPosition[] = [];
    for (const ch of text) {
      const g = font.glyphForCodePoint(ch.codePointAt(0)!);
      glyphs.push(g);
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return {
      glyphs,
      positions,
      get advanceWidth() {
        let w = 0;
        for (const p of positions) w += p.xAdvance;
        return w;
      },
    };
  };
  (font as { layout: unknown }).layout = layout;

  // pdfkit subsets the font for every document, and fontkit's subsetter decodes each glyph's outline header
  // again every time (to find the parts of composite glyphs). Glyph objects are cached per font, so the
  // decoded header is kept on them: the parse is paid once per glyph per process. Read-only for the subsetter.
  type GlyphInternals = { _decode?: () => unknown; __decodeMemo?: boolean };
  const f = font as unknown as { getGlyph: (id: number, cps?: number[]) => GlyphInternals };
  const getGlyph = f.getGlyph.bind(font);
  f.getGlyph = (id, cps) => {
    const g = getGlyph(id, cps);
    if (g && !g.__decodeMemo && typeof g._decode === 'function') {
      const decode = g._decode.bind(g);
      let done = false;
      let value: unknown;
      g._decode = () => {
        if (!done) {
          value = decode();
          done = true;
        }
        return value;
      };
      g.__decodeMemo = true;
    }
    return g;
  };
}

function makeFace(key: string, spec: string, syntheticBold: boolean): Face {
  const { font, file } = parseFont(spec);
  const em = font.unitsPerEm;
  const advances = new Map<number, number>();
  const present = new Map<number, boolean>();
  return {
    key,
    file,
    postscriptName: font.postscriptName,
    font,
    syntheticBold,
    ascent: font.ascent / em,
    descent: font.descent / em,
    has(cp) {
      let v = present.get(cp);
      if (v === undefined) {
        v = font.hasGlyphForCodePoint(cp);
        present.set(cp, v);
      }
      return v;
    },
    advance(cp) {
      let v = advances.get(cp);
      if (v === undefined) {
        v = font.glyphForCodePoint(cp).advanceWidth / em;
        advances.set(cp, v);
      }
      return v;
    },
  };
}

const sets = new Map<string, FontSet>();

/**
 * The fonts for a configuration, loaded once per process. Faces are parsed lazily, on first use: a document
 * without bold text never reads the bold file.
 */
export function loadFonts(config: FontConfig = {}): FontSet {
  const key = JSON.stringify([config.body ?? '', config.bodyBold ?? '', config.title ?? '', config.fallback ?? []]);
  const hit = sets.get(key);
  if (hit) return hit;
  const shipped = shippedFontFiles();
  const bodySpec = config.body ?? shipped.regular;
  // A court's own body font (仿宋_GB2312 has no bold) is emboldened by stroking unless a bold file is given.
  const boldSpec = config.bodyBold ?? (config.body ? config.body : shipped.bold);
  const boldSynthetic = !config.bodyBold && Boolean(config.body);
  const titleSpec = config.title ?? shipped.bold;
  const lazy = (k: string, spec: string, synthetic: boolean) => {
    let face: Face | undefined;
    return () => (face ??= makeFace(k, spec, synthetic));
  };
  const body = lazy('body', bodySpec, false);
  const bold = lazy('bodyBold', boldSpec, boldSynthetic);
  const title = lazy('title', titleSpec, false);
  const fallbacks = (config.fallback ?? []).map((spec, i) => lazy(`fallback${i}`, spec, false));
  const set = {
    get body() {
      return body();
    },
    get bodyBold() {
      return bold();
    },
    get title() {
      return title();
    },
    get fallback() {
      return fallbacks.map((f) => f());
    },
  } satisfies FontSet;
  sets.set(key, set);
  return set;
}

/** Checks a configuration by loading every face now: a wrong path is reported when the setting is saved. */
export function checkFontConfig(config: FontConfig): string[] {
  const problems: string[] = [];
  for (const spec of [config.body, config.bodyBold, config.title, ...(config.fallback ?? [])]) {
    if (!spec) continue;
    try {
      parseFont(spec);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  return problems;
}
