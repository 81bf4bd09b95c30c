import { z } from 'zod';
import { feeSettings, reliefStageSchema } from './settings';
import { RELIEF_KIND_IDS } from './grounds';
import { FEE_KIND_IDS } from './schedule';

/**
 * The fees area's results, as explicit schemas: docs/API.md shows their fields, the test harness parses every
 * result with them (a drift fails a test), and the renderer uses the inferred types (`Output<'relief.get'>`).
 */

const nullableText = z.string().nullable();

export const breakdownLineSchema = z.object({
  step: z.enum(['base', 'slice', 'subtotal', 'rule', 'cap', 'rounding', 'free']),
  label: z.string(),
  /** how the line's amount was computed, e.g. "90,000.00 元 × 2.5%" */
  formula: z.string().optional(),
  /** the line's exact amount in yuan ("2,250", "≈ 766.6667"); for a rule or cap, the amount after it */
  yuan: z.string(),
  basis: z.string().optional(),
});

export const quoteSchema = z.object({
  kind: z.enum(FEE_KIND_IDS),
  kindLabel: z.string(),
  /** the amount the fee was computed on (claims added together), fen; null when none applies */
  amountFen: z.number().nullable(),
  feeFen: z.number(),
  /** ¥3,300.00 */
  feeText: z.string(),
  /** 人民币叁仟叁佰元整 */
  inWords: z.string(),
  breakdown: z.array(breakdownLineSchema),
  /** the rules applied: 'halved:mediation', 'cap:preservation', … */
  rules: z.array(z.string()),
  notes: z.array(z.string()),
  /** preservation: collected in advance on the amount applied for, settled on the amount preserved (办法 art. 14(2)) */
  settlement: z
    .object({
      appliedFen: z.number().nullable(),
      advanceFen: z.number(),
      preservedFen: z.number(),
      settledFen: z.number(),
      differenceFen: z.number(),
      direction: z.enum(['refund', 'collect', 'none']),
    })
    .optional(),
});

const s = <K extends keyof typeof feeSettings>(k: K): (typeof feeSettings)[K]['schema'] => feeSettings[k].schema;

export const scheduleViewSchema = z.object({
  kinds: z.array(
    z.object({
      id: z.enum(FEE_KIND_IDS),
      label: z.string(),
      acceptance: z.boolean(),
      amount: z.enum(['required', 'optional', 'none']),
      amountLabel: nullableText,
      smallClaims: z.boolean(),
    }),
  ),
  preservedLabel: z.string(),
  procedures: z.array(z.object({ id: z.string(), label: z.string() })),
  closings: z.array(z.object({ id: z.string(), label: z.string() })),
  provincial: s('fees.provincial'),
  provincialRanges: z.record(z.string(), z.object({ min: z.number(), max: z.number(), label: z.string(), basis: z.string() })),
  rounding: s('fees.rounding'),
  paymentAccount: s('fees.paymentAccount'),
  /** the date the provincial amounts are read for */
  on: z.string(),
});

export const feeSettingsViewSchema = z.object({
  provincial: s('fees.provincial'),
  rounding: s('fees.rounding'),
  paymentAccount: s('fees.paymentAccount'),
  chain: s('relief.chain'),
  deferralDays: z.number(),
  reminderDays: z.number(),
  reliefTiming: s('fees.reliefTiming'),
});

/** The data of 交纳诉讼费用通知书 (templates/fee-notice.txt) and the quote it states. */
export const noticeDataSchema = z.object({
  data: z.object({
    court: z.object({ name: z.string() }),
    caseNumber: nullableText,
    addressee: z.string(),
    /** 你 or 你单位 */
    you: z.string(),
    caseTitle: nullableText,
    fee: z.object({
      name: z.string(),
      kindLabel: z.string(),
      basis: z.string(),
      claimAmount: nullableText,
      amount: z.string(),
      amountFen: z.number(),
    }),
    breakdown: z.array(z.object({ label: z.string(), formula: z.string(), amount: z.string() })),
    notes: z.array(z.string()),
    relief: z.array(z.string()),
    payable: z.string(),
    /** the sentence inviting relief applications, from the timing policy in force ('' when none is accepted) */
    reliefInvitation: z.string(),
    payableFen: z.number(),
    prepay: z.boolean(),
    account: z.object({ payee: nullableText, bank: nullableText, accountNo: nullableText, note: nullableText }),
    date: z.string(),
  }),
  quote: quoteSchema,
});

/** The quote kept with a relief application (relief_applications.fee_quote, JSON). */
export const storedFeeQuoteSchema = z.object({
  request: z.record(z.string(), z.unknown()),
  feeFen: z.number(),
  breakdown: z.array(breakdownLineSchema),
});

