import { describe, expect, it } from 'vitest';
import { choosePrintRoute, parsePrintSettings, shellAnswerError, type PrintBridge } from './print';
import { documentFileName, safeFileName } from './pdf';

const shell: PrintBridge = { print: async () => ({ printed: true }), printers: async () => [] };
const PRINTERS = [{ name: 'HP-LaserJet-Counter-1', displayName: '窗口 1 激光打印机' }, { name: 'Brother-Batch' }];

describe('which way a print goes', () => {
  it('prints through the browser when there is no desktop shell (host mode)', () => {
    expect(choosePrintRoute(undefined, { mode: 'dialog', printer: null })).toEqual({ kind: 'browser' });
    expect(choosePrintRoute(null, { mode: 'silent', printer: 'Brother-Batch' }, PRINTERS)).toEqual({ kind: 'browser' });
  });

  it('prints through the browser when the shell has no print function (an older desktop build)', () => {
    expect(choosePrintRoute({}, { mode: 'silent', printer: 'Brother-Batch' })).toEqual({ kind: 'browser' });
  });

  it('uses the system dialog by default in the desktop app', () => {
    expect(choosePrintRoute(shell, { mode: 'dialog', printer: 'Brother-Batch' }, PRINTERS)).toEqual({ kind: 'shell-dialog' });
  });

  it('prints silently to the chosen printer when the workstation says so and the printer exists', () => {
    expect(choosePrintRoute(shell, { mode: 'silent', printer: 'Brother-Batch' }, PRINTERS)).toEqual({
      kind: 'shell-silent',
      deviceName: 'Brother-Batch',
    });
    // the list could not be read: trust the choice
    expect(choosePrintRoute(shell, { mode: 'silent', printer: 'Brother-Batch' }, null)).toEqual({
      kind: 'shell-silent',
      deviceName: 'Brother-Batch',
    });
  });

  it('falls back to the dialog, saying why, when the silent printer is missing or gone', () => {
    const none = choosePrintRoute(shell, { mode: 'silent', printer: null }, PRINTERS);
    expect(none.kind).toBe('shell-dialog');
    expect(none.kind === 'shell-dialog' && none.warning).toContain('未选择');
    const gone = choosePrintRoute(shell, { mode: 'silent', printer: 'Old-Printer' }, PRINTERS);
    expect(gone.kind).toBe('shell-dialog');
    expect(gone.kind === 'shell-dialog' && gone.warning).toContain('Old-Printer');
  });
});

describe('stored print settings', () => {
  it('reads what was stored and ignores what cannot be read', () => {
    expect(parsePrintSettings(JSON.stringify({ mode: 'silent', printer: 'Brother-Batch' }))).toEqual({
      mode: 'silent',
      printer: 'Brother-Batch',
    });
    expect(parsePrintSettings(null)).toEqual({ mode: 'dialog', printer: null });
    expect(parsePrintSettings('{not json')).toEqual({ mode: 'dialog', printer: null });
    expect(parsePrintSettings(JSON.stringify({ mode: 'loud', printer: '  ' }))).toEqual({ mode: 'dialog', printer: null });
  });

  it('reads a shell answer as printed, cancelled (no error) or failed', () => {
    expect(shellAnswerError({ printed: true })).toBeNull();
    expect(shellAnswerError({ printed: false })).toBeNull();
    expect(shellAnswerError({ printed: false, error: '打印机脱机' })).toBe('打印机脱机');
    expect(shellAnswerError(undefined)).toContain('没有回应');
  });
});

describe('file names', () => {
  it('names a DOCX after the case number and title, without characters a file system refuses', () => {
    expect(documentFileName('（2026）浙0522民特1号', '民事裁定书（确认调解协议有效）', 'docx')).toBe(
      '（2026）浙0522民特1号-民事裁定书（确认调解协议有效）.docx',
    );
    expect(documentFileName(null, '通知书', 'pdf')).toBe('通知书.pdf');
    expect(safeFileName('a/b:c*?"<>|d')).toBe('a_b_c_d');
    expect(safeFileName('...')).toBe('文书');
  });
});

describe('document words', () => {
  it('names versions and printed state', async () => {
    const { versionText, printedText, formatBytes } = await import('./labels');
    expect(versionText('court.3')).toBe('本院第 3 版');
    expect(versionText('1')).toBe('内置第 1 版');
    expect(printedText(0)).toBe('未打印');
    expect(printedText(1)).toBe('已打印');
    expect(printedText(3)).toBe('已打印 3 次');
    expect(formatBytes(65740)).toBe('64.2 KB');
  });
});
