import type { Actor } from './process-definition.js';
import { listProcesses } from './process-registry.js';

export interface ActionableStates {
  process: string;
  states: string[];
}

/**
 * For each registered process, the states in which someone holding one of `roles` has an action to take on
 * behalf of the instance's organization: the basis of "my tasks" (待办). Actions open to any organization
 * (an applicant's) are left out; the module lists those from its own records.
 */
export function actionableStates(roles: Actor['roles']): ActionableStates[] {
  const held: ReadonlySet<string> = roles instanceof Set ? roles : new Set(roles);
  const out: ActionableStates[] = [];
  for (const p of listProcesses()) {
    const states = new Set<string>();
    for (const a of Object.values(p.actions)) {
      if (a.anyOrganization || !a.roles.some((r) => held.has(r))) continue;
      for (const s of a.from) states.add(s);
    }
    if (states.size > 0) out.push({ process: p.name, states: [...states].sort() });
  }
  return out;
}
