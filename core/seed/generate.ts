import { shippedCalendar, toDayNumber, fromDayNumber } from '../calendar/calendar';
import type { CaseType, PartyRole } from '../cases/types';
import { CASE_TYPE_RULES } from '../cases/types';
import { causeForFiling, findCauseByName, listCauses, revisionFor, type CauseRecord } from '../causes/catalogue';
import { organisationAt, type OrganisationCategory, type OrganisationDraft } from './organisations';
import {
  address,
  birthDateFor,
  division,
  ethnicity,
  HOME_DIVISION,
  landline,
  mobile,
  personName,
  residentIdFor,
  surnameOf,
  type Sex,
} from './people';
import { indexAtQuantile, Rng, Weighted } from './random';

/**
 * The case generator: what a litigation-service centre in 长兴 receives over the years, as drafts that the
 * seeder writes (core/seed/seed.ts). Pure apart from the seeded generator; the database decides only which
 * earlier party a returning person is.
 */

export interface PersonDraft {
  kind: 'person';
  name: string;
  sex: Sex;
  birthDate: string;
  ethnicity: string;
  idType: 'resident';
  idNumber: string;
  address: string;
  phone: string | null;
}

export type PartyDraft = PersonDraft | OrganisationDraft;

/** A party slot: a new person, an organisation of a pool (reused when it already exists), or a returning person. */
export type PartySlot =
  | { role: PartyRole; source: 'new'; party: PartyDraft; agents: AgentDraft[] }
  | { role: PartyRole; source: 'returning'; fallback: PartyDraft; agents: AgentDraft[] };

export interface AgentDraft {
  kind: 'lawyer' | 'relative' | 'other';
  name: string;
  idNumber: string | null;
  phone: string | null;
  organisation: string | null;
  licenseNo: string | null;
  authority: 'general' | 'special';
  authorityDetail: string | null;
}

export interface CaseDraft {
  caseType: CaseType;
  receivedOn: string;
  /** ISO instant (+08:00) on the received date, during office hours */
  createdAt: string;
  cause: CauseRecord;
  amountFen: number | null;
  claims: string;
  facts: string;
  materials: string[];
  parties: PartySlot[];
}

// ---------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------

/**
 * Spreads N cases over a date range in order of receipt: working days carry the load (the shipped legal
 * calendar knows holidays and make-up days; other years fall back to weekdays), weekends a trickle, and the
 * caseload grows about 12% a year. Case i of N always lands on the same day and minute.
 */
