import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on first use instead of at start. exceljs, fontkit, yaml, qrcode and pinyin-pro took
 * 0.2–1.1 s each to load on a busy 2-core machine, and every command and host start paid for them although
 * most never use them (issue 9: `court --help` and the host start in < 0.5 s). Use for a package only some
 * calls need: `const qrcode = lazyModule<typeof import('qrcode')>('qrcode'); … qrcode().create(…)`.
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
