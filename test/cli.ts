import { main } from '../cli/index';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

/**
 * Runs the `court` command line in this process (the same `main` the binary runs) and captures what it writes.
 * Spawning `node --import tsx` costs ~3 s per call; use a real process only for what needs one (serve, kill drills).
 * Calls are serialised: stdout/stderr are process-wide, so two overlapping runs would mix their output.
 */
let queue: Promise<unknown> = Promise.resolve();

export function court(...args: string[]): Promise<CliRun> {
  const run = queue.then(() => runCaptured(args));
  queue = run.catch(() => undefined);
  return run;
}

/** `court init` of the test court (浙江省长兴县人民法院, 浙0522, admin / Court2026ok) in `dir`. */
export function initCourt(dir: string, ...extra: string[]): Promise<CliRun> {
  return court(
    'init',
    '--data',
    dir,
    '--court-name',
    '浙江省长兴县人民法院',
    '--court-code',
    '浙0522',
    '--admin',
    'admin',
    '--password',
    'Court2026ok',
    ...extra,
  );
}

async function runCaptured(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  const capture = (append: (s: string) => void): Write =>
    ((chunk: string | Uint8Array, encoding?: unknown, cb?: unknown) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as Write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
