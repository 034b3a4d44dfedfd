import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect, createTestDb, type TestDb } from '../../test/db.js';
import { createTestOrganization, createTestUser } from '../../test/api.js';
import { loadConfig } from '../../platform/config/index.js';
import { newId } from '../../platform/ids/index.js';
import { encryptPii, maskPhone } from '../../platform/identity/index.js';
import { performAction, startInstance, type Actor, type Process } from '../../platform/workflow/index.js';
import { waterRoles } from './water-connection.policy.js';
import { simpleProcess, standardProcess } from './water-connection.workflow.js';
import type { WaterApplicationTable } from './water-connection.table.js';
import { csvField, exportApplicationsCsv, getStepLimits, getUtilityDashboard, idCreatedAt, refreshDashboardCounts, setStepLimits, stepStats } from './dashboard.service.js';

/** An instant in China (UTC+8): `cn('2026-02-13', '10:00')`. */
const cn = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

interface World {
  utility: string;
  otherUtility: string;
  enterprise: string;
  applicantUser: string;
  applicant: Actor;
  manager: Actor;
  crew: Actor;
  otherManager: Actor;
}

type Step = [action: string, at: Date, actor: keyof Pick<World, 'applicant' | 'manager' | 'crew' | 'otherManager'>, fields?: Record<string, unknown>];

/** An application driven through the real workflow engine at chosen instants, with its wc_applications row. */
async function makeApplication(t: TestDb, w: World, opts: { utility?: string; simple?: boolean; submittedAt: Date; steps: Step[]; name?: string; phone?: string; number: string }) {
  const process: Process = opts.simple ? simpleProcess : standardProcess;
  const utility = opts.utility ?? w.utility;
  const id = newId('wsa');
  const { instance } = await startInstance(t.db, process, { subjectType: 'water-application', subjectId: id, subjectLabel: opts.number, organizationId: utility, actor: w.applicant, now: opts.submittedAt });
  const phone = opts.phone ?? '13905951234';
  const row: WaterApplicationTable = {
    id, number: opts.number, applicant_kind: 'enterprise', applicant_org_id: w.enterprise, applicant_user_id: w.applicantUser, applicant_name: opts.name ?? '泉州市鲤城区晋江茶业有限公司',
    applicant_uscc: null, contact_name: '陈雅琴', contact_phone_enc: encryptPii(Buffer.alloc(32, 7), phone), contact_phone_masked: maskPhone(phone), tracking_hash: `h-${id}`,
    site_address: '中山中路 268 号', district: '鲤城区', water_use: 'commercial', pipe_diameter_mm: 80, daily_volume_m3: 45, simple_low_risk: opts.simple ? 1 : 0,
    materials: '{}', utility_org_id: utility, manager_user_id: w.manager.userId, workflow_instance_id: instance.id, state: instance.state, assisted: 0,
    survey_slot_start: null, survey_slot_end: null, design_file_id: null, fee_estimate_fen: opts.simple ? 0 : 1_268_000, contract_file_id: null, contract_sha256: null,
    construction_date: null, meter_number: null, connection_number: null, submitted_at: opts.submittedAt.toISOString(), completed_at: null,
    created_at: opts.submittedAt.toISOString(), updated_at: opts.submittedAt.toISOString(),
  };
  await t.db.insertInto('wc_applications').values(row).execute();
  let version = 1;
  let state = instance.state;
  for (const [action, at, who, fields] of opts.steps) {
    const r = await performAction(t.db, { instanceId: instance.id, action, expectedVersion: version, actor: w[who], fields, attachments: action === 'recordSurvey' ? [{ fileId: 'f1', kind: 'design' }] : action === 'completeConstruction' ? [{ fileId: 'f2', kind: 'photo' }] : [], now: at });
    version = r.instance.version;
    state = r.instance.state;
  }
  await t.db.updateTable('wc_applications').set({ state, completed_at: state === 'completed' ? opts.steps[opts.steps.length - 1]![1].toISOString() : null }).where('id', '=', id).execute();
  return id;
}

async function rate(t: TestDb, applicationId: string, level: number, rectification?: { dueDate: string }) {
  const ratingId = newId('wsr');
  await t.db.insertInto('wc_ratings').values({ id: ratingId, application_id: applicationId, level, comment: null, ledger_index: 0, created_at: new Date().toISOString() }).execute();
  if (rectification) {
    await t.db.insertInto('wc_rectifications').values({ id: newId('wsx'), application_id: applicationId, rating_id: ratingId, state: 'open', due_date: rectification.dueDate, action_taken: null, callback_record: null, created_at: new Date().toISOString(), closed_at: null }).execute();
  }
}

