import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { confirmations } from '../../db/schema';
import { fieldError } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext, Db, Tx } from '../context';
import { dateShanghai, isoShanghai } from '../time/clock';
import { ART355, COMPETENCE_BASES, groundArticle, INTERPRETATION, LATE, LAW, type Art355Code, type CompetenceBasis } from './meta';
import {
  applicationWindow,
  confirmationView,
  getRow,
  inApplicationWindow,
  requireStage,
  type ConfirmationRow,
  type StoredCheck,
  type StoredGround,
} from './record';
import type { acceptanceInput } from './schemas';

type AcceptanceInput = z.output<typeof acceptanceInput>;

function statuteName(s: 'law' | 'interpretation'): string {
  return s === 'law' ? LAW : INTERPRETATION;
}

/**
 * The acceptance checks, each with its article: the 30-day window (民诉法 2023 art. 205, from the legal periods
 * table), this court's competence (民诉法 2023 art. 205; 解释 art. 355 para. 1 item 2) and the exclusions of
 * 解释 art. 355 para. 1 items 1, 3, 4, 5.
 */
export function acceptanceChecks(
  db: Db | Tx,
  row: ConfirmationRow,
  i: Pick<AcceptanceInput, 'competence' | 'competenceNote' | 'exclusions'>,
): { checks: StoredCheck[]; grounds: StoredGround[] } {
  const window = applicationWindow(db, row);
  const inTime = inApplicationWindow(window, row.appliedOn);
  const checks: StoredCheck[] = [
    {
      key: 'window',
      label: '申请期限',
      passed: inTime,
      article: `${LAW}第二百零五条`,
      detail: `调解协议 ${row.agreementEffectiveOn} 生效，申请期限至 ${window.due}${window.rolledFrom ? `（${window.rolledFrom} 为节假日，顺延）` : ''}；${row.appliedOn} 申请${inTime ? '，在期限内' : '，已超过期限'}`,
    },
    {
      key: 'competence',
      label: '本院管辖',
      passed: i.competence !== null,
      article: `${LAW}第二百零五条；${INTERPRETATION}第三百五十五条第一款第二项`,
      detail: i.competence
        ? `${COMPETENCE_BASES[i.competence as CompetenceBasis]}${i.competenceNote ? `：${i.competenceNote}` : ''}`
        : `不属于本院管辖${i.competenceNote ? `：${i.competenceNote}` : ''}`,
    },
    ...(['art355-1', 'art355-3', 'art355-4', 'art355-5'] as Art355Code[]).map((code) => ({
      key: code,
      label: ART355[code].label,
      passed: !i.exclusions.includes(code),
      article: `${INTERPRETATION}${groundArticle(code, false).article}`,
      detail: i.exclusions.includes(code) ? `有此情形：${ART355[code].finding}` : '无此情形',
    })),
  ];
  const grounds: StoredGround[] = [];
  const add = (code: string, label: string) => {
    const a = groundArticle(code, false);
    grounds.push({ code, label, article: a.article, statute: a.statute });
  };
  if (!inTime) add(LATE.code, LATE.label);
  if (i.competence === null) add('art355-2', ART355['art355-2'].label);
  for (const code of ['art355-1', 'art355-3', 'art355-4', 'art355-5'] as Art355Code[])
    if (i.exclusions.includes(code)) add(code, ART355[code].label);
  return { checks, grounds };
}

/** The citation of a list of grounds: per statute, its articles in order (民诉法 first). */
export function citationOf(grounds: StoredGround[], lawArticles: string[] = []): string {
  const law = [...lawArticles, ...grounds.filter((g) => g.statute === 'law').map((g) => g.article)];
  const interp = grounds.filter((g) => g.statute === 'interpretation').map((g) => g.article);
  const parts: string[] = [];
  const uniq = (a: string[]) => [...new Set(a)];
  if (law.length) parts.push(`${statuteName('law')}${uniq(law).join('、')}`);
  if (interp.length) parts.push(`${statuteName('interpretation')}${uniq(interp).join('、')}`);
  return parts.join('，');
}

/**
 * 受理审查: records every check with its article. All passed → accepted (the review period starts); any failed →
 * 不予受理, with the failed checks as the grounds of the ruling (and the reasons written by the clerk). The
 * decision is due within 3 days of receipt (legal periods table, 'confirmation-acceptance').
 */
export function decideAcceptance(ctx: CallContext, i: AcceptanceInput) {
  const today = dateShanghai(ctx.core.clock.now());
  if (i.decidedOn > today) throw fieldError('decidedOn', '审查日期不能晚于今天');
  return writeTransaction(ctx.core, (tx) => {
    const row = getRow(tx, i.confirmationId);
    requireStage(row, ['applied'], '作受理审查');
    if (i.decidedOn < row.appliedOn) throw fieldError('decidedOn', `审查日期不能早于申请日期 ${row.appliedOn}`);
    const { checks, grounds } = acceptanceChecks(tx, row, i);
    const accepted = grounds.length === 0;
    if (!accepted && !i.reasons) throw fieldError('reasons', '不予受理须写明理由');
    tx.update(confirmations)
      .set({
        stage: accepted ? 'accepted' : 'not_accepted',
        outcome: accepted ? null : 'not_accepted',
        acceptanceChecks: JSON.stringify(checks),
        acceptanceDecidedOn: i.decidedOn,
        acceptanceDecidedBy: ctx.actor?.userId ?? 0,
        grounds: accepted ? null : JSON.stringify(grounds),
        reasons: accepted ? null : (i.reasons ?? null),
        decidedOn: accepted ? null : i.decidedOn,
        updatedAt: isoShanghai(ctx.core.clock.now()),
      })
      .where(eq(confirmations.id, row.id))
      .run();
    addCaseEvent(
      tx,
      ctx,
      row.caseId,
      'confirmation',
      accepted ? `受理司法确认申请（${i.decidedOn}）` : `不予受理：${grounds.map((g) => `${g.label}（${g.article}）`).join('；')}`,
      { confirmationId: row.id },
    );
    audit(tx, ctx, {
      operation: 'confirmation.decideAcceptance',
      entityType: 'confirmation',
      entityId: row.id,
      after: { accepted, checks, grounds, reasons: i.reasons ?? null, decidedOn: i.decidedOn },
    });
    return confirmationView(tx, row.id, today, true);
  });
}
