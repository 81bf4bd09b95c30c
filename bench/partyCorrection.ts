/**
 * Drill: correcting a party who is in 25,000 cases while another desk reads (issue 11 item 3).
 * `npx tsx bench/partyCorrection.ts [cases]` — seeds `court seed`-style cases in a temporary store, puts one
 * bank in every case, corrects its phone (a searched field) through the dispatcher, and meanwhile sends
 * `cases.recent` every 10 ms, printing the slowest read, the correction's own time and the chunked
 * re-index's duration. Figures go to stdout as one JSON line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeCore, createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import { caseWorkIdle } from '../core/cases/reindexQueue';
import { systemActor } from '../core/context';
import { seedCases } from '../core/seed';

const total = Number(process.argv[2] ?? 25_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-bench-party-'));
const core = createCore({ dataDir: dir, passwordCost: TEST_COST });
const call = async (name: string, input: unknown, token?: string) => {
  const r = await dispatch(core, name, input, { token, client: { transport: 'test' } });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.result as Record<string, unknown>;
};
try {
  const setup = await call('setup.initialise', {
    courtName: '浙江省长兴县人民法院',
    courtCode: '浙0522',
    adminUsername: 'admin',
    adminDisplayName: '王管理',
    adminPassword: 'Court2026ok',
  });
  const admin = setup.token as string;
  await call('users.create', { username: 'clerk', displayName: '李书记员', password: 'Court2026ok', roles: ['clerk'] }, admin);
  const clerk = (await call('auth.login', { username: 'clerk', password: 'Court2026ok' })).token as string;
  seedCases(core, { cases: total, seed: 7, from: '2024-01-01', to: '2026-06-30', actor: systemActor('bench') });
  const bank = core.sqlite
    .prepare(
      `INSERT INTO parties (kind, name, id_type, id_number, address, phone, representative, representative_title, revision, created_at, updated_at)
      VALUES ('organisation', '长兴农村商业银行股份有限公司', 'uscc', '91330522MA2B3C4D57', '长兴县雉城街道', '0572-6000001', '张行长', '董事长', 1, '2026-01-01T09:00:00+08:00', '2026-01-01T09:00:00+08:00')`,
    )
    .run().lastInsertRowid as number;
  core.sqlite.prepare(`INSERT INTO case_parties (case_id, party_id, role, seq) SELECT id, ?, 'plaintiff', 99 FROM cases`).run(bank);
  const partyCases = (core.sqlite.prepare('SELECT count(*) AS n FROM case_parties WHERE party_id = ?').get(bank) as { n: number }).n;

  const reads: number[] = [];
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const t = performance.now();
      await call('cases.recent', {}, clerk);
      reads.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  const party = {
    kind: 'organisation',
    name: '长兴农村商业银行股份有限公司',
    idType: 'uscc',
    idNumber: '91330522MA2B3C4D57',
    address: '长兴县雉城街道',
    phone: '0572-6000002',
    representative: '张行长',
    representativeTitle: '董事长',
  };
  const corrected = await call('parties.correct', { id: bank, party, reason: '银行变更联系电话' }, clerk);
  const correctionMs = performance.now() - t0;
  await new Promise((r) => setImmediate(r));
  while ((core.sqlite.prepare('SELECT count(*) AS n FROM party_case_work').get() as { n: number }).n > 0) {
    await caseWorkIdle(core);
    await new Promise((r) => setTimeout(r, 5));
  }
  const reindexMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  reading = false;
  await reader;
  const found = await call('cases.search', { q: '0572-6000002', limit: 5 }, clerk);
  const events = (core.sqlite.prepare("SELECT count(*) AS n FROM case_events WHERE kind = 'party.corrected'").get() as { n: number }).n;
  reads.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      drill: 'party correction while another desk reads',
      partyCases,
      changed: corrected.changed,
      correctionMs: Math.round(correctionMs),
      chunkedWorkDoneMs: Math.round(reindexMs),
      timelineEntries: events,
      searchFindsNewPhone: (found.rows as unknown[]).length > 0,
      reads: reads.length,
      readP50Ms: Math.round(reads[Math.floor(reads.length / 2)]! * 10) / 10,
      readMaxMs: Math.round(reads[reads.length - 1]! * 10) / 10,
    }),
  );
} finally {
  closeCore(core);
  fs.rmSync(dir, { recursive: true, force: true });
}
