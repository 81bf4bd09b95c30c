import { audit, writeTransaction } from '../audit/transaction';
import type { CallContext, Db, Tx } from '../context';
import { readSetting, writeSetting } from '../settings';

/** The docket's settings a court changes from the desk (速裁设置): the appeal court, the extension lead time. */
export function docketSettingsView(db: Db | Tx) {
  return { appealCourt: readSetting(db, 'docket.appealCourt')!, extensionLeadDays: readSetting(db, 'docket.extensionLeadDays')! };
}

export function updateDocketSettings(ctx: CallContext, i: { appealCourt?: string | undefined; extensionLeadDays?: number | undefined }) {
  return writeTransaction(ctx.core, (tx) => {
    const before = docketSettingsView(tx);
    const userId = ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null;
    if (i.appealCourt !== undefined) writeSetting(tx, ctx.core.clock, 'docket.appealCourt', i.appealCourt, userId);
    if (i.extensionLeadDays !== undefined) writeSetting(tx, ctx.core.clock, 'docket.extensionLeadDays', i.extensionLeadDays, userId);
    const after = docketSettingsView(tx);
    audit(tx, ctx, { operation: 'docket.updateSettings', entityType: 'settings', entityId: 'docket', before, after });
    return after;
  });
}
