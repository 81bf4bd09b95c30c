import type { CaseView } from './service';

/**
 * The parties of a case as court documents print them (当事人的基本情况): a person by sex, birth date, ethnicity,
 * address and full ID number; an organisation by address, credit code and its 法定代表人; each with its agents.
 * One place for the paragraph every ruling, judgment, summons and agreement opens with.
 */

const SEX: Record<string, string> = { male: '男', female: '女' };

type Agent = CaseView['parties'][number]['agents'][number];

/** “某某律师事务所律师”, “系张三的近亲属”, or the agent's organisation. */
export function agentDescription(a: Agent, partyName: string): string | null {
  if (a.kind === 'lawyer') return a.organisation ? `${a.organisation}律师` : '律师';
  if (a.kind === 'relative') return `系${partyName}的近亲属`;
  return a.organisation ?? null;
}

/**
 * Every party with full particulars (full ID numbers: the document is served on them). `agentRole` is the agent's
 * title in this kind of document: 委托诉讼代理人 in litigation, 委托代理人 in a mediation agreement.
 */
export function partyParticulars(view: CaseView, agentRole: string) {
  return view.parties.map((cp) => {
    const p = cp.party;
    const org = p.kind === 'organisation';
    return {
      role: cp.role,
      kind: org ? 'organisation' : 'person',
      name: p.name,
      sex: org ? null : p.sex ? (SEX[p.sex] ?? null) : null,
      birthDate: org ? null : p.birthDate,
      ethnicity: org ? null : p.ethnicity,
      address: p.address,
      idNumber: p.idNumber,
      representative: org ? p.representative : null,
      representativeRole: org && p.representative ? '法定代表人' : null,
      representativeTitle: org ? p.representativeTitle : null,
      agents: cp.agents.map((a) => ({ role: agentRole, name: a.name, description: agentDescription(a, p.name) })),
    };
  });
}
