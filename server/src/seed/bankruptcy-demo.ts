/**
 * Demo cases of the bankruptcy module in every stage, made through the module's own services so their ledger
 * leaves, PDFs, tallies and deadlines are real. Runs once (skipped when the demo court already has cases).
 */
import { plusDays, todayInChina } from '../platform/calendar/index.js';
import type { Config } from '../platform/config/index.js';
import type { Db } from '../platform/db/index.js';
import { withUsccCheckChar, type Principal } from '../platform/identity/index.js';
import { publishAnnouncement } from '../modules/bankruptcy/announcement.service.js';
import { recordAuctionResult, registerAsset, requestInvestigation, answerInvestigation, scheduleAuction } from '../modules/bankruptcy/asset.service.js';
import { acceptCase, endCase, convertToLiquidation, recordMilestones, registerApplication } from '../modules/bankruptcy/case.service.js';
import { fileClaim, listEmployeeClaims, reviewClaim, type FileClaimInput } from '../modules/bankruptcy/claim.service.js';
import { createDistributionPlan } from '../modules/bankruptcy/distribution.service.js';
import { recordMovement, requestDisbursement } from '../modules/bankruptcy/fund.service.js';
import { registerInvestor, submitIntention } from '../modules/bankruptcy/investor.service.js';
import { addAgendaItem, castOnlineBallot, closeItem, scheduleMeeting, signIn } from '../modules/bankruptcy/meeting.service.js';
import { recordMediation, registerDistressed, registerPreReorganization, convertPreReorganization } from '../modules/bankruptcy/pre-case.service.js';
import type { Procedure } from '../modules/bankruptcy/case.table.js';
import { principalFor } from './bankruptcy-actors.js';

/** The demo court is 厦门市海沧区人民法院: court code 闽0205. */
export const DEMO_COURT_CODE = '闽0205';

interface Actors {
  judge: Principal;
  admin: Principal;
  bank: Principal;
  tea: Principal;
  bank2: Principal;
  investor: Principal;
  assist: Principal;
}

