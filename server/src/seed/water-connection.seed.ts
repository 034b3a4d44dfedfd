/**
 * Seed of the water-connection module (泉州 用水报装, issue 4).
 *
 * - Demo accounts for every role (password Demo#2026) and the service managers' districts.
 * - Always (scale 0 and up): a few hand-made applications in every state, made through the module's own
 *   services (submitApplication, survey, contract signing with PAdES, construction, rating; performStep for a
 *   rejection), so their workflow transitions, ledger leaves, signed contracts and messages are real.
 * - scale N ≥ 1: the seed's volume, 28,000 × N applications spread over the half year before today, with their
 *   applicant organizations, workflow instances and transitions, inserted in batches inside transactions.
 *   Bulk rows bypass the services for speed but are consistent: state, transitions in time order, due dates as
 *   the workflow engine computes them (dueOnEntering), numbers from the same per-day counter. Bulk ratings get
 *   their real ledger leaf; bulk submissions and steps have none (the ledger has no batch append, and 200,000
 *   single appends would dominate the seed's time).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Config } from '../platform/config/index.js';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { newId } from '../platform/ids/index.js';
import { createOrganization, encryptPii, findOrganizationById, findOrganizationByUscc, findUserByUsername, maskPhone, permissionsOf, withResidentIdCheckChar, withUsccCheckChar, type Principal } from '../platform/identity/index.js';
import { hashPassword } from '../platform/identity/password.js';
import { getVerifiedIdentity, LOCAL_DEMO_INFO, protectResidentId } from '../platform/realname/index.js';
import { recordVerification } from '../platform/realname/realname.service.js';
import { appendLedgerEntry } from '../platform/ledger/index.js';
import { storeFile, localBlobStore } from '../platform/files/index.js';
import { renderPdf } from '../platform/documents/index.js';
import { addWorkingDays, isWorkingDay, plusDays, workingDayOnOrAfter, describeDay, type CalendarDate } from '../platform/calendar/index.js';
import { dueOnEntering, type Process } from '../platform/workflow/index.js';
import type { WorkflowInstanceTable, WorkflowTransitionTable } from '../platform/workflow/workflow.table.js';
import { quanzhouDistricts } from '../modules/water-connection/districts.js';
import { formatApplicationNumber, formatConnectionNumber, isSimpleLowRisk, requiredMaterials, RECTIFICATION_WORKING_DAYS, isBadRating, type WaterUse } from '../modules/water-connection/application-rules.js';
import { simpleProcess, standardProcess } from '../modules/water-connection/water-connection.workflow.js';
import { submitApplication, trackingHash } from '../modules/water-connection/application.service.js';
import { confirmSurvey, pickSurveySlot, recordSurvey } from '../modules/water-connection/survey.service.js';
import { completeConstruction, scheduleConstruction, turnWaterOn } from '../modules/water-connection/construction.service.js';
import { rateApplication } from '../modules/water-connection/rating.service.js';
import { countersignContract, signContract } from '../modules/water-connection/contract.service.js';
import { performStep } from '../modules/water-connection/step.js';
import { findApplicationById } from '../modules/water-connection/application.repository.js';
import type { WaterApplicationTable, WaterRatingTable, WaterRectificationTable } from '../modules/water-connection/water-connection.table.js';
import type { TSubmitApplicationRequest } from '../modules/water-connection/water-connection.schemas.js';
import { refreshDashboardCounts } from '../modules/water-connection/dashboard.service.js';
import type { ModuleSeed } from './modules.js';
import { seedAccounts, type demoAccounts } from './platform.seed.js';

/** Demo accounts of the module (README lists them). */
export const waterAccounts: typeof demoAccounts = [
  { username: 'wc-applicant', displayName: '陈雅琴（晋江茶业）', org: 'enterprise', roles: ['water-connection.applicant', 'enterprise-user'], residentId17: '35050219880716202', phone: '13859901234' },
  { username: 'wc-manager', displayName: '营商服务经理 黄志强', org: 'water-utility', roles: ['water-connection.service-manager'], phone: '13905958812' },
  { username: 'wc-manager2', displayName: '营商服务经理 苏丽娟', org: 'water-utility', roles: ['water-connection.service-manager'], phone: '13805953366' },
  { username: 'wc-crew', displayName: '施工班组长 王建国', org: 'water-utility', roles: ['water-connection.construction'], phone: '13505957701' },
  { username: 'wc-supervisor', displayName: '供水服务督办 吴晓红', org: 'water-utility', roles: ['water-connection.supervisor'], phone: '13615951188' },
];

/** 鲤城区 and 丰泽区 to wc-manager, every other Quanzhou district to wc-manager2. */
const managerDistricts: Record<string, string[]> = {
  'wc-manager': ['鲤城区', '丰泽区'],
  'wc-manager2': Object.values(quanzhouDistricts).filter((d) => d !== '鲤城区' && d !== '丰泽区'),
};

/** The seed's volume: 28,000 applications in half a year (Quanzhou), × scale. */
export const BULK_PER_SCALE = 28_000;
const HALF_YEAR_DAYS = 182;
const CHUNK = 1_000;

export const seedWaterConnection: ModuleSeed = async (db, config, { orgIds, scale }) => {
  const utilityId = orgIds.get('water-utility');
  if (!utilityId) throw new Error('seed: the water-utility demo organization is missing');
  await seedAccounts(db, config, waterAccounts, orgIds);
  const staff = await loadStaff(db);
  await db.transaction().execute(async (trx) => {
    for (const [username, districts] of Object.entries(managerDistricts)) {
      for (const district of districts) {
        await trx.insertInto('wc_manager_districts').values({ user_id: staff[username]!.id, utility_org_id: utilityId, district })
          .onConflict((oc) => oc.columns(['user_id', 'district']).doNothing()).execute();
      }
    }
  });
  const parts = [`accounts ${[...waterAccounts.map((a) => a.username), signedApplicant.account.username].join(', ')}`];
  parts.push(await seedDemoApplications(db, config, staff, orgIds));
  if (scale >= 1) parts.push(await seedBulkApplications(db, config, utilityId, staff, Math.floor(scale)));
  // The dashboard counts each transition and rating once (dashboard.service.ts); do the bulk of it now.
  await refreshDashboardCounts(db);
  if (scale >= 1) {
    // Planner statistics after a bulk load: PostgreSQL would otherwise plan with empty-table estimates until
    // autovacuum comes round (measured on a loaded machine: dashboard p50 311 ms before, 74 ms after).
    // ANALYZE of one table is the same statement on both dialects.
    for (const table of ['wc_applications', 'wc_ratings', 'wc_rectifications', 'workflow_instances', 'workflow_transitions', 'organizations', 'users', 'user_roles', 'wc_dash_transition_facts', 'wc_dash_rating_facts', 'wc_dash_counts']) {
      await sql`analyze ${sql.table(table)}`.execute(db);
    }
  }
  return parts.join('; ');
};

