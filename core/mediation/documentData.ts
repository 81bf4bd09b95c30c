import { fieldError } from '../api/errors';
import { partyParticulars, type CaseView } from '../cases';
import { docketJudgeOf } from '../docket';
import type { DataBuilder, DataBuilderContext } from '../documents';
import { LEGAL_PERIODS } from '../periods';
import { mediationView } from './register';
import type { MediationView } from './schemas';

/**
 * The data of the six mediation documents (templates/mediation-*.txt), built from the mediation record and its
 * case: `documents.generate {caseId, templateId, subjectKind: 'mediation', subjectId: mediationId}`. Every field
 * the record holds is filled from it; only what the record cannot hold (the clerk of a 民事调解书, the judge when
 * the case is not yet on the docket) is left for the person to type.
 */

/** “原告张三诉被告李四民间借贷纠纷一案” */
function caseTitle(view: CaseView, cause: string): string {
  const of = (roles: string[]) => view.parties.filter((p) => roles.includes(p.role));
  const a = of(['原告', '申请人']);
  const b = of(['被告', '被申请人']);
  if (a.length && b.length)
    return `${a[0]!.role}${a.map((p) => p.party.name).join('、')}诉${b[0]!.role}${b.map((p) => p.party.name).join('、')}${cause}一案`;
  return `${view.parties.map((p) => `${p.role}${p.party.name}`).join('、')}${cause}一案`;
}

const PROCEDURES: Record<string, string> = { ordinary: '普通程序', simplified: '简易程序' };

function periodDays(m: MediationView): number {
  const kind =
    m.flow === 'delegated'
      ? 'mediation-delegated'
      : m.procedure === 'simplified'
        ? 'mediation-entrusted-simplified'
        : 'mediation-entrusted-ordinary';
  return LEGAL_PERIODS[kind].length;
}

interface Loaded {
  m: MediationView;
  view: CaseView;
}

/** The mediation named by the call, with its case; refused (field named) when the call does not name one. */
function load(c: DataBuilderContext, title: string): Loaded {
  if (c.subjectKind !== 'mediation' || c.subjectId === undefined) throw fieldError('subjectId', `${title}须从调解案件生成`);
  const m = mediationView(c.db, c.subjectId);
  if (!c.caseView || c.caseView.id !== m.caseId) throw fieldError('caseId', `${title}须选择该调解案件所在的案件（${m.caseNumber}）`);
  return { m, view: c.caseView };
}

function base(c: DataBuilderContext, { m, view }: Loaded) {
  return {
    court: { name: c.courtName },
    caseNumber: m.caseNumber,
    caseCode: m.caseCode,
    dispute: m.causeName,
    organisation: m.org?.name ?? null,
    mediator: m.mediator?.name ?? null,
    parties: partyParticulars(view, '委托代理人'),
    date: c.issuedOn,
  };
}

function needsOrg(m: MediationView, title: string): string {
  if (!m.org) throw fieldError('subjectId', `${title}须在指派调解组织后生成`);
  return m.org.name;
}

function needsAgreement(m: MediationView, title: string) {
  if (m.outcome !== 'agreement' || !m.agreement) throw fieldError('subjectId', `该调解尚未达成调解协议，不能生成${title}`);
  return m.agreement;
}

export const MEDIATION_DATA_BUILDERS: Record<string, DataBuilder> = {
  'mediation-delegation-letter': (c) => {
    const l = load(c, '委派调解函');
    if (l.m.flow !== 'delegated') throw fieldError('subjectId', '委派调解函只用于立案前的委派调解');
    return { ...base(c, l), organisation: needsOrg(l.m, '委派调解函'), receivedOn: l.m.receivedOn, periodDays: periodDays(l.m) };
  },
  'mediation-entrustment-letter': (c) => {
    const l = load(c, '委托调解函');
    if (l.m.flow !== 'entrusted') throw fieldError('subjectId', '委托调解函只用于立案后的委托调解');
    return {
      ...base(c, l),
      organisation: needsOrg(l.m, '委托调解函'),
      caseTitle: caseTitle(l.view, l.m.causeName),
      procedure: PROCEDURES[l.m.procedure ?? 'ordinary'] ?? '普通程序',
      periodDays: periodDays(l.m),
    };
  },
  'mediation-notice': (c) => {
    const l = load(c, '调解告知书');
    if (l.m.flow !== 'delegated' && l.m.flow !== 'entrusted') throw fieldError('subjectId', '调解告知书只用于委派调解和委托调解');
    return { ...base(c, l), flow: l.m.flowLabel, periodDays: periodDays(l.m) };
  },
  'mediation-agreement': (c) => {
    const l = load(c, '调解协议书');
    const a = needsAgreement(l.m, '调解协议书');
    return { ...base(c, l), organisation: needsOrg(l.m, '调解协议书'), terms: a.terms, signatories: a.signatories, signedOn: a.signedOn };
  },
  'mediation-paper': (c) => {
    const l = load(c, '民事调解书');
    if (l.m.flow !== 'entrusted') throw fieldError('subjectId', '民事调解书只能在立案后的委托调解达成协议时制作（民事诉讼法第一百条）');
    const a = needsAgreement(l.m, '民事调解书');
    const filed = l.view.timeline.find((e) => e.kind === 'filed');
    const judge = docketJudgeOf(c.db, l.m.caseId)?.judgeName ?? null;
    return {
      ...base(c, l),
      organisation: needsOrg(l.m, '民事调解书'),
      caseTitle: caseTitle(l.view, l.m.causeName),
      acceptanceDate: filed ? filed.at.slice(0, 10) : l.view.receivedOn,
      procedure: PROCEDURES[l.m.procedure ?? 'ordinary'] ?? '普通程序',
      claims: l.view.claims ?? null,
      facts: l.view.facts ?? null,
      terms: a.terms,
      // the judge named on the docket; the clerk is typed on the form (the record does not name one)
      ...(judge ? { judge } : {}),
    };
  },
  'mediation-ended-notice': (c) => {
    const l = load(c, '调解终结告知书');
    const m = l.m;
    if (m.status !== 'failed' && m.status !== 'converted' && m.status !== 'back-to-trial')
      throw fieldError('subjectId', '该调解尚未终结，不能生成调解终结告知书');
    const next = m.convertedCase
      ? `本院已依法登记立案，案号${m.convertedCase.number}，请按本院送达的交纳诉讼费用通知书交纳诉讼费用。`
      : m.flow === 'entrusted'
        ? `本案转入审理程序，本院将在开庭前送达交纳诉讼费用通知书，请按通知交纳诉讼费用。`
        : '当事人坚持起诉的，本院依法登记立案。';
    return {
      ...base(c, l),
      reason: m.failureReasonLabel ?? '当事人拒绝调解',
      endedOn: m.outcomeOn ?? c.issuedOn,
      nextStep: next,
      undisputedFacts: m.undisputedFacts ? m.undisputedFacts.trim().replace(/[。；;，,\s]+$/u, '') : null,
    };
  },
};
