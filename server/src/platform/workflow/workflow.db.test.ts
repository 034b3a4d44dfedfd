import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/db.js';
import { setCalendarWarningHandler } from '../calendar/index.js';
import { HttpProblem } from '../http/problem.js';
import {
  defineProcess,
  findDueSoon,
  findInstancesBySubject,
  findMyTasks,
  findOverdue,
  getInstance,
  listTransitions,
  performAction,
  startInstance,
  sweepOverdue,
  type Actor,
  type Process,
} from './index.js';
import { createActor, createEnterprise, createWindowOrganization, roles } from './workflow.db-fixture.js';
import { sampleDefinition } from './workflow.fixture.js';

async function problemOf(p: Promise<unknown>): Promise<HttpProblem> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpProblem) return e;
    throw e;
  }
  throw new Error('expected an HttpProblem');
}

// Guard that reads the caller's transaction: a trademark change needs a licence change in the history
// (商标法实施条例 Art. 30: the change certificate of the registration authority).
const base = sampleDefinition();
const process: Process = defineProcess({
  ...base,
  actions: {
    ...base.actions,
    bookSlot: {
      label: { zh: '预约窗口时间', en: 'Book a window slot' },
      from: 'submitted',
      to: 'submitted',
      roles: [roles.applicant],
      anyOrganization: true,
      requiredFields: ['slot'],
    },
    changeTrademarks: {
      ...base.actions.changeTrademarks!,
      guard: async ({ trx, instance, fields }) => {
        const licence = await trx
          .selectFrom('workflow_transitions')
          .select('id')
          .where('instance_id', '=', instance.id)
          .where('action', '=', 'changeLicence')
          .executeTakeFirst();
        if (!licence) return '尚未变更营业执照 / the business licence has not been changed';
        return Number(fields.trademarkCount) > 0 || '须列明全部商标 / all trademarks must be listed';
      },
    },
  },
});

const friday = new Date('2026-02-13T02:00:00Z'); // 10:00 in China, the Friday before the Spring Festival

