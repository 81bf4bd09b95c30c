import { residentIdCheckChar } from '../parties/identity';
import { Rng, Weighted, zipf } from './random';

/**
 * Realistic natural persons for demo and benchmark data: names drawn from weighted surname and given-name
 * tables (about 15% two-character names such as 张三, a few compound surnames, a few rare characters outside
 * the BMP such as 𠀾), resident IDs with valid check characters and plausible division codes (mostly
 * 长兴县 and the rest of 湖州, then Zhejiang and the provinces people move here from), birth dates, mobiles
 * and addresses. Nothing here touches a database.
 */

// Surname shares, roughly the national ranking adjusted for northern Zhejiang (陈, 沈, 钱, 姚, 徐 more common).
const SURNAMES = new Weighted<string>([
  ['陈', 8.0],
  ['王', 6.8],
  ['张', 5.6],
  ['李', 5.0],
  ['沈', 3.2],
  ['吴', 3.0],
  ['徐', 3.0],
  ['周', 2.6],
  ['刘', 2.6],
  ['杨', 2.2],
  ['钱', 2.0],
  ['朱', 2.0],
  ['金', 1.9],
  ['胡', 1.8],
  ['姚', 1.7],
  ['潘', 1.5],
  ['费', 1.2],
  ['蒋', 1.3],
  ['俞', 1.1],
  ['施', 1.1],
  ['黄', 1.6],
  ['赵', 1.5],
  ['孙', 1.3],
  ['马', 1.0],
  ['郭', 0.9],
  ['何', 0.9],
  ['林', 0.9],
  ['高', 0.9],
  ['罗', 0.7],
  ['郑', 0.8],
  ['梁', 0.5],
  ['谢', 0.6],
  ['宋', 0.6],
  ['唐', 0.6],
  ['许', 0.7],
  ['韩', 0.5],
  ['冯', 0.6],
  ['邓', 0.4],
  ['曹', 0.5],
  ['彭', 0.4],
  ['曾', 0.3],
  ['肖', 0.4],
  ['田', 0.4],
  ['董', 0.5],
  ['袁', 0.4],
  ['蔡', 0.5],
  ['余', 0.5],
  ['于', 0.3],
  ['杜', 0.3],
  ['叶', 0.7],
  ['程', 0.4],
  ['魏', 0.3],
  ['苏', 0.3],
  ['吕', 0.4],
  ['丁', 0.4],
  ['任', 0.3],
  ['卢', 0.3],
  ['钟', 0.3],
  ['姜', 0.3],
  ['崔', 0.2],
  ['谭', 0.2],
  ['陆', 0.6],
  ['范', 0.4],
  ['汪', 0.6],
  ['廖', 0.2],
  ['石', 0.3],
  ['韦', 0.1],
  ['贾', 0.2],
  ['夏', 0.4],
  ['付', 0.2],
  ['方', 0.5],
  ['邹', 0.2],
  ['熊', 0.2],
  ['白', 0.2],
  ['孟', 0.2],
  ['秦', 0.2],
  ['邱', 0.3],
  ['侯', 0.2],
  ['江', 0.3],
  ['尹', 0.2],
  ['薛', 0.2],
  ['闫', 0.1],
  ['段', 0.1],
  ['雷', 0.1],
  ['龙', 0.1],
  ['史', 0.2],
  ['陶', 0.3],
  ['贺', 0.2],
  ['毛', 0.3],
  ['郝', 0.1],
  ['顾', 0.4],
  ['龚', 0.2],
  ['邵', 0.3],
  ['万', 0.2],
  ['戴', 0.3],
  ['严', 0.3],
  ['章', 0.4],
  ['楼', 0.2],
  ['应', 0.2],
  ['臧', 0.1],
  ['谈', 0.1],
  ['闵', 0.1],
  ['茅', 0.1],
  ['倪', 0.3],
  ['葛', 0.2],
  ['柏', 0.05],
  ['褚', 0.1],
  // compound surnames, rare
  ['欧阳', 0.05],
  ['司马', 0.02],
  ['上官', 0.02],
  ['诸葛', 0.01],
  ['端木', 0.01],
]);

