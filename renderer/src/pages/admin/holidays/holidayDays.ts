/**
 * The days of a holiday as the admin types them from the State Council notice: dates separated by spaces,
 * commas or 、, and ranges written 「2027-02-05至2027-02-11」 or 「2027-02-05~2027-02-11」 (both ends included),
 * the way the notice says 「2月5日至11日放假调休，共7天」.
 */
export type DaysParse = { days: string[]; error: null } | { days: null; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function parseDays(text: string): DaysParse {
  const out: string[] = [];
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const range = part.split(/至|~|～/);
    if (range.length > 2) return { days: null, error: `无法识别「${part}」` };
    const [from, to = from] = range.map((r) => r.trim()) as [string, string?];
    if (!validDate(from) || !validDate(to)) return { days: null, error: `「${part}」不是 YYYY-MM-DD 格式的日期` };
    if (to < from) return { days: null, error: `「${part}」的结束日早于开始日` };
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
    if (span > 31) return { days: null, error: `「${part}」超过一个月` };
    for (let i = 0; i <= span; i++) out.push(new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10));
  }
  return { days: [...new Set(out)].sort(), error: null };
}

/** The days back as text, consecutive days joined into ranges: the form shows what was entered, compactly. */
export function formatDays(days: readonly string[]): string {
  const sorted = [...new Set(days)].sort();
  const runs: string[] = [];
  let start: string | null = null;
  let prev: string | null = null;
  const close = () => start && prev && runs.push(start === prev ? start : `${start}至${prev}`);
  for (const d of sorted) {
    if (prev && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${prev}T00:00:00Z`) === DAY_MS) {
      prev = d;
      continue;
    }
    close();
    start = d;
    prev = d;
  }
  close();
  return runs.join('、');
}
