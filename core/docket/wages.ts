import { and, desc, eq, lte } from 'drizzle-orm';
import { docketWageFigures } from '../../db/schema';
import { ApiError } from '../api/errors';
import type { Db, Tx } from '../context';
import { readSetting } from '../court/settings';

/**
 * The province's average annual wage of employed persons, per year as published (民诉法 art. 165 「上年度」;
 * 解释 art. 272: the figure already published for the previous year, or before it is published the latest
 * published one). A dated setting: each figure keeps its year, publication date and source document.
 */

export interface WageFigure {
  id: number;
  province: string;
  wageYear: number;
  amountFen: number;
  publishedOn: string;
  source: string;
}

/** The court's province: the first character of its 法院代字 (浙0522 → 浙). */
export function courtProvince(db: Db | Tx): string {
  const code = readSetting(db, 'court.code');
  if (!code) throw new ApiError('CONFLICT', '尚未完成首次设置（法院代字未登记）');
  return code.slice(0, 1);
}

/**
 * The figure a case filed on `filedOn` is judged by: the previous year's figure if it was published by that
 * day, otherwise the latest figure published by then. Null when none is recorded.
 */
export function wageFigureFor(db: Db | Tx, province: string, filedOn: string): WageFigure | null {
  const previousYear = Number(filedOn.slice(0, 4)) - 1;
  const row = db
    .select()
    .from(docketWageFigures)
    .where(
      and(
        eq(docketWageFigures.province, province),
        lte(docketWageFigures.wageYear, previousYear),
        lte(docketWageFigures.publishedOn, filedOn),
      ),
    )
    .orderBy(desc(docketWageFigures.wageYear))
    .get();
  return row
    ? {
        id: row.id,
        province: row.province,
        wageYear: row.wageYear,
        amountFen: row.amountFen,
        publishedOn: row.publishedOn,
        source: row.source,
      }
    : null;
}

export function listWageFigures(db: Db | Tx, province: string): WageFigure[] {
  return db
    .select({
      id: docketWageFigures.id,
      province: docketWageFigures.province,
      wageYear: docketWageFigures.wageYear,
      amountFen: docketWageFigures.amountFen,
      publishedOn: docketWageFigures.publishedOn,
      source: docketWageFigures.source,
    })
    .from(docketWageFigures)
    .where(eq(docketWageFigures.province, province))
    .orderBy(desc(docketWageFigures.wageYear))
    .all();
}
