import type { Db, Tx } from '../context';
import { readSetting } from '../settings';
import type { PopulationEntry } from './settings';

/**
 * 万人成讼率 (litigation per ten thousand residents). Source of the measure: 中央全面依法治国委员会《关于进一步加强
 * 市县法治建设的意见》(2022) asks that the 民事、行政案件万人起诉率 enter the local 平安建设 assessment; the
 * definition used in practice (人民法院报 2023-11-16, 《诉源治理视野下万人起诉率指标的应用》) is the first-instance
 * civil and administrative cases a court accepts in a period, per ten thousand of the district's resident and
 * registered floating population. This desk registers civil cases only (no 行初 register), so the numerator is
 * the 民初 cases received in the period; a court that reports administrative cases adds its own from the trial
 * system. The rate is for the period as chosen — a month gives a month's rate, not a yearly one.
 * docs/DOMAIN.md “统计口径”.
 */
export const LITIGATION_RATE_BASIS =
  '万人成讼率 = 统计期间新收一审民事案件（民初）数 ÷ 辖区人口 × 10000。口径：中央全面依法治国委员会《关于进一步加强市县法治建设的意见》（2022年）“民事、行政案件万人起诉率”；本系统不登记行政案件，故分子仅含民初案件。期间不满一年的不折算为年率。';

/** The population figure for a period ending on `to`: the entry of that year, or the latest earlier one. */
export function populationFor(db: Db | Tx, to: string): PopulationEntry | null {
  const year = Number(to.slice(0, 4));
  const entries = (readSetting(db, 'stats.population') ?? []).filter((e) => e.year <= year).sort((a, b) => b.year - a.year);
  return entries[0] ?? null;
}

/** Cases per ten thousand people, two decimals; null without a population figure. */
export function perTenThousand(cases: number, population: number | null): number | null {
  if (!population) return null;
  return Math.round((cases / population) * 10000 * 100) / 100;
}