// ---------------------------------------------------------------------------------------------------------------
// Accounts as principals (the services take the caller's Principal)

interface StaffUser { id: string; name: string; organizationId: string; roles: string[] }

async function loadStaff(db: Db): Promise<Record<string, StaffUser>> {
  const out: Record<string, StaffUser> = {};
  for (const a of waterAccounts) {
    const u = await findUserByUsername(db, a.username);
    if (!u) throw new Error(`seed: account ${a.username} missing`);
    const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute();
    out[a.username] = { id: u.id, name: u.display_name, organizationId: u.organization_id, roles: roles.map((r) => r.role) };
  }
  return out;
}

async function principalOf(db: Db, u: StaffUser, username: string): Promise<Principal> {
  const org = (await findOrganizationById(db, u.organizationId))!;
  return {
    kind: 'user', id: u.id, userId: u.id, username, displayName: u.name, organizationId: u.organizationId, organizationName: org.name,
    organizationKind: org.kind, roles: new Set(u.roles), permissions: permissionsOf(u.roles), scopes: null, csrfToken: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Demo documents: small but valid PDFs and a PNG, so the demo's materials open in a viewer.

async function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  return Buffer.from(await renderPdf({
    title,
    subtitle: '演示数据 Demo data',
    createdAt: '2026-01-05T02:00:00.000Z',
    blocks: lines.map((text) => ({ type: 'paragraph' as const, text })),
    footer: '营商 Yingshang 演示材料',
  }));
}

/** A 4×4 grey PNG (a stand-in construction photo); built here so the seed needs no binary files. */
function demoPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 4, 0, 0, 0, 4, 8, 0, 0, 0, 0]); // 4×4, 8-bit greyscale
  const raw = Buffer.alloc(4 * 5, 0x80);
  for (let y = 0; y < 4; y++) raw[y * 5] = 0; // filter byte per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function storeDemoFile(db: Db, config: Config, owner: { organizationId: string; id: string }, filename: string, data: Buffer) {
  const blobs = localBlobStore(join(config.dataDir, 'files'));
  return db.transaction().execute((trx) => storeFile(trx, blobs, { filename, data, owner }));
}

// ---------------------------------------------------------------------------------------------------------------
// scale 0: hand-made applications in every state, through the module's services

/**
 * A second applicant whose real name is already verified (local demo), so the demo has signed contracts. The
 * main applicant wc-applicant stays unverified: the demo (and the browser test) shows real-name verification
 * before the first signature.
 */
const signedApplicant = {
  org: { key: 'wc-enterprise2', name: '泉州市丰泽区刺桐餐饮管理有限公司', uscc17: '91350503MA2XW5LJ8', regionCode: '350503', district: '丰泽区' },
  account: { username: 'wc-applicant2', displayName: '林志鸿（刺桐餐饮）', org: 'wc-enterprise2', roles: ['water-connection.applicant', 'enterprise-user'], residentId17: '35050319900305321', phone: '13905951357' },
  name: '林志鸿',
};

async function ensureSignedApplicant(db: Db, config: Config, orgIds: Map<string, string>): Promise<void> {
  const o = signedApplicant.org;
  const uscc = withUsccCheckChar(o.uscc17);
  const org = (await findOrganizationByUscc(db, uscc)) ?? (await db.transaction().execute((trx) => createOrganization(trx, { kind: 'enterprise', name: o.name, uscc, regionCode: o.regionCode, district: o.district })));
  await seedAccounts(db, config, [signedApplicant.account], new Map([...orgIds, [o.key, org.id]]));
  const user = (await findUserByUsername(db, signedApplicant.account.username))!;
  if (await getVerifiedIdentity(db, user.id)) return;
  const residentId = withResidentIdCheckChar(signedApplicant.account.residentId17);
  await recordVerification(db, user.id, {
    name: signedApplicant.name, residentId: protectResidentId(residentId, config.piiKey), assurance: 'low', providerId: LOCAL_DEMO_INFO.id, verifiedAt: new Date().toISOString(),
  }, { requestId: 'seed', actorName: signedApplicant.account.username, organizationId: org.id });
}

