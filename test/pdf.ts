import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/** Is poppler-utils' pdftotext installed (tests reading a PDF's text are skipped without it)? */
export const PDFTOTEXT = !spawnSync('pdftotext', ['-v']).error;

/** The text of a PDF (bytes or base64) as pdftotext reads it. */
export function pdfText(pdf: Uint8Array | string): string {
  const input = typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : pdf;
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** Asserts that the parts occur in this order in the text (whitespace ignored). */
export function expectInOrder(text: string, parts: string[]): void {
  const flat = text.replace(/\s+/g, '');
  let at = 0;
  for (const p of parts) {
    const want = p.replace(/\s+/g, '');
    const i = flat.indexOf(want, at);
    expect(i, `“${p}” should follow position ${at} in: ${flat.slice(at, at + 120)}…`).toBeGreaterThanOrEqual(0);
    at = i + want.length;
  }
}
