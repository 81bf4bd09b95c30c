import { amountInWords, yuan } from '../documents';
import { provincialOn, type ProvincialAmounts, type RoundingRule } from './config';
import { add, cmp, exactYuanText, fen, min, roundFen, times, ZERO, type Exact } from './exact';
import {
  ADMINISTRATIVE_SPECIAL_YUAN,
  ADMINISTRATIVE_YUAN,
  AMOUNT_LABELS,
  ARBITRATION_REVIEW_YUAN,
  BANFA,
  BANKRUPTCY_CAP_YUAN,
  DIVORCE_PROPERTY,
  ENFORCEMENT_SCHEDULE,
  FEE_KINDS,
  LABOUR_YUAN,
  PERSONALITY_DAMAGES,
  PRESERVATION_CAP_YUAN,
  PRESERVATION_SCHEDULE,
  PROCEDURES,
  PROPERTY_SCHEDULE,
  PROVINCIAL_RANGES,
  PUBLIC_NOTICE_YUAN,
  type Band,
  type Closing,
  type CumulativeSchedule,
  type FeeKind,
  type Procedure,
  type ProvincialItem,
} from './schedule';

/**
 * The fee quote: one function for the calculator, the CLI, the payment notice and relief applications. It
 * follows the 办法 step by step and records each step in the breakdown, with its legal basis, so a clerk (and a
 * party) can check the figure by hand. Exact fractions throughout; one rounding at the end (docs/DOMAIN.md “诉讼费用与司法救助”).
 */

export interface QuoteRequest {
  kind: FeeKind;
  /** the claims in fen; several property claims in one suit are added together (解释第二百零一条) */
  amountsFen?: readonly number[];
  procedure?: Procedure;
  closing?: Closing;
  /** the fee of a counterclaim tried together with the claim (art. 18) */
  counterclaim?: boolean;
  /** property claims together with non-property claims: charged by the property standard (解释第二百零一条) */
  withNonPropertyClaims?: boolean;
  /**
   * preservation only: the amount actually preserved (fen). The fee of 办法 art. 14(2) is charged on the amount
   * actually preserved; it is collected in advance on the amount applied for (`amountsFen`) and settled on this.
   */
  preservedFen?: number;
  /** the date the quote is for: the provincial amounts in force then apply (YYYY-MM-DD) */
  on: string;
}

/** A preservation fee collected in advance on the amount applied for and settled on the amount preserved. */
export interface PreservationSettlement {
  /** the amount applied for (fen), or null when the application named none */
  appliedFen: number | null;
  /** the fee collected in advance on the applied amount */
  advanceFen: number;
  preservedFen: number;
  /** the fee on the amount actually preserved: what the applicant owes */
  settledFen: number;
  /** advance − settled, as a positive amount to refund or to collect */
  differenceFen: number;
  direction: 'refund' | 'collect' | 'none';
}

export interface QuoteSettings {
  provincial: readonly ProvincialAmounts[];
  rounding: RoundingRule;
}

export interface BreakdownLine {
  step: 'base' | 'slice' | 'subtotal' | 'rule' | 'cap' | 'rounding' | 'free';
  label: string;
  /** how the line's amount was computed, e.g. "90,000.00 元 × 2.5%" */
  formula?: string;
  /** the line's exact amount in yuan ("2,250", "≈ 766.6667"); for a rule or cap, the amount after it */
  yuan: string;
  basis?: string;
}

export interface Quote {
  kind: FeeKind;
  kindLabel: string;
  /** the amount the fee was computed on (claims added together), fen; null when none applies */
  amountFen: number | null;
  feeFen: number;
  /** ¥3,300.00 */
  feeText: string;
  /** 人民币叁仟叁佰元整 */
  inWords: string;
  breakdown: BreakdownLine[];
  /** the rules applied, for tests and the register: 'halved:mediation', 'cap:preservation', … */
  rules: string[];
  notes: string[];
  /** preservation with the amount preserved: the advance, the settled fee and the difference */
  settlement?: PreservationSettlement;
}

/** A refused quote request: `field` is the request field (amount, procedure, closing, counterclaim). */
export class QuoteError extends Error {
  constructor(
    readonly field: 'amount' | 'procedure' | 'closing' | 'counterclaim' | 'kind' | 'preserved',
    message: string,
  ) {
    super(message);
  }
}

