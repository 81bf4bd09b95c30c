/**
 * Bytes at the edge: the API carries documents as base64 (one JSON contract for IPC and HTTP); the page shows
 * and prints them as blob: URLs (the CSP allows frame-src / object-src blob:), and saves DOCX files by name.
 */

export const PDF_MIME = 'application/pdf';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64ToBlob(base64: string, type: string): Blob {
  return new Blob([base64ToBytes(base64)], { type });
}

/** Characters Windows and macOS refuse in a file name, and control characters, become "_". */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.replace(/^\.+/, '') || '文书';
}

/** `<案号>-<title>.<ext>`, or the title alone for a document without a case. */
export function documentFileName(caseNumber: string | null | undefined, title: string, ext: 'pdf' | 'docx'): string {
  return `${safeFileName(caseNumber ? `${caseNumber}-${title}` : title)}.${ext}`;
}

/** Saves bytes as a download named `fileName` (the browser's and Electron's download both honour it). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has taken the bytes once the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
