import { usccCheckChar } from '../parties/identity';
import { personName, landline, mobile, HOME_DIVISION, address } from './people';
import { Rng } from './random';

/**
 * Organisations for demo and benchmark data. Each category is a pool of organisations identified by an
 * index: organisation k of a pool is a pure function of (seed, category, k), so the same bank or property
 * company comes back case after case (found again by its USCC, as a returning party is at the counter).
 * Names are fictional; USCCs are valid per GB 32100 (and their organisation-code part per GB 11714).
 */

export type OrganisationCategory = 'bank' | 'property' | 'insurer' | 'lender' | 'enterprise' | 'shop';

export interface OrganisationDraft {
  kind: 'organisation';
  name: string;
  idType: 'uscc';
  idNumber: string;
  representative: string;
  representativeTitle: string;
  address: string;
  phone: string | null;
}

// GB 32100 characters: digits and capitals without I, O, Z, S, V.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const HUZHOU_DIVISIONS = ['330522', '330522', '330522', '330522', '330502', '330503', '330521', '330523', '330500'];

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i]!;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * weights[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** A valid USCC: registration authority + type (91 enterprise, 92 individual business), division, organisation code, check. */
export function uscc(rng: Rng, authorityAndType: '91' | '92' = '91'): string {
  const division = rng.pick(HUZHOU_DIVISIONS);
  let body: string;
  if (rng.chance(0.65)) {
    // since 2015 codes are issued as MA…
    body = 'MA';
    for (let i = 0; i < 6; i++) body += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
  } else body = rng.digits(8);
  const first17 = `${authorityAndType}${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

const BRAND_FIRST = [...'金华恒明鼎瑞盛宏永新泰嘉隆丰兴达信安正和远佳鑫祥博中天润诚富'];
const BRAND_SECOND = [...'源达泰盛丰通辉宇鑫隆发成利昌晟力越邦创诚程航伟德森峰捷凯顺'];
const BANK_BRANDS = ['苕溪', '箬溪', '顾渚', '画溪'];
const INDUSTRIES = [
  '物资',
  '建材',
  '纺织',
  '蓄电池',
  '新能源科技',
  '机械制造',
  '房地产开发',
  '建筑工程',
  '商贸',
  '汽车销售服务',
  '电子商务',
  '餐饮管理',
  '装饰工程',
  '物流',
  '粉体材料',
  '电子科技',
  '服饰',
  '家具',
  '环保科技',
  '针织',
  '塑业',
  '金属制品',
  '汽车租赁',
  '劳务',
  '园林绿化',
  '茶业',
  '农业开发',
  '机电设备',
  '印刷',
  '包装材料',
];
const PLACES = ['长兴', '浙江', '湖州', '长兴县'];
const SHOPS = ['副食品店', '五金店', '建材经营部', '饭店', '汽车修理厂', '服装店', '水果店', '家电经营部', '烟酒商行', '电动车行'];
const TITLES = ['执行董事', '董事长', '总经理', '执行董事兼总经理', '经理'];

function brand(n: number): string {
  const a = BRAND_FIRST[n % BRAND_FIRST.length]!;
  const b = BRAND_SECOND[Math.floor(n / BRAND_FIRST.length) % BRAND_SECOND.length]!;
  return a + b;
}
const BRANDS = BRAND_FIRST.length * BRAND_SECOND.length;

/** Scatters k over the name space (an odd multiplier is a bijection modulo a power of two). */
function scatter(k: number, space: number): number {
  return Number((BigInt(k) * 2654435761n) % BigInt(space));
}

function hash(seed: number, category: string, k: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${category}:${k}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** Organisation number k of a category: the same seed and k always give the same organisation. */
export function organisationAt(seed: number, category: OrganisationCategory, k: number): OrganisationDraft {
  const rng = new Rng(hash(seed, category, k));
  const towns = HOME_DIVISION.towns;
  let name: string;
  let title = rng.pick(TITLES);
  let kind: '91' | '92' = '91';
  switch (category) {
    case 'bank':
      name = `浙江${BANK_BRANDS[k % BANK_BRANDS.length]}商业银行股份有限公司长兴${towns[Math.floor(k / BANK_BRANDS.length) % towns.length]!.replace(/街道|镇|乡/, '')}支行`;
      title = '行长';
      break;
    case 'insurer':
      name = `${brand(scatter(k, BRANDS))}财产保险股份有限公司${k < BRANDS ? '长兴支公司' : `湖州中心支公司`}`;
      title = '负责人';
      break;
    case 'lender':
      name = `长兴县${brand(scatter(k + 7, BRANDS))}小额贷款股份有限公司`;
      title = '董事长';
      break;
    case 'property':
      name = `长兴${brand(scatter(k + 13, BRANDS))}物业服务有限公司`;
      break;
    case 'shop': {
      const n = scatter(k, BRANDS * SHOPS.length * towns.length);
      name = `长兴县${towns[n % towns.length]}${brand(Math.floor(n / towns.length) % BRANDS)}${SHOPS[Math.floor(n / towns.length / BRANDS) % SHOPS.length]}`;
      title = '经营者';
      kind = '92';
      break;
    }
    case 'enterprise': {
      const space = BRANDS * INDUSTRIES.length * PLACES.length;
      const n = scatter(k, space) + Math.floor(k / space) * space; // unique for k < space; beyond, names repeat
      const b = n % BRANDS;
      const ind = Math.floor(n / BRANDS) % INDUSTRIES.length;
      const place = Math.floor(n / BRANDS / INDUSTRIES.length) % PLACES.length;
      name = `${PLACES[place]}${brand(b)}${INDUSTRIES[ind]}${rng.chance(0.15) ? '股份' : ''}有限公司`;
      break;
    }
  }
  return {
    kind: 'organisation',
    name,
    idType: 'uscc',
    idNumber: uscc(rng, kind),
    representative: personName(rng, rng.chance(0.75) ? 'male' : 'female'),
    representativeTitle: title,
    address: address(rng, HOME_DIVISION, 'street'),
    phone: rng.chance(0.6) ? landline(rng) : rng.chance(0.85) ? mobile(rng) : null,
  };
}
