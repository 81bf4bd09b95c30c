import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Another process holding the database's write lock (BEGIN IMMEDIATE) for `ms` milliseconds — what the
 * command line, a backup or a second program does to a running host. Resolves once the lock is held.
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE settings SET key = key WHERE 0").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let onReleased: () => void = () => {};
  const released = new Promise<void>((resolve) => (onReleased = resolve));
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => onReleased());
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('locked')) resolve();
    });
  });
  return { child, released };
}