describeEachDialect('water-connection dashboard', (dialect) => {
  let t: TestDb;
  let w: World;
  const apps: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-wc-dash-')) });
    const utility = (await createTestOrganization(t.db, 'water-utility', '泉州市自来水有限公司')).id;
    const otherUtility = (await createTestOrganization(t.db, 'water-utility', '厦门水务集团有限公司')).id;
    const enterprise = (await createTestOrganization(t.db, 'enterprise')).id;
    const user = async (org: string, role: string) => {
      const u = await createTestUser(t.db, config, { organizationId: org, roles: [role] });
      return { userId: u.id, roles: new Set([role]), organizationId: org, name: u.display_name } satisfies Actor;
    };
    const applicant = await user(enterprise, waterRoles.applicant);
    w = {
      utility, otherUtility, enterprise, applicantUser: applicant.userId, applicant,
      manager: await user(utility, waterRoles['service-manager']), crew: await user(utility, waterRoles.construction), otherManager: await user(otherUtility, waterRoles['service-manager']),
    };

    // A: survey across the Spring Festival: entered Fri 2026-02-13, left Tue 02-24 = 2 working days (02-14 is a
    // worked Saturday, 02-15…02-23 off), 11 natural days; then the whole path to water on.
    apps.a = await makeApplication(t, w, {
      number: 'WS-20260213-0001', submittedAt: cn('2026-02-13', '10:00'), name: '泉州市"鑫源",茶业有限公司',
      steps: [
        ['pickSurveySlot', cn('2026-02-13', '11:00'), 'applicant', { slotStart: cn('2026-02-24', '09:00').toISOString() }],
        ['confirmSurvey', cn('2026-02-13', '15:00'), 'manager'],
        ['recordSurvey', cn('2026-02-24', '11:00'), 'manager', { feeEstimateFen: 1_268_000 }],
        ['signContract', cn('2026-02-24', '20:00'), 'applicant'],
        ['countersign', cn('2026-02-25', '09:30'), 'manager'],
        ['scheduleConstruction', cn('2026-02-25', '10:00'), 'crew', { constructionDate: '2026-02-26' }],
        ['completeConstruction', cn('2026-02-26', '16:00'), 'crew'],
        ['turnWaterOn', cn('2026-02-27', '10:00'), 'crew', { meterNumber: 'QZ26-0001' }],
      ],
    });
    // B: survey Mon 03-02 → Fri 03-06 = 4 working days: late against 3.
    apps.b = await makeApplication(t, w, {
      number: 'WS-20260302-0001', submittedAt: cn('2026-03-02', '09:00'), name: '=HYPERLINK("http://x")',
      steps: [['recordSurvey', cn('2026-03-06', '16:00'), 'manager', { feeEstimateFen: 500_000 }], ['signContract', cn('2026-03-07', '10:00'), 'applicant']],
    });
    // C: open in the survey, due 3 working days after Mon 03-09 = Thu 03-12: overdue on 03-16.
    apps.c = await makeApplication(t, w, { number: 'WS-20260309-0001', submittedAt: cn('2026-03-09', '09:00'), steps: [] });
    // D: simple low-risk, rejected from the contract (a rejection is not a finished step).
    apps.d = await makeApplication(t, w, { number: 'WS-20260310-0001', simple: true, submittedAt: cn('2026-03-10', '09:00'), steps: [['reject', cn('2026-03-10', '15:00'), 'manager', { reason: '不在供水范围' }]] });
    // E: another utility's application: never in this utility's dashboard.
    apps.e = await makeApplication(t, w, {
      utility: otherUtility, number: 'WS-20260311-0001', submittedAt: cn('2026-03-11', '09:00'),
      steps: [['recordSurvey', cn('2026-03-11', '16:00'), 'otherManager', { feeEstimateFen: 1 }]],
    });
    await rate(t, apps.a, 5);
    await rate(t, apps.b, 2, { dueDate: '2026-03-20' });
    await rate(t, apps.e, 1);
  });
  afterAll(() => t.close());

  const now = cn('2026-03-16', '12:00');

  it('counts applications by state, per month, and only the utility\'s own', async () => {
    const d = await getUtilityDashboard(t.db, w.utility, { now });
    const by = Object.fromEntries(d.byState.map((s) => [s.state, s.count]));
    expect(by).toMatchObject({ survey: 1, contract: 0, countersign: 1, completed: 1, rejected: 1 });
    expect(d.total).toBe(4);
    expect(d.totals).toMatchObject({ applications: 4, open: 2, completed: 1, rejected: 1 });
    expect(d.perMonth.slice(-2)).toEqual([{ month: '2026-02', submitted: 1 }, { month: '2026-03', submitted: 3 }]);
    const other = await getUtilityDashboard(t.db, w.otherUtility, { now });
    expect(other.total).toBe(1);
    expect(other.byState.find((s) => s.state === 'contract')!.count).toBe(1);
    expect(other.ratings.count).toBe(1);
  });

  it('average time per step in working days (holidays skipped) against the promise', async () => {
    const d = await getUtilityDashboard(t.db, w.utility, { now });
    const survey = d.steps.find((s) => s.step === 'survey')!;
    // A 2 working days (11 natural), B 4 (4 natural); the clock is not restarted by booking a slot.
    expect(survey).toMatchObject({ count: 2, averageWorkingDays: 3, averageNaturalDays: 7.5, averageDays: 3, promisedDays: 3, unit: 'working', onTime: 1, onTimeRateBp: 5000, averageWithinPromise: true, inProgress: 1 });
    const waterOn = d.steps.find((s) => s.step === 'water-on')!;
    expect(waterOn).toMatchObject({ count: 1, averageNaturalDays: 1, unit: 'natural', promisedDays: 1, onTime: 1 });
    // the rejected simple application finished no step
    expect(d.steps.find((s) => s.step === 'contract')).toMatchObject({ count: 2, promisedDays: null, onTime: null });
  });

  it('lists overdue applications, ratings (5 levels, satisfaction) and open rectifications', async () => {
    const d = await getUtilityDashboard(t.db, w.utility, { now });
    // most overdue first: B signed on Saturday 03-07, countersign due the next working day 03-09; C's survey due 03-12
    expect(d.overdue.map((o) => o.number)).toEqual(['WS-20260302-0001', 'WS-20260309-0001']);
    expect(d.overdue[0]).toMatchObject({ id: apps.b, state: 'countersign', dueDate: '2026-03-09', overdueWorkingDays: 5 });
    expect(d.overdue[1]).toMatchObject({ id: apps.c, state: 'survey', dueDate: '2026-03-12', overdueWorkingDays: 2 });
    expect(d.totals.overdue).toBe(2);
    // the completed and rejected ones, and the other utility's, never appear
    expect((await getUtilityDashboard(t.db, w.utility, { now, listLimit: 1 })).overdue).toHaveLength(1);
    expect(d.ratings.count).toBe(2);
    expect(d.ratings.byLevel.map((l) => l.count)).toEqual([1, 0, 0, 1, 0]);
    expect(d.ratings.satisfactionRateBp).toBe(5000);
    expect(d.ratings.average).toBe(3.5);
    expect(d.rectifications).toMatchObject({ open: 1, overdue: 0 });
    expect(d.rectifications.items[0]).toMatchObject({ applicationId: apps.b, level: 2, dueDate: '2026-03-20' });
    const later = await getUtilityDashboard(t.db, w.utility, { now: cn('2026-03-23', '12:00') });
    expect(later.rectifications.overdue).toBe(1);
  });

  it('counts each transition once: repeated and concurrent refreshes, and new steps after a refresh', async () => {
    await Promise.all([refreshDashboardCounts(t.db, { now }), refreshDashboardCounts(t.db, { now }), refreshDashboardCounts(t.db, { now })]);
    const before = await getUtilityDashboard(t.db, w.utility, { now });
    expect(before.total).toBe(4);
    expect(before.steps.find((s) => s.step === 'survey')!.count).toBe(2);
    // C's survey is recorded now: counted by the next read
    const inst = await t.db.selectFrom('workflow_instances').select(['id', 'version']).where('subject_id', '=', apps.c).executeTakeFirstOrThrow();
    await performAction(t.db, { instanceId: inst.id, action: 'recordSurvey', expectedVersion: Number(inst.version), actor: w.manager, fields: { feeEstimateFen: 1 }, attachments: [{ fileId: 'f', kind: 'design' }], now: cn('2026-03-16', '11:00') });
    await t.db.updateTable('wc_applications').set({ state: 'contract' }).where('id', '=', apps.c).execute();
    const after = await getUtilityDashboard(t.db, w.utility, { now });
    const survey = after.steps.find((s) => s.step === 'survey')!;
    expect(survey.count).toBe(3);
    expect(survey.averageWorkingDays).toBe(3.67); // (2 + 4 + 5) / 3, 03-09 → 03-16 is 5 working days
    expect(after.byState.find((s) => s.state === 'survey')!.count).toBe(0);
    expect(after.byState.find((s) => s.state === 'contract')!.count).toBe(1);
    expect(after.overdue.map((o) => o.number)).toEqual(['WS-20260302-0001']);
  });

  it('promised limits: defaults, overridden per utility', async () => {
    expect((await getStepLimits(t.db, w.utility)).find((l) => l.step === 'survey')).toMatchObject({ days: 3, unit: 'working', configured: false });
    await setStepLimits(t.db, w.utility, [{ step: 'survey', days: 2, unit: 'working' }]);
    const limits = await getStepLimits(t.db, w.utility);
    expect(limits.find((l) => l.step === 'survey')).toMatchObject({ days: 2, unit: 'working', configured: true, default: { days: 3, unit: 'working' } });
    expect((await getStepLimits(t.db, w.otherUtility)).find((l) => l.step === 'survey')!.days).toBe(3);
    const d = await getUtilityDashboard(t.db, w.utility, { now });
    // A (2) on time; B (4) and C (5) late against 2 working days
    expect(d.steps.find((s) => s.step === 'survey')).toMatchObject({ promisedDays: 2, onTime: 1, averageWithinPromise: false });
    await setStepLimits(t.db, w.utility, [{ step: 'survey', days: 3, unit: 'working' }]);
  });

  it('exports CSV: BOM, Chinese header, masked phones only, RFC 4180 quoting, no formulas', async () => {
    const csv = await exportApplicationsCsv(t.db, w.utility);
    expect(csv.startsWith('\uFEFF申请编号,提交时间,申请人,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(5);
    expect(csv).not.toContain('13905951234');
    expect(csv).toContain('139****1234');
    expect(csv).not.toContain('WS-20260311-0001');
    // a name with a comma and quotes is one quoted field, its quotes doubled
    expect(lines[1]).toContain(',"泉州市""鑫源"",茶业有限公司",');
    expect(lines[1]).toMatch(/^WS-20260213-0001,2026-02-13 10:00,/);
    expect(lines[1]).toContain('已通水');
    expect(lines[1]).toContain('12680.00');
    expect(lines[1]).toContain(',非常满意');
    // formula injection neutralized (and quoted: it holds quotes)
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://x"")",`);
  });
});