async function seedDemoApplications(db: Db, config: Config, staff: Record<string, StaffUser>, orgIds: Map<string, string>): Promise<string> {
  const applicantUser = staff['wc-applicant']!;
  const existing = await db.selectFrom('wc_applications').select('id').where('applicant_user_id', '=', applicantUser.id).limit(1).executeTakeFirst();
  if (existing) return 'demo applications already present';
  await ensureSignedApplicant(db, config, orgIds);
  const u2 = (await findUserByUsername(db, signedApplicant.account.username))!;
  const applicant2User: StaffUser = { id: u2.id, name: u2.display_name, organizationId: u2.organization_id, roles: signedApplicant.account.roles };

  const applicant = await principalOf(db, applicantUser, 'wc-applicant');
  const applicant2 = await principalOf(db, applicant2User, signedApplicant.account.username);
  const manager = await principalOf(db, staff['wc-manager']!, 'wc-manager');
  const manager2 = await principalOf(db, staff['wc-manager2']!, 'wc-manager2');
  const crew = await principalOf(db, staff['wc-crew']!, 'wc-crew');
  const supervisor = await principalOf(db, staff['wc-supervisor']!, 'wc-supervisor');

  const materialsOf = async (who: Principal, company: string, address: string) => ({
    businessLicence: (await storeDemoFile(db, config, who, '营业执照（电子）.pdf', await demoPdf('营业执照（电子证照）', [
      `名称：${company}`, '类型：有限责任公司（自然人投资或控股）', `住所：福建省泉州市${address}`, '依据《国务院关于在线政务服务的若干规定》（国务院令第716号）第十一条，电子证照与纸质证照具有同等法律效力。',
    ]))).id,
    propertyCertificate: (await storeDemoFile(db, config, who, '房屋租赁合同.pdf', await demoPdf('房屋租赁合同（摘要）', [`承租人：${company}`, '租赁期限：2026 年 1 月 1 日至 2030 年 12 月 31 日']))).id,
    drawings: (await storeDemoFile(db, config, who, '用水设计图纸.pdf', await demoPdf('室内给水设计图（说明）', ['给水引入管 DN50，水表井位于建筑东侧。', '设计单位：泉州市建筑设计院有限公司']))).id,
  });
  const m1 = await materialsOf(applicant, '泉州市鲤城区晋江茶业有限公司', '鲤城区中山中路 268 号');
  const m2 = await materialsOf(applicant2, signedApplicant.org.name, '丰泽区刺桐路 636 号');
  const design = await storeDemoFile(db, config, manager, '接水工程设计图.pdf', await demoPdf('接水工程设计图（勘察成果）', ['接驳点：市政 DN300 给水管', '新建引入管 DN50 约 28 米，水表井 1 座']));
  const photo = await storeDemoFile(db, config, crew, '施工完成照片.png', demoPng());

  const input = (over: Partial<TSubmitApplicationRequest>): TSubmitApplicationRequest => ({
    contactName: '陈雅琴', contactPhone: '13859901234', siteAddress: '中山中路 268 号', regionCode: '350502', waterUse: 'commercial', pipeDiameterMm: 80, dailyVolumeM3: 45, materials: m1, ...over,
  });
  const input2 = (over: Partial<TSubmitApplicationRequest>) => input({ contactName: signedApplicant.name, contactPhone: signedApplicant.account.phone!, regionCode: '350503', materials: m2, ...over });
  const submit = async (who: Principal, body: TSubmitApplicationRequest) => (await submitApplication(db, config, { principal: who }, body)).application;
  const version = async (id: string) => Number((await db.selectFrom('workflow_instances').select('version').where('subject_id', '=', id).executeTakeFirstOrThrow()).version);
  // the next working day at 10:00 in China: always in the future
  const slot = () => new Date(chinaTime(addWorkingDays(chinaDay(Date.now()), 1), 10 * 60)).toISOString();
  const tomorrowWorking = () => addWorkingDays(chinaDay(Date.now()), 1);

  const surveyed = async (who: Principal, body: TSubmitApplicationRequest) => {
    const a = await submit(who, body);
    await pickSurveySlot(db, config, who, a.id, { version: await version(a.id), slotStart: slot() });
    await confirmSurvey(db, config, manager, a.id, { version: await version(a.id) });
    await recordSurvey(db, config, manager, a.id, { version: await version(a.id), designFileId: design.id, feeEstimateFen: 1_268_000, note: '现场具备接水条件，自市政 DN300 管接驳' });
    return a;
  };
  const signed = async (body: TSubmitApplicationRequest) => {
    const a = await surveyed(applicant2, body);
    await signContract(db, config, applicant2, a.id, { version: await version(a.id) }, 'seed');
    return a;
  };
  const countersigned = async (body: TSubmitApplicationRequest) => {
    const a = await signed(body);
    await countersignContract(db, config, supervisor, a.id, { version: await version(a.id) }, 'seed');
    return a;
  };
  const built = async (body: TSubmitApplicationRequest) => {
    const a = await countersigned(body);
    await scheduleConstruction(db, config, crew, a.id, { version: await version(a.id), constructionDate: tomorrowWorking() });
    await completeConstruction(db, config, crew, a.id, { version: await version(a.id), photoFileIds: [photo.id], note: '引入管及水表井施工完成，路面已恢复' });
    return a;
  };
  const completed = async (body: TSubmitApplicationRequest, meterNumber: string) => {
    const a = await built(body);
    await turnWaterOn(db, config, crew, a.id, { version: await version(a.id), meterNumber });
    return a;
  };

  const made: [string, string][] = [];
  // wc-applicant: survey booked and confirmed; surveyed, contract waiting for the (first) signature
  const a1 = await submit(applicant, input({ siteAddress: '中山中路 268 号' }));
  await pickSurveySlot(db, config, applicant, a1.id, { version: await version(a1.id), slotStart: slot() });
  await confirmSurvey(db, config, manager, a1.id, { version: await version(a1.id) });
  made.push(['survey', a1.number]);
  made.push(['contract', (await surveyed(applicant, input({ siteAddress: '温陵路 88 号' }))).number]);
  // simple low-risk: no visit, no approval, no fee — straight to the contract
  made.push(['contract (simple low-risk)', (await submit(applicant, input({ siteAddress: '新华北路 22 号店面', pipeDiameterMm: 25, dailyVolumeM3: 3, materials: { businessLicence: m1.businessLicence, propertyCertificate: m1.propertyCertificate } }))).number]);
  // rejected at the survey: no municipal main at the site
  const rejected = await submit(applicant, input({ siteAddress: '北峰街道招贤路 9 号', regionCode: '350504' }));
  const reason = '现场勘察：该地块暂无市政供水管网，待管网延伸后再行申请';
  const app8 = (await findApplicationById(db, rejected.id))!;
  const v8 = await version(rejected.id);
  await db.transaction().execute((trx) => performStep(trx, config, app8, { action: 'reject', expectedVersion: v8, actor: manager2, fields: { reason }, comment: reason, note: '不予受理：暂无市政供水管网' }));
  made.push(['rejected', rejected.number]);

  // wc-applicant2 (verified): signed, countersigned, under construction, water on, completed and rated
  made.push(['countersign', (await signed(input2({ siteAddress: '丰泽街 518 号 1 层' }))).number]);
  const a4 = await countersigned(input2({ siteAddress: '田安路 1099 号' }));
  await scheduleConstruction(db, config, crew, a4.id, { version: await version(a4.id), constructionDate: tomorrowWorking() });
  made.push(['construction', a4.number]);
  made.push(['water-on', (await built(input2({ siteAddress: '东海大街 1566 号' }))).number]);
  const a6 = await completed(input2({ siteAddress: '刺桐路 636 号' }), 'QZ26-0000101');
  await rateApplication(db, applicant2, a6.id, { level: 5, comment: '全程网上办理，一次都没跑，服务经理很专业' });
  made.push(['completed (非常满意)', a6.number]);
  const a7 = await completed(input2({ siteAddress: '泉秀路 2 号' }), 'QZ26-0000102');
  await rateApplication(db, applicant2, a7.id, { level: 2, comment: '施工后门前路面恢复不及时' });
  made.push(['completed (不满意, rectification open)', a7.number]);

  return `demo applications ${made.map(([st, n]) => `${st} ${n}`).join(', ')} (wc-applicant and wc-applicant2, real-name verified by the local demo)`;
}

// ---------------------------------------------------------------------------------------------------------------
// Time in China (UTC+8, no daylight saving since 1991) without Intl, for speed over 200,000 transitions

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;
const chinaDay = (ms: number): CalendarDate => new Date(ms + CHINA_OFFSET).toISOString().slice(0, 10);
const chinaTime = (day: CalendarDate, minutes: number) => Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET + minutes * MINUTE;
const minutesOfDay = (ms: number) => Math.floor(((ms + CHINA_OFFSET) % DAY) / MINUTE);

