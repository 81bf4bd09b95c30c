import { afterEach } from 'vitest';
import { clerkAndPrinter } from './fixtures';
import { createHarness, setUpCourt, type Harness } from './harness';

/**
 * A fresh court per test with its administrator, a clerk (李书记) and a printer (钱打印), closed after the test.
 * Call once at the top of a vitest file — `const desk = deskPerTest();` — then `await desk()` in each test.
 * Kept apart from fixtures.ts because that one is also loaded by Playwright and the benches, which have no vitest.
 */
export function deskPerTest() {
  let open: Harness | undefined;
  afterEach(() => {
    open?.close();
    open = undefined;
  });
  return async () => {
    const h = createHarness();
    open = h;
    const admin = await setUpCourt(h);
    return { h, admin, ...(await clerkAndPrinter(h, admin)) };
  };
}