describeEachDialect('workflow', (dialect) => {
  let t: TestDb;
  let org: string;
  let otherOrg: string;
  let clerk: Actor;
  let clerk2: Actor;
  let trademarkClerk: Actor;
  let otherClerk: Actor;
  let applicant: Actor;
  let subject = 0;

  const start = (opts: { assigneeUserId?: string; now?: Date; organizationId?: string } = {}) =>
    startInstance(t.db, process, {
      subjectType: 'wftest.application',
      subjectId: `app_${dialect}_${++subject}`,
      subjectLabel: `WS-20260213-${String(subject).padStart(4, '0')}`,
      link: `/wftest/applications/${subject}`,
      organizationId: opts.organizationId ?? org,
      assigneeUserId: opts.assigneeUserId,
      actor: applicant,
      now: opts.now ?? friday,
    });

  beforeAll(async () => {
    setCalendarWarningHandler(() => undefined);
    t = await createTestDb(dialect);
    org = await createWindowOrganization(t.db);
    otherOrg = await createWindowOrganization(t.db);
    const enterprise = await createEnterprise(t.db);
    clerk = await createActor(t.db, org, [roles.clerk]);
    clerk2 = await createActor(t.db, org, [roles.clerk]);
    trademarkClerk = await createActor(t.db, org, [roles.trademarkClerk]);
    otherClerk = await createActor(t.db, otherOrg, [roles.clerk]);
    applicant = await createActor(t.db, enterprise, [roles.applicant]);
  });
  afterAll(async () => {
    setCalendarWarningHandler(null);
    await t?.close();
  });

  it('starts an instance with its first deadline and records the start', async () => {
    const { instance, transition } = await start();
    expect(instance).toMatchObject({ process: process.name, state: 'submitted', version: 1, organizationId: org });
    // 1 working day from Friday 02-13 is the worked Saturday 02-14; overdue from its end in China.
    expect(instance.dueDate).toBe('2026-02-14');
    expect(instance.dueAt).toBe('2026-02-14T16:00:00.000Z');
    expect(transition).toMatchObject({ seq: 1, action: null, fromState: null, toState: 'submitted' });
    expect(await findInstancesBySubject(t.db, 'wftest.application', instance.subjectId)).toEqual([instance]);
  });

  it('performs actions, stores every transition, and completes', async () => {
    const { instance } = await start();
    const r = await performAction(t.db, {
      instanceId: instance.id,
      action: 'changeLicence',
      expectedVersion: 1,
      actor: clerk,
      comment: '已核发新执照',
      attachments: [{ fileId: 'fil_1', kind: 'changeCertificate' }, { fileId: 'fil_2' }],
      fields: { newName: '福州测试科技有限公司' },
      ledgerIndex: 41,
      now: new Date('2026-02-14T01:00:00Z'),
    });
    // entered on the worked Saturday 02-14: 3 working days → 02-24, 25, 26
    expect(r.instance).toMatchObject({ state: 'licenceChanged', version: 2, dueDate: '2026-02-26', completedAt: null });

    const refused = await problemOf(
      performAction(t.db, { instanceId: instance.id, action: 'changeTrademarks', expectedVersion: 2, actor: trademarkClerk, fields: { trademarkCount: 0 } }),
    );
    expect(refused.status).toBe(409);
    expect(refused.code).toBe('guard-failed');
    expect(refused.detail).toBe('须列明全部商标 / all trademarks must be listed');

    const done = await performAction(t.db, {
      instanceId: instance.id,
      action: 'changeTrademarks',
      expectedVersion: 2,
      actor: trademarkClerk,
      fields: { trademarkCount: 3 },
      now: new Date('2026-02-24T03:00:00Z'),
    });
    expect(done.instance).toMatchObject({ state: 'completed', version: 3, dueDate: null, dueAt: null, completedAt: '2026-02-24T03:00:00.000Z' });

    const history = await listTransitions(t.db, instance.id);
    expect(history.map((h) => [h.seq, h.action, h.fromState, h.toState])).toEqual([
      [1, null, null, 'submitted'],
      [2, 'changeLicence', 'submitted', 'licenceChanged'],
      [3, 'changeTrademarks', 'licenceChanged', 'completed'],
    ]);
    expect(history[1]).toMatchObject({
      actor: { userId: clerk.userId, name: '测试用户', organizationId: org, roles: [roles.clerk] },
      at: '2026-02-14T01:00:00.000Z',
      comment: '已核发新执照',
      attachments: [{ fileId: 'fil_1', kind: 'changeCertificate' }, { fileId: 'fil_2' }],
      fields: { newName: '福州测试科技有限公司' },
      dueDate: '2026-02-26',
      ledgerIndex: 41,
    });
  });

  it('answers 409 for a stale version, 409 with allowed actions, 403 for a role, 422 for a document', async () => {
    const { instance } = await start();
    await performAction(t.db, { instanceId: instance.id, action: 'requestSupplement', expectedVersion: 1, actor: clerk, fields: { missingMaterials: '章程修正案' } });

    const stale = await problemOf(performAction(t.db, { instanceId: instance.id, action: 'reject', expectedVersion: 1, actor: clerk, fields: { reason: 'x' } }));
    expect([stale.status, stale.code, stale.extra]).toEqual([409, 'stale-version', { currentVersion: 2 }]);

    const wrongState = await problemOf(
      performAction(t.db, { instanceId: instance.id, action: 'changeLicence', expectedVersion: 2, actor: clerk, attachments: [{ fileId: 'f', kind: 'changeCertificate' }] }),
    );
    expect([wrongState.status, wrongState.extra]).toEqual([409, { currentState: 'supplementing', allowedActions: ['reject'] }]);

    const role = await problemOf(performAction(t.db, { instanceId: instance.id, action: 'reject', expectedVersion: 2, actor: trademarkClerk, fields: { reason: 'x' } }));
    expect(role.status).toBe(403);

    const elsewhere = await problemOf(performAction(t.db, { instanceId: instance.id, action: 'reject', expectedVersion: 2, actor: otherClerk, fields: { reason: 'x' } }));
    expect(elsewhere.status).toBe(403);

    // the applicant (another organization) may supplement: that action is open to any organization
    const back = await performAction(t.db, { instanceId: instance.id, action: 'supplement', expectedVersion: 2, actor: applicant });
    expect(back.instance.state).toBe('submitted');

    const missing = await problemOf(performAction(t.db, { instanceId: instance.id, action: 'changeLicence', expectedVersion: 3, actor: clerk }));
    expect([missing.status, missing.errors?.map((e) => e.path)]).toEqual([422, ['attachments.changeCertificate']]);
    expect((await getInstance(t.db, instance.id))?.version).toBe(3);
    expect(await listTransitions(t.db, instance.id)).toHaveLength(3);

    const gone = await problemOf(performAction(t.db, { instanceId: 'wfi_missing', action: 'reject', expectedVersion: 1, actor: clerk }));
    expect(gone.status).toBe(404);
  });

  it('keeps the clock running for an action that stays in the state', async () => {
    const { instance } = await start();
    const r = await performAction(t.db, {
      instanceId: instance.id,
      action: 'bookSlot',
      expectedVersion: 1,
      actor: applicant,
      fields: { slot: '2026-02-24T09:00+08:00' },
      now: new Date('2026-02-14T05:00:00Z'),
    });
    expect(r.instance).toMatchObject({ state: 'submitted', version: 2, dueDate: '2026-02-14', enteredStateAt: instance.enteredStateAt });
    expect(r.transition).toMatchObject({ fromState: 'submitted', toState: 'submitted', dueDate: '2026-02-14', actor: { roles: [roles.applicant] } });
  });

  it('lets exactly one of two concurrent actions on the same version through', async () => {
    const { instance } = await start();
    const act = (actor: Actor) =>
      performAction(t.db, { instanceId: instance.id, action: 'reject', expectedVersion: 1, actor, fields: { reason: '材料不全' } });
    const results = await Promise.allSettled([act(clerk), act(clerk2)]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(HttpProblem);
    expect((failed[0]!.reason as HttpProblem).code).toBe('stale-version');
    expect(await listTransitions(t.db, instance.id)).toHaveLength(2);
  });

  describe('queries', () => {
    let tasksOrg: string;
    let a: Actor;
    let b: Actor;
    let tm: Actor;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      tasksOrg = await createWindowOrganization(t.db);
      a = await createActor(t.db, tasksOrg, [roles.clerk]);
      b = await createActor(t.db, tasksOrg, [roles.clerk]);
      tm = await createActor(t.db, tasksOrg, [roles.trademarkClerk]);
      ids.open = (await start({ organizationId: tasksOrg })).instance.id; // due 02-14
      ids.forB = (await start({ organizationId: tasksOrg, assigneeUserId: b.userId })).instance.id;
      // started Monday 03-02: due Tuesday 03-03
      ids.later = (await start({ organizationId: tasksOrg, now: new Date('2026-03-02T02:00:00Z') })).instance.id;
      const moved = (await start({ organizationId: tasksOrg })).instance.id;
      await performAction(t.db, { instanceId: moved, action: 'changeLicence', expectedVersion: 1, actor: a, attachments: [{ fileId: 'f', kind: 'changeCertificate' }], now: friday });
      ids.moved = moved; // licenceChanged, entered Friday 02-13: 3 working days → 02-14 (worked Saturday), 02-24, 02-25
      await start({ organizationId: otherOrg });
    });

    it('finds my tasks by role, organization and assignee', async () => {
      expect((await findMyTasks(t.db, a)).map((i) => i.id)).toEqual([ids.open, ids.later]);
      expect((await findMyTasks(t.db, b)).map((i) => i.id)).toEqual([ids.open, ids.forB, ids.later]);
      expect((await findMyTasks(t.db, tm)).map((i) => i.id)).toEqual([ids.moved]);
      expect((await findMyTasks(t.db, a, { process: 'test.other' })).map((i) => i.id)).toEqual([]);
      expect(await findMyTasks(t.db, { ...a, roles: ['platform-admin'] })).toEqual([]);
    });

    it('finds overdue and due-soon instances', async () => {
      // Monday 2026-02-23 (last holiday day) noon in China
      const now = new Date('2026-02-23T04:00:00Z');
      const overdue = await findOverdue(t.db, { organizationId: tasksOrg, now });
      expect(overdue.map((i) => i.id).sort()).toEqual([ids.open, ids.forB].sort());
      // the licence step is due 02-25: within 2 working days of the holiday's last day, not within 1
      expect((await findDueSoon(t.db, { organizationId: tasksOrg, now, withinWorkingDays: 2 })).map((i) => i.id)).toEqual([ids.moved]);
      expect(await findDueSoon(t.db, { organizationId: tasksOrg, now, withinWorkingDays: 1 })).toEqual([]);
      // from Friday 02-27, 3 working days are 02-28 (worked Saturday), 03-02, 03-03
      const friday27 = new Date('2026-02-27T04:00:00Z');
      expect((await findDueSoon(t.db, { organizationId: tasksOrg, now: friday27, withinWorkingDays: 3 })).map((i) => i.id)).toEqual([ids.later]);
      expect(await findDueSoon(t.db, { organizationId: tasksOrg, now: friday27, withinWorkingDays: 2 })).toEqual([]);
    });

    it('sweeps overdue instances once, notifying the assignee or the acting role', async () => {
      const now = new Date('2026-02-26T04:00:00Z');
      const first = await sweepOverdue(t.db, { now });
      expect(first.instanceIds).toEqual(expect.arrayContaining([ids.open, ids.forB, ids.moved]));
      expect(first.instanceIds).not.toContain(ids.later);
      const second = await sweepOverdue(t.db, { now });
      expect(second.claimed).toBe(0);

      const inbox = async (userId: string) =>
        t.db.selectFrom('notifications').select(['title_zh', 'body_zh', 'link']).where('user_id', '=', userId).where('template', '=', 'workflow.overdue').execute();
      // a and b both hold the clerk role: both hear about the unassigned one; only b about b's own
      const linkOf = async (id: string) => (await getInstance(t.db, id))!.link;
      expect((await inbox(a.userId)).map((n) => n.link)).toEqual([await linkOf(ids.open)]);
      expect((await inbox(b.userId)).map((n) => n.link).sort()).toEqual([await linkOf(ids.open), await linkOf(ids.forB)].sort());
      const tmInbox = await inbox(tm.userId);
      expect(tmInbox).toHaveLength(1);
      expect(tmInbox[0]!.body_zh).toBe('“执照已变更”环节已超过承诺时限（2026-02-25），请尽快处理。');
      expect((await getInstance(t.db, ids.open))!.overdueNotifiedAt).toBe(now.toISOString());

      // leaving the state clears the mark, so the next state can be reported late too
      const moved = await performAction(t.db, { instanceId: ids.open, action: 'requestSupplement', expectedVersion: 1, actor: a, fields: { missingMaterials: '股东会决议' }, now });
      expect(moved.instance.overdueNotifiedAt).toBeNull();
    });
  });
});
