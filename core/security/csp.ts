/**
 * The Content-Security-Policy of the UI, one policy for both shells: the host sends it with every
 * response (server/app.ts), the desktop window sets it on every response it loads (electron/csp.ts).
 * Same origin only, no inline scripts, no remote content.
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