export class DaySchedule {
  private readonly days: string[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(from: string, to: string) {
    const calendar = shippedCalendar();
    const first = toDayNumber(from);
    const last = toDayNumber(to);
    if (last < first) throw new Error(`DaySchedule: ${to} is before ${from}`);
    const firstYear = Number(from.slice(0, 4));
    let sum = 0;
    for (let n = first; n <= last; n++) {
      const day = fromDayNumber(n);
      const growth = 1 + 0.12 * (Number(day.slice(0, 4)) - firstYear);
      sum += (calendar.isWorkingDay(day) ? 1 : 0.015) * growth;
      this.days.push(day);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  /** The day and office-hours time of quantile q ∈ [0, 1): monotone in q. */
  at(q: number): { day: string; time: string } {
    const target = q * this.total;
    const lo = indexAtQuantile(this.cumulative, target);
    const start = lo === 0 ? 0 : this.cumulative[lo - 1]!;
    const within = (target - start) / (this.cumulative[lo]! - start); // 0..1 through the day
    const seconds = Math.floor(8.5 * 3600 + within * 8.5 * 3600); // 08:30 … 17:00
    const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
    const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
    const ss = String(seconds % 60).padStart(2, '0');
    return { day: this.days[lo]!, time: `${hh}:${mm}:${ss}` };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Causes
// ---------------------------------------------------------------------------------------------------------

type Side = 'person' | OrganisationCategory;
type ClaimStyle = 'loan' | 'goods' | 'property' | 'injury' | 'divorce' | 'support' | 'wages' | 'lease' | 'generic' | 'noAmount';

interface CauseProfile {
  name: string;
  /** who brings the case, and against whom */
  plaintiff: Weighted<Side>;
  defendant: Weighted<Side>;
  /** median amount in yuan and log-normal sigma; null: usually no amount */
  median: number | null;
  sigma: number;
  style: ClaimStyle;
  /** extra defendants: insurer in a traffic case, guarantors in a bank loan */
  extra?: Side;
}

const P = (entries: [Side, number][]) => new Weighted<Side>(entries);
const PERSON = P([['person', 1]]);

const CIVIL_PROFILES: [CauseProfile, number][] = [
  [
    {
      name: '民间借贷纠纷',
      plaintiff: P([
        ['person', 92],
        ['lender', 8],
      ]),
      defendant: PERSON,
      median: 60_000,
      sigma: 1.0,
      style: 'loan',
    },
    22,
  ],
  [
    {
      name: '买卖合同纠纷',
      plaintiff: P([
        ['enterprise', 60],
        ['shop', 15],
        ['person', 25],
      ]),
      defendant: P([
        ['enterprise', 40],
        ['person', 60],
      ]),
      median: 50_000,
      sigma: 1.2,
      style: 'goods',
    },
    12,
  ],
  [{ name: '物业服务合同纠纷', plaintiff: P([['property', 1]]), defendant: PERSON, median: 3_500, sigma: 0.6, style: 'property' }, 7],
  [{ name: '信用卡纠纷', plaintiff: P([['bank', 1]]), defendant: PERSON, median: 30_000, sigma: 0.8, style: 'loan' }, 8],
  [
    {
      name: '金融借款合同纠纷',
      plaintiff: P([
        ['bank', 80],
        ['lender', 20],
      ]),
      defendant: PERSON,
      median: 200_000,
      sigma: 1.0,
      style: 'loan',
      extra: 'person',
    },
    8,
  ],
  [
    { name: '机动车交通事故责任纠纷', plaintiff: PERSON, defendant: PERSON, median: 60_000, sigma: 1.0, style: 'injury', extra: 'insurer' },
    9,
  ],
  [
    {
      name: '劳务合同纠纷',
      plaintiff: PERSON,
      defendant: P([
        ['person', 60],
        ['enterprise', 40],
      ]),
      median: 20_000,
      sigma: 0.8,
      style: 'wages',
    },
    6,
  ],
  [
    {
      name: '房屋租赁合同纠纷',
      plaintiff: P([
        ['person', 70],
        ['enterprise', 30],
      ]),
      defendant: PERSON,
      median: 25_000,
      sigma: 0.9,
      style: 'lease',
    },
    4,
  ],
  [{ name: '离婚纠纷', plaintiff: PERSON, defendant: PERSON, median: null, sigma: 0, style: 'divorce' }, 7],
  [{ name: '赡养纠纷', plaintiff: PERSON, defendant: PERSON, median: null, sigma: 0, style: 'support' }, 1.5],
  [
    {
      name: '追索劳动报酬纠纷',
      plaintiff: PERSON,
      defendant: P([
        ['enterprise', 80],
        ['shop', 20],
      ]),
      median: 15_000,
      sigma: 0.7,
      style: 'wages',
    },
    2,
  ],
  [
    {
      name: '建设工程施工合同纠纷',
      plaintiff: P([
        ['enterprise', 50],
        ['person', 50],
      ]),
      defendant: P([['enterprise', 1]]),
      median: 300_000,
      sigma: 1.2,
      style: 'goods',
    },
    2,
  ],
  [
    {
      name: '提供劳务者受害责任纠纷',
      plaintiff: PERSON,
      defendant: P([
        ['person', 60],
        ['enterprise', 40],
      ]),
      median: 80_000,
      sigma: 0.9,
      style: 'injury',
    },
    1.5,
  ],
  [
    {
      name: '装饰装修合同纠纷',
      plaintiff: P([
        ['person', 50],
        ['shop', 50],
      ]),
      defendant: P([
        ['person', 50],
        ['shop', 50],
      ]),
      median: 40_000,
      sigma: 0.8,
      style: 'goods',
    },
    1,
  ],
  [
    {
      name: '承揽合同纠纷',
      plaintiff: P([
        ['enterprise', 70],
        ['person', 30],
      ]),
      defendant: P([['enterprise', 1]]),
      median: 80_000,
      sigma: 1.0,
      style: 'goods',
    },
    1.5,
  ],
  [
    {
      name: '追偿权纠纷',
      plaintiff: P([
        ['person', 70],
        ['insurer', 30],
      ]),
      defendant: PERSON,
      median: 50_000,
      sigma: 1.0,
      style: 'loan',
    },
    1,
  ],
  [{ name: '财产损害赔偿纠纷', plaintiff: PERSON, defendant: PERSON, median: 10_000, sigma: 0.9, style: 'injury' }, 1],
  [{ name: '生命权、身体权、健康权纠纷', plaintiff: PERSON, defendant: PERSON, median: 30_000, sigma: 1.0, style: 'injury' }, 1.5],
  [{ name: '离婚后财产纠纷', plaintiff: PERSON, defendant: PERSON, median: 150_000, sigma: 1.0, style: 'generic' }, 0.5],
  [{ name: '相邻关系纠纷', plaintiff: PERSON, defendant: PERSON, median: null, sigma: 0, style: 'noAmount' }, 0.5],
];
/** Share of civil cases whose cause comes from anywhere in the catalogue (the long tail). */
const LONG_TAIL = 0.08;

const SPECIAL_PROFILES: [string, number][] = [
  ['申请司法确认调解协议', 94],
  ['申请撤销确认调解协议裁定', 1],
  ['申请宣告自然人失踪', 1.5],
  ['申请宣告自然人无民事行为能力', 2],
  ['申请认定财产无主', 0.5],
];

// ---------------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------------

export interface GeneratorOptions {
  seed: number;
  /** cases this run will generate: sizes the organisation pools */
  cases: number;
  /** the desk's "today": the latest instant a created-at may show */
  nowIso: string;
}

const LEGACY_UNTIL = '2024-12-31';
const CAUSE_REVISION_2025_FROM = '2026-01-01';

export class CaseGenerator {
  readonly rng: Rng;
  private readonly civil = new Weighted(CIVIL_PROFILES);
  private readonly special = new Weighted(SPECIAL_PROFILES);
  private readonly longTail: string[];
  private readonly causeMemo = new Map<string, CauseRecord>();
  private readonly pools: Record<OrganisationCategory, number>;

  constructor(private readonly opts: GeneratorOptions) {
    this.rng = new Rng(opts.seed);
    this.longTail = listCauses('2025')
      .filter((c) => c.name.endsWith('纠纷') && !CIVIL_PROFILES.some(([p]) => p.name === c.name))
      .map((c) => c.name);
    // Pool sizes: a handful of banks and insurers come back all the time; companies and shops less often.
    const n = Math.max(1, opts.cases);
    this.pools = {
      bank: 24,
      insurer: 8,
      lender: 6,
      property: Math.max(10, Math.round(n / 400)),
      enterprise: Math.max(50, Math.round(n / 3)),
      shop: Math.max(30, Math.round(n / 8)),
    };
  }

  caseType(receivedOn: string): CaseType {
    const legacy = receivedOn <= LEGACY_UNTIL;
    const r = this.rng.next() * 100;
    if (legacy) {
      // 2021–2024: much of the centre's work carried 民诉前调 numbers
      if (r < 45) return '民初';
      if (r < 57) return '民特';
      if (r < 60) return '民督';
      if (r < 65) return '财保';
      if (r < 75) return '调登';
      return '民诉前调';
    }
    if (r < 62) return '民初';
    if (r < 77) return '民特';
    if (r < 81) return '民督';
    if (r < 87) return '财保';
    return '调登';
  }

  /** The cause record the filing path would store for a cause name on a date (memoised causeForFiling). */
  private cause(name: string, receivedOn: string): CauseRecord {
    const revision = revisionFor(receivedOn);
    const key = `${revision}|${name}`;
    let record = this.causeMemo.get(key);
    if (!record) {
      const entry = receivedOn >= CAUSE_REVISION_2025_FROM ? findCauseByName('2025', name) : undefined;
      record = causeForFiling(entry ? { revision: entry.revision, no: entry.no } : { text: name }, receivedOn);
      this.causeMemo.set(key, record);
    }
    return record;
  }

  /** The next case, received on `when` (from DaySchedule.at). */
  next(when: { day: string; time: string }): CaseDraft {
    const rng = this.rng;
    const receivedOn = when.day;
    let createdAt = `${receivedOn}T${when.time}.${String(rng.int(0, 999)).padStart(3, '0')}+08:00`;
    if (createdAt > this.opts.nowIso) createdAt = this.opts.nowIso;
    const caseType = this.caseType(receivedOn);
    const rule = CASE_TYPE_RULES[caseType];
    const materials = rule.materials.filter((_m, i) => i < 2 || rng.chance(0.6));

    if (caseType === '民特') return this.specialCase(receivedOn, createdAt, materials);
    if (caseType === '民督' || caseType === '财保') return this.applicationCase(caseType, receivedOn, createdAt, materials);

    // 民初, 调登, 民诉前调: a civil dispute
    const tail = rng.chance(LONG_TAIL);
    const profile: CauseProfile = tail
      ? { name: rng.pick(this.longTail), plaintiff: PERSON, defendant: PERSON, median: 50_000, sigma: 1.1, style: 'generic' }
      : this.civil.pick(rng);
    const amountFen =
      profile.median === null
        ? profile.style === 'divorce' && rng.chance(0.3)
          ? this.amount(200_000, 0.9)
          : null
        : this.amount(profile.median, profile.sigma);
    const suit = caseType === '民初';
    const [first, second] = suit ? (['原告', '被告'] as const) : (['申请人', '被申请人'] as const);

    const parties: PartySlot[] = [];
    const plaintiffs = rng.chance(0.88) ? 1 : rng.chance(0.8) ? 2 : 3;
    let defendants = rng.chance(0.7) ? 1 : rng.chance(0.75) ? 2 : 3;
    if (profile.style === 'divorce') defendants = 1;
    const plaintiffSide = profile.plaintiff.pick(rng);
    let plaintiffSurname: string | undefined;
    let plaintiffSex: Sex | undefined;
    for (let i = 0; i < plaintiffs; i++) {
      const slot = this.slot(first, i === 0 ? plaintiffSide : 'person', receivedOn, profile.style === 'support' ? { minAge: 65 } : {});
      if (i === 0 && slot.source === 'new' && slot.party.kind === 'person') {
        plaintiffSurname = surnameOf(slot.party.name);
        plaintiffSex = slot.party.sex;
      }
      parties.push(slot);
    }
    for (let i = 0; i < defendants; i++) {
      let side = i === 0 ? profile.defendant.pick(rng) : (profile.extra ?? 'person');
      if (profile.extra === 'insurer' && i === 0) side = 'person';
      let hint: SlotHint = {};
      if (profile.style === 'divorce' && plaintiffSex) hint = { sex: plaintiffSex === 'male' ? 'female' : 'male', fresh: true };
      if (profile.style === 'support' && plaintiffSurname) hint = { surname: plaintiffSurname, fresh: true };
      parties.push(this.slot(second, side, receivedOn, hint));
    }
    if (profile.extra === 'insurer' && !parties.some((p) => p.source === 'new' && p.party.kind === 'organisation')) {
      parties.push(this.slot(second, 'insurer', receivedOn));
    }
    if (suit && rng.chance(0.04)) parties.push(this.slot('第三人', rng.chance(0.5) ? 'person' : 'enterprise', receivedOn));
    this.addAgents(parties, suit);

    const yuan = amountFen === null ? null : amountFen / 100;
    let claims = claimsText(profile.style, yuan, receivedOn, rng);
    if (!suit) claims = `申请调解：${claims.replace(/原告/g, '申请人').replace(/被告/g, '被申请人').replace(/判令/g, '请求')}`;
    return {
      caseType,
      receivedOn,
      createdAt,
      cause: this.cause(profile.name, receivedOn),
      amountFen,
      claims,
      facts: rng.chance(0.25) ? factsText(profile.style, receivedOn, rng) : '',
      materials,
      parties,
    };
  }

  private specialCase(receivedOn: string, createdAt: string, materials: string[]): CaseDraft {
    const rng = this.rng;
    const name = this.special.pick(rng);
    const confirmation = name === '申请司法确认调解协议';
    const parties: PartySlot[] = [];
    if (confirmation) {
      parties.push(this.slot('申请人', rng.chance(0.85) ? 'person' : rng.pick(['property', 'enterprise', 'insurer'] as const), receivedOn));
      parties.push(this.slot('申请人', 'person', receivedOn));
      if (rng.chance(0.1)) parties.push(this.slot('申请人', 'person', receivedOn));
    } else {
      parties.push(this.slot('申请人', 'person', receivedOn));
      if (name !== '申请认定财产无主') parties.push(this.slot('被申请人', 'person', receivedOn, { fresh: true }));
    }
    this.addAgents(parties, false);
    const amountFen = confirmation && rng.chance(0.6) ? this.amount(30_000, 1.0) : null;
    // an application for confirmation comes within 30 days of the agreement
    const agreed = fromDayNumber(toDayNumber(receivedOn) - rng.int(1, 25));
    const committee = `长兴县${rng.pick(HOME_DIVISION.towns)}人民调解委员会`;
    const claims = confirmation
      ? `请求确认申请人于 ${cnDate(agreed)}经${committee}主持调解达成的调解协议有效。`
      : name === '申请认定财产无主'
        ? '请求认定申请人发现的财产为无主财产，收归国家所有。'
        : `请求${name.replace(/^申请/, '')}。`;
    return {
      caseType: '民特',
      receivedOn,
      createdAt,
      cause: this.cause(name, receivedOn),
      amountFen,
      claims,
      facts: '',
      materials,
      parties,
    };
  }

  private applicationCase(caseType: '民督' | '财保', receivedOn: string, createdAt: string, materials: string[]): CaseDraft {
    const rng = this.rng;
    const payment = caseType === '民督';
    const applicantSide: Side = payment
      ? rng.pick(['bank', 'enterprise', 'enterprise', 'person', 'property'] as const)
      : rng.pick(['person', 'person', 'enterprise', 'bank'] as const);
    const parties: PartySlot[] = [this.slot('申请人', applicantSide, receivedOn)];
    const respondents = payment ? 1 : rng.chance(0.75) ? 1 : 2;
    for (let i = 0; i < respondents; i++) parties.push(this.slot('被申请人', rng.chance(0.8) ? 'person' : 'enterprise', receivedOn));
    this.addAgents(parties, false);
    const amountFen = this.amount(payment ? 40_000 : 150_000, 1.0);
    const yuan = formatYuan(amountFen / 100);
    const claims = payment
      ? `请求向被申请人发出支付令，督促被申请人给付申请人 ${yuan} 元及逾期付款利息。`
      : `请求冻结被申请人银行存款 ${yuan} 元，或查封、扣押其相应价值的其他财产。`;
    const causeName = payment ? '申请支付令' : '申请诉前财产保全';
    return { caseType, receivedOn, createdAt, cause: this.cause(causeName, receivedOn), amountFen, claims, facts: '', materials, parties };
  }

  /** Log-normal amount in whole fen, mostly round yuan. */
  private amount(medianYuan: number, sigma: number): number {
    const rng = this.rng;
    const yuan = Math.max(100, medianYuan * Math.exp(sigma * rng.normal()));
    if (rng.chance(0.3)) return Math.round(yuan * 100); // to the fen
    const step = yuan > 100_000 ? 1000 : yuan > 10_000 ? 100 : 1;
    return Math.round(yuan / step) * step * 100;
  }

  private slot(role: PartyRole, side: Side, receivedOn: string, hint: SlotHint = {}): PartySlot {
    const rng = this.rng;
    if (side !== 'person') {
      // Frequent litigants first: k is skewed towards the start of the pool.
      const k = Math.floor(this.pools[side] * Math.pow(rng.next(), 2));
      return { role, source: 'new', party: organisationAt(this.opts.seed, side, k), agents: [] };
    }
    const party = this.person(receivedOn, hint);
    // About one person in eleven is someone the court has seen before (with the organisations that come
    // back, about a fifth of all party seats go to a returning party).
    if (!hint.fresh && rng.chance(0.09)) return { role, source: 'returning', fallback: party, agents: [] };
    return { role, source: 'new', party, agents: [] };
  }

  person(receivedOn: string, hint: SlotHint = {}): PersonDraft {
    const rng = this.rng;
    const sex: Sex = hint.sex ?? (rng.chance(0.56) ? 'male' : 'female');
    const d = division(rng);
    let birthDate = birthDateFor(rng, receivedOn);
    if (hint.minAge) {
      const year = Number(receivedOn.slice(0, 4)) - hint.minAge - rng.int(0, 20);
      birthDate = `${year}${birthDate.slice(4, 7)}-${birthDate.slice(8, 10) > '28' ? '28' : birthDate.slice(8, 10)}`;
    }
    const roll = rng.next();
    return {
      kind: 'person',
      name: personName(rng, sex, hint.surname),
      sex,
      birthDate,
      ethnicity: ethnicity(rng),
      idType: 'resident',
      idNumber: residentIdFor(d.code, birthDate, sex, rng),
      // people live where the court is, whatever their ID says; some still give their home address
      address: address(rng, rng.chance(0.8) ? HOME_DIVISION : d),
      phone: roll < 0.94 ? mobile(rng) : roll < 0.97 ? landline(rng) : null,
    };
  }

  private addAgents(parties: PartySlot[], suit: boolean): void {
    const rng = this.rng;
    parties.forEach((p, i) => {
      const organisation = p.source === 'new' && p.party.kind === 'organisation';
      const plaintiffSide = i === 0;
      const p_lawyer = plaintiffSide ? (organisation ? 0.7 : 0.35) : 0.1;
      if (rng.chance(suit ? p_lawyer : p_lawyer / 3)) {
        p.agents.push(this.lawyer());
        if (rng.chance(0.15)) p.agents.push(this.lawyer());
      } else if (!organisation && rng.chance(0.03)) {
        const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
        const birth = birthDateFor(rng, '2020-01-01');
        p.agents.push({
          kind: 'relative',
          name: personName(rng, sex),
          idNumber: residentIdFor(HOME_DIVISION.code, birth, sex, rng),
          phone: mobile(rng),
          organisation: rng.pick(['系原告之子', '系原告之女', '系其配偶', '系其父亲', '系其兄弟']),
          licenseNo: null,
          authority: 'general',
          authorityDetail: null,
        });
      }
    });
  }

  private lawyer(): AgentDraft {
    const rng = this.rng;
    const special = rng.chance(0.8);
    return {
      kind: 'lawyer',
      name: personName(rng, rng.chance(0.6) ? 'male' : 'female'),
      idNumber: null,
      phone: mobile(rng),
      organisation: `浙江${rng.pick(LAW_FIRMS)}律师事务所`,
      licenseNo: `1${rng.pick(['3305', '3301', '3304'])}${rng.pick(['22', '02', '01'])}${rng.int(2005, 2024)}${rng.int(1, 2)}${rng.digits(5)}`,
      authority: special ? 'special' : 'general',
      authorityDetail: special ? '代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉，代收法律文书' : null,
    };
  }
}

interface SlotHint {
  sex?: Sex;
  surname?: string;
  minAge?: number;
  /** always a new person (a spouse, a child), never a returning one */
  fresh?: boolean;
}

const LAW_FIRMS = ['明珠', '太湖', '金陵', '雉城', '龙山', '吴兴', '天册', '泽大', '六和', '京衡', '合创', '知行', '瑞丰', '顾渚', '箬溪'];

// ---------------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------------

/** 150000 → "150,000"; 1234.5 → "1,234.50" */
export function formatYuan(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const whole = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = fen % 100;
  return cents === 0 ? whole : `${whole}.${String(cents).padStart(2, '0')}`;
}

function dateBefore(date: string, months: number): string {
  return fromDayNumber(toDayNumber(date) - Math.round(months * 30.4));
}

/** 2025-03-01 → 2025 年 3 月 1 日 */
function cnDate(date: string): string {
  return `${Number(date.slice(0, 4))} 年 ${Number(date.slice(5, 7))} 月 ${Number(date.slice(8, 10))} 日`;
}

function claimsText(style: ClaimStyle, yuan: number | null, receivedOn: string, rng: Rng): string {
  const y = yuan === null ? '' : formatYuan(yuan);
  const since = cnDate(dateBefore(receivedOn, rng.int(3, 30)));
  const costs = '本案诉讼费用由被告承担。';
  switch (style) {
    case 'loan':
      return `1. 判令被告偿还借款本金 ${y} 元及利息（以 ${y} 元为基数，自 ${since}起按全国银行间同业拆借中心公布的一年期贷款市场报价利率计算至实际清偿之日止）；2. ${costs}`;
    case 'goods':
      return `1. 判令被告支付价款 ${y} 元及逾期付款损失（自 ${since}起计算至实际付清之日止）；2. ${costs}`;
    case 'property':
      return `1. 判令被告支付 ${since}至今的物业服务费 ${y} 元及违约金；2. ${costs}`;
    case 'injury':
      return `1. 判令被告赔偿医疗费、误工费、护理费、交通费等各项损失共计 ${y} 元；2. ${costs}`;
    case 'divorce':
      return `1. 判令原告与被告离婚；2. 婚生子女由原告抚养，被告每月支付抚养费 ${rng.int(8, 30) * 100} 元至其年满十八周岁止；3. 依法分割夫妻共同财产${yuan === null ? '' : `（价值约 ${y} 元）`}；4. ${costs}`;
    case 'support':
      return `1. 判令被告每月支付原告赡养费 ${rng.int(5, 20) * 100} 元；2. 原告今后的医疗费用由被告按份负担；3. ${costs}`;
    case 'wages':
      return `1. 判令被告支付劳务报酬 ${y} 元；2. ${costs}`;
    case 'lease':
      return `1. 判令解除原告与被告之间的房屋租赁合同；2. 判令被告支付拖欠的租金 ${y} 元并腾退房屋；3. ${costs}`;
    case 'noAmount':
      return `1. 判令被告排除妨碍、恢复原状；2. ${costs}`;
    default:
      return yuan === null ? `1. 依法判令被告履行相应义务；2. ${costs}` : `1. 判令被告支付原告 ${y} 元；2. ${costs}`;
  }
}

function factsText(style: ClaimStyle, receivedOn: string, rng: Rng): string {
  const when = cnDate(dateBefore(receivedOn, rng.int(4, 36)));
  switch (style) {
    case 'loan':
      return `${when}，被告因资金周转需要向原告借款，并出具借条一份，约定还款期限。期限届满后，经原告多次催讨，被告至今未还。`;
    case 'goods':
      return `${when}起，原告与被告建立买卖（承揽）关系，原告依约交付货物（完成工作），被告尚欠款项未付，经催讨未果。`;
    case 'injury':
      return `${when}，原告在事故中受伤，经送医治疗，产生医疗费等损失。双方就赔偿事宜协商未果，故诉至法院。`;
    case 'divorce':
      return `原告与被告于 ${when}登记结婚，婚后因性格不合经常发生争吵，夫妻感情确已破裂。`;
    default:
      return `${when}起，双方发生纠纷，经协商未果，为维护合法权益，特诉至法院。`;
  }
}
