import { findCause, findCauseByName, listCauses, revisionFor, type CauseRevisionId } from '../causes';

/**
 * Specialist fields are names from the catalogue of causes of action (民事案件案由规定): a second-level group
 * (婚姻家庭纠纷, 劳动争议 …) or a cause (机动车交通事故责任纠纷, 物业服务合同纠纷 …). A mediator's field matches a
 * mediation when it names the cause itself, its third-level parent or its group.
 */
let groups: Set<string> | undefined;

function knownGroups(): Set<string> {
  if (!groups) {
    groups = new Set();
    for (const rev of ['2025', '2020'] as CauseRevisionId[]) for (const c of listCauses(rev)) groups.add(c.group);
  }
  return groups;
}

export function isKnownField(name: string): boolean {
  return knownGroups().has(name) || Boolean(findCauseByName('2025', name) ?? findCauseByName('2020', name));
}

/** The names a cause answers to: itself, its parent cause and its group (most specific first). */
export function causeAncestry(causeName: string, on: string): string[] {
  const rev = revisionFor(on) ?? '2025';
  const entry = findCauseByName(rev, causeName) ?? findCauseByName('2025', causeName) ?? findCauseByName('2020', causeName);
  if (!entry) return [causeName];
  const out = [entry.name];
  if (entry.parent) {
    const parent = findCause(entry.revision, entry.parent);
    if (parent) out.push(parent.name);
  }
  out.push(entry.group);
  return out;
}
