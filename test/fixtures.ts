import { residentIdCheckChar } from '../core/parties/identity';
import { userToken, type Harness } from './harness';

/** A valid resident ID for a division, birth date (YYYYMMDD) and sequence: the check character computed. */
export function residentId(division: string, birth: string, seq: string): string {
  const first17 = `${division}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** Real-world awkward data: rare characters (㛃, 𠀾), full-width punctuation, GB18030-only characters. */
export const ZHANG_SAN = {
  kind: 'person' as const,
  name: '张三',
  idType: 'resident' as const,
  idNumber: residentId('330522', '19850312', '123'),
  address: '浙江省湖州市长兴县雉城街道明珠路 1 号',
  phone: '13905721234',
};
export const LI_SI = {
  kind: 'person' as const,
  name: '李四',
  idType: 'resident' as const,
  idNumber: residentId('330522', '19900101', '246'),
  address: '长兴县画溪街道',
  phone: '13905725678',
};
export const RARE = {
  kind: 'person' as const,
  name: '王㛃𠀾',
  idType: 'resident' as const,
  idNumber: residentId('330501', '19790808', '111'),
  address: '湖州市吴兴区（老城区）',
  phone: '0572-6021234',
};
export const COMPANY = {
  kind: 'organisation' as const,
  name: '长兴明珠物业服务有限公司',
  idType: 'uscc' as const,
  idNumber: '91350100M000100Y43',
  representative: '赵五',
  representativeTitle: '执行董事',
  address: '长兴县太湖街道',
  phone: '0572-6020000',
};

export function civilFirstInstance(overrides: Record<string, unknown> = {}) {
  return {
    caseType: '民初' as const,
    receivedOn: '2026-11-23',
    parties: [
      { role: '原告' as const, party: ZHANG_SAN },
      { role: '被告' as const, party: LI_SI },
    ],
    cause: { revision: '2025', no: '108.3' },
    amountFen: 15_000_000,
    claims: '1. 判令被告偿还借款 150,000 元；2. 本案诉讼费由被告承担。',
    facts: '2025 年 3 月，被告向原告借款……',
    materials: ['起诉状', '借条'],
    ...overrides,
  };
}

export async function fileCivil(h: Harness, token: string, overrides: Record<string, unknown> = {}) {
  return h.call('cases.file', civilFirstInstance(overrides) as never, token);
}

/** A 民特 case (司法确认 of a mediation agreement) with 张三 and the company as applicants. */
export async function fileConfirmation(h: Harness, token: string) {
  return h.call(
    'cases.file',
    {
      caseType: '民特',
      receivedOn: '2026-11-23',
      parties: [
        { role: '申请人', party: ZHANG_SAN },
        { role: '申请人', party: COMPANY },
      ],
      cause: { revision: '2025', no: '448' },
      materials: ['司法确认申请书', '调解协议'],
    },
    token,
  );
}

/** The counter's users: a clerk (clerk1, 李书记) and a print clerk; their tokens. */
export async function clerkAndPrinter(h: Harness, adminToken: string) {
  const clerk = await userToken(h, adminToken, 'clerk1', '李书记', ['clerk']);
  const printer = await userToken(h, adminToken, 'printer', '钱打印', ['print']);
  return { clerk, printer };
}