const MALE_CHARS = new Weighted(
  zipf(
    [
      ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林建国海峰东亮文志成晨阳立新永春德荣庆祥金兵生云良忠江福泽睿子轩博豪然一诚嘉铭皓奕航宏毅佳正俊天晓雷锋剑坤彬民',
    ],
    0.6,
  ),
);
const FEMALE_CHARS = new Weighted(
  zipf(
    [...'芳娜敏静丽艳娟霞秀燕玲婷雪慧颖琳晶洁倩萍红梅英兰华佳欣怡悦雨思涵琪瑶妍诗萱可馨月春美玉凤云莉露蕾晓小文琴素彩菊珍桂娇翠莹婉雯茜蓉'],
    0.6,
  ),
);
/** Characters from CJK extensions that names really use (and that break naive code): BMP Ext-A and astral Ext-B…F. */
export const RARE_NAME_CHARS = ['㛃', '𠀾', '䶮', '𪚥', '𬌗', '𫖮', '堃', '喆', '犇', '淼', '赟', '燊', '頔'] as const;

export type Sex = 'male' | 'female';

export function personName(rng: Rng, sex: Sex, surname?: string): string {
  const family = surname ?? SURNAMES.pick(rng);
  const chars = sex === 'male' ? MALE_CHARS : FEMALE_CHARS;
  // ~15% of names are two characters (张三); compound surnames always take a given name of one or two.
  const single = rng.chance(0.15);
  let given = chars.pick(rng);
  if (!single) {
    let second = chars.pick(rng);
    if (second === given && !rng.chance(0.3)) second = chars.pick(rng); // some reduplicated names (婷婷)
    given += second;
  }
  if (rng.chance(0.004)) {
    const g = [...given];
    g[g.length - 1] = rng.pick(RARE_NAME_CHARS);
    given = g.join('');
  }
  return family + given;
}

export function surnameOf(name: string): string {
  for (const compound of ['欧阳', '司马', '上官', '诸葛', '端木']) if (name.startsWith(compound)) return compound;
  return [...name][0]!;
}

// ---------------------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------------------

export interface Division {
  code: string;
  /** province + city + county as written in an address */
  prefix: string;
  /** towns and streets of the county */
  towns: readonly string[];
  /** roads used in addresses; empty → village-style addresses */
  roads: readonly string[];
}

const CHANGXING: Division = {
  code: '330522',
  prefix: '浙江省湖州市长兴县',
  towns: [
    '雉城街道',
    '画溪街道',
    '太湖街道',
    '龙山街道',
    '洪桥镇',
    '李家巷镇',
    '夹浦镇',
    '林城镇',
    '虹星桥镇',
    '和平镇',
    '泗安镇',
    '小浦镇',
    '煤山镇',
    '水口乡',
    '吕山乡',
  ],
  roads: [
    '明珠路',
    '金陵路',
    '长兴大道',
    '龙山路',
    '解放路',
    '人民路',
    '县前街',
    '中央大道',
    '太湖大道',
    '画溪路',
    '龙溪路',
    '大南门路',
    '齐山路',
    '广场路',
    '环城路',
    '浦东路',
  ],
};

