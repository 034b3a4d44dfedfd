import type { Label, ProcessDefinition } from './process-definition.js';

const NAME_RE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$/;
// State and action names: camelCase or kebab-case identifiers (they appear in URLs, JSON and the database).
const KEY_RE = /^[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$/;

const asList = (from: string | readonly string[]): readonly string[] => (typeof from === 'string' ? [from] : from);

function labelOk(l: Label | undefined): boolean {
  return !!l && typeof l.zh === 'string' && l.zh.trim() !== '' && typeof l.en === 'string' && l.en.trim() !== '';
}

/**
 * Every problem in a definition, each naming the state or action at fault (zh / en). Empty when the
 * definition is sound: all names exist, every state is reachable from the initial one, every non-terminal
 * state has a way out, and a terminal state can be reached from everywhere.
 */
export function findDefinitionProblems(def: ProcessDefinition): string[] {
  const problems: string[] = [];
  const states = Object.keys(def.states ?? {});
  const stateSet = new Set(states);

  if (!NAME_RE.test(def.name ?? '')) problems.push(`流程名称应为 kebab-case / process name must be kebab-case, e.g. "module.process": "${def.name}"`);
  if (!labelOk(def.label)) problems.push('流程缺少中英文名称 / process label needs zh and en');
  if (states.length === 0) problems.push('流程没有状态 / process has no states');
  if (!stateSet.has(def.initial)) problems.push(`初始状态 "${def.initial}" 未定义 / initial state "${def.initial}" is not defined`);

  for (const [name, s] of Object.entries(def.states ?? {})) {
    if (!KEY_RE.test(name)) problems.push(`状态名应为 camelCase 或 kebab-case / state name must be camelCase or kebab-case: "${name}"`);
    if (!labelOk(s.label)) problems.push(`状态 "${name}" 缺少中英文名称 / state "${name}" label needs zh and en`);
    if (s.deadline) {
      if (s.terminal) problems.push(`终止状态 "${name}" 不应有时限 / terminal state "${name}" cannot have a deadline`);
      const { days, unit } = s.deadline;
      if (!Number.isInteger(days) || days < 1) problems.push(`状态 "${name}" 的时限天数应为正整数 / state "${name}" deadline days must be a positive integer: ${days}`);
      if (unit !== 'working' && unit !== 'natural') problems.push(`状态 "${name}" 的时限单位应为 working 或 natural / state "${name}" deadline unit must be working or natural: ${String(unit)}`);
    }
  }

  const edges = new Map<string, Set<string>>(states.map((s) => [s, new Set<string>()]));
  for (const [name, a] of Object.entries(def.actions ?? {})) {
    if (!KEY_RE.test(name)) problems.push(`动作名应为 camelCase 或 kebab-case / action name must be camelCase or kebab-case: "${name}"`);
    if (!labelOk(a.label)) problems.push(`动作 "${name}" 缺少中英文名称 / action "${name}" label needs zh and en`);
    if (!stateSet.has(a.to)) problems.push(`动作 "${name}" 的目标状态 "${a.to}" 未定义 / action "${name}" goes to unknown state "${a.to}"`);
    const from = asList(a.from ?? []);
    if (from.length === 0) problems.push(`动作 "${name}" 没有起始状态 / action "${name}" has no "from" state`);
    for (const f of from) {
      if (!stateSet.has(f)) problems.push(`动作 "${name}" 的起始状态 "${f}" 未定义 / action "${name}" starts from unknown state "${f}"`);
      else if (def.states[f]?.terminal) problems.push(`动作 "${name}" 不能从终止状态 "${f}" 出发 / action "${name}" cannot leave terminal state "${f}"`);
      else if (stateSet.has(a.to)) edges.get(f)!.add(a.to);
    }
    if (!a.roles || a.roles.length === 0) problems.push(`动作 "${name}" 未指定角色 / action "${name}" allows no role`);
  }

  const terminals = states.filter((s) => def.states[s]?.terminal);
  if (states.length > 0 && terminals.length === 0) problems.push('流程没有终止状态 / process has no terminal state');

  if (stateSet.has(def.initial)) {
    const reachable = closure([def.initial], (s) => edges.get(s) ?? []);
    for (const s of states) {
      if (!reachable.has(s)) problems.push(`状态 "${s}" 无法从初始状态到达 / state "${s}" is unreachable from "${def.initial}"`);
    }
  }

  if (terminals.length > 0) {
    const reverse = new Map<string, string[]>(states.map((s) => [s, []]));
    for (const [from, tos] of edges) for (const to of tos) reverse.get(to)!.push(from);
    const canFinish = closure(terminals, (s) => reverse.get(s) ?? []);
    for (const s of states) {
      if (def.states[s]?.terminal) continue;
      if ((edges.get(s)?.size ?? 0) === 0) problems.push(`非终止状态 "${s}" 没有任何动作 / non-terminal state "${s}" has no action leaving it`);
      else if (!canFinish.has(s)) problems.push(`状态 "${s}" 无法到达任何终止状态 / no terminal state can be reached from "${s}"`);
    }
  }
  return problems;
}

function closure(start: readonly string[], next: (s: string) => Iterable<string>): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const n of next(queue.shift()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
