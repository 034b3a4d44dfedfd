/**
 * Demo data of the inspections module: the full Putian-size checklist, rosters for Putian (targets with valid
 * 统一社会信用代码, inspectors of the market regulator in every district), demo accounts for every role, and
 * one plan already drawn (with a commitment made and a random value entered in the past) so the inspector's
 * phone view has work. `--scale N` multiplies the target roster (2,000 × N, at least 2,000).
 */
import type { Db } from '../platform/db/index.js';
import type { Config } from '../platform/config/index.js';
import { findUserByUsername } from '../platform/identity/index.js';
import { newId } from '../platform/ids/index.js';
import {
  createCommitment,
  importInspectors,
  importTargets,
  publishChecklistVersion,
  runDraw,
  serializeInspectorRoster,
  serializeTargetRoster,
  type DrawParameters,
} from '../modules/inspections/index.js';
import { linkDepartmentOrganization } from '../modules/inspections/checklist/checklist.repository.js';
import { insertPlan, insertTasks } from '../modules/inspections/plans/plan.repository.js';
import type { ModuleSeed } from './modules.js';
import { seedAccounts } from './platform.seed.js';
import { generateChecklist } from './inspections-checklist.js';
import { generateInspectors, generateTargets, PUTIAN_DISTRICTS } from './inspections-rosters.js';

/** Demo accounts (password Demo#2026), listed in the README. */
export const inspectionsDemoAccounts = [
  { username: 'insp-admin', displayName: '清单管理员 郑丽华（莆田市市场监管局）', org: 'amr-putian', roles: ['inspections.checklist-admin'] },
  { username: 'insp-planner', displayName: '抽查计划员 黄志远（莆田市市场监管局）', org: 'amr-putian', roles: ['inspections.planner'] },
  { username: 'insp-inspector1', displayName: '执法检查员 林建华（荔城区）', org: 'amr-putian', roles: ['inspections.inspector'] },
  { username: 'insp-inspector2', displayName: '执法检查员 陈美玲（荔城区）', org: 'amr-putian', roles: ['inspections.inspector'] },
  { username: 'insp-enterprise', displayName: '自查人员 翁少华（永兴鞋服）', org: 'enterprise3', roles: ['enterprise-user', 'inspections.self-checker'] },
];

const DEMO_DISTRICT = '350304';

export const seedInspections: ModuleSeed = async (db: Db, config: Config, ctx) => {
  const existing = await db.selectFrom('insp_checklist_versions').select('id').where('version', '=', '2026-1').executeTakeFirst();
  if (existing) return 'inspections: already seeded';
  const amr = ctx.orgIds.get('amr-putian');
  if (!amr) throw new Error('seed: organization amr-putian missing');
  await seedAccounts(db, config, inspectionsDemoAccounts, ctx.orgIds);

  const checklist = generateChecklist();
  await db.transaction().execute(async (trx) => {
    await publishChecklistVersion(trx, checklist, { userId: 'seed', organizationId: amr });
    await linkDepartmentOrganization(trx, 'SJ', amr);
  });

  const targets = generateTargets(2000 * Math.max(1, ctx.scale));
  const inspectors = generateInspectors([{ code: 'SJ', qualifications: ['食品', '特种设备', '计量', '广告'] }], 6, targets);
  const insp1 = await findUserByUsername(db, 'insp-inspector1');
  const inspectorRows = inspectors.map((p) => ({
    ...p,
    username:
      p.id === `SJ-${DEMO_DISTRICT}-001` ? 'insp-inspector1' : p.id === `SJ-${DEMO_DISTRICT}-002` ? 'insp-inspector2' : '',
  }));
  await db.transaction().execute(async (trx) => {
    await importTargets(trx, targets);
    await importInspectors(trx, inspectorRows);
  });

  // A plan committed two days ago, whose random value (a past lottery draw) has been entered: already drawn.
  const items = checklist.departments[0].categories[1].items.map((i) => i.code);
  const parameters: DrawParameters = {
    planId: 'SJ-2026-0001',
    department: 'SJ',
    jointDepartments: [],
    items,
    targetFilter: { industries: ['F52', 'H62'], districts: [DEMO_DISTRICT] },
    ratioBp: { A: 100, B: 300, C: 1000, D: 3000 },
    flagRatioBp: { abnormalOperation: 5000, complaint: 3000, seriousViolation: 10_000 },
    inspectorsPerTarget: 2,
    requiredQualifications: [],
    matchInspectorDistrict: true,
  };
  const day = 24 * 3600_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const now = Date.now();
  const c = createCommitment({
    parameters,
    targets,
    inspectors,
    randomSource: { kind: 'lottery', reference: '中国福利彩票3D 开奖号码（承诺次日开奖）', availableAfter: iso(now - day) },
    committedAt: iso(now - 2 * day),
  });
  const randomValue = { value: '4 0 8', enteredAt: iso(now - day + 3600_000) };
  const t = runDraw({ commitment: c.commitment, targets: c.targets, inspectors: c.inspectors, randomValue, now: iso(now) });
  const planId = newId('ipl');
  const byId = new Map(c.targets.map((x) => [x.id, x]));
  await db.transaction().execute(async (trx) => {
    await insertPlan(trx, {
      id: planId,
      number: parameters.planId,
      title: '2026年第一批食品销售和餐饮服务双随机抽查（荔城区）',
      department: 'SJ',
      organization_id: amr,
      parameters: JSON.stringify(c.commitment.parameters),
      state: 'drawn',
      commitment: JSON.stringify(c.commitment),
      commitment_hash: c.commitmentHash,
      target_roster: serializeTargetRoster(c.targets),
      inspector_roster: serializeInspectorRoster(c.inspectors),
      random_value: randomValue.value,
      random_entered_at: randomValue.enteredAt,
      transcript: JSON.stringify({ ...t, rosters: undefined }),
      withdrawals: '[]',
      created_by: insp1?.id ?? 'seed',
      created_at: c.commitment.committedAt,
      committed_at: c.commitment.committedAt,
      drawn_at: iso(now),
      commit_ledger_index: null,
      draw_ledger_index: null,
      row_version: 3,
    });
    await trx.insertInto('insp_plan_counters').values({ key: `SJ-${new Date().getUTCFullYear()}`, seq: 1 }).execute();
    await insertTasks(
      trx,
      t.selection.map((s) => {
        const x = byId.get(s.targetId)!;
        return {
          id: newId('itk'),
          plan_id: planId,
          target_id: x.id,
          target_name: x.name,
          district: x.district,
          industry: x.industry,
          credit_class: x.creditClass,
          stratum: s.stratum,
          pick: s.pick,
          assignments: JSON.stringify(s.assignments),
          inspector_ids: JSON.stringify(s.assignments.flatMap((a) => a.inspectors)),
          state: 'assigned' as const,
          outcome: null,
          answers: '{}',
          notes: '',
          photo_file_ids: '[]',
          recorded_by: null,
          recorded_at: null,
          publish_deadline: null,
          published_at: null,
          ledger_index: null,
        };
      }),
    );
  });
  const districts = PUTIAN_DISTRICTS.length;
  return `inspections: checklist ${checklist.departments.length} departments / 2300 points, ${targets.length} targets, ${inspectors.length} inspectors in ${districts} districts, plan ${parameters.planId} drawn (${t.selection.length} visits), accounts ${inspectionsDemoAccounts.map((a) => a.username).join(', ')}`;
};