const DIVISIONS: readonly (readonly [Division, number])[] = [
  [CHANGXING, 58],
  [
    {
      code: '330502',
      prefix: '浙江省湖州市吴兴区',
      towns: ['朝阳街道', '爱山街道', '飞英街道', '龙泉街道', '织里镇', '八里店镇'],
      roads: ['人民路', '红旗路', '凤凰路', '劳动路', '青铜路', '吉山路'],
    },
    8,
  ],
  [
    {
      code: '330503',
      prefix: '浙江省湖州市南浔区',
      towns: ['南浔镇', '练市镇', '双林镇', '菱湖镇', '和孚镇'],
      roads: ['适园路', '人瑞路', '朝阳路'],
    },
    4,
  ],
  [
    {
      code: '330521',
      prefix: '浙江省湖州市德清县',
      towns: ['武康街道', '舞阳街道', '新市镇', '乾元镇'],
      roads: ['英溪路', '千秋街', '永安街'],
    },
    3,
  ],
  [
    {
      code: '330523',
      prefix: '浙江省湖州市安吉县',
      towns: ['递铺街道', '孝丰镇', '天子湖镇', '梅溪镇'],
      roads: ['胜利路', '浦源大道', '天目路'],
    },
    5,
  ],
  [{ code: '330110', prefix: '浙江省杭州市余杭区', towns: ['临平街道', '五常街道', '良渚街道'], roads: ['文一西路', '荆长路'] }, 1],
  [{ code: '330481', prefix: '浙江省嘉兴市海宁市', towns: ['海洲街道', '许村镇'], roads: ['文苑路', '海昌路'] }, 1],
  [{ code: '330681', prefix: '浙江省绍兴市诸暨市', towns: ['暨阳街道', '店口镇'], roads: ['艮塔路', '浣纱路'] }, 0.6],
  [{ code: '330782', prefix: '浙江省金华市义乌市', towns: ['稠城街道', '北苑街道'], roads: ['工人路', '宾王路'] }, 0.6],
  [{ code: '330381', prefix: '浙江省温州市瑞安市', towns: ['安阳街道', '塘下镇'], roads: ['万松路', '安阳路'] }, 0.6],
  [{ code: '320481', prefix: '江苏省常州市溧阳市', towns: ['溧城街道', '天目湖镇'], roads: ['平陵路', '燕山路'] }, 1],
  [{ code: '320582', prefix: '江苏省苏州市张家港市', towns: ['杨舍镇', '锦丰镇'], roads: ['暨阳路', '人民路'] }, 0.4],
  [{ code: '341882', prefix: '安徽省宣城市广德市', towns: ['桃州镇', '新杭镇', '誓节镇'], roads: [] }, 1.6],
  [{ code: '341802', prefix: '安徽省宣城市宣州区', towns: ['澄江街道', '水阳镇'], roads: [] }, 0.8],
  [{ code: '341221', prefix: '安徽省阜阳市临泉县', towns: ['城关街道', '杨桥镇', '长官镇'], roads: [] }, 2],
  [{ code: '341523', prefix: '安徽省六安市舒城县', towns: ['城关镇', '干汊河镇'], roads: [] }, 0.8],
  [{ code: '411627', prefix: '河南省周口市太康县', towns: ['城关回族镇', '朱口镇'], roads: [] }, 1],
  [{ code: '411521', prefix: '河南省信阳市罗山县', towns: ['龙山街道', '周党镇'], roads: [] }, 0.6],
  [{ code: '510722', prefix: '四川省绵阳市三台县', towns: ['潼川镇', '芦溪镇'], roads: [] }, 0.7],
  [{ code: '511621', prefix: '四川省广安市岳池县', towns: ['九龙街道', '罗渡镇'], roads: [] }, 0.5],
  [{ code: '520327', prefix: '贵州省遵义市凤冈县', towns: ['龙泉镇', '进化镇'], roads: [] }, 0.6],
  [{ code: '520521', prefix: '贵州省毕节市大方县', towns: ['顺德街道', '羊场镇'], roads: [] }, 0.5],
  [{ code: '361127', prefix: '江西省上饶市余干县', towns: ['玉亭镇', '瑞洪镇'], roads: [] }, 0.7],
  [{ code: '430524', prefix: '湖南省邵阳市隆回县', towns: ['桃洪镇', '六都寨镇'], roads: [] }, 0.5],
];
const DIVISION_TABLE = new Weighted(DIVISIONS);

export function division(rng: Rng): Division {
  return DIVISION_TABLE.pick(rng);
}

/** The county a party usually lives in: 长兴, whatever the ID says (people moved here for work). */
export const HOME_DIVISION = CHANGXING;

