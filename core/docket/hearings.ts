import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { cases, docketCases, docketHearings, users } from '../../db/schema';
import { ApiError, conflict, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { addCalendarDays, daysBetween } from '../calendar/calendar';
import { courtCalendar } from '../calendar/courtCalendar';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext, Db, Tx } from '../context';
import { dateShanghai, isoShanghai } from '../time/clock';

/**
 * Hearings (开庭) of docket cases: one row per case and session. A session is a courtroom, a judge and a time
 * span; serial cases (same plaintiff, same cause) may be heard together in one session (one `batch`). Nothing
 * is double-booked: a courtroom or a judge with a scheduled session overlapping the new one refuses it, naming
 * the field and the case already there. A postponement keeps the old row (status 'postponed' with its reason)
 * and schedules a new one, so the count of postponements is the count of such rows.
 *
 * Notice (民诉法 art. 139, 2023 numbering: 人民法院审理民事案件，应当在开庭三日前通知当事人和其他诉讼参与人):
 * the parties are notified when the hearing is scheduled (the summons is issued that day), so the hearing day is
 * at least three calendar days after the scheduling day — the law says 三日, not 三个工作日, so a weekend in
 * between counts (scheduled Friday → Monday is three days). A shorter notice is refused in ordinary procedure.
 * In the simplified procedure (small claims included) the court may hear a case at once when both parties come
 * to court together (民诉法 art. 161 para. 2: 可以当即审理) or when both say they need no period for evidence or
 * answer (解释 art. 266 para. 3: 可以立即开庭审理或者确定开庭日期); the notice may then be short, and the reason is
 * recorded on the hearing (`short_notice_reason`) and in the case's timeline. 解释 art. 261: a notice given in a
 * 简便方式 (phone, text) that the party has not confirmed does not support a default judgment — the reason should
 * say how the parties were told and that they agreed. The summons and the appearance notice apply the same rule on
 * the day they are issued (core/docket/documentData.ts).
 */

/** 民诉法 art. 139: at least three days between the notice and the hearing. */
export const NOTICE_DAYS = 3;

/**
 * Whether notice given on `noticeOn` is in time for a hearing on `hearingDay` (民诉法 art. 139); when it is not,
 * the earliest lawful hearing day (a day the court sits).
 */
export function noticeCheck(noticeOn: string, hearingDay: string, calendar: { nextWorkingDayOnOrAfter(d: string): string }) {
  const days = daysBetween(noticeOn, hearingDay);
  return { days, inTime: days >= NOTICE_DAYS, earliest: calendar.nextWorkingDayOnOrAfter(addCalendarDays(noticeOn, NOTICE_DAYS)) };
}

export const NOTICE_BASIS = '《中华人民共和国民事诉讼法》第一百三十九条';

export const HEARING_STATUS_LABELS: Record<string, string> = { scheduled: '已排期', postponed: '已延期', held: '已开庭' };

/** `2026-12-03 09:30` (Shanghai) → `2026-12-03T09:30:00+08:00`; the stored form sorts as text. */
export function hearingTime(local: string): string {
  return `${local.slice(0, 10)}T${local.slice(11, 16)}:00+08:00`;
}

function plusMinutes(at: string, minutes: number): string {
  const d = new Date(new Date(at).getTime() + minutes * 60_000);
  return isoShanghai(d).replace(/\.\d{3}\+08:00$/, '+08:00');
}

/** `2026年12月3日 9时30分` for documents and messages. */
export function hearingTimeText(at: string): string {
  const [y, m, d] = at.slice(0, 10).split('-').map(Number);
  const hh = Number(at.slice(11, 13));
  const mm = at.slice(14, 16);
  return `${y}年${m}月${d}日${hh}时${mm === '00' ? '' : `${Number(mm)}分`}`;
}

