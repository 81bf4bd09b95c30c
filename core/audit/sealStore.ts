import type { Core } from '../context';
import { appendAudit } from './log';
import { createSeal, readSeal, type AuditSeal } from './seal';
import { SETTINGS_SUBJECT, stateDigest } from './stateDigest';
import { recordHead } from './transaction';

/**
 * The store's audit key: read from the data directory, or created with the store. An older store without a
 * key gets one at its next start and its existing chain is sealed from there: a row `audit.seal` (the first
 * keyed row) records the last unkeyed row and its hash, and the settings as they stand. Rows before it stay
 * plain SHA-256 (verified as before); from it on the chain is keyed and the chain head is kept in a file.
 * Done under the write lock, so no other process appends a row between choosing `keyedFrom` and the seal.
 */
export function ensureSeal(core: Core): AuditSeal {
  const existing = readSeal(core.dataDir);
  if (existing) return existing;
  let seal: AuditSeal;
  try {
    seal = core.db.transaction(
      (tx) => {
        const last = core.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
          { id: number; hash: string } | undefined;
        const created = createSeal(core.dataDir, (last?.id ?? 0) + 1);
        if (last) {
          appendAudit(
            tx,
            { clock: core.clock, auditSeal: created },
            {
              actorId: null,
              actorName: '系统（启用审计密钥）',
              operation: 'audit.seal',
              entityType: 'audit',
              entityId: null,
              after: { sealedThrough: last.id, lastHash: last.hash },
            },
            [stateDigest(core.sqlite, SETTINGS_SUBJECT)],
          );
        }
        return created;
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    // another process created the key first
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSeal(core.dataDir)!;
    throw err;
  }
  recordHead({ ...core, auditSeal: seal });
  return seal;
}
