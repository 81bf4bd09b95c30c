import { CONTENT_SECURITY_POLICY } from '../core/security/csp';

export { CONTENT_SECURITY_POLICY };

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
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [policy];
  return out;
}
