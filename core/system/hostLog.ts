import fs from 'node:fs';
import path from 'node:path';

/**
 * The host's structured log (issue 11 item 9): one JSON line per event (pino's format) in
 * <data>/logs/host.log, rotated by size — host.log → host.log.1 → … → host.log.N, the oldest dropped — so
 * the folder never grows without bound. Written by the host (server/), read by the admin page 运行日志.
 */
export const LOG_DIR = 'logs';
export const LOG_FILE = 'host.log';
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_KEEP = 5;

export function hostLogPath(dataDir: string): string {
  return path.join(dataDir, LOG_DIR, LOG_FILE);
}

/** A pino destination that appends lines and rotates the file when it passes maxBytes. */
export class RotatingLogFile {
  private fd: number;
  private size: number;

  constructor(
    readonly file: string,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
    private readonly keep = DEFAULT_KEEP,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  write(line: string): boolean {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    fs.writeSync(this.fd, line);
    this.size += bytes;
    return true;
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    fs.rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i -= 1) {
      if (fs.existsSync(`${this.file}.${i}`)) fs.renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    fs.renameSync(this.file, `${this.file}.1`);
    this.fd = fs.openSync(this.file, 'a', 0o600);
    this.size = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

export interface HostLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  operation: string | null;
  user: string | null;
  status: number | null;
  ms: number | null;
  code: string | null;
  address: string | null;
}

const LEVELS: Record<number, HostLogEntry['level']> = { 30: 'info', 40: 'warn', 50: 'error', 60: 'error' };
const READ_TAIL_BYTES = 512 * 1024;

function parseLine(line: string): HostLogEntry | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const level = LEVELS[Number(o.level)];
  if (!level) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    time: typeof o.time === 'number' ? new Date(o.time).toISOString() : (str(o.time) ?? ''),
    level,
    message: str(o.msg) ?? '',
    operation: str(o.op),
    user: str(o.user),
    status: num(o.status),
    ms: num(o.ms),
    code: str(o.code),
    address: str(o.address),
  };
}

/** The last entries of the host log, newest first, read off the event loop from the end of the file(s). */
export async function readHostLog(dataDir: string, limit: number, level?: HostLogEntry['level']): Promise<HostLogEntry[]> {
  const file = hostLogPath(dataDir);
  const out: HostLogEntry[] = [];
  for (const f of [file, `${file}.1`]) {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(f, 'r');
    } catch {
      continue;
    }
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - READ_TAIL_BYTES);
      const buf = Buffer.alloc(size - start);
      await handle.read(buf, 0, buf.length, start);
      const lines = buf.toString('utf8').split('\n');
      if (start > 0) lines.shift(); // a partial first line
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i -= 1) {
        const e = lines[i] ? parseLine(lines[i]!) : null;
        if (e && (!level || e.level === level || (level === 'warn' && e.level === 'error'))) out.push(e);
      }
    } finally {
      await handle.close();
    }
    if (out.length >= limit) break;
  }
  return out;
}