const ESTATES = [
  '明珠花园',
  '金陵新村',
  '龙山苑',
  '太湖花城',
  '画溪家园',
  '君悦华庭',
  '香山美墅',
  '锦绣江南',
  '和平小区',
  '城南新村',
  '阳光水岸',
  '新天地',
];
const VILLAGES = [
  '新川村',
  '方一村',
  '上莘桥村',
  '五里桥村',
  '城南村',
  '东川村',
  '和平村',
  '南庄村',
  '横山村',
  '吕山村',
  '北汤村',
  '尚儒村',
];
const HAMLETS = ['东塘', '西湾', '里庄', '桥头', '竹园', '新屋'];

/** 浙江省湖州市长兴县雉城街道明珠路 18 号 / …村…自然村 23 号 / …小区 5 幢 2 单元 301 室 */
export function address(rng: Rng, d: Division, style: 'any' | 'street' = 'any'): string {
  const town = rng.pick(d.towns);
  const roll = style === 'street' ? 0 : rng.next();
  if (d.roads.length > 0 && roll < 0.45) return `${d.prefix}${town}${rng.pick(d.roads)} ${rng.int(1, 999)} 号`;
  if (d.roads.length > 0 && roll < 0.75) {
    return `${d.prefix}${town}${rng.pick(ESTATES)} ${rng.int(1, 36)} 幢 ${rng.int(1, 4)} 单元 ${rng.int(1, 18)}0${rng.int(1, 4)} 室`;
  }
  if (rng.chance(0.5)) return `${d.prefix}${town}${rng.pick(VILLAGES)}${rng.pick(HAMLETS)}自然村 ${rng.int(1, 120)} 号`;
  return `${d.prefix}${town}${rng.pick(VILLAGES)}${rng.int(1, 12)}组 ${rng.int(1, 80)} 号`;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------

/** A valid 18-character resident ID: division, birth date (YYYY-MM-DD), sequence with the sex parity, check character. */
export function residentIdFor(divisionCode: string, birthDate: string, sex: Sex, rng: Rng): string {
  const seq2 = rng.digits(2);
  let last = rng.int(0, 4) * 2; // even: female
  if (sex === 'male') last += 1;
  const first17 = `${divisionCode}${birthDate.replace(/-/g, '')}${seq2}${last}`;
  return first17 + residentIdCheckChar(first17);
}

/** A birth date for an adult aged 18–88 on `onDate`, mostly 25–60. */
export function birthDateFor(rng: Rng, onDate: string): string {
  const age = Math.min(88, Math.max(18, Math.round(42 + rng.normal() * 13)));
  const year = Number(onDate.slice(0, 4)) - age - (rng.chance(0.5) ? 1 : 0);
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // at least 18 whole years before onDate, so always earlier
  return `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

const MOBILE_PREFIXES = new Weighted<string>([
  ['139', 6],
  ['138', 5],
  ['137', 4],
  ['135', 5],
  ['136', 3],
  ['134', 2],
  ['150', 3],
  ['151', 3],
  ['152', 2],
  ['157', 2],
  ['158', 4],
  ['159', 4],
  ['187', 3],
  ['188', 2],
  ['182', 2],
  ['183', 2],
  ['130', 2],
  ['131', 2],
  ['132', 1],
  ['155', 2],
  ['156', 2],
  ['185', 2],
  ['186', 2],
  ['133', 1],
  ['153', 1],
  ['180', 1],
  ['181', 1],
  ['189', 2],
  ['177', 1],
  ['173', 1],
  ['166', 1],
  ['191', 1],
  ['199', 1],
  ['198', 1],
  ['147', 0.5],
  ['178', 1],
]);

export function mobile(rng: Rng): string {
  return MOBILE_PREFIXES.pick(rng) + rng.digits(8);
}

/** A 长兴 landline: 0572-6xxxxxx. */
export function landline(rng: Rng): string {
  return `0572-6${rng.digits(6)}`;
}

const ETHNICITIES = new Weighted<string>([
  ['汉族', 980],
  ['畲族', 5],
  ['土家族', 3],
  ['苗族', 3],
  ['回族', 3],
  ['彝族', 2],
  ['满族', 2],
  ['布依族', 2],
]);

export function ethnicity(rng: Rng): string {
  return ETHNICITIES.pick(rng);
}