export const reliefStatusSchema = z.enum(['pending', 'reviewed', 'granted', 'partly_granted', 'refused', 'withdrawn']);
export const reliefActionSchema = z.enum(['grant', 'partial', 'refuse', 'return']);

export const reliefViewSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  caseReceivedOn: z.string(),
  casePartyId: z.number(),
  applicant: z.object({ name: z.string(), kind: z.enum(['person', 'organisation']), role: z.string() }),
  kind: z.enum(RELIEF_KIND_IDS),
  kindLabel: z.string(),
  ground: z.string(),
  groundLabel: z.string(),
  groundBasis: z.string(),
  reasons: z.string(),
  evidence: z.array(z.object({ name: z.string(), kind: z.string() })),
  feeFen: z.number(),
  /** the quote that gave feeFen: the request and its breakdown */
  feeQuote: storedFeeQuoteSchema.nullable(),
  requestedPercent: z.number().nullable(),
  requestedUntil: nullableText,
  appliedOn: z.string(),
  status: reliefStatusSchema,
  statusLabel: z.string(),
  /** the stage waiting for action (open applications) */
  awaiting: z.object({ index: z.number(), label: z.string(), role: reliefStageSchema.shape.role, last: z.boolean() }).nullable(),
  decision: z
    .object({
      decidedOn: z.string(),
      grantedPercent: z.number().nullable(),
      reliefFen: z.number(),
      deferredUntil: nullableText,
      refusalReasons: nullableText,
      verb: nullableText,
      /** 准予…诉讼费用决定书 or 不予批准司法救助申请通知书 */
      documentTitle: z.string(),
    })
    .nullable(),
  steps: z.array(
    z.object({
      id: z.number(),
      stage: z.string(),
      action: reliefActionSchema,
      actionLabel: z.string(),
      opinion: z.string(),
      grantedPercent: z.number().nullable(),
      deferredUntil: nullableText,
      userId: z.number(),
      userName: z.string(),
      at: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const reliefListSchema = z.object({ total: z.number(), rows: z.array(reliefViewSchema) });

export const followUpStateSchema = z.enum(['open', 'due-soon', 'overdue', 'paid']);

export const followUpSchema = z.object({
  applicationId: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  applicantName: z.string(),
  deferredUntil: z.string(),
  dueFen: z.number(),
  paidFen: z.number(),
  state: followUpStateSchema,
  stateLabel: z.string(),
  outstandingFen: z.number(),
  partlyPaid: z.boolean(),
  /** overdue and recorded on the case's timeline: the judge may rule it treated as withdrawn */
  flagged: z.boolean(),
});

export const paymentSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  applicationId: z.number().nullable(),
  kind: z.enum(['payment', 'refund']),
  amountFen: z.number(),
  paidOn: z.string(),
  reference: nullableText,
  note: nullableText,
  recordedBy: z.number(),
  recordedAt: z.string(),
});

export const grantedReliefSchema = z.object({
  applicationId: z.number(),
  kind: z.enum(RELIEF_KIND_IDS),
  verb: z.string(),
  reliefFen: z.number(),
  deferredUntil: nullableText,
  /** the sentence a judgment or mediation document states (办法 art. 51) */
  statement: z.string(),
});

export const caseFeesSchema = z.object({
  suggested: z.object({ kind: z.enum(FEE_KIND_IDS), amountsFen: z.array(z.number()).readonly().optional() }).nullable(),
  relief: z.array(reliefViewSchema),
  granted: z.array(grantedReliefSchema),
  payments: z.object({ rows: z.array(paymentSchema), paidFen: z.number(), refundedFen: z.number() }),
  deferrals: z.array(followUpSchema),
});

export const reliefGroundsSchema = z.object({
  kinds: z.array(
    z.object({
      id: z.enum(RELIEF_KIND_IDS),
      label: z.string(),
      decisionTitle: z.string(),
      article: z.string(),
      grounds: z.array(z.object({ id: z.string(), item: z.string(), label: z.string() })),
    }),
  ),
  evidenceKinds: z.array(z.string()),
  chain: s('relief.chain'),
});

const totalsFigures = {
  applications: z.number(),
  granted: z.number(),
  partlyGranted: z.number(),
  refused: z.number(),
  waivedFen: z.number(),
  reducedFen: z.number(),
  deferredFen: z.number(),
};

export const reliefTotalsSchema = z.object({
  rows: z.array(z.object({ month: z.string(), kind: z.enum(RELIEF_KIND_IDS), kindLabel: z.string(), ...totalsFigures })),
  total: z.object(totalsFigures),
});

export const remindersSchema = z.object({ awaitingMe: z.number(), dueSoon: z.number(), overdue: z.number(), overdueUnflagged: z.number() });

export type ReliefViewOut = z.output<typeof reliefViewSchema>;