// ---------------------------------------------------------------------------------------------------------------
// Deterministic random numbers (mulberry32), so a given scale always seeds the same data

interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    weighted(items) {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of items) if ((x -= w) < 0) return v;
      return items[items.length - 1]![0];
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Names and addresses of Quanzhou

/** District code → share of applications (晋江、南安、石狮 are the busiest), trades and roads. */
const districtProfiles: Record<string, { weight: number; trades: string[]; roads: string[] }> = {
  '350502': { weight: 8, trades: ['商贸', '餐饮管理', '茶业', '文化传媒', '酒店管理'], roads: ['中山中路', '温陵路', '新华北路', '江滨南路', '庄府巷', '九一路', '金山路', '涂门街'] },
  '350503': { weight: 10, trades: ['信息科技', '物业管理', '酒店管理', '医疗器械', '商贸'], roads: ['东海大街', '丰泽街', '刺桐路', '泉秀路', '田安路', '津淮街', '宝洲路', '丰海路'] },
  '350504': { weight: 5, trades: ['机械制造', '印刷', '建材', '食品'], roads: ['万安街道万虹路', '双阳街道双阳大道', '河市镇河市街', '马甲镇马甲大道'] },
  '350505': { weight: 5, trades: ['石化', '物流', '新材料', '港务'], roads: ['驿峰中路', '前黄镇前黄大道', '南埔镇南埔街', '界山镇界山路'] },
  '350521': { weight: 9, trades: ['石雕工艺', '建筑工程', '石材', '食品'], roads: ['螺城镇八二三路', '螺阳镇惠兴街', '东岭镇东岭大道', '崇武镇海门路'] },
  '350524': { weight: 8, trades: ['茶叶', '藤铁工艺', '家居用品', '农业开发'], roads: ['凤城镇河滨路', '凤城镇大同路', '城厢镇经济开发区', '龙门镇龙门大道'] },
  '350525': { weight: 5, trades: ['香业', '芦柑种植', '茶叶', '陶瓷'], roads: ['桃城镇八二三东路', '桃城镇留安路', '五里街镇华岩路', '石鼓镇石鼓大道'] },
  '350526': { weight: 5, trades: ['陶瓷', '工艺品', '瓷业', '电子商务'], roads: ['浔中镇瓷都大道', '龙浔镇德新街', '三班镇三班路', '浔中镇唐寨山路'] },
  '350581': { weight: 10, trades: ['服装', '纺织', '贸易', '辅料'], roads: ['宝岛路', '石狮大道', '灵秀镇钞坑路', '鸿山镇伍堡路', '湖滨街道八七路'] },
  '350582': { weight: 20, trades: ['鞋业', '纺织', '食品', '体育用品', '伞业'], roads: ['世纪大道', '泉安中路', '陈埭镇沟西路', '青阳街道青华路', '池店镇池店大道', '磁灶镇张林路', '安海镇成功路'] },
  '350583': { weight: 12, trades: ['石材', '水暖卫浴', '建材', '光电'], roads: ['成功街', '水头镇滨海大道', '溪美街道柳城路', '官桥镇官桥大道', '仑苍镇仑苍路'] },
};
const districtCodes = Object.keys(districtProfiles);