describe('dashboard helpers', () => {
  it('csvField quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('+86 139')).toBe("'+86 139");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('idCreatedAt sorts with UUIDv7 ids of the same instant', () => {
    const at = Date.UTC(2026, 10, 28, 1, 2, 3, 4);
    const bound = idCreatedAt('wft', at);
    const hex = at.toString(16).padStart(12, '0');
    expect(bound).toBe(`wft_${hex.slice(0, 8)}-${hex.slice(8)}`);
    expect(`wft_${hex.slice(0, 8)}-${hex.slice(8)}-7abc-8def-0123456789ab` > bound).toBe(true);
    expect(idCreatedAt('wft', at - 1) < bound).toBe(true);
  });

  it('stepStats: on time by the promise counted from the entering day, natural days moved past a holiday', () => {
    const limits = new Map([['water-on', { days: 1, unit: 'natural' as const }], ['survey', { days: 3, unit: 'working' as const }]]);
    const s = stepStats([
      // water on entered Wed 09-30, left Thu 10-08: 1 natural day ends 10-01, a holiday → moved to 10-08 (on time)
      { step: 'water-on', entered_day: '2026-09-30', left_day: '2026-10-08', n: 1 },
      { step: 'survey', entered_day: '2026-09-29', left_day: '2026-10-10', n: 3 },
    ], limits, new Map());
    expect(s.find((x) => x.step === 'water-on')).toMatchObject({ count: 1, onTime: 1, averageNaturalDays: 8 });
    // 09-29 → 10-10: 09-30, 10-08, 10-09 and the worked Saturday 10-10 = 4 working days; the 3rd is 10-09: late
    expect(s.find((x) => x.step === 'survey')).toMatchObject({ count: 3, averageWorkingDays: 4, averageNaturalDays: 11, onTime: 0 });
  });
});
