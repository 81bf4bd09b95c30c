import { and, desc, eq, lte } from 'drizzle-orm';
import { mediationSettings } from '../../db/schema';
import { audit, writeTransaction } from '../audit';
import type { CallContext, Db, Tx } from '../context';
import { isoShanghai } from '../time/clock';
import type { MediatorKind } from './labels';

/**
 * The centre's own mediation settings, dated: the response limits (docs/DOMAIN.md “调解”: assign, accept and first contact
 * within 3 working days by default) and the subsidy per mediator kind and outcome (integer fen). They are the
 * centre's practice, not legal periods, so they live here and not in core/periods. A record is judged by the
 * value in force on its own date (the row with the latest effective date on or before it).
 */
export interface MediationSettings {
  assignWorkingDays: number;
  acceptWorkingDays: number;
  contactWorkingDays: number;
  /** subsidy per case by mediator kind: success (agreement) and failure, integer fen */
  subsidies: Record<MediatorKind, { successFen: number; failureFen: number }>;
}

export const MEDIATION_SETTING_DEFAULTS: MediationSettings = {
  assignWorkingDays: 3,
  acceptWorkingDays: 3,
  contactWorkingDays: 3,
  subsidies: {
    invited: { successFen: 60_000, failureFen: 10_000 },
    staff: { successFen: 0, failureFen: 0 },
    lawyer: { successFen: 60_000, failureFen: 10_000 },
  },
};

const KEY = 'mediation';

export function mediationSettingsOn(db: Db | Tx, on: string): MediationSettings & { effectiveFrom: string | null } {
  const row = db
    .select()
    .from(mediationSettings)
    .where(and(eq(mediationSettings.key, KEY), lte(mediationSettings.effectiveFrom, on)))
    .orderBy(desc(mediationSettings.effectiveFrom))
    .get();
  if (!row) return { ...MEDIATION_SETTING_DEFAULTS, effectiveFrom: null };
  return { ...MEDIATION_SETTING_DEFAULTS, ...(JSON.parse(row.value) as Partial<MediationSettings>), effectiveFrom: row.effectiveFrom };
}

export function mediationSettingsHistory(db: Db | Tx) {
  return db
    .select()
    .from(mediationSettings)
    .where(eq(mediationSettings.key, KEY))
    .orderBy(desc(mediationSettings.effectiveFrom))
    .all()
    .map((r) => ({
      effectiveFrom: r.effectiveFrom,
      updatedAt: r.updatedAt,
      value: { ...MEDIATION_SETTING_DEFAULTS, ...(JSON.parse(r.value) as Partial<MediationSettings>) },
    }));
}

/** Saves the settings in force from a date (a new dated row; an existing row for that same date is replaced). */
export function saveMediationSettings(ctx: CallContext, effectiveFrom: string, value: MediationSettings) {
  return writeTransaction(ctx.core, (tx) => {
    const before = mediationSettingsOn(tx, effectiveFrom);
    const row = {
      key: KEY,
      effectiveFrom,
      value: JSON.stringify(value),
      updatedBy: ctx.actor?.userId ?? null,
      updatedAt: isoShanghai(ctx.core.clock.now()),
    };
    tx.insert(mediationSettings)
      .values(row)
      .onConflictDoUpdate({ target: [mediationSettings.key, mediationSettings.effectiveFrom], set: row })
      .run();
    audit(tx, ctx, {
      operation: 'mediation.saveSettings',
      entityType: 'mediation_settings',
      entityId: null,
      before,
      after: { effectiveFrom, ...value },
    });
    return mediationSettingsOn(tx, effectiveFrom);
  });
}