const shortTime = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)}`;

/**
 * The first scheduled session overlapping [start, end) in the courtroom or for the judge, other than `except`
 * (the rows being replaced). Overlap: an existing session starts before the new end and ends after the new start
 * (indexes docket_hearings_room_idx and docket_hearings_judge_idx bound the scan by start time).
 */
function clash(tx: Tx, by: 'courtroom' | 'judge', key: string | number, start: string, end: string, except: number[]) {
  const dayStart = `${start.slice(0, 10)}T00:00:00+08:00`;
  return tx
    .select({ id: docketHearings.id, startsAt: docketHearings.startsAt, endsAt: docketHearings.endsAt, number: cases.number })
    .from(docketHearings)
    .innerJoin(cases, eq(cases.id, docketHearings.caseId))
    .where(
      and(
        by === 'courtroom' ? eq(docketHearings.courtroom, key as string) : eq(docketHearings.judgeId, key as number),
        eq(docketHearings.status, 'scheduled'),
        // sessions do not cross midnight: only the same day's rows can overlap
        sql`${docketHearings.startsAt} >= ${dayStart}`,
        lt(docketHearings.startsAt, end),
        gt(docketHearings.endsAt, start),
        except.length ? sql`${docketHearings.id} NOT IN (${sql.join(except, sql`, `)})` : sql`1 = 1`,
      ),
    )
    .orderBy(asc(docketHearings.startsAt))
    .get();
}

interface SessionInput {
  caseIds: number[];
  courtroom: string;
  /** `YYYY-MM-DD HH:mm`, Shanghai time */
  startsAt: string;
  minutes: number;
  /** why the notice is shorter than three days (simplified procedure only; see the module comment) */
  shortNoticeReason?: string | undefined;
}

/**
 * Checks a session and returns its rows' common values. Refusals name the field: a past time or a day the court
 * does not sit (startsAt), an overlap in the courtroom (courtroom) or for the judge (startsAt), cases not open on
 * the docket, without a judge, of different judges or not one series (caseIds), a case with a hearing already
 * scheduled (caseIds: postpone that one instead).
 */
function checkSession(ctx: CallContext, tx: Tx, i: SessionInput) {
  const start = hearingTime(i.startsAt);
  const end = plusMinutes(start, i.minutes);
  const now = isoShanghai(ctx.core.clock.now());
  if (start < now) throw fieldError('startsAt', `开庭时间 ${i.startsAt} 已过，请选择今后的时间`);
  if (start.slice(0, 10) !== end.slice(0, 10)) throw fieldError('minutes', '一次庭审不能跨越午夜，请缩短时长或改早开庭时间');
  const day = start.slice(0, 10);
  const calendar = courtCalendar(tx);
  if (!calendar.isWorkingDay(day)) {
    const name = calendar.holidayName(day);
    throw fieldError('startsAt', `${day} 是${name ? `${name}假期` : '休息日'}，不开庭；请选择工作日`);
  }
  const ids = [...new Set(i.caseIds)];
  const rows = tx
    .select({
      caseId: docketCases.caseId,
      status: docketCases.status,
      judgeId: docketCases.judgeId,
      serialKey: docketCases.serialKey,
      procedure: docketCases.procedure,
      number: cases.number,
    })
    .from(docketCases)
    .innerJoin(cases, eq(cases.id, docketCases.caseId))
    .where(inArray(docketCases.caseId, ids))
    .all();
  for (const id of ids) {
    const r = rows.find((x) => x.caseId === id);
    if (!r) throw fieldError('caseIds', `案件 ${id} 不在速裁案件中`);
    if (r.status !== 'open') throw fieldError('caseIds', `${r.number} 不在审理中，不能排期开庭`);
    if (r.judgeId === null) throw fieldError('caseIds', `${r.number} 尚未分配承办法官，不能排期开庭`);
  }
  const judgeId = rows[0]!.judgeId!;
  if (rows.some((r) => r.judgeId !== judgeId)) throw fieldError('caseIds', '同一次庭审的案件须由同一承办法官审理');
  if (rows.length > 1 && (rows[0]!.serialKey === null || rows.some((r) => r.serialKey !== rows[0]!.serialKey)))
    throw fieldError('caseIds', '只有系列案件（同一原告、同一案由）可以在一次庭审中合并排期');
  const actor = ctx.actor;
  if (actor && actor.userId !== judgeId && !actor.roles.includes('approver') && !actor.roles.includes('admin'))
    throw new ApiError('FORBIDDEN', '只有本案承办法官可以排期开庭');
  const shortNoticeReason = checkNotice(dateShanghai(ctx.core.clock.now()), day, calendar, rows, i.shortNoticeReason);
  const pending = tx
    .select({ caseId: docketHearings.caseId, startsAt: docketHearings.startsAt })
    .from(docketHearings)
    .where(and(inArray(docketHearings.caseId, ids), eq(docketHearings.status, 'scheduled')))
    .all();
  if (pending.length) {
    const n = rows.find((r) => r.caseId === pending[0]!.caseId)!.number;
    throw fieldError('caseIds', `${n} 已定于 ${shortTime(pending[0]!.startsAt)} 开庭；如需改期，请办理延期开庭`);
  }
  const room = clash(tx, 'courtroom', i.courtroom, start, end, []);
  if (room)
    throw fieldError(
      'courtroom',
      `法庭“${i.courtroom}”在 ${shortTime(room.startsAt)}–${room.endsAt.slice(11, 16)} 已安排 ${room.number} 开庭，与本次时间重叠`,
    );
  const judge = clash(tx, 'judge', judgeId, start, end, []);
  if (judge) {
    const name = tx.select({ n: users.displayName }).from(users).where(eq(users.id, judgeId)).get()?.n ?? '';
    throw fieldError(
      'startsAt',
      `承办法官 ${name} 在 ${shortTime(judge.startsAt)}–${judge.endsAt.slice(11, 16)} 已有 ${judge.number} 的庭审，与本次时间重叠`,
    );
  }
  return { start, end, judgeId, rows, ids, shortNoticeReason };
}

/**
 * 民诉法 art. 139 on scheduling (see the module comment): the reason recorded when the notice is short, null when
 * it is in time; a refusal naming the field otherwise.
 */
function checkNotice(
  today: string,
  day: string,
  calendar: { nextWorkingDayOnOrAfter(d: string): string },
  rows: { procedure: string | null; number: string }[],
  reason: string | undefined,
): string | null {
  const n = noticeCheck(today, day, calendar);
  if (n.inTime) return null;
  const short = `开庭日期距今（${today}）只有 ${n.days} 日：人民法院应当在开庭三日前通知当事人（${NOTICE_BASIS}），最早可定于 ${n.earliest}`;
  const ordinary = rows.find((r) => r.procedure === 'ordinary');
  if (ordinary) throw fieldError('startsAt', `${short}。${ordinary.number} 适用普通程序，不能缩短通知期间`);
  if (!reason?.trim())
    throw fieldError(
      'shortNoticeReason',
      `${short}。简易程序（含小额诉讼）的案件，双方当事人同时到庭请求当即审理（民诉法第一百六十一条第二款），或者双方均表示不需要举证期限、答辩期间（解释第二百六十六条第三款）的，可以提前开庭：请填写不足三日通知的理由，并写明当事人如何收到通知、是否同意`,
    );
  return reason.trim();
}

function insertSession(ctx: CallContext, tx: Tx, s: ReturnType<typeof checkSession>, courtroom: string) {
  const batch = s.ids.length > 1 ? `${s.start}|${courtroom}` : null;
  const at = isoShanghai(ctx.core.clock.now());
  const byId = ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null;
  return s.ids.map((caseId) => {
    const row = tx
      .insert(docketHearings)
      .values({
        caseId,
        judgeId: s.judgeId,
        courtroom,
        startsAt: s.start,
        endsAt: s.end,
        status: 'scheduled',
        shortNoticeReason: s.shortNoticeReason,
        batch,
        byId,
        at,
      })
      .returning()
      .get();
    const serial = s.ids.length > 1 ? `（系列案件 ${s.ids.length} 件合并开庭）` : '';
    const notice = s.shortNoticeReason ? `；通知不足三日，理由：${s.shortNoticeReason}` : '';
    addCaseEvent(tx, ctx, caseId, 'docket.hearingScheduled', `定于 ${shortTime(s.start)} 在${courtroom}开庭${serial}${notice}`, {
      hearingId: row.id,
    });
    audit(tx, ctx, { operation: 'docket.scheduleHearing', entityType: 'docket_hearing', entityId: row.id, after: row });
    return row;
  });
}

/** Schedules one session for one case or for several serial cases of the same judge. */
export function scheduleHearing(ctx: CallContext, i: SessionInput) {
  return writeTransaction(ctx.core, (tx) => {
    const s = checkSession(ctx, tx, i);
    return { hearings: insertSession(ctx, tx, s, i.courtroom).map((r) => hearingView(tx, r.id)) };
  });
}

/**
 * Postpones a scheduled hearing (延期开庭, 民诉法 art. 149) with its reason: the row stays, marked postponed; a
 * new time, when given, schedules the case again with the same checks. A session of serial cases is postponed
 * as a whole.
 */
export function postponeHearing(
  ctx: CallContext,
  i: { hearingId: number; reason: string; startsAt?: string; minutes?: number; courtroom?: string; shortNoticeReason?: string | undefined },
) {
  return writeTransaction(ctx.core, (tx) => {
    const h = tx.select().from(docketHearings).where(eq(docketHearings.id, i.hearingId)).get();
    if (!h) throw notFound('庭审');
    if (h.status !== 'scheduled') throw conflict(`该庭审${HEARING_STATUS_LABELS[h.status] ?? h.status}，不能延期`);
    const session = h.batch
      ? tx
          .select()
          .from(docketHearings)
          .where(and(eq(docketHearings.batch, h.batch), eq(docketHearings.status, 'scheduled')))
          .all()
      : [h];
    const caseIds = session.map((r) => r.caseId);
    const actor = ctx.actor;
    if (actor && actor.userId !== h.judgeId && !actor.roles.includes('approver') && !actor.roles.includes('admin'))
      throw new ApiError('FORBIDDEN', '只有本案承办法官可以延期开庭');
    for (const r of session) {
      tx.update(docketHearings).set({ status: 'postponed', postponeReason: i.reason }).where(eq(docketHearings.id, r.id)).run();
      addCaseEvent(tx, ctx, r.caseId, 'docket.hearingPostponed', `原定 ${shortTime(r.startsAt)} 的开庭延期：${i.reason}`, {
        hearingId: r.id,
      });
      audit(tx, ctx, {
        operation: 'docket.postponeHearing',
        entityType: 'docket_hearing',
        entityId: r.id,
        before: r,
        after: { ...r, status: 'postponed', postponeReason: i.reason },
      });
    }
    if (!i.startsAt) return { hearings: session.map((r) => hearingView(tx, r.id)) };
    const minutes = i.minutes ?? Math.round((new Date(h.endsAt).getTime() - new Date(h.startsAt).getTime()) / 60_000);
    const s = checkSession(ctx, tx, {
      caseIds,
      courtroom: i.courtroom ?? h.courtroom,
      startsAt: i.startsAt,
      minutes,
      shortNoticeReason: i.shortNoticeReason,
    });
    return { hearings: insertSession(ctx, tx, s, i.courtroom ?? h.courtroom).map((r) => hearingView(tx, r.id)) };
  });
}

/** Marks a scheduled hearing as held (开庭审理已进行). */
export function markHearingHeld(ctx: CallContext, i: { hearingId: number }) {
  return writeTransaction(ctx.core, (tx) => {
    const h = tx.select().from(docketHearings).where(eq(docketHearings.id, i.hearingId)).get();
    if (!h) throw notFound('庭审');
    if (h.status !== 'scheduled') throw conflict(`该庭审${HEARING_STATUS_LABELS[h.status] ?? h.status}`);
    const actor = ctx.actor;
    if (actor && actor.userId !== h.judgeId && !actor.roles.includes('approver') && !actor.roles.includes('admin'))
      throw new ApiError('FORBIDDEN', '只有本案承办法官可以登记开庭');
    if (h.startsAt > isoShanghai(ctx.core.clock.now())) throw conflict(`该庭审定于 ${shortTime(h.startsAt)}，尚未到开庭时间`);
    tx.update(docketHearings).set({ status: 'held' }).where(eq(docketHearings.id, h.id)).run();
    addCaseEvent(tx, ctx, h.caseId, 'docket.hearingHeld', `${shortTime(h.startsAt)} 在${h.courtroom}开庭审理`, { hearingId: h.id });
    audit(tx, ctx, {
      operation: 'docket.hearingHeld',
      entityType: 'docket_hearing',
      entityId: h.id,
      before: h,
      after: { ...h, status: 'held' },
    });
    return hearingView(tx, h.id);
  });
}

export interface HearingView {
  id: number;
  caseId: number;
  number: string;
  causeName: string;
  judge: { id: number; name: string };
  courtroom: string;
  startsAt: string;
  endsAt: string;
  status: string;
  statusLabel: string;
  postponeReason: string | null;
  shortNoticeReason: string | null;
  batch: string | null;
}

function hearingSelect(db: Db | Tx) {
  return db
    .select({
      id: docketHearings.id,
      caseId: docketHearings.caseId,
      number: cases.number,
      causeName: cases.causeName,
      judgeId: docketHearings.judgeId,
      judgeName: users.displayName,
      courtroom: docketHearings.courtroom,
      startsAt: docketHearings.startsAt,
      endsAt: docketHearings.endsAt,
      status: docketHearings.status,
      postponeReason: docketHearings.postponeReason,
      shortNoticeReason: docketHearings.shortNoticeReason,
      batch: docketHearings.batch,
    })
    .from(docketHearings)
    .innerJoin(cases, eq(cases.id, docketHearings.caseId))
    .innerJoin(users, eq(users.id, docketHearings.judgeId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof hearingSelect>['all']>>[number];
const toView = (r: Selected): HearingView => ({
  id: r.id,
  caseId: r.caseId,
  number: r.number,
  causeName: r.causeName,
  judge: { id: r.judgeId, name: r.judgeName },
  courtroom: r.courtroom,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  status: r.status,
  statusLabel: HEARING_STATUS_LABELS[r.status] ?? r.status,
  postponeReason: r.postponeReason,
  shortNoticeReason: r.shortNoticeReason,
  batch: r.batch,
});

export function hearingView(db: Db | Tx, id: number): HearingView {
  const r = hearingSelect(db).where(eq(docketHearings.id, id)).get();
  if (!r) throw notFound('庭审');
  return toView(r);
}

/** A case's hearings in order, with the number of postponements. */
export function caseHearings(db: Db | Tx, caseId: number): { hearings: HearingView[]; postponements: number } {
  const hearings = hearingSelect(db).where(eq(docketHearings.caseId, caseId)).orderBy(asc(docketHearings.startsAt)).all().map(toView);
  return { hearings, postponements: hearings.filter((h) => h.status === 'postponed').length };
}

/**
 * The calendar: scheduled and held sessions from `from` to `to` (dates, inclusive), of one judge, one courtroom or
 * all; postponed rows are left out (they no longer occupy the room).
 */
export function hearingCalendar(db: Db | Tx, f: { from: string; to: string; judgeId?: number; courtroom?: string }): HearingView[] {
  if (f.to < f.from) throw fieldError('to', '结束日期不能早于起始日期');
  const start = `${f.from}T00:00:00+08:00`;
  const end = `${addCalendarDays(f.to, 1)}T00:00:00+08:00`;
  return hearingSelect(db)
    .where(
      and(
        f.judgeId !== undefined ? eq(docketHearings.judgeId, f.judgeId) : undefined,
        f.courtroom !== undefined ? eq(docketHearings.courtroom, f.courtroom) : undefined,
        sql`${docketHearings.startsAt} >= ${start}`,
        lt(docketHearings.startsAt, end),
        inArray(docketHearings.status, ['scheduled', 'held']),
      ),
    )
    .orderBy(asc(docketHearings.startsAt), asc(docketHearings.courtroom), asc(docketHearings.caseId))
    .all()
    .map(toView);
}

/** The courtrooms used so far (the scheduling form offers them). */
export function courtrooms(db: Db | Tx): string[] {
  return db
    .selectDistinct({ c: docketHearings.courtroom })
    .from(docketHearings)
    .orderBy(asc(docketHearings.courtroom))
    .all()
    .map((r) => r.c);
}

/** The desk lists at most this many hearings of the day and of the rest of the week; the totals count them all. */
export const DESK_HEARINGS = 100;

/**
 * The judge's hearings today and in the rest of this week (Monday to Sunday of `on`), earliest first: the first
 * DESK_HEARINGS of each, and how many there are (counted from the judge's calendar index alone).
 */
export function myHearings(db: Db | Tx, judgeId: number, on: string) {
  const weekday = (new Date(`${on}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const sunday = addCalendarDays(on, 6 - weekday);
  const start = (day: string) => `${day}T00:00:00+08:00`;
  const within = (from: string, to: string) =>
    and(
      eq(docketHearings.judgeId, judgeId),
      sql`${docketHearings.startsAt} >= ${from}`,
      lt(docketHearings.startsAt, to),
      inArray(docketHearings.status, ['scheduled', 'held']),
    );
  const list = (from: string, to: string) =>
    hearingSelect(db)
      .where(within(from, to))
      .orderBy(asc(docketHearings.startsAt), asc(docketHearings.courtroom), asc(docketHearings.caseId))
      .limit(DESK_HEARINGS)
      .all()
      .map(toView);
  const total = (from: string, to: string) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(docketHearings)
      .where(within(from, to))
      .get()?.n ?? 0;
  const [dayStart, tomorrow, weekEnd] = [start(on), start(addCalendarDays(on, 1)), start(addCalendarDays(sunday, 1))];
  const todays = list(dayStart, tomorrow);
  return {
    today: on,
    weekEnds: sunday,
    todays,
    week: [...todays, ...list(tomorrow, weekEnd)],
    todayTotal: total(dayStart, tomorrow),
    weekTotal: total(dayStart, weekEnd),
  };
}

export const nowDate = (ctx: CallContext) => dateShanghai(ctx.core.clock.now());