async function version(db: Db, caseId: string): Promise<number> {
  return (await db.selectFrom('bk_cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow()).version;
}

/** A case registered and accepted `daysAgo` days before today, acceptance announced two days later. */
async function openCase(db: Db, config: Config, a: Actors, input: { procedure: Procedure; debtorName: string; debtorUscc: string; daysAgo: number; applicant: string }) {
  const today = todayInChina();
  const c = await registerApplication(db, a.judge, {
    procedure: input.procedure,
    applicantName: input.applicant,
    applicantRole: input.applicant === input.debtorName ? 'debtor' : 'creditor',
    debtorName: input.debtorName,
    debtorUscc: input.debtorUscc,
    appliedOn: plusDays(today, -input.daysAgo - 12),
    courtCode: DEMO_COURT_CODE,
  });
  await acceptCase(db, a.judge, c.id, { acceptedOn: plusDays(today, -input.daysAgo), administratorOrganizationId: a.admin.organizationId, version: c.version });
  await publishAnnouncement(db, config, a.judge, c.id, {
    kind: 'acceptance',
    title: `${input.debtorName}${input.procedure === 'reorganization' ? '重整' : input.procedure === 'settlement' ? '和解' : '破产清算'}案受理公告`,
    body: `本院于近日裁定受理${input.applicant}对${input.debtorName}提出的${input.procedure === 'reorganization' ? '重整' : input.procedure === 'settlement' ? '和解' : '破产清算'}申请，并指定福建鹭江律师事务所担任管理人。\n\n债权人应于债权申报期限内通过“易破”平台或向管理人书面申报债权，说明债权数额和有无财产担保，并提交有关证据（《企业破产法》第四十九条）。债务人的债务人或者财产持有人应当向管理人清偿债务或者交付财产（第十七条）。`,
  });
  const announcedOn = plusDays(today, -input.daysAgo + 2);
  const claimEnd = plusDays(announcedOn, 45);
  await recordMilestones(db, a.judge, c.id, { version: await version(db, c.id), acceptanceAnnouncedOn: announcedOn, claimPeriodEndsOn: claimEnd });
  // A case old enough has held its first meeting (Art. 62 ¶1: within 15 days after the claim period).
  if (plusDays(claimEnd, 10) < today) {
    const on = plusDays(claimEnd, 10);
    await scheduleMeeting(db, a.admin, c.id, { title: '第一次债权人会议', meetingOn: on, startsAt: `${on}T01:30:00.000Z`, place: '海沧区人民法院第一法庭', noticeSentOn: plusDays(on, -16) });
  }
  return c.id;
}

async function claim(db: Db, who: Principal, caseId: string, input: Partial<FileClaimInput> & { principalFen: number }) {
  return fileClaim(db, who, caseId, { nature: 'ordinary', secured: false, ...input });
}

async function confirm(db: Db, admin: Principal, claimId: string) {
  const v = (await db.selectFrom('bk_claims').select('version').where('id', '=', claimId).executeTakeFirstOrThrow()).version;
  return reviewClaim(db, admin, claimId, { decision: 'confirmed', points: { nature: { ok: true }, amount: { ok: true }, limitation: { ok: true } }, version: v });
}

const sleepUntil = (iso: string) => new Promise((r) => setTimeout(r, Math.max(0, Date.parse(iso) - Date.now() + 30)));

export async function seedBankruptcyDemo(db: Db, config: Config, orgIds: Map<string, string>): Promise<string> {
  const judge = await principalFor(db, 'bk-judge');
  const existing = await db.selectFrom('bk_cases').select('id').where('court_organization_id', '=', judge.organizationId).limit(1).executeTakeFirst();
  if (existing) return 'demo cases already present';
  const a: Actors = {
    judge,
    admin: await principalFor(db, 'bk-admin'),
    bank: await principalFor(db, 'bk-creditor'),
    tea: await principalFor(db, 'bk-creditor2'),
    bank2: await principalFor(db, 'bk-creditor3'),
    investor: await principalFor(db, 'bk-investor'),
    assist: await principalFor(db, 'bk-assist'),
  };
  const today = todayInChina();
  const debtorOrg = await db.selectFrom('organizations').select(['name', 'uscc']).where('id', '=', orgIds.get('debtor')!).executeTakeFirstOrThrow();

  // A. 鹭岛精密: liquidation in the claim period; claims filed and partly reviewed, employees listed, the first
  //    meeting scheduled, assets and funds under supervision.
  const A = await openCase(db, config, a, { procedure: 'liquidation', debtorName: debtorOrg.name, debtorUscc: debtorOrg.uscc!, daysAgo: 25, applicant: '中国农业银行股份有限公司龙岩分行' });
  const aBank = await claim(db, a.bank, A, { principalFen: 1_860_000_000, interestFen: 42_315_600, secured: true, collateralDescription: '海沧区新阳工业区厂房及土地使用权（抵押登记）', collateralValueFen: 1_200_000_000 });
  const aTea = await claim(db, a.tea, A, { principalFen: 35_680_000 });
  await claim(db, a.bank2, A, { principalFen: 420_000_000, interestFen: 9_870_000 });
  await confirm(db, a.admin, aBank.id);
  await confirm(db, a.admin, aTea.id);
  await listEmployeeClaims(db, a.admin, A, [
    { employeeName: '陈晓明', amountFen: 4_860_000 },
    { employeeName: '林秀英', amountFen: 3_920_000 },
    { employeeName: '王建平', amountFen: 5_310_000 },
  ]);
  const aCase = await db.selectFrom('bk_cases').select(['claim_period_ends_on']).where('id', '=', A).executeTakeFirstOrThrow();
  const firstMeeting = plusDays(aCase.claim_period_ends_on!, 7);
  await scheduleMeeting(db, a.admin, A, { title: '第一次债权人会议', meetingOn: firstMeeting, startsAt: `${firstMeeting}T01:30:00.000Z`, place: '海沧区人民法院第一法庭（“易破”平台同步线上）', noticeSentOn: today });
  await registerAsset(db, a.admin, A, { assetType: 'realEstate', name: '海沧区新阳工业区厂房及土地使用权', valuationFen: 1_350_000_000 });
  await registerAsset(db, a.admin, A, { assetType: 'equipment', name: '数控加工中心 12 台', valuationFen: 86_000_000 });
  const vehicles = await requestInvestigation(db, a.admin, A, { department: 'vehicles', requestText: '请协助查询债务人名下机动车登记及抵押、查封信息。' });
  await answerInvestigation(db, a.admin, vehicles.id, { answerText: '债务人名下登记小型普通客车 1 辆、重型厢式货车 2 辆，均无抵押。' });
  await requestInvestigation(db, a.admin, A, { department: 'deposits', requestText: '请协助查询债务人在辖区各银行的存款账户及余额。' });
  await recordMovement(db, a.admin, A, { direction: 'in', amountFen: 12_680_000, occurredOn: plusDays(today, -10), counterparty: '兴业银行厦门海沧支行（原基本户余额划转）', purpose: '接管债务人账户余额', bankReference: 'XM-IN-0001' });
  await requestDisbursement(db, a.admin, A, { amountFen: 38_000, payee: '厦门海沧保安服务有限公司', purpose: '厂区看护费（10 月）' });
  await requestDisbursement(db, a.admin, A, { amountFen: 8_600_000, payee: '福建华审资产评估有限公司', purpose: '资产评估费（首期）' });

  // B. Reorganization with the plan vote open, an investor registered.
  const B = await openCase(db, config, a, { procedure: 'reorganization', debtorName: '厦门同安鸿运建材有限公司', debtorUscc: withUsccCheckChar('91350212MA2Y7H3K5'), daysAgo: 130, applicant: '厦门同安鸿运建材有限公司' });
  for (const [who, fen, extra] of [
    [a.bank, 960_000_000, { secured: true, collateralDescription: '同安区工业集中区厂房抵押', collateralValueFen: 700_000_000 }],
    [a.tea, 12_500_000, {}],
    [a.bank2, 230_000_000, {}],
  ] as const) {
    const c = await claim(db, who, B, { principalFen: fen, ...extra });
    await confirm(db, a.admin, c.id);
  }
  await recordMilestones(db, a.admin, B, { version: await version(db, B), planReceivedOn: plusDays(today, -5) });
  const bMeeting = await scheduleMeeting(db, a.admin, B, { title: '第二次债权人会议（表决重整计划草案）', meetingOn: today, startsAt: new Date().toISOString(), place: '线上会议', noticeSentOn: plusDays(today, -16) });
  const bItem = await addAgendaItem(db, a.admin, bMeeting.id, {
    kind: 'reorganizationPlan',
    title: '《厦门同安鸿运建材有限公司重整计划（草案）》',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  await signIn(db, a.bank, bMeeting.id);
  await castOnlineBallot(db, a.bank, bItem.id, { choice: 'for', group: 'secured' });
  await castOnlineBallot(db, a.bank, bItem.id, { choice: 'for', group: 'ordinary' });
  await castOnlineBallot(db, a.bank2, bItem.id, { choice: 'against', group: 'ordinary' });
  await publishAnnouncement(db, config, a.admin, B, { kind: 'investorRecruitment', title: '厦门同安鸿运建材有限公司重整投资人招募公告', body: '管理人现公开招募重整投资人。意向投资人应在“易破”平台报名并签署保密承诺，报名后可查阅资料室。\n\n报名截止日前提交投资意向书及资信证明。' });
  const reg = await registerInvestor(db, a.investor, B, { acceptUndertaking: true });
  await submitIntention(db, a.investor, reg.id, { summary: '拟出资 1.5 亿元取得重整后 100% 股权，承接全部在岗职工，普通债权 30 万元以下部分全额清偿。' });

  // C. Liquidation at distribution: the plan voted and passed, the plan computed, an auction sold at a premium.
  const C = await openCase(db, config, a, { procedure: 'liquidation', debtorName: '厦门湖里华纺纺织有限公司', debtorUscc: withUsccCheckChar('91350206MA2XW5L8P'), daysAgo: 150, applicant: '厦门湖里华纺纺织有限公司' });
  const cClaims = [] as string[];
  for (const [who, fen, extra] of [
    [a.bank, 520_000_000, { secured: true, collateralDescription: '湖里区厂房抵押', collateralValueFen: 400_000_000 }],
    [a.tea, 8_800_000, {}],
    [a.bank2, 160_000_000, {}],
  ] as const) {
    const c = await claim(db, who, C, { principalFen: fen, ...extra });
    await confirm(db, a.admin, c.id);
    cClaims.push(c.id);
  }
  await listEmployeeClaims(db, a.admin, C, [{ employeeName: '郑丽华', amountFen: 2_680_000 }, { employeeName: '许志强', amountFen: 3_150_000 }]);
  const cAsset = await registerAsset(db, a.admin, C, { assetType: 'realEstate', name: '湖里区高崎北路厂房', valuationFen: 380_000_000 });
  const cAuction = await scheduleAuction(db, a.admin, cAsset.id, { startPriceFen: 304_000_000, auctionOn: plusDays(today, -20) });
  await recordAuctionResult(db, a.admin, cAuction.id, { sold: true, salePriceFen: 418_000_000 });
  const cMeeting = await scheduleMeeting(db, a.admin, C, { title: '第二次债权人会议（表决破产财产分配方案）', meetingOn: today, startsAt: new Date().toISOString(), place: '线上会议', noticeSentOn: plusDays(today, -15) });
  const cItem = await addAgendaItem(db, a.admin, cMeeting.id, { kind: 'distributionPlan', title: '《破产财产分配方案》', opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 2_500).toISOString() });
  await signIn(db, a.tea, cMeeting.id);
  await castOnlineBallot(db, a.tea, cItem.id, { choice: 'for' });
  await castOnlineBallot(db, a.bank2, cItem.id, { choice: 'for' });
  await castOnlineBallot(db, a.bank, cItem.id, { choice: 'for' });
  await sleepUntil(cItem.closes_at);
  await closeItem(db, a.admin, cItem.id);
  await createDistributionPlan(db, a.admin, C, {
    freeEstateFen: 96_500_000,
    collaterals: [{ collateralId: 'hl-plant', realizedFen: 418_000_000, claimIds: [cClaims[0]!] }],
    expenses: [
      { id: 'court-fee', label: '案件受理费', amountFen: 300_000 },
      { id: 'admin-fee', label: '管理人报酬', amountFen: 12_600_000 },
    ],
    commonBenefitDebts: [{ id: 'guard', label: '厂区看护费', amountFen: 1_800_000 }],
  });
  await publishAnnouncement(db, config, a.admin, C, { kind: 'distribution', title: '厦门湖里华纺纺织有限公司破产财产分配公告', body: '破产财产分配方案经债权人会议表决通过，并经人民法院裁定认可。管理人将于公告之日起十日内按方案向债权人分配。\n\n附条件债权和诉讼未决债权的分配额予以提存。' });

  // D. Closed after the final distribution.
  const D = await openCase(db, config, a, { procedure: 'liquidation', debtorName: '厦门思明味道餐饮管理有限公司', debtorUscc: withUsccCheckChar('91350203MA31QK2N7'), daysAgo: 260, applicant: '厦门思明味道餐饮管理有限公司' });
  const dc = await claim(db, a.tea, D, { principalFen: 2_360_000 });
  await confirm(db, a.admin, dc.id);
  await recordMilestones(db, a.admin, D, { version: await version(db, D), finalDistributionAnnouncedOn: plusDays(today, -70) });
  await endCase(db, a.judge, D, { on: plusDays(today, -60), how: 'closed', version: await version(db, D) });

  // E. An application awaiting the court's decision, after a pre-reorganization.
  const eUscc = withUsccCheckChar('91350213MA8RT6C4W');
  const pre = await registerPreReorganization(db, a.judge, { debtorName: '厦门翔安光电科技有限公司', debtorUscc: eUscc, temporaryAdministrator: '福建鹭江律师事务所', registeredOn: plusDays(today, -75), notes: '预重整期间已与主要债权银行达成展期意向，临时管理人完成资产清查。' });
  const E = await registerApplication(db, a.judge, { procedure: 'reorganization', applicantName: '厦门翔安光电科技有限公司', applicantRole: 'debtor', debtorName: '厦门翔安光电科技有限公司', debtorUscc: eUscc, appliedOn: plusDays(today, -3), courtCode: DEMO_COURT_CODE });
  await convertPreReorganization(db, a.judge, pre.id, { caseId: E.id });

  // F. Settlement, and G. a reorganization converted into liquidation (Art. 79 ¶3: no plan in time).
  await openCase(db, config, a, { procedure: 'settlement', debtorName: '厦门集美雅居家具有限公司', debtorUscc: withUsccCheckChar('91350211MA2YB8D6R'), daysAgo: 18, applicant: '厦门集美雅居家具有限公司' });
  const G = await openCase(db, config, a, { procedure: 'reorganization', debtorName: '厦门海沧远航物流有限公司', debtorUscc: withUsccCheckChar('91350205MA33N9T2G'), daysAgo: 200, applicant: '福建南平农村商业银行股份有限公司' });
  await convertToLiquidation(db, a.judge, G, { on: plusDays(today, -15), ground: 'EBL-79', version: await version(db, G) });

  // Before a case: the assistance centre's registry.
  const d1 = await registerDistressed(db, a.assist, { name: '厦门集美晨光五金制品有限公司', uscc: withUsccCheckChar('91350211MA2Y3P8E1'), district: '集美区', needs: ['financing', 'informationExchange'], description: '外贸订单下滑，短期流动资金缺口约 800 万元，银行贷款临近到期。' });
  await registerDistressed(db, a.assist, { name: '厦门同安绿源农业开发有限公司', uscc: withUsccCheckChar('91350212MA31F7K0H'), district: '同安区', needs: ['assetTrading'], description: '拟转让闲置冷链仓库一处，寻求资产交易撮合。' });
  await registerDistressed(db, a.assist, { name: '厦门思明蓝海文化传媒有限公司', uscc: withUsccCheckChar('91350203MA2XT4R6B'), district: '思明区', needs: ['informationExchange'], description: '多起供应商诉讼，申请诉前调解。' });
  await recordMediation(db, a.assist, { distressedEnterpriseId: d1.id, debtorName: '厦门集美晨光五金制品有限公司', parties: '兴业银行厦门分行；厦门集美晨光五金制品有限公司', subject: '流动资金贷款展期一年', amountFen: 800_000_000, outcome: 'settled' });
  await recordMediation(db, a.assist, { debtorName: '厦门思明蓝海文化传媒有限公司', parties: '厦门某印务有限公司；厦门思明蓝海文化传媒有限公司', subject: '货款纠纷（撤回破产申请）', amountFen: 36_500_000, outcome: 'withdrawn' });

  return '7 demo cases (applied, claim period, plan vote open, distribution, closed, settlement, converted), registry records';
}
