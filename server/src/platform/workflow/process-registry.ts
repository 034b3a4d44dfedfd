import type { Process, ProcessAction, ProcessDefinition } from './process-definition.js';
import { findDefinitionProblems } from './validate-process.js';

/** Thrown at start-up (when a module's `*.workflow.ts` is imported) for a definition that cannot run. */
export class ProcessDefinitionError extends Error {
  constructor(
    readonly processName: string,
    readonly problems: readonly string[],
  ) {
    super(`流程定义有误 invalid process definition "${processName}":\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProcessDefinitionError';
  }
}

const registry = new Map<string, Process>();

/**
 * Checks a definition and registers it under its name, so instances stored with that name can be driven by
 * performAction() and found by the task queries. Throws ProcessDefinitionError listing every problem.
 */
export function defineProcess(def: ProcessDefinition): Process {
  const problems = findDefinitionProblems(def);
  if (registry.has(def.name)) problems.push(`流程名称重复 / a process named "${def.name}" is already defined`);
  if (problems.length > 0) throw new ProcessDefinitionError(def.name, problems);

  const actions: Record<string, ProcessAction> = {};
  const actionsFrom = new Map<string, string[]>(Object.keys(def.states).map((s) => [s, []]));
  for (const [name, a] of Object.entries(def.actions)) {
    const from = typeof a.from === 'string' ? [a.from] : [...a.from];
    actions[name] = Object.freeze({ ...a, name, from });
    for (const f of from) actionsFrom.get(f)!.push(name);
  }
  const process: Process = Object.freeze({
    name: def.name,
    label: def.label,
    initial: def.initial,
    states: Object.freeze({ ...def.states }),
    actions: Object.freeze(actions),
    actionsFrom,
    ...(def.escalateTo ? { escalateTo: [...def.escalateTo] } : {}),
  });
  registry.set(def.name, process);
  return process;
}

/** The registered process of that name; throws when none is (an instance of a process no module defines). */
export function getProcess(name: string): Process {
  const p = registry.get(name);
  if (!p) throw new Error(`未定义的流程 / no process named "${name}" is defined (is its module loaded?)`);
  return p;
}

export function listProcesses(): Process[] {
  return [...registry.values()];
}