const Y = (yuanAmount: number): Exact => fen(yuanAmount * 100);
const money = (f: number) => `${yuan(f, { symbol: '' })} 元`;
const rateText = ([n, d]: readonly [number, number]) => `${+((n / d) * 100).toFixed(4)}%`;
const wan = (y: number) => (y >= 10_000 ? `${y / 10_000} 万元` : `${y.toLocaleString('en-US')} 元`);

function bandLines(amountFen: number, bands: readonly Band[], basis: string): { total: Exact; lines: BreakdownLine[] } {
  let total = ZERO;
  const lines: BreakdownLine[] = [];
  for (const b of bands) {
    const fromFen = b.from * 100;
    if (amountFen <= fromFen) break;
    const toFen = b.to === null ? amountFen : Math.min(amountFen, b.to * 100);
    const part = times(fen(toFen - fromFen), b.rate[0], b.rate[1]);
    total = add(total, part);
    lines.push({
      step: 'slice',
      label: b.to === null ? `超过 ${wan(b.from)}的部分` : `超过 ${wan(b.from)}至 ${wan(b.to)}的部分`,
      formula: `${money(toFen - fromFen)} × ${rateText(b.rate)}`,
      yuan: exactYuanText(part),
      basis,
    });
  }
  return { total, lines };
}

function cumulative(amountFen: number, s: CumulativeSchedule, basis: string): { total: Exact; lines: BreakdownLine[] } {
  const flat: BreakdownLine = {
    step: 'base',
    label: `不超过 ${wan(s.flatUpTo)}的，每件 ${s.flat} 元`,
    yuan: exactYuanText(Y(s.flat)),
    basis,
  };
  const bands = bandLines(amountFen, s.bands, basis);
  return { total: add(Y(s.flat), bands.total), lines: [flat, ...bands.lines] };
}

function provincialBase(item: ProvincialItem, set: ProvincialAmounts): { total: Exact; line: BreakdownLine } {
  const r = PROVINCIAL_RANGES[item];
  const v = set.amounts[item];
  return {
    total: Y(v),
    line: {
      step: 'base',
      label: `${r.label}交纳 ${r.min} 元至 ${r.max} 元，本省标准 ${v} 元（${set.source}）`,
      yuan: exactYuanText(Y(v)),
      basis: r.basis,
    },
  };
}

const fixed = (label: string, y: number, basis: string) => ({
  total: Y(y),
  lines: [{ step: 'base', label, yuan: exactYuanText(Y(y)), basis } satisfies BreakdownLine],
});

/** The kinds a simple money-payment case can be charged as under small claims. */
export const SMALL_CLAIMS_KINDS: readonly FeeKind[] = ['property', 'labour'];

/** 办法 art. 14(2): the preservation fee on an amount (null: no amount), capped at 5,000 yuan. */
function preservationFee(amountFen: number | null, basis: string): { total: Exact; lines: BreakdownLine[]; capped: boolean } {
  const computed =
    amountFen !== null
      ? cumulative(amountFen, PRESERVATION_SCHEDULE, basis)
      : fixed('不涉及财产数额的，每件交纳 30 元', PRESERVATION_SCHEDULE.flat, basis);
  const cap = Y(PRESERVATION_CAP_YUAN);
  if (cmp(computed.total, cap) <= 0) return { ...computed, capped: false };
  return {
    total: cap,
    lines: [
      ...computed.lines,
      {
        step: 'cap',
        label: `申请保全措施交纳的费用最高不超过 ${PRESERVATION_CAP_YUAN.toLocaleString('en-US')} 元`,
        yuan: exactYuanText(cap),
        basis,
      },
    ],
    capped: true,
  };
}

