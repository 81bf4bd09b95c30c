import { fieldError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import type { CallContext, Db, Tx } from '../context';
import { readSetting, writeSetting } from '../settings';
import { provincialProblems, type PaymentAccount, type ProvincialAmounts, type RoundingRule } from './config';
import type { ReliefTimingPolicy } from './reliefTimingPolicy';
import type { ReliefStage } from './settings';

/** The fee and relief settings as the settings page shows them. */
export function feeSettingsView(db: Db | Tx) {
  return {
    provincial: readSetting(db, 'fees.provincial')!,
    rounding: readSetting(db, 'fees.rounding')!,
    paymentAccount: readSetting(db, 'fees.paymentAccount')!,
    chain: readSetting(db, 'relief.chain')!,
    deferralDays: readSetting(db, 'relief.deferralDays')!,
    reminderDays: readSetting(db, 'relief.reminderDays')!,
    reliefTiming: readSetting(db, 'fees.reliefTiming')!,
  };
}

export interface FeeSettingsChange {
  provincial?: ProvincialAmounts[] | undefined;
  rounding?: RoundingRule | undefined;
  paymentAccount?: Partial<PaymentAccount> | undefined;
  chain?: ReliefStage[] | undefined;
  deferralDays?: number | undefined;
  reminderDays?: number | undefined;
  reliefTiming?: ReliefTimingPolicy[] | undefined;
}

/**
 * fees.updateSettings: each set of provincial amounts within the 办法's ranges and no two sets on the same date
 * (a quote must know which set is in force), then the changed settings and one audit row in one transaction.
 */
export function updateFeeSettings(ctx: CallContext, i: FeeSettingsChange) {
  if (i.provincial) {
    const dates = new Set<string>();
    i.provincial.forEach((set, n) => {
      const p = provincialProblems(set)[0];
      if (p) throw fieldError(`provincial.${n}.${p.field}`, `第 ${n + 1} 套本省标准：${p.message}`);
      if (dates.has(set.effectiveFrom))
        throw fieldError(`provincial.${n}.effectiveFrom`, `两套本省标准的施行日期相同：${set.effectiveFrom}`);
      dates.add(set.effectiveFrom);
    });
  }
  // the relief timing policy in force on a date must be one (./reliefTiming.ts)
  const timingDates = new Set<string>();
  i.reliefTiming?.forEach((p, n) => {
    if (timingDates.has(p.effectiveFrom))
      throw fieldError(`reliefTiming.${n}.effectiveFrom`, `两项申请期间规定的施行日期相同：${p.effectiveFrom}`);
    timingDates.add(p.effectiveFrom);
  });
  return writeTransaction(ctx.core, (tx) => {
    const before = feeSettingsView(tx);
    const uid = ctx.actor!.userId;
    const c = ctx.core.clock;
    if (i.provincial)
      writeSetting(
        tx,
        c,
        'fees.provincial',
        [...i.provincial].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
        uid,
      );
    if (i.rounding) writeSetting(tx, c, 'fees.rounding', i.rounding, uid);
    if (i.paymentAccount) {
      const a = i.paymentAccount;
      writeSetting(
        tx,
        c,
        'fees.paymentAccount',
        { payee: a.payee ?? '', bank: a.bank ?? '', accountNo: a.accountNo ?? '', note: a.note ?? '' },
        uid,
      );
    }
    if (i.chain) writeSetting(tx, c, 'relief.chain', i.chain, uid);
    if (i.deferralDays !== undefined) writeSetting(tx, c, 'relief.deferralDays', i.deferralDays, uid);
    if (i.reminderDays !== undefined) writeSetting(tx, c, 'relief.reminderDays', i.reminderDays, uid);
    if (i.reliefTiming)
      writeSetting(
        tx,
        c,
        'fees.reliefTiming',
        [...i.reliefTiming].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
        uid,
      );
    const after = feeSettingsView(tx);
    audit(tx, ctx, { operation: 'fees.updateSettings', entityType: 'settings', entityId: null, before, after });
    return after;
  });
}
