import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { isTrustedUrl, rendererLocation } from './trust';

describe('rendererLocation', () => {
  const indexHtml = '/opt/诉服台/resources/app.asar/out/renderer/index.html';

  it('uses the built page when packaged, whatever ELECTRON_RENDERER_URL says', () => {
    const loc = rendererLocation({ packaged: true, devServerUrl: 'https://evil.example/', indexHtml });
    expect(loc).toEqual({
      kind: 'file',
      file: indexHtml,
      url: 'file:///opt/%E8%AF%89%E6%9C%8D%E5%8F%B0/resources/app.asar/out/renderer/index.html',
    });
  });

  it('uses the dev server when unpackaged and one is running', () => {
    expect(rendererLocation({ packaged: false, devServerUrl: 'http://localhost:5173', indexHtml })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    });
  });

  it('falls back to the built page when unpackaged without a dev server', () => {
    expect(rendererLocation({ packaged: false, devServerUrl: undefined, indexHtml }).kind).toBe('file');
    expect(rendererLocation({ packaged: false, devServerUrl: '', indexHtml }).kind).toBe('file');
  });

  it('refuses a dev server URL that is not http(s)', () => {
    expect(() => rendererLocation({ packaged: false, devServerUrl: 'file:///tmp/x.html', indexHtml })).toThrow(/http/);
  });
});

describe('isTrustedUrl', () => {
  const page = 'file:///opt/court/out/renderer/index.html';

  it('matches the same file, ignoring query and hash', () => {
    expect(isTrustedUrl(page, page)).toBe(true);
    expect(isTrustedUrl(`${page}#/cases?id=3`, page)).toBe(true);
    expect(isTrustedUrl('file:///opt/court/out/renderer/./sub/../index.html', page)).toBe(true);
  });

  it('refuses other files, hosts and schemes', () => {
    expect(isTrustedUrl('file:///opt/court/out/renderer/index.htm', page)).toBe(false);
    expect(isTrustedUrl('file://server/opt/court/out/renderer/index.html', page)).toBe(false);
    expect(isTrustedUrl('file:///opt/court/out/renderer/index.html%2F..%2Fx', page)).toBe(false);
    expect(isTrustedUrl('http://opt/court/out/renderer/index.html', page)).toBe(false);
    expect(isTrustedUrl('', page)).toBe(false);
  });

  it('compares Windows paths without regard to case', () => {
    const win = 'file:///C:/Program%20Files/court/resources/app.asar/out/renderer/index.html';
    expect(isTrustedUrl('file:///c:/program%20files/Court/resources/app.asar/out/renderer/index.html', win, 'win32')).toBe(true);
    expect(isTrustedUrl('file:///c:/program%20files/Court/resources/app.asar/out/renderer/index.html', win, 'linux')).toBe(false);
  });

  it('matches a dev server by origin', () => {
    expect(isTrustedUrl('http://localhost:5173/any/path', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedUrl('http://localhost:5173.evil.example/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedUrl('http://user@localhost:5173/', 'http://localhost:5173/')).toBe(true);
  });

  it('trusts nothing when the trusted URL is not file or http(s)', () => {
    expect(isTrustedUrl('data:text/html,x', 'data:text/html,x')).toBe(false);
    expect(isTrustedUrl('about:blank', 'about:blank')).toBe(false);
  });
});
