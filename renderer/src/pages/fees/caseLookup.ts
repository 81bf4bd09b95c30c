import type { FormInstance } from 'antd';
import { ApiCallError, send, type Output } from '../../api/client';

export type CaseView = Output<'cases.get'>;

/** Parties who prepay (原告 / 申请人 …) come first when a notice or an application picks one. */
const FIRST_ROLES = ['原告', '申请人', '申请执行人', '起诉人', '上诉人'];

export function firstPayer(view: CaseView): CaseView['parties'][number] | undefined {
  return view.parties.find((p) => FIRST_ROLES.includes(p.role)) ?? view.parties[0];
}

export function partyOptions(view: CaseView | null) {
  return (view?.parties ?? []).map((p) => ({
    value: p.casePartyId,
    label: `${p.role}：${p.party.name}（${p.party.kind === 'person' ? '自然人' : '单位'}）`,
  }));
}

/**
 * The case with a typed 案号 (half-width brackets accepted by the host). Not found → an error under the
 * form's field `field` and null.
 */
export async function findCaseByNumber(form: FormInstance, field: string, number: string): Promise<CaseView | null> {
  try {
    return await send('cases.get', { number: number.trim() });
  } catch (err) {
    if (err instanceof ApiCallError && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION')) {
      form.setFields([{ name: field, errors: [err.code === 'NOT_FOUND' ? '没有找到这个案号的案件，请核对' : err.message] }]);
      form.focusField(field);
      return null;
    }
    throw err;
  }
}