/** Computes the fee for a request; throws QuoteError naming the field for a request the 办法 does not allow. */
export function quoteFee(req: QuoteRequest, settings: QuoteSettings): Quote {
  const def = FEE_KINDS[req.kind];
  if (!def) throw new QuoteError('kind', `不支持的费用种类：${String(req.kind)}`);
  const notes: string[] = [];
  const rules: string[] = [];
  const amounts = req.amountsFen ?? [];
  for (const a of amounts) {
    if (!Number.isSafeInteger(a) || a <= 0)
      throw new QuoteError('amount', `${AMOUNT_LABELS[req.kind] ?? '金额'}须为大于 0 的金额（精确到分）`);
  }
  let settlement: PreservationSettlement | undefined;
  if (req.preservedFen !== undefined) {
    if (req.kind !== 'preservation') throw new QuoteError('preserved', '只有申请保全的费用按实际保全的财产数额结算');
    if (!Number.isSafeInteger(req.preservedFen) || req.preservedFen <= 0)
      throw new QuoteError('preserved', '实际保全的财产数额须为大于 0 的金额（精确到分）');
  }
  let amountFen: number | null = amounts.length ? amounts.reduce((s, a) => s + a, 0) : null;
  if (amountFen !== null && !Number.isSafeInteger(amountFen)) throw new QuoteError('amount', '金额过大');
  if (def.amount === 'required' && amountFen === null)
    throw new QuoteError('amount', `请填写${AMOUNT_LABELS[req.kind]}（${def.label}按金额计算）`);
  if (def.amount === 'none' && amountFen !== null) {
    notes.push(`${def.label}不按金额计算，所填金额未使用`);
    amountFen = null;
  }
  if (amounts.length > 1) notes.push(`${amounts.length} 项诉讼请求的金额合并计算：${money(amountFen!)}（民诉法解释第二百零一条）`);
  if (req.withNonPropertyClaims) {
    if (req.kind !== 'property') throw new QuoteError('kind', '同时有财产性与非财产性诉讼请求的，按财产案件计算，请选择“财产案件”');
    notes.push('既有财产性诉讼请求又有非财产性诉讼请求的，按财产性诉讼请求的标准交纳（民诉法解释第二百零一条）');
  }

  // The halvings (arts. 15, 16, 18) apply to case acceptance fees only, and only once (民诉法解释第二百零六条).
  const halvings: { id: string; label: string; basis: string }[] = [];
  if (req.closing && req.closing !== 'judgment')
    halvings.push({
      id: `halved:${req.closing}`,
      label: req.closing === 'mediation' ? '以调解方式结案' : '当事人申请撤诉',
      basis: `${BANFA}第十五条`,
    });
  if (req.procedure && req.procedure !== 'ordinary') {
    // small claims (民诉法 art. 165) take simple money-payment cases: property claims, and labour disputes over
    // a sum (a wage claim): its fee is the labour fee halved once (办法 arts. 13(4), 16)
    if (req.procedure === 'small-claims' && !SMALL_CLAIMS_KINDS.includes(req.kind))
      throw new QuoteError(
        'procedure',
        `小额诉讼程序只适用于简单的金钱给付案件（${SMALL_CLAIMS_KINDS.map((k) => FEE_KINDS[k].label.replace(/受理费$/, '')).join('、')}）`,
      );
    halvings.push({ id: `halved:${req.procedure}`, label: `适用${PROCEDURES[req.procedure]}审理`, basis: `${BANFA}第十六条` });
  }
  if (req.counterclaim) halvings.push({ id: 'halved:counterclaim', label: '反诉与本诉合并审理，反诉减半', basis: `${BANFA}第十八条` });
  if (!def.acceptance && halvings.length) {
    const field = req.counterclaim ? 'counterclaim' : req.procedure && req.procedure !== 'ordinary' ? 'procedure' : 'closing';
    throw new QuoteError(field, `${def.label}不适用减半交纳（减半只适用于案件受理费：${BANFA}第十五、十六、十八条）`);
  }

  const set = provincialOn(settings.provincial, req.on);
  const P = (n: string) => `${BANFA}${n}`;
  let computed: { total: Exact; lines: BreakdownLine[] };
  switch (req.kind) {
    case 'property':
      computed = cumulative(amountFen!, PROPERTY_SCHEDULE, P('第十三条第（一）项'));
      break;
    case 'ip':
      if (amountFen !== null) {
        notes.push('有争议金额的知识产权民事案件，按照财产案件的标准交纳');
        computed = cumulative(amountFen, PROPERTY_SCHEDULE, P('第十三条第（三）项、第（一）项'));
      } else {
        const b = provincialBase('ip', set);
        computed = { total: b.total, lines: [b.line] };
      }
      break;
    case 'divorce': {
      const b = provincialBase('divorce', set);
      computed = { total: b.total, lines: [b.line] };
      const freeFen = DIVORCE_PROPERTY.freeUpTo * 100;
      if (amountFen !== null && amountFen > freeFen) {
        const part = times(fen(amountFen - freeFen), ...DIVORCE_PROPERTY.rate);
        computed.total = add(computed.total, part);
        computed.lines.push({
          step: 'slice',
          label: '分割财产总额超过 20 万元的部分',
          formula: `${money(amountFen - freeFen)} × 0.5%`,
          yuan: exactYuanText(part),
          basis: P('第十三条第（二）项第1目'),
        });
      } else if (amountFen !== null) notes.push('分割财产总额不超过 20 万元，不另行交纳');
      break;
    }
    case 'personality': {
      const b = provincialBase('personality', set);
      const damages =
        amountFen !== null ? bandLines(amountFen, PERSONALITY_DAMAGES, P('第十三条第（二）项第2目')) : { total: ZERO, lines: [] };
      if (amountFen !== null && damages.lines.length === 0) notes.push('损害赔偿金额不超过 5 万元，不另行交纳');
      computed = { total: add(b.total, damages.total), lines: [b.line, ...damages.lines] };
      break;
    }
    case 'non-property': {
      const b = provincialBase('nonProperty', set);
      computed = { total: b.total, lines: [b.line] };
      break;
    }
    case 'labour':
      computed = fixed(`劳动争议案件每件交纳 ${LABOUR_YUAN} 元`, LABOUR_YUAN, P('第十三条第（四）项'));
      break;
    case 'administrative':
      computed = fixed(`其他行政案件每件交纳 ${ADMINISTRATIVE_YUAN} 元`, ADMINISTRATIVE_YUAN, P('第十三条第（五）项'));
      break;
    case 'administrative-special':
      computed = fixed(
        `商标、专利、海事行政案件每件交纳 ${ADMINISTRATIVE_SPECIAL_YUAN} 元`,
        ADMINISTRATIVE_SPECIAL_YUAN,
        P('第十三条第（五）项'),
      );
      break;
    case 'jurisdiction': {
      const b = provincialBase('jurisdiction', set);
      computed = { total: b.total, lines: [b.line] };
      notes.push('仅在管辖权异议不成立时交纳');
      break;
    }
    case 'enforcement':
      if (amountFen !== null) computed = cumulative(amountFen, ENFORCEMENT_SCHEDULE, P('第十四条第（一）项'));
      else {
        const b = provincialBase('enforcementNoAmount', set);
        computed = { total: b.total, lines: [b.line] };
      }
      notes.push(`申请执行费不由申请人预交，执行后交纳（${P('第二十条')}）`);
      break;
    case 'preservation': {
      const basis = P('第十四条第（二）项');
      if (req.preservedFen === undefined) {
        const f = preservationFee(amountFen, basis);
        computed = f;
        if (f.capped) rules.push('cap:preservation');
        notes.push(
          `按申请保全的财产数额预收；申请保全措施的费用根据实际保全的财产数额计算（${basis}），保全后按实际保全的数额结算，多退少补`,
        );
        break;
      }
      if (amountFen === null) throw new QuoteError('amount', '结算保全费须同时填写申请保全的财产数额（预收的依据）');
      const settled = preservationFee(req.preservedFen, basis);
      const advance = preservationFee(amountFen, basis);
      if (settled.capped) rules.push('cap:preservation');
      rules.push('settled:preservation');
      const advanceFen = roundFen(advance.total, settings.rounding.unit, settings.rounding.mode);
      const settledFen = roundFen(settled.total, settings.rounding.unit, settings.rounding.mode);
      const diff = advanceFen - settledFen;
      settlement = {
        appliedFen: amountFen,
        advanceFen,
        preservedFen: req.preservedFen,
        settledFen,
        differenceFen: Math.abs(diff),
        direction: diff > 0 ? 'refund' : diff < 0 ? 'collect' : 'none',
      };
      computed = {
        total: settled.total,
        lines: [
          ...settled.lines.map((l) =>
            l.step === 'base' || l.step === 'slice' ? { ...l, label: `实际保全 ${money(req.preservedFen!)}：${l.label}` } : l,
          ),
        ],
      };
      notes.push(
        `按申请保全的财产数额 ${money(amountFen)} 预收 ${money(advanceFen)}；按实际保全的财产数额 ${money(req.preservedFen)} 结算为 ${money(settledFen)}（${basis}）`,
      );
      notes.push(
        diff > 0 ? `应退还申请人 ${money(diff)}` : diff < 0 ? `应向申请人补收 ${money(-diff)}` : '预收数额与结算数额相同，不退不补',
      );
      break;
    }
    case 'payment-order': {
      const p = cumulative(amountFen!, PROPERTY_SCHEDULE, P('第十三条第（一）项'));
      const total = times(p.total, 1, 3);
      computed = {
        total,
        lines: [
          ...p.lines,
          { step: 'subtotal', label: '按财产案件标准计算', yuan: exactYuanText(p.total) },
          {
            step: 'rule',
            label: '依照财产案件受理费标准的 1/3 交纳',
            formula: `${exactYuanText(p.total)} 元 × 1/3`,
            yuan: exactYuanText(total),
            basis: P('第十四条第（三）项'),
          },
        ],
      };
      rules.push('third:payment-order');
      break;
    }
    case 'public-notice':
      computed = fixed(`申请公示催告的，每件交纳 ${PUBLIC_NOTICE_YUAN} 元`, PUBLIC_NOTICE_YUAN, P('第十四条第（四）项'));
      break;
    case 'arbitration-review':
      computed = fixed(
        `申请撤销仲裁裁决或者认定仲裁协议效力的，每件交纳 ${ARBITRATION_REVIEW_YUAN} 元`,
        ARBITRATION_REVIEW_YUAN,
        P('第十四条第（五）项'),
      );
      break;
    case 'bankruptcy': {
      const p = cumulative(amountFen!, PROPERTY_SCHEDULE, P('第十三条第（一）项'));
      const half = times(p.total, 1, 2);
      const cap = Y(BANKRUPTCY_CAP_YUAN);
      const total = min(half, cap);
      const lines: BreakdownLine[] = [
        ...p.lines,
        { step: 'subtotal', label: '按财产案件标准计算', yuan: exactYuanText(p.total) },
        {
          step: 'rule',
          label: '依据破产财产总额按财产案件受理费标准减半交纳',
          formula: `${exactYuanText(p.total)} 元 × 1/2`,
          yuan: exactYuanText(half),
          basis: P('第十四条第（六）项'),
        },
      ];
      rules.push('half:bankruptcy');
      if (cmp(half, cap) > 0) {
        rules.push('cap:bankruptcy');
        lines.push({
          step: 'cap',
          label: `最高不超过 ${BANKRUPTCY_CAP_YUAN.toLocaleString('en-US')} 元`,
          yuan: exactYuanText(cap),
          basis: P('第十四条第（六）项'),
        });
      }
      computed = { total, lines };
      break;
    }
    case 'judicial-confirmation':
      computed = {
        total: ZERO,
        lines: [
          {
            step: 'free',
            label: '依照民事诉讼法规定的特别程序审理的案件（含司法确认案件）不交纳案件受理费',
            yuan: '0',
            basis: P('第八条第（一）项'),
          },
        ],
      };
      rules.push('free:special-procedure');
      break;
  }

  let total = computed.total;
  const lines = computed.lines;
  if (halvings.length) {
    if (computed.lines.length > 1) lines.push({ step: 'subtotal', label: '减半前合计', yuan: exactYuanText(total) });
    total = times(total, 1, 2);
    rules.push(halvings[0]!.id);
    const also =
      halvings.length > 1
        ? `；另有${halvings
            .slice(1)
            .map((h) => h.label)
            .join('、')}，但只能减半一次（民诉法解释第二百零六条）`
        : '';
    lines.push({
      step: 'rule',
      label: `${halvings[0]!.label}，减半交纳${also}`,
      formula: '× 1/2',
      yuan: exactYuanText(total),
      basis: halvings.map((h) => h.basis).join('、'),
    });
  }

  const feeFen = roundFen(total, settings.rounding.unit, settings.rounding.mode);
  if (cmp(total, fen(feeFen)) !== 0) {
    lines.push({
      step: 'rounding',
      label: `${settings.rounding.unit === 'yuan' ? '取整到元' : '取整到分'}（${settings.rounding.mode === 'half-up' ? '四舍五入' : '舍去'}，只在最后取整一次）`,
      yuan: exactYuanText(fen(feeFen)),
    });
  }
  if (def.acceptance) notes.push(`应自接到交纳诉讼费用通知次日起 7 日内交纳（${BANFA}第二十二条）`);
  return {
    kind: req.kind,
    kindLabel: def.label,
    amountFen,
    feeFen,
    feeText: yuan(feeFen),
    inWords: amountInWords(feeFen),
    breakdown: lines,
    rules,
    notes,
    ...(settlement ? { settlement } : {}),
  };
}
