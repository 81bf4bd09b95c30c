import dayjs from 'dayjs';

/**
 * Times from the host are ISO-8601 with the +08:00 offset (docs/ARCHITECTURE.md, rule 5). They are shown as
 * they are, in court time, whatever time zone the desk's computer is set to.
 */
const SHANGHAI = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?\+08:00$/;

export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '—';
  const m = SHANGHAI.exec(iso);
  if (m) return `${m[1]} ${m[2]}${withSeconds ? (m[3] ?? ':00') : ''}`;
  const d = dayjs(iso);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}

export function isFuture(iso: string | null | undefined): boolean {
  return !!iso && new Date(iso).getTime() > Date.now();
}
