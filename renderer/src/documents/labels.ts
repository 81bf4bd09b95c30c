/** Words for documents and templates, shared by the pages (pure functions, unit-tested). */

/** "court.3" → 本院第 3 版; "1" → 内置第 1 版 */
export function versionText(version: string): string {
  const m = /^court\.(\d+)$/.exec(version);
  if (m) return `本院第 ${m[1]} 版`;
  if (version === 'court.draft') return '修改稿';
  return /^\d+$/.test(version) ? `内置第 ${version} 版` : version;
}

export const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', docx: 'DOCX' };

/** 未打印 / 已打印 / 已打印 3 次 */
export function printedText(printCount: number): string {
  if (printCount <= 0) return '未打印';
  return printCount === 1 ? '已打印' : `已打印 ${printCount} 次`;
}

/** A byte count as people read it: 812 B, 64.2 KB, 3.1 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A document's heading in the preview dialogs: 民事裁定书 · （2026）浙0522民特12号 */
export function documentHeading(doc: { title: string; caseNumber: string | null }): string {
  return `${doc.title}${doc.caseNumber ? ` · ${doc.caseNumber}` : ''}`;
}
