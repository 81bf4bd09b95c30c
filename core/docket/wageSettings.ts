import { docketWageFigures } from '../../db/schema';
import { fieldError } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import type { CallContext, Db } from '../context';
import { isoShanghai } from '../time/clock';
import { courtProvince, listWageFigures } from './wages';

export function wageFiguresView(db: Db) {
  const province = courtProvince(db);
  return { province, figures: listWageFigures(db, province) };
}

/** Records (or corrects) the province's figure for a year; the audit row keeps the earlier value. */
export function recordWageFigure(ctx: CallContext, i: { wageYear: number; amountFen: number; publishedOn: string; source: string }) {
  if (Number(i.publishedOn.slice(0, 4)) <= i.wageYear) throw fieldError('publishedOn', `${i.wageYear} 年度的数额应在次年或以后公布`);
  return writeTransaction(ctx.core, (tx) => {
    const province = courtProvince(tx);
    const before = listWageFigures(tx, province).find((f) => f.wageYear === i.wageYear) ?? null;
    const row = {
      province,
      ...i,
      recordedBy: ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null,
      recordedAt: isoShanghai(ctx.core.clock.now()),
    };
    const saved = tx
      .insert(docketWageFigures)
      .values(row)
      .onConflictDoUpdate({ target: [docketWageFigures.province, docketWageFigures.wageYear], set: row })
      .returning()
      .get();
    audit(tx, ctx, { operation: 'docket.setWageFigure', entityType: 'docket_wage_figure', entityId: saved.id, before, after: saved });
    return { province, figures: listWageFigures(tx, province) };
  });
}
