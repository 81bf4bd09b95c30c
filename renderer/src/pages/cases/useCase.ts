import { send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';

export type CaseView = Output<'cases.get'>;

/** Loads a case by id from the route; `reload` after a change (the case stays on screen meanwhile). */
export function useCase(id: number | null): { view: CaseView | null; error: string | null; reload: () => void } {
  const valid = id !== null && Number.isInteger(id) && id > 0;
  const { data: view, error, reload } = useOperation(valid ? () => send('cases.get', { id }) : null, [id], { keep: true });
  return { view, error: valid ? error : '案件编号无效', reload };
}

/** 原告：张三、李四；被告：某公司 */
export function partiesByRole(view: Pick<CaseView, 'parties'>): { role: string; names: string[] }[] {
  const groups: { role: string; names: string[] }[] = [];
  for (const p of view.parties) {
    const g = groups.find((x) => x.role === p.role);
    if (g) g.names.push(p.party.name);
    else groups.push({ role: p.role, names: [p.party.name] });
  }
  return groups;
}

/** Who filed the case: the actor of the first timeline event. */
export function filedBy(view: Pick<CaseView, 'timeline'>): string | null {
  const e = view.timeline.find((t) => t.kind === 'filed') ?? view.timeline[0];
  return e?.actorName ?? null;
}
