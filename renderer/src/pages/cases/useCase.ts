import { useCallback, useEffect, useState } from 'react';
import { errorMessage, send, type Output } from '../../api/client';

export type CaseView = Output<'cases.get'>;

/** Loads a case by id from the route; `reload` after a change. */
export function useCase(id: number | null): { view: CaseView | null; error: string | null; reload: () => void } {
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    if (id === null || !Number.isInteger(id) || id <= 0) {
      setError('案件编号无效');
      return;
    }
    send('cases.get', { id })
      .then((v) => {
        if (!live) return;
        setView(v);
        setError(null);
      })
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [id, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { view, error, reload };
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
