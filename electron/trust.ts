import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the app's own page comes from, and the one test of "is this our page?" used by the IPC sender
 * check and the navigation guard.
 *
 * - packaged, or unpackaged without a dev server: the built renderer, file://…/out/renderer/index.html;
 * - development (`electron-vite dev`): the Vite dev server, ELECTRON_RENDERER_URL.
 * A packaged app ignores ELECTRON_RENDERER_URL: otherwise anyone able to set an environment variable
 * could point the window, and with it the API bridge, at a page of their choosing.
 */
export type RendererLocation = { kind: 'file'; file: string; url: string } | { kind: 'url'; url: string };

export function rendererLocation(opts: { packaged: boolean; devServerUrl?: string | undefined; indexHtml: string }): RendererLocation {
  if (!opts.packaged && opts.devServerUrl) {
    const url = new URL(opts.devServerUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`ELECTRON_RENDERER_URL must be an http(s) URL, got ${opts.devServerUrl}`);
    }
    return { kind: 'url', url: url.href };
  }
  return { kind: 'file', file: opts.indexHtml, url: pathToFileURL(opts.indexHtml).href };
}

function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const na = p.normalize(a);
  const nb = p.normalize(b);
  // Windows paths are case-insensitive, and Chromium and Node may spell the drive letter differently.
  return platform === 'win32' ? na.toLowerCase() === nb.toLowerCase() : na === nb;
}

/**
 * True when `candidate` is the app's page:
 * - trusted file:// page → the same file (query and #hash ignored: the router lives in the hash);
 * - trusted http(s) dev server → the same origin (any path: the dev server serves the single-page app).
 * Anything unparsable, another scheme, another file or another origin is not trusted.
 */
export function isTrustedUrl(candidate: string, trusted: string, platform: NodeJS.Platform = process.platform): boolean {
  let c: URL;
  let t: URL;
  try {
    c = new URL(candidate);
    t = new URL(trusted);
  } catch {
    return false;
  }
  if (t.protocol === 'file:') {
    if (c.protocol !== 'file:' || c.host !== t.host) return false;
    try {
      return samePath(fileURLToPath(c, { windows: platform === 'win32' }), fileURLToPath(t, { windows: platform === 'win32' }), platform);
    } catch {
      return false;
    }
  }
  if (t.protocol === 'http:' || t.protocol === 'https:') return c.origin === t.origin;
  return false;
}
