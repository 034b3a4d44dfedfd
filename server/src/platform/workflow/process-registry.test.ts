import { describe, expect, it } from 'vitest';
import { defineProcess, getProcess, ProcessDefinitionError } from './process-registry.js';
import type { ProcessDefinition } from './process-definition.js';
import { roles, sampleDefinition } from './workflow.fixture.js';

function problemsOf(def: ProcessDefinition): readonly string[] {
  try {
    defineProcess(def);
  } catch (e) {
    if (e instanceof ProcessDefinitionError) return e.problems;
    throw e;
  }
  throw new Error('expected ProcessDefinitionError');
}

const label = (zh: string, en: string) => ({ zh, en });

describe('defineProcess', () => {
  it('registers a sound definition and indexes actions by state', () => {
    const def = sampleDefinition();
    const p = defineProcess(def);
    expect(getProcess(def.name)).toBe(p);
    expect(p.actionsFrom.get('submitted')).toEqual(['requestSupplement', 'changeLicence', 'reject']);
    expect(p.actionsFrom.get('supplementing')).toEqual(['supplement', 'reject']);
    expect(p.actionsFrom.get('completed')).toEqual([]);
    expect(p.actions.reject!.from).toEqual(['submitted', 'supplementing']);
    expect(Object.isFrozen(p.actions)).toBe(true);
  });

  it('names an unknown target state', () => {
    const def = sampleDefinition();
    const problems = problemsOf({
      ...def,
      actions: { ...def.actions, changeLicence: { ...def.actions.changeLicence!, to: 'licenceChagned' } },
    });
    expect(problems).toContain('动作 "changeLicence" 的目标状态 "licenceChagned" 未定义 / action "changeLicence" goes to unknown state "licenceChagned"');
    // with the only way in broken, licenceChanged becomes unreachable too
    expect(problems.some((p) => p.includes('state "licenceChanged" is unreachable'))).toBe(true);
  });

  it('names an unreachable state, and the error message lists it', () => {
    const def = sampleDefinition();
    const states = { ...def.states, archived: { label: label('已归档', 'Archived'), terminal: true } };
    const bad = { ...def, states };
    expect(() => defineProcess(bad)).toThrow(/state "archived" is unreachable from "submitted"/);
    expect(problemsOf({ ...sampleDefinition(), states })).toEqual(['状态 "archived" 无法从初始状态到达 / state "archived" is unreachable from "submitted"']);
  });

  it('names an unknown start state and an action leaving a terminal state', () => {
    const def = sampleDefinition();
    const problems = problemsOf({
      ...def,
      actions: {
        ...def.actions,
        reopen: { label: label('重新办理', 'Reopen'), from: ['completed', 'nowhere'], to: 'submitted', roles: [roles.clerk] },
      },
    });
    expect(problems).toContain('动作 "reopen" 不能从终止状态 "completed" 出发 / action "reopen" cannot leave terminal state "completed"');
    expect(problems).toContain('动作 "reopen" 的起始状态 "nowhere" 未定义 / action "reopen" starts from unknown state "nowhere"');
  });

  it('finds dead ends and states from which no terminal state can be reached', () => {
    const problems = problemsOf({
      name: 'test.loops',
      label: label('循环', 'Loops'),
      initial: 'a',
      states: {
        a: { label: label('甲', 'A') },
        b: { label: label('乙', 'B') },
        c: { label: label('丙', 'C') },
        stuck: { label: label('卡住', 'Stuck') },
        done: { label: label('完成', 'Done'), terminal: true },
      },
      actions: {
        toB: { label: label('去乙', 'To B'), from: 'a', to: 'b', roles: [roles.clerk] },
        toC: { label: label('去丙', 'To C'), from: 'b', to: 'c', roles: [roles.clerk] },
        backToB: { label: label('回乙', 'Back to B'), from: 'c', to: 'b', roles: [roles.clerk] },
        toStuck: { label: label('卡住', 'Get stuck'), from: 'a', to: 'stuck', roles: [roles.clerk] },
        finish: { label: label('完成', 'Finish'), from: 'a', to: 'done', roles: [roles.clerk] },
      },
    });
    expect(problems).toEqual([
      '状态 "b" 无法到达任何终止状态 / no terminal state can be reached from "b"',
      '状态 "c" 无法到达任何终止状态 / no terminal state can be reached from "c"',
      '非终止状态 "stuck" 没有任何动作 / non-terminal state "stuck" has no action leaving it',
    ]);
  });

  it('checks the initial state, roles, labels, deadlines and names', () => {
    const def = sampleDefinition();
    const problems = problemsOf({
      ...def,
      name: 'Bad Name',
      initial: 'draft',
      states: {
        ...def.states,
        submitted: { label: label('已提交', ''), deadline: { days: 0, unit: 'working' } },
        completed: { label: label('已办结', 'Completed'), terminal: true, deadline: { days: 3, unit: 'working' } },
      },
      actions: { ...def.actions, reject: { ...def.actions.reject!, roles: [] } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '流程名称应为 kebab-case / process name must be kebab-case, e.g. "module.process": "Bad Name"',
        '初始状态 "draft" 未定义 / initial state "draft" is not defined',
        '状态 "submitted" 缺少中英文名称 / state "submitted" label needs zh and en',
        '状态 "submitted" 的时限天数应为正整数 / state "submitted" deadline days must be a positive integer: 0',
        '终止状态 "completed" 不应有时限 / terminal state "completed" cannot have a deadline',
        '动作 "reject" 未指定角色 / action "reject" allows no role',
      ]),
    );
  });

  it('accepts camelCase and kebab-case names and rejects others', () => {
    const ok = defineProcess({
      name: 'test.kebab-names',
      label: label('连字符', 'Kebab'),
      initial: 'site-survey',
      states: { 'site-survey': { label: label('勘察', 'Survey') }, 'water-on': { label: label('通水', 'Water on'), terminal: true } },
      actions: { 'turn-water-on': { label: label('通水', 'Turn on'), from: 'site-survey', to: 'water-on', roles: [roles.clerk] } },
    });
    expect(ok.actionsFrom.get('site-survey')).toEqual(['turn-water-on']);
    const problems = problemsOf({
      name: 'test.bad-names',
      label: label('坏名', 'Bad names'),
      initial: 'Draft State',
      states: { 'Draft State': { label: label('草稿', 'Draft') }, 'done-': { label: label('完成', 'Done'), terminal: true } },
      actions: { 'go!': { label: label('走', 'Go'), from: 'Draft State', to: 'done-', roles: [roles.clerk] } },
    });
    expect(problems).toEqual([
      '状态名应为 camelCase 或 kebab-case / state name must be camelCase or kebab-case: "Draft State"',
      '状态名应为 camelCase 或 kebab-case / state name must be camelCase or kebab-case: "done-"',
      '动作名应为 camelCase 或 kebab-case / action name must be camelCase or kebab-case: "go!"',
    ]);
  });

  it('requires a terminal state', () => {
    const problems = problemsOf({
      name: 'test.endless',
      label: label('无尽', 'Endless'),
      initial: 'a',
      states: { a: { label: label('甲', 'A') } },
      actions: { again: { label: label('再来', 'Again'), from: 'a', to: 'a', roles: [roles.clerk] } },
    });
    expect(problems).toEqual(['流程没有终止状态 / process has no terminal state']);
  });

  it('refuses a second process with the same name', () => {
    const def = sampleDefinition();
    defineProcess(def);
    expect(() => defineProcess(def)).toThrow(`a process named "${def.name}" is already defined`);
  });

  it('throws for an unknown process name', () => {
    expect(() => getProcess('test.never-defined')).toThrow('no process named "test.never-defined"');
  });
});
