/**
 * The host's policy (server/app.ts CONTENT_SECURITY_POLICY), copied: importing server/app.ts here would
 * make the bundled main process load fastify and @fastify/static at start-up (they are external
 * side-effect imports that the bundler cannot drop). electron/csp.test.ts fails if the two differ.
 * TODO: import it from core/ once the constant moves there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd (cssinjs) injects <style> elements at run time
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'self' blob:",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Content-Security-Policy of the desktop window: the host's policy (one policy for both shells),
 * relaxed only while developing against the Vite dev server, which needs
 * - an inline module script (the React Fast Refresh preamble that @vitejs/plugin-react injects), and
 * - a WebSocket back to the dev server for hot reload.
 * A packaged app, or one loading the built files, gets exactly the host's policy.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  if (!devServerUrl) return CONTENT_SECURITY_POLICY;
  const dev = new URL(devServerUrl);
  const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return CONTENT_SECURITY_POLICY.split(';')
    .map((d) => d.trim())
    .map((d) => {
      if (d.startsWith('script-src ')) return `${d} 'unsafe-inline'`;
      if (d.startsWith('connect-src ')) return `${d} ${ws}`;
      return d;
    })
    .join('; ');
}

/** Response headers with our policy in place of any the response brought (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
