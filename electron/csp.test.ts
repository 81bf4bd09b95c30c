import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CONTENT_SECURITY_POLICY as HOST_POLICY } from '../server/app';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, withContentSecurityPolicy } from './csp';

describe('content security policy', () => {
  it('is the host policy (one policy for both shells)', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(HOST_POLICY);
    expect(contentSecurityPolicy()).toBe(HOST_POLICY);
  });

  it('allows no inline script and no remote origin outside development', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/https?:|ws:|\*|unsafe-eval/);
  });

  it('in development adds only what the Vite dev server needs', () => {
    const dev = contentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("default-src 'self'");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('replaces a policy the response brought, whatever its header case', () => {
    expect(
      withContentSecurityPolicy({ 'Content-Security-Policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': ['x'], etag: ['1'] }, 'p'),
    ).toEqual({
      etag: ['1'],
      'Content-Security-Policy': ['p'],
    });
    expect(withContentSecurityPolicy(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});