const brandFirst = ['鑫', '恒', '华', '闽', '盛', '永', '金', '宏', '泉', '海', '清', '东', '嘉', '瑞', '百', '万', '天', '远', '新', '中', '顺', '联', '德', '锦', '信', '荣', '晟', '安', '源', '达', '鸿', '富', '兴', '祥', '裕'] as const;
const brandSecond = ['源', '达', '峰', '泰', '丰', '和', '龙', '发', '兴', '丝', '桐', '润', '禾', '川', '福', '成', '航', '昌', '江', '光', '利', '美', '隆', '祥', '辉', '盈', '通', '鸿', '益', '协', '宸', '铭'] as const;
const companyForms = [['有限公司', 70], ['有限责任公司', 12], ['股份有限公司', 8], ['实业有限公司', 10]] as const;
const surnames = ['陈', '林', '黄', '王', '吴', '蔡', '李', '张', '郑', '许', '苏', '洪', '庄', '杨', '刘', '曾', '施', '柯', '谢', '傅', '颜', '郭', '卢', '邱', '潘'] as const;
const givenChars = ['志', '明', '伟', '丽', '雅', '建', '国', '秀', '玲', '文', '华', '金', '水', '清', '芳', '燕', '俊', '杰', '婷', '鸿', '毅', '晓', '思', '涵', '佳', '宇', '峰', '梅', '春', '荣'] as const;
const phonePrefixes = ['135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '182', '183', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '181', '189', '177', '199'] as const;
const uscc31 = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const personName = (rng: Rng) => rng.pick(surnames) + rng.pick(givenChars) + (rng.chance(0.8) ? rng.pick(givenChars) : '');
const mobile = (rng: Rng) => rng.pick(phonePrefixes) + String(rng.int(0, 99_999_999)).padStart(8, '0');

function usccSerial(n: number): string {
  let s = '';
  for (let i = 0; i < 5; i++) {
    s = uscc31[n % 31]! + s;
    n = Math.floor(n / 31);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// One application's life, simulated

type ActorKind = 'applicant' | 'manager' | 'crew' | 'supervisor';
interface SimStep {
  action: string | null;
  to: string;
  at: number;
  actor: ActorKind;
  fields?: Record<string, unknown>;
  attachments?: { fileId: string; kind: string }[];
  comment?: string;
}

const rejectReasons = ['现场勘察：该地块暂无市政供水管网，待管网延伸后再行申请', '用水地址不在本公司供水管网覆盖范围内', '申请用水性质与规划用途不符，请核实后重新申请'];
const withdrawReasons = ['项目计划调整，申请撤回', '租赁场所变更，重新选址后再申请', '重复提交，撤回本申请'];

/** A staff member's next moment of work after `t` plus a delay: working days, 08:30–17:30 China time. */
function staffTime(t: number, rng: Rng, minDelay: number, maxDelay: number): number {
  const c = t + rng.int(minDelay, maxDelay) * MINUTE;
  const day = chinaDay(c);
  const m = minutesOfDay(c);
  if (isWorkingDay(day) && m >= 510 && m <= 1050) return c;
  const next = m < 510 && isWorkingDay(day) ? day : workingDayOnOrAfter(plusDays(day, 1));
  return chinaTime(next, 510 + rng.int(0, 150));
}

/** The applicant acts online, any day, 07:00–23:00. */
function applicantTime(t: number, rng: Rng, minDelay: number, maxDelay: number): number {
  const c = t + rng.int(minDelay, maxDelay) * MINUTE;
  const m = minutesOfDay(c);
  if (m >= 420 && m <= 1380) return c;
  const day = m < 420 ? chinaDay(c) : plusDays(chinaDay(c), 1);
  return chinaTime(day, 450 + rng.int(0, 180));
}

interface SimInput { submittedAt: number; simple: boolean; feeFen: number; meterNumber: string; designFileId: string; photoFileId: string }

/** The whole life of an application from submission (it is cut at "now" by the caller). */
function simulate(rng: Rng, s: SimInput): SimStep[] {
  const steps: SimStep[] = [];
  const push = (step: SimStep) => {
    const prev = steps[steps.length - 1];
    if (prev && step.at <= prev.at) step.at = prev.at + rng.int(1, 20) * MINUTE;
    steps.push(step);
  };
  push({ action: null, to: s.simple ? 'contract' : 'survey', at: s.submittedAt, actor: 'applicant' });
  let t = s.submittedAt;
  if (!s.simple) {
    const booked = applicantTime(t, rng, 5, 240);
    // survey day: 1–3 working days after submission; a few are late (4–5)
    let slotDay = addWorkingDays(chinaDay(s.submittedAt), rng.weighted([[1, 35], [2, 40], [3, 20], [4, 3], [5, 2]] as const));
    let slotStart = chinaTime(slotDay, rng.pick([9, 10, 14, 15, 16]) * 60);
    if (slotStart <= booked + HOUR) {
      slotDay = addWorkingDays(slotDay, 1);
      slotStart = chinaTime(slotDay, rng.pick([9, 10, 14, 15]) * 60);
    }
    push({ action: 'pickSurveySlot', to: 'survey', at: booked, actor: 'applicant', fields: { slotStart: new Date(slotStart).toISOString() } });
    let confirmed = staffTime(booked, rng, 10, 180);
    if (confirmed >= slotStart) confirmed = booked + Math.floor((slotStart - booked) / 2);
    push({ action: 'confirmSurvey', to: 'survey', at: confirmed, actor: 'manager' });
    if (rng.chance(0.007)) {
      push({ action: 'withdraw', to: 'withdrawn', at: applicantTime(confirmed, rng, 30, 600), actor: 'applicant', comment: rng.pick(withdrawReasons) });
      return steps;
    }
    t = slotStart + rng.int(90, 240) * MINUTE;
    if (rng.chance(0.02)) {
      const reason = rng.pick(rejectReasons);
      push({ action: 'reject', to: 'rejected', at: t, actor: 'manager', fields: { reason }, comment: reason });
      return steps;
    }
    push({ action: 'recordSurvey', to: 'contract', at: t, actor: 'manager', fields: { feeEstimateFen: s.feeFen }, attachments: [{ fileId: s.designFileId, kind: 'design' }] });
  }
  // the applicant signs: mostly the same day, sometimes a day or three later (the contract state has no promise)
  const wait = rng.weighted([['hours', 60], ['next-day', 30], ['days', 10]] as const);
  t = wait === 'hours' ? applicantTime(t, rng, 30, 360) : wait === 'next-day' ? applicantTime(chinaTime(plusDays(chinaDay(t), 1), 480), rng, 0, 780) : applicantTime(chinaTime(plusDays(chinaDay(t), rng.int(2, 3)), 480), rng, 0, 780);
  if (rng.chance(0.004)) {
    push({ action: 'withdraw', to: 'withdrawn', at: t, actor: 'applicant', comment: rng.pick(withdrawReasons) });
    return steps;
  }
  if (s.simple && rng.chance(0.005)) {
    const reason = rejectReasons[1]!;
    push({ action: 'reject', to: 'rejected', at: staffTime(t, rng, 30, 240), actor: 'manager', fields: { reason }, comment: reason });
    return steps;
  }
  push({ action: 'signContract', to: 'countersign', at: t, actor: 'applicant' });
  // countersign within 1 working day; 5% a day late
  t = staffTime(t, rng, 20, 240);
  if (rng.chance(0.05)) t = chinaTime(addWorkingDays(chinaDay(t), 2), 540 + rng.int(0, 420));
  push({ action: 'countersign', to: 'construction', at: t, actor: rng.chance(0.1) ? 'supervisor' : 'manager' });
  // construction within 2 working days of the contract; a few late
  t = staffTime(t, rng, 20, 120);
  const constructionDate = addWorkingDays(chinaDay(t), rng.weighted([[1, 70], [2, 25], [3, 3], [4, 2]] as const));
  push({ action: 'scheduleConstruction', to: 'construction', at: t, actor: 'crew', fields: { constructionDate } });
  t = chinaTime(constructionDate, rng.int(540, 990));
  push({ action: 'completeConstruction', to: 'water-on', at: t, actor: 'crew', attachments: [{ fileId: s.photoFileId, kind: 'photo' }] });
  // water on the next (natural) day; 3% a day later
  t = chinaTime(plusDays(chinaDay(t), rng.chance(0.03) ? 2 : 1), rng.int(540, 1020));
  push({ action: 'turnWaterOn', to: 'completed', at: t, actor: 'crew', fields: { meterNumber: s.meterNumber } });
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// scale N: the seed's volume

interface BulkContext {
  db: Db;
  config: Config;
  utilityId: string;
  staff: Record<string, StaffUser>;
  managerByDistrict: Map<string, StaffUser>;
  now: number;
  passwordHash: string;
  samples: { licence: string; property: string; drawings: string; design: string; photo: string };
  dueMemo: Map<string, { dueDate: string | null; dueAt: string | null }>;
}

/** Seeds units 1..scale of 28,000 applications each; a unit already present (its first account exists) is skipped. */
async function seedBulkApplications(db: Db, config: Config, utilityId: string, staff: Record<string, StaffUser>, scale: number): Promise<string> {
  const started = Date.now();
  const managerByDistrict = new Map<string, StaffUser>();
  for (const [username, districts] of Object.entries(managerDistricts)) for (const d of districts) managerByDistrict.set(d, staff[username]!);
  const supervisor = staff['wc-supervisor']!;
  const owner = { organizationId: utilityId, id: supervisor.id };
  const sample = async (filename: string, title: string, lines: string[]) => (await storeDemoFile(db, config, owner, filename, await demoPdf(title, lines))).id;
  const ctx: BulkContext = {
    db, config, utilityId, staff, managerByDistrict, now: Date.now(),
    // Bulk applicants are records, not accounts: disabled, with a password nobody knows.
    passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
    samples: {
      licence: await sample('样例-营业执照.pdf', '营业执照（样例）', ['批量演示数据共用的样例材料。']),
      property: await sample('样例-产权证明.pdf', '不动产权证书（样例）', ['批量演示数据共用的样例材料。']),
      drawings: await sample('样例-用水设计图纸.pdf', '用水设计图纸（样例）', ['批量演示数据共用的样例材料。']),
      design: await sample('样例-接水工程设计图.pdf', '接水工程设计图（样例）', ['批量演示数据共用的样例勘察成果。']),
      photo: (await storeDemoFile(db, config, owner, '样例-施工照片.png', demoPng())).id,
    },
    dueMemo: new Map(),
  };
  let created = 0;
  let ratings = 0;
  const skipped: number[] = [];
  for (let unit = 1; unit <= scale; unit++) {
    if (await findUserByUsername(db, bulkUsername(unit, 0))) {
      skipped.push(unit);
      continue;
    }
    const r = await seedBulkUnit(ctx, unit);
    created += r.applications;
    ratings += r.ratings;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return `bulk ${created} applications over the half year before today (${ratings} ratings with ledger leaves; submissions and steps of bulk rows carry no ledger leaves: the ledger has no batch append)${skipped.length ? `, units already present: ${skipped.join(', ')}` : ''} in ${seconds} s`;
}

const bulkUsername = (unit: number, i: number) => `wcb${unit}-${String(i).padStart(6, '0')}`;

interface Applicant { orgId: string; userId: string; kind: 'enterprise' | 'person'; name: string; uscc: string | null; contactName: string; roles: string[] }

/** Submission instants over the half year: weekdays busy, weekends and holidays quiet (online filings only). */
function submissionTimes(rng: Rng, n: number, now: number): number[] {
  const today = chinaDay(now);
  const days: { day: CalendarDate; weight: number }[] = [];
  for (let i = HALF_YEAR_DAYS; i >= 0; i--) {
    const day = plusDays(today, -i);
    const info = describeDay(day);
    let weight = info.working ? 1 : info.kind === 'holiday' ? 0.12 : 0.3;
    if (day === today) weight *= Math.min(1, minutesOfDay(now) / 1080);
    days.push({ day, weight });
  }
  const total = days.reduce((s, d) => s + d.weight, 0);
  const times: number[] = [];
  let carry = 0;
  for (const { day, weight } of days) {
    const exact = (n * weight) / total + carry;
    const k = Math.floor(exact);
    carry = exact - k;
    for (let j = 0; j < k; j++) {
      // office hours mostly; phone filings in the evening
      const m = rng.chance(0.85) ? rng.int(510, 1080) : rng.int(1080, 1380);
      const t = chinaTime(day, m) + rng.int(0, 59_999);
      times.push(Math.min(t, now - rng.int(1, 3_600_000)));
    }
  }
  while (times.length < n) times.push(now - rng.int(60_000, 3_600_000));
  return times.sort((a, b) => a - b);
}

async function seedBulkUnit(ctx: BulkContext, unit: number): Promise<{ applications: number; ratings: number }> {
  const { db } = ctx;
  const rng = rngOf(0x5eed0000 + unit);
  const times = submissionTimes(rng, BULK_PER_SCALE, ctx.now);
  // Numbers continue each day's counter (shared with live submissions, so a later live number never collides).
  const days = [...new Set(times.map(chinaDay))];
  const counters = new Map<string, number>();
  for (let i = 0; i < days.length; i += 500) {
    const rows = await db.selectFrom('wc_number_counters').select(['day', 'seq']).where('day', 'in', days.slice(i, i + 500)).execute();
    for (const r of rows) counters.set(r.day, Number(r.seq));
  }
  const numbered = times.map((t) => {
    const day = chinaDay(t);
    const seq = (counters.get(day) ?? 0) + 1;
    counters.set(day, seq);
    return { t, number: formatApplicationNumber(day, seq) };
  });

  const enterprises: Applicant[] = [];
  let serial = 0;
  const usedNames = new Set<string>();
  let ratings = 0;
  for (let start = 0; start < numbered.length; start += CHUNK) {
    const batch = numbered.slice(start, start + CHUNK);
    const rows = { orgs: [] as Record<string, unknown>[], users: [] as Record<string, unknown>[], roles: [] as { user_id: string; role: string }[], instances: [] as WorkflowInstanceTable[], apps: [] as WaterApplicationTable[], transitions: [] as WorkflowTransitionTable[], ratings: [] as Omit<WaterRatingTable, 'ledger_index'>[], rectifications: [] as WaterRectificationTable[] };
    for (const { t, number } of batch) {
      const regionCode = rng.weighted(districtCodes.map((c) => [c, districtProfiles[c]!.weight] as const));
      const use = rng.weighted([['commercial', 45], ['residential', 25], ['industrial', 20], ['construction', 10]] as const);
      const applicant = pickApplicant(ctx, rng, unit, regionCode, use, enterprises, usedNames, rows, () => serial++);
      buildApplication(ctx, rng, { t, number, regionCode, use, applicant }, rows);
    }
    await db.transaction().execute(async (trx) => {
      for (const [table, list, size] of [['organizations', rows.orgs, 500], ['users', rows.users, 500], ['user_roles', rows.roles, 1000], ['workflow_instances', rows.instances, 500], ['wc_applications', rows.apps, 300], ['workflow_transitions', rows.transitions, 500]] as const) {
        for (let i = 0; i < list.length; i += size) await insertRows(trx, table, list.slice(i, i + size));
      }
      // Ratings are few (about a third of completed services are rated): each gets its real ledger leaf.
      const withLeaves: WaterRatingTable[] = [];
      for (const r of rows.ratings) {
        const app = rows.apps.find((a) => a.id === r.application_id)!;
        const { leafIndex } = await appendLedgerEntry(trx, {
          type: 'water-connection.rated', subject: app.number,
          data: { applicationId: app.id, level: r.level, rectificationDue: rows.rectifications.find((x) => x.rating_id === r.id)?.due_date ?? null },
          visibleTo: { organizationIds: [app.applicant_org_id, app.utility_org_id] },
        });
        withLeaves.push({ ...r, ledger_index: leafIndex });
      }
      for (let i = 0; i < withLeaves.length; i += 500) await insertRows(trx, 'wc_ratings', withLeaves.slice(i, i + 500));
      if (rows.rectifications.length) await insertRows(trx, 'wc_rectifications', rows.rectifications);
    });
    ratings += rows.ratings.length;
  }
  await db.transaction().execute(async (trx) => {
    for (const [day, seq] of counters) {
      await trx.insertInto('wc_number_counters').values({ day, seq }).onConflict((oc) => oc.column('day').doUpdateSet({ seq })).execute();
    }
  });
  return { applications: numbered.length, ratings };
}

type BulkTable = 'organizations' | 'users' | 'user_roles' | 'workflow_instances' | 'wc_applications' | 'workflow_transitions' | 'wc_ratings' | 'wc_rectifications';

async function insertRows(trx: DbOrTx, table: BulkTable, rows: readonly object[]) {
  if (rows.length === 0) return;
  // The rows are built to the table types above; Kysely's per-table value types do not narrow over a union of names.
  await trx.insertInto(table).values(rows as never).execute();
}

interface BulkRows {
  orgs: Record<string, unknown>[];
  users: Record<string, unknown>[];
  roles: { user_id: string; role: string }[];
  instances: WorkflowInstanceTable[];
  apps: WaterApplicationTable[];
  transitions: WorkflowTransitionTable[];
  ratings: Omit<WaterRatingTable, 'ledger_index'>[];
  rectifications: WaterRectificationTable[];
}

/** An applicant: a new enterprise, a returning one (chains and developers apply for several sites), or a person. */
function pickApplicant(ctx: BulkContext, rng: Rng, unit: number, regionCode: string, use: WaterUse, enterprises: Applicant[], usedNames: Set<string>, rows: BulkRows, nextSerial: () => number): Applicant {
  const person = use === 'residential' && rng.chance(0.7);
  if (!person && enterprises.length > 50 && rng.chance(0.3)) return rng.pick(enterprises);
  const i = nextSerial();
  const district = quanzhouDistricts[regionCode]!;
  const nowIso = new Date(ctx.now).toISOString();
  const orgId = newId('org');
  const userId = newId('usr');
  const contactName = personName(rng);
  let name: string;
  let uscc: string | null = null;
  if (person) {
    name = contactName;
  } else {
    const profile = districtProfiles[regionCode]!;
    const place = district.endsWith('区') ? `泉州市${district.slice(0, -1)}` : district.replace(/[市县]$/, '');
    for (let attempt = 0; ; attempt++) {
      const brand = rng.pick(brandFirst) + rng.pick(brandSecond);
      name = `${attempt < 5 ? place : `${place}${rng.pick(brandFirst)}`}${brand}${rng.pick(profile.trades)}${rng.weighted(companyForms)}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    // 9 (工商) 1 (企业), the district's code, organization code "MAW" + unit + serial: unique across units and demo orgs
    uscc = withUsccCheckChar(`91${regionCode}MAW${uscc31[unit % 31]}${usccSerial(i)}`);
  }
  rows.orgs.push({ id: orgId, kind: person ? 'individual' : 'enterprise', name, uscc, region_code: regionCode, district, contact_phone_enc: null, created_at: nowIso, updated_at: nowIso });
  rows.users.push({
    id: userId, username: bulkUsername(unit, i), display_name: person ? name : `${contactName}（${name}）`, password_hash: ctx.passwordHash, organization_id: orgId,
    phone_enc: null, phone_masked: null, resident_id_enc: null, resident_id_hash: null, resident_id_masked: null, failed_logins: 0, locked_until: null, disabled: 1, created_at: nowIso, updated_at: nowIso,
  });
  const roles = ['water-connection.applicant', 'enterprise-user'];
  for (const role of roles) rows.roles.push({ user_id: userId, role });
  const a: Applicant = { orgId, userId, kind: person ? 'person' : 'enterprise', name, uscc, contactName, roles };
  if (!person) enterprises.push(a);
  return a;
}

function pipeAndVolume(rng: Rng, use: WaterUse): [number, number] {
  switch (use) {
    case 'residential': return [rng.weighted([[20, 50], [25, 40], [32, 10]] as const), rng.int(1, 6)];
    case 'commercial': return [rng.weighted([[25, 30], [32, 20], [40, 15], [50, 20], [80, 10], [100, 5]] as const), rng.int(2, 60)];
    case 'industrial': return [rng.weighted([[50, 25], [80, 30], [100, 25], [150, 15], [200, 5]] as const), rng.int(20, 900)];
    case 'construction': return [rng.weighted([[50, 40], [80, 40], [100, 20]] as const), rng.int(10, 90)];
  }
}

function feeFor(rng: Rng, pipe: number): number {
  const [lo, hi] = pipe <= 25 ? [1_500, 3_500] : pipe <= 50 ? [4_000, 12_000] : pipe <= 100 ? [15_000, 45_000] : [50_000, 150_000];
  return rng.int(lo / 10, hi / 10) * 10 * 100; // whole tens of yuan, in fen
}

const praise = ['全程网上办理，没跑一次腿', '服务经理很热情，进度随时可查', '通水速度很快，点赞', '勘察准时，师傅很专业', '费用说明清楚，合同线上就签了'];
const complaints = ['施工后路面恢复不及时', '预约的勘察时间改了两次', '费用构成解释得不够清楚', '通水比承诺晚了一天'];

/** Builds one application with its instance, transitions and (maybe) rating and rectification. */
function buildApplication(ctx: BulkContext, rng: Rng, a: { t: number; number: string; regionCode: string; use: WaterUse; applicant: Applicant }, rows: BulkRows) {
  const district = quanzhouDistricts[a.regionCode]!;
  const [pipe, volume] = pipeAndVolume(rng, a.use);
  const simple = isSimpleLowRisk({ waterUse: a.use, pipeDiameterMm: pipe, dailyVolumeM3: volume });
  const process: Process = simple ? simpleProcess : standardProcess;
  const fee = simple ? 0 : feeFor(rng, pipe);
  const meter = `QZ${chinaDay(a.t).slice(2, 4)}-${a.number.slice(3).replace('-', '')}`;
  const life = simulate(rng, { submittedAt: a.t, simple, feeFen: fee, meterNumber: meter, designFileId: ctx.samples.design, photoFileId: ctx.samples.photo });
  const steps = life.filter((s) => s.at <= ctx.now);
  const manager = ctx.managerByDistrict.get(district)!;
  const crew = ctx.staff['wc-crew']!;
  const supervisor = ctx.staff['wc-supervisor']!;
  const actorOf = (k: ActorKind) => {
    if (k === 'applicant') return { id: a.applicant.userId, name: a.applicant.kind === 'person' ? a.applicant.name : `${a.applicant.contactName}（${a.applicant.name}）`, org: a.applicant.orgId, roles: a.applicant.roles, acting: ['water-connection.applicant'] };
    const u = k === 'manager' ? manager : k === 'crew' ? crew : supervisor;
    return { id: u.id, name: u.name, org: u.organizationId, roles: u.roles, acting: u.roles.filter((r) => r.startsWith('water-connection.')) };
  };

  const appId = newId('wsa');
  const instanceId = newId('wfi');
  let state = '';
  let enteredAt = a.t;
  let due: { dueDate: string | null; dueAt: string | null } = { dueDate: null, dueAt: null };
  steps.forEach((s, i) => {
    const stays = s.to === state;
    if (!stays) {
      enteredAt = s.at;
      due = dueFor(ctx, process, s.to, s.at);
    }
    const actor = actorOf(s.actor);
    rows.transitions.push({
      id: newId('wft'), instance_id: instanceId, seq: i + 1, action: s.action, from_state: i === 0 ? null : state, to_state: s.to,
      actor_user_id: actor.id, actor_name: actor.name, actor_organization_id: actor.org, acting_roles: JSON.stringify(i === 0 ? actor.roles : actor.acting),
      at: new Date(s.at).toISOString(), comment: s.comment ?? null, attachments: JSON.stringify(s.attachments ?? []),
      fields: s.fields ? JSON.stringify(s.fields) : null, due_date: due.dueDate, ledger_index: null,
    });
    state = s.to;
  });
  const last = steps[steps.length - 1]!;
  const terminal = process.states[state]?.terminal === true;
  const lastAt = new Date(last.at).toISOString();
  const done = (action: string) => steps.find((s) => s.action === action);
  const slot = done('pickSurveySlot')?.fields?.slotStart as string | undefined;
  const surveyed = done('recordSurvey');
  const scheduled = done('scheduleConstruction');
  const watered = done('turnWaterOn');
  rows.instances.push({
    id: instanceId, process: process.name, subject_type: 'water-application', subject_id: appId, subject_label: a.number, link: `/water-connection/applications/${appId}`,
    organization_id: ctx.utilityId, assignee_user_id: manager.id, state, version: steps.length, entered_state_at: new Date(enteredAt).toISOString(),
    due_date: due.dueDate, due_at: due.dueAt, overdue_notified_at: null, completed_at: terminal ? lastAt : null, created_at: new Date(a.t).toISOString(), updated_at: lastAt,
  });
  const phone = mobile(rng);
  const profile = districtProfiles[a.regionCode]!;
  const materials: Record<string, string> = {};
  const sampleOf = { businessLicence: ctx.samples.licence, propertyCertificate: ctx.samples.property, drawings: ctx.samples.drawings, authorization: ctx.samples.licence };
  for (const m of requiredMaterials(a.applicant.kind, simple, false)) materials[m] = sampleOf[m];
  rows.apps.push({
    id: appId, number: a.number, applicant_kind: a.applicant.kind, applicant_org_id: a.applicant.orgId, applicant_user_id: a.applicant.userId,
    applicant_name: a.applicant.name, applicant_uscc: a.applicant.uscc, contact_name: a.applicant.contactName,
    contact_phone_enc: encryptPii(ctx.config.piiKey, phone), contact_phone_masked: maskPhone(phone), tracking_hash: trackingHash(ctx.config, a.number, phone.slice(-4)),
    site_address: `${rng.pick(profile.roads)} ${rng.int(1, 1999)} 号${rng.chance(0.3) ? ` ${rng.int(1, 12)} 号楼` : ''}`, district,
    water_use: a.use, pipe_diameter_mm: pipe, daily_volume_m3: volume, simple_low_risk: simple ? 1 : 0, materials: JSON.stringify(materials),
    utility_org_id: ctx.utilityId, manager_user_id: manager.id, workflow_instance_id: instanceId, state, assisted: 0,
    survey_slot_start: slot ?? null, survey_slot_end: slot ? new Date(Date.parse(slot) + 2 * HOUR).toISOString() : null,
    design_file_id: surveyed ? ctx.samples.design : null, fee_estimate_fen: simple ? 0 : surveyed ? fee : null,
    // Bulk rows carry no contract PDF: contracts are rendered and signed only through the services.
    contract_file_id: null, contract_sha256: null,
    construction_date: (scheduled?.fields?.constructionDate as string | undefined) ?? null,
    meter_number: watered ? meter : null, connection_number: watered ? formatConnectionNumber(a.regionCode, a.number) : null,
    submitted_at: new Date(a.t).toISOString(), completed_at: state === 'completed' ? lastAt : null, created_at: new Date(a.t).toISOString(), updated_at: lastAt,
  });
  if (state === 'completed' && rng.chance(0.35)) {
    const ratedAt = Math.min(applicantTime(last.at, rng, 30, 3 * 24 * 60), ctx.now - MINUTE);
    if (ratedAt > last.at) {
      const level = rng.weighted([[5, 80], [4, 13], [3, 4], [2, 2], [1, 1]] as const);
      const ratingId = newId('wsr');
      rows.ratings.push({ id: ratingId, application_id: appId, level, comment: level >= 4 ? (rng.chance(0.4) ? rng.pick(praise) : null) : level <= 2 ? rng.pick(complaints) : null, created_at: new Date(ratedAt).toISOString() });
      if (isBadRating(level)) {
        const dueDate = addWorkingDays(chinaDay(ratedAt), RECTIFICATION_WORKING_DAYS);
        const closedAt = staffTime(chinaTime(addWorkingDays(chinaDay(ratedAt), rng.int(1, 4)), 540), rng, 0, 300);
        const closed = closedAt <= ctx.now;
        rows.rectifications.push({
          id: newId('wsx'), application_id: appId, rating_id: ratingId, state: closed ? 'closed' : 'open', due_date: dueDate,
          action_taken: closed ? '已安排班组复查并整改，向申请人说明情况' : null, callback_record: closed ? '电话回访申请人，对整改结果表示认可' : null,
          created_at: new Date(ratedAt).toISOString(), closed_at: closed ? new Date(closedAt).toISOString() : null,
        });
      }
    }
  }
}

/** The due date the engine sets on entering a state (memoized: it depends only on the day in China). */
function dueFor(ctx: BulkContext, process: Process, state: string, at: number) {
  const key = `${process.name}|${state}|${chinaDay(at)}`;
  let due = ctx.dueMemo.get(key);
  if (!due) {
    const d = dueOnEntering(process, state, new Date(at));
    due = { dueDate: d.dueDate, dueAt: d.dueAt };
    ctx.dueMemo.set(key, due);
  }
  return due;
}
