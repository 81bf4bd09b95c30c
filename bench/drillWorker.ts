/**
 * Child process of `npm run drill`: files cases through the API one by one on a data directory and prints each
 * 案号 only after its transaction has committed ("acknowledged"). The drill kills it with SIGKILL mid-stream.
 */
import { createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import { civilFirstInstance } from '../test/fixtures';

const [dataDir, token] = process.argv.slice(2) as [string, string];
const core = createCore({ dataDir, passwordCost: TEST_COST });
for (let i = 0; ; i++) {
  const r = await dispatch(core, 'cases.file', civilFirstInstance({ amountFen: 100_000 + i }), { token, client: { transport: 'cli' } });
  if (!r.ok) {
    process.stderr.write(`${r.error.code} ${r.error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${(r.result as { number: string }).number}\n`);
}
