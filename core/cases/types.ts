import { ROLE_GROUPS } from '../api/roles';
/**
 * Case types the counter registers (docs/DOMAIN.md “案号与登记号”) and the party roles each one takes.
 * 调登 is the centre's register of delegated pre-filing mediations: it gets a register number, not a 案号.
 * 民诉前调 (2021–2024) is legacy: readable and importable, never newly opened.
 */
export const FILING_CASE_TYPES = ['民初', '民特', '民督', '财保', '调登'] as const;
export type FilingCaseType = (typeof FILING_CASE_TYPES)[number];
export const ALL_CASE_TYPES = [...FILING_CASE_TYPES, '民诉前调'] as const;
export type CaseType = (typeof ALL_CASE_TYPES)[number];

export const PARTY_ROLES = ['原告', '被告', '第三人', '申请人', '被申请人'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface CaseTypeRule {
  label: string;
  /** roles allowed, with the minimum number of parties in each */
  roles: Partial<Record<PartyRole, number>>;
  /** the amount in dispute must be given */
  amountRequired: boolean;
  /** a 案号 type code, or null for the centre register */
  typeCode: string | null;
  initialStatus: string;
  /** what the counter usually receives, offered as a checklist */
  materials: string[];
}

export const CASE_TYPE_RULES: Record<CaseType, CaseTypeRule> = {
  民初: {
    label: '民事一审',
    roles: { 原告: 1, 被告: 1, 第三人: 0 },
    amountRequired: false,
    typeCode: '民初',
    initialStatus: '已立案',
    materials: ['起诉状', '原告身份证明', '被告身份信息', '证据材料及清单', '授权委托书', '送达地址确认书'],
  },
  民特: {
    label: '民事特别程序（含司法确认）',
    roles: { 申请人: 1, 被申请人: 0 },
    amountRequired: false,
    typeCode: '民特',
    initialStatus: '已立案',
    materials: ['司法确认申请书', '调解协议', '调解组织主持调解的证明', '当事人身份证明', '涉及财产权利的证明材料', '授权委托书'],
  },
  民督: {
    label: '申请支付令',
    roles: { 申请人: 1, 被申请人: 1 },
    amountRequired: true,
    typeCode: '民督',
    initialStatus: '已立案',
    materials: ['支付令申请书', '债权文书', '申请人身份证明', '被申请人送达地址'],
  },
  财保: {
    label: '诉前财产保全',
    roles: { 申请人: 1, 被申请人: 1 },
    amountRequired: true,
    typeCode: '财保',
    initialStatus: '已立案',
    materials: ['财产保全申请书', '财产线索', '担保材料', '申请人身份证明'],
  },
  调登: {
    label: '委派调解登记',
    roles: { 申请人: 1, 被申请人: 0 },
    amountRequired: false,
    typeCode: null,
    initialStatus: '已登记',
    materials: ['调解申请书', '当事人身份证明', '证据材料', '同意委派调解的意见'],
  },
  民诉前调: {
    label: '诉前调解（旧案，2025 年起停用）',
    roles: { 申请人: 1, 被申请人: 0, 原告: 0, 被告: 0 },
    amountRequired: false,
    typeCode: '民诉前调',
    initialStatus: '已登记',
    materials: [],
  },
};

/** Roles that see full ID numbers in the case view; everyone else sees them masked. */
export const UNMASK_ROLES = ROLE_GROUPS.unmask;
