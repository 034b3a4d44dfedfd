/**
 * The bankruptcy seed's volumes (`yingshang seed --scale N`): per unit of scale 616 cases, 1,090 announcements,
 * 1,548 claim filings, 854 fund-supervision actions and 561 meetings with 2,804 attendees (the Xiamen
 * platform's published statistics), plus — once — a large case with 10,000 creditors and an open vote.
 *
 * Bulk rows are inserted directly in batches for speed, but consistently: stages match their dates, case
 * numbers come from the same per-year counter, claims belong to creditors of their case. Bulk rows have no
 * ledger leaves and announcements no stored PDF hash (their PDFs still render on demand); the demo cases made
 * through the services (bankruptcy-demo.ts) have both.
 */
import { plusDays, todayInChina } from '../platform/calendar/index.js';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { newId } from '../platform/ids/index.js';
import { withUsccCheckChar } from '../platform/identity/index.js';
import { formatCaseNumber } from '../modules/bankruptcy/case-number.js';
import { nextCaseSerial } from '../modules/bankruptcy/case.repository.js';
import type { CaseRow, Procedure } from '../modules/bankruptcy/case.table.js';
import type { ClaimTable } from '../modules/bankruptcy/claim.table.js';
import type { AnnouncementKind } from '../modules/bankruptcy/announcement.table.js';
import type { DisbursementTable, FundMovementTable } from '../modules/bankruptcy/fund.table.js';
import type { AttendanceTable } from '../modules/bankruptcy/meeting.table.js';
import { DEMO_COURT_CODE } from './bankruptcy-demo.js';

export const VOLUME_PER_SCALE = { cases: 616, announcements: 1_090, claims: 1_548, fundActions: 854, meetings: 561, attendees: 2_804 } as const;
export const LARGE_CASE_CREDITORS = 10_000;
const LARGE_DEBTOR_USCC17 = '91350200BL0000001';

/** Mulberry32: a small deterministic PRNG, so two seeds at the same scale give the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function base31(n: number, width: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor(v / 31)) s = ALPHABET[v % 31] + s;
  return s.padStart(width, '0');
}

const DISTRICTS = ['思明', '湖里', '海沧', '集美', '同安', '翔安'];
const WORDS = ['鹭江', '嘉庚', '鼓浪', '筼筜', '五缘', '白鹭', '东渡', '环岛', '金尚', '杏林', '马銮', '天马', '大嶝', '莲花', '滨北'];
const TRADES = ['贸易', '电子科技', '建材', '纺织', '食品', '物流', '精密机械', '餐饮管理', '置业', '家具', '光电', '服装', '化工', '包装印刷', '软件'];
const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '许', '谢', '洪', '郭', '曾', '叶', '苏', '庄', '吕'];
const GIVEN = ['志明', '丽华', '建国', '雅琴', '晓峰', '美玲', '国栋', '婉清', '俊杰', '秀英', '文斌', '海燕', '振华', '淑芬', '少华', '佳怡', '明辉', '碧霞'];

function companyName(i: number): string {
  return `厦门${DISTRICTS[i % 6]}${WORDS[Math.floor(i / 6) % WORDS.length]}${TRADES[Math.floor(i / 90) % TRADES.length]}有限公司`;
}

async function insertBatched<T>(db: DbOrTx, table: Parameters<DbOrTx['insertInto']>[0], rows: T[], size = 300): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // The rows are built to the table's shape above; Kysely cannot relate the generic table name to T here.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

function claimRow(caseId: string, creditorOrg: string | null, creditorName: string, amount: number, status: ClaimTable['status'], filedAt: string, nature: ClaimTable['nature'] = 'ordinary', source: ClaimTable['source'] = 'filed'): ClaimTable {
  const confirmed = status === 'confirmed' ? amount : status === 'partlyConfirmed' ? Math.floor(amount * 0.8) : status === 'rejected' ? 0 : null;
  return {
    id: newId('bkcl'),
    case_id: caseId,
    creditor_organization_id: creditorOrg,
    creditor_name: creditorName,
    filed_by_user_id: 'seed',
    source,
    nature,
    principal_fen: amount,
    interest_fen: 0,
    other_fen: 0,
    claimed_fen: amount,
    secured: 0,
    collateral_description: null,
    collateral_value_fen: null,
    security_waived: 0,
    claim_condition: 'none',
    joint: 0,
    agent_name: null,
    agent_authorization_file_id: null,
    late: 0,
    status,
    confirmed_fen: confirmed,
    provisional_fen: null,
    review_points: status === 'filed' ? null : JSON.stringify({ nature: { ok: true }, amount: { ok: status === 'confirmed' } }),
    review_reason: status === 'partlyConfirmed' ? '部分利息超出受理日（第四十六条第二款）' : status === 'rejected' ? '已过诉讼时效' : null,
    reviewed_by: status === 'filed' ? null : 'seed',
    reviewed_at: status === 'filed' ? null : filedAt,
    court_confirmed_on: null,
    disputed: 0,
    filed_at: filedAt,
    ledger_index: null,
    review_ledger_index: null,
    version: 1,
    created_at: filedAt,
    updated_at: filedAt,
  };
}

/** Creditor organizations for the bulk cases (a pool of 300 enterprises). */
async function creditorPool(db: Db): Promise<{ id: string; name: string }[]> {
  const now = new Date().toISOString();
  const rows = Array.from({ length: 300 }, (_, i) => ({
    id: newId('org'),
    kind: 'enterprise' as const,
    name: companyName(i + 7),
    uscc: withUsccCheckChar(`91350200BK${base31(i + 1, 7)}`),
    region_code: '350200',
    district: `${DISTRICTS[i % 6]}区`,
    contact_phone_enc: null,
    created_at: now,
    updated_at: now,
  }));
  const taken = new Set((await db.selectFrom('organizations').select('uscc').where('uscc', 'in', rows.map((r) => r.uscc)).execute()).map((r) => r.uscc));
  await insertBatched(db, 'organizations', rows.filter((r) => !taken.has(r.uscc)));
  return db.selectFrom('organizations').select(['id', 'name']).where('uscc', 'in', rows.map((r) => r.uscc)).execute();
}

/** One unit of scale: the volumes above, spread over the two years before today. */
async function seedVolumeUnit(db: Db, unit: number, court: string, admin: string, pool: { id: string; name: string }[]): Promise<void> {
  const rnd = prng(20_260_000 + unit);
  const today = todayInChina();
  const now = new Date().toISOString();
  const cases: CaseRow[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < VOLUME_PER_SCALE.cases; i++) {
      const r = rnd();
      const stage: CaseRow['stage'] = r < 0.03 ? 'applied' : r < 0.05 ? 'terminated' : r < 0.4 ? 'closed' : 'accepted';
      const procedure: Procedure = i % 20 === 0 ? 'settlement' : i % 7 === 0 ? 'reorganization' : 'liquidation';
      const acceptedOn = plusDays(today, -(20 + Math.floor(rnd() * 700)));
      const appliedOn = plusDays(acceptedOn, -(5 + Math.floor(rnd() * 20)));
      const duration = 45 + Math.floor(rnd() * 220);
      const endOn = plusDays(acceptedOn, duration) < today ? plusDays(acceptedOn, duration) : today;
      const year = Number((stage === 'applied' ? appliedOn : acceptedOn).slice(0, 4));
      const appSerial = await nextCaseSerial(trx, Number(appliedOn.slice(0, 4)), DEMO_COURT_CODE, '破申');
      const caseSerial = stage === 'applied' ? null : await nextCaseSerial(trx, year, DEMO_COURT_CODE, '破');
      const announcedOn = plusDays(acceptedOn, 3 + Math.floor(rnd() * 15));
      const n = unit * VOLUME_PER_SCALE.cases + i;
      cases.push({
        id: newId('bkc'),
        application_number: formatCaseNumber({ year: Number(appliedOn.slice(0, 4)), courtCode: DEMO_COURT_CODE, typeCode: '破申', serial: appSerial }),
        case_number: caseSerial === null ? null : formatCaseNumber({ year, courtCode: DEMO_COURT_CODE, typeCode: '破', serial: caseSerial }),
        procedure,
        stage,
        applicant_name: rnd() < 0.6 ? '债务人' : pool[Math.floor(rnd() * pool.length)]!.name,
        applicant_role: rnd() < 0.6 ? 'debtor' : 'creditor',
        debtor_name: companyName(1000 + n),
        debtor_uscc: withUsccCheckChar(`91350200BD${base31(n + 1, 7)}`),
        debtor_organization_id: null,
        court_organization_id: court,
        court_code: DEMO_COURT_CODE,
        judge_user_id: null,
        administrator_organization_id: stage === 'applied' ? null : admin,
        administrator_appointed_on: stage === 'applied' ? null : acceptedOn,
        applied_on: appliedOn,
        accepted_on: stage === 'applied' ? null : acceptedOn,
        acceptance_announced_on: stage === 'applied' ? null : announcedOn,
        claim_period_ends_on: stage === 'applied' ? null : plusDays(announcedOn, 30 + Math.floor(rnd() * 40)),
        first_meeting_on: null,
        reorganization_ruled_on: procedure === 'reorganization' && stage !== 'applied' ? acceptedOn : null,
        plan_period_extended: 0,
        plan_received_on: null,
        plan_passed_on: null,
        approval_applied_on: null,
        final_distribution_announced_on: stage === 'closed' ? plusDays(endOn, -10) : null,
        closed_on: stage === 'closed' || stage === 'terminated' ? endOn : null,
        converted_from: null,
        converted_on: null,
        disbursement_threshold_fen: 5_000_000,
        acceptance_ledger_index: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await insertBatched(trx, 'bk_cases', cases, 200);
  });

  const live = cases.filter((c) => c.stage !== 'applied');
  const pick = () => live[Math.floor(rnd() * live.length)]!;
  const dayIn = (c: CaseRow) => {
    const span = Math.max(1, (Date.parse(c.closed_on ?? today) - Date.parse(c.accepted_on!)) / 86_400_000);
    return plusDays(c.accepted_on!, Math.floor(rnd() * span));
  };
  const kinds: AnnouncementKind[] = ['acceptance', 'meetingNotice', 'auction', 'investorRecruitment', 'distribution', 'voteResult', 'other'];
  const KIND_ZH: Record<AnnouncementKind, string> = { acceptance: '受理公告', meetingNotice: '债权人会议通知', auction: '拍卖公告', investorRecruitment: '重整投资人招募公告', distribution: '破产财产分配公告', voteResult: '表决结果公告', other: '公告' };
  const announcements = Array.from({ length: VOLUME_PER_SCALE.announcements }, (_, i) => {
    const c = i < live.length ? live[i]! : pick();
    const kind = i < live.length ? 'acceptance' : kinds[1 + Math.floor(rnd() * (kinds.length - 1))]!;
    const at = `${i < live.length ? c.acceptance_announced_on! : dayIn(c)}T02:00:00.000Z`;
    return {
      id: newId('bka'),
      case_id: c.id,
      kind,
      issuer_kind: kind === 'acceptance' ? ('court' as const) : ('administrator' as const),
      issuer_organization_id: kind === 'acceptance' ? court : admin,
      issuer_name: kind === 'acceptance' ? '厦门市海沧区人民法院' : '福建鹭江律师事务所',
      title: `${c.debtor_name}${KIND_ZH[kind]}`,
      body: `${c.case_number}：${c.debtor_name}${KIND_ZH[kind]}。详情请登录“易破”平台查阅。`,
      published_at: at,
      pdf_sha256: null,
      ledger_index: null,
      created_at: at,
    };
  });
  const claims: ClaimTable[] = Array.from({ length: VOLUME_PER_SCALE.claims }, () => {
    const c = pick();
    const cr = pool[Math.floor(rnd() * pool.length)]!;
    const r = rnd();
    const status: ClaimTable['status'] = c.stage !== 'accepted' || r < 0.7 ? 'confirmed' : r < 0.8 ? 'partlyConfirmed' : r < 0.85 ? 'rejected' : 'filed';
    const nature: ClaimTable['nature'] = rnd() < 0.05 ? 'tax' : 'ordinary';
    return claimRow(c.id, cr.id, cr.name, 100_000 + Math.floor(rnd() * 200_000_000), status, `${dayIn(c)}T03:00:00.000Z`, nature);
  });
  const disbursements: DisbursementTable[] = [];
  const movements: FundMovementTable[] = [];
  for (let i = 0; i < VOLUME_PER_SCALE.fundActions; i++) {
    const c = pick();
    const on = dayIn(c);
    if (i % 5 < 2) {
      const amount = 10_000 + Math.floor(rnd() * 20_000_000);
      const needs = amount > 5_000_000;
      const status = c.stage === 'accepted' && rnd() < 0.15 ? (needs ? 'requested' : 'approved') : 'executed';
      disbursements.push({
        id: newId('bkp'),
        case_id: c.id,
        amount_fen: amount,
        payee: pool[Math.floor(rnd() * pool.length)]!.name,
        purpose: ['评估费', '审计费', '看护费', '拍卖辅助费', '职工工资垫付'][i % 5]!,
        needs_approval: needs ? 1 : 0,
        status,
        requested_by: 'seed',
        requested_at: `${on}T01:00:00.000Z`,
        decided_by: status === 'requested' ? null : 'seed',
        decided_at: status === 'requested' ? null : `${on}T05:00:00.000Z`,
        decision_note: null,
        executed_at: status === 'executed' ? `${on}T07:00:00.000Z` : null,
        bank_reference: status === 'executed' ? `BK${unit}${i}` : null,
        ledger_index: null,
        version: 1,
      });
    } else {
      movements.push({
        id: newId('bkf'),
        case_id: c.id,
        direction: 'in' as const,
        amount_fen: 100_000 + Math.floor(rnd() * 500_000_000),
        occurred_on: on,
        counterparty: ['厦门产权交易中心', '淘宝司法拍卖平台', '兴业银行厦门分行', '债务人应收账款回收'][i % 4]!,
        purpose: ['财产变价款', '拍卖成交款', '账户余额划转', '应收账款'][i % 4]!,
        source: 'manual' as const,
        bank_reference: `IN${unit}${i}`,
        disbursement_id: null,
        reconciled: rnd() < 0.8 ? 1 : 0,
        created_at: now,
      });
    }
  }
  const seq = new Map<string, number>();
  const meetings = Array.from({ length: VOLUME_PER_SCALE.meetings }, () => {
    const c = pick();
    const s = (seq.get(c.id) ?? 0) + 1;
    seq.set(c.id, s);
    const on = dayIn(c);
    return {
      id: newId('bkm'),
      case_id: c.id,
      sequence: s,
      title: s === 1 ? '第一次债权人会议' : `第${'二三四五六七八九十'[Math.min(s - 2, 8)]}次债权人会议`,
      meeting_on: on,
      starts_at: `${on}T01:30:00.000Z`,
      place: '“易破”平台线上会议',
      notice_sent_on: plusDays(on, -16),
      status: on < today ? ('closed' as const) : ('scheduled' as const),
      created_at: now,
      updated_at: now,
    };
  });
  const attendance: AttendanceTable[] = [];
  for (let i = 0; i < meetings.length; i++) {
    const per = i === 0 ? VOLUME_PER_SCALE.attendees - 5 * (meetings.length - 1) : 5;
    const start = Math.floor(rnd() * pool.length);
    for (let k = 0; k < per; k++) {
      attendance.push({ meeting_id: meetings[i]!.id, organization_id: pool[(start + k * 37) % pool.length]!.id, user_id: 'seed', signed_in_at: meetings[i]!.starts_at });
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertBatched(trx, 'bk_announcements', announcements);
    await insertBatched(trx, 'bk_claims', claims, 200);
    await insertBatched(trx, 'bk_disbursements', disbursements);
    await insertBatched(trx, 'bk_fund_movements', movements);
    await insertBatched(trx, 'bk_meetings', meetings);
    await insertBatched(trx, 'bk_attendance', attendance);
  });
}

/** The large case: 10,000 home buyers and banks as creditors of a developer, with a distribution-plan vote open. */
async function seedLargeCase(db: Db, court: string, admin: string): Promise<void> {
  const rnd = prng(10_000);
  const today = todayInChina();
  const now = new Date().toISOString();
  const accepted = plusDays(today, -120);
  const year = Number(accepted.slice(0, 4));
  const creditors = Array.from({ length: LARGE_CASE_CREDITORS }, (_, i) => {
    const person = i % 50 !== 0;
    return {
      id: newId('org'),
      kind: person ? ('individual' as const) : ('enterprise' as const),
      name: person ? `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}` : companyName(5000 + i),
      uscc: person ? null : withUsccCheckChar(`91350200BL${base31(i + 2, 7)}`),
      region_code: '350200',
      district: `${DISTRICTS[i % 6]}区`,
      contact_phone_enc: null,
      created_at: now,
      updated_at: now,
    };
  });
  await db.transaction().execute(async (trx) => {
    const appSerial = await nextCaseSerial(trx, year, DEMO_COURT_CODE, '破申');
    const caseSerial = await nextCaseSerial(trx, year, DEMO_COURT_CODE, '破');
    const caseId = newId('bkc');
    await trx.insertInto('bk_cases').values({
      id: caseId,
      application_number: formatCaseNumber({ year, courtCode: DEMO_COURT_CODE, typeCode: '破申', serial: appSerial }),
      case_number: formatCaseNumber({ year, courtCode: DEMO_COURT_CODE, typeCode: '破', serial: caseSerial }),
      procedure: 'liquidation',
      stage: 'accepted',
      applicant_name: '厦门鹭海置业集团有限公司',
      applicant_role: 'debtor',
      debtor_name: '厦门鹭海置业集团有限公司',
      debtor_uscc: withUsccCheckChar(LARGE_DEBTOR_USCC17),
      debtor_organization_id: null,
      court_organization_id: court,
      court_code: DEMO_COURT_CODE,
      judge_user_id: null,
      administrator_organization_id: admin,
      administrator_appointed_on: accepted,
      applied_on: plusDays(accepted, -10),
      accepted_on: accepted,
      acceptance_announced_on: plusDays(accepted, 5),
      claim_period_ends_on: plusDays(accepted, 65),
      first_meeting_on: plusDays(accepted, 75),
      reorganization_ruled_on: null,
      plan_period_extended: 0,
      plan_received_on: null,
      plan_passed_on: null,
      approval_applied_on: null,
      final_distribution_announced_on: null,
      closed_on: null,
      converted_from: null,
      converted_on: null,
      disbursement_threshold_fen: 20_000_000,
      acceptance_ledger_index: null,
      version: 1,
      created_at: now,
      updated_at: now,
    }).execute();
    await insertBatched(trx, 'organizations', creditors, 500);
    const claims = creditors.map((c, i) => claimRow(caseId, c.id, c.name, c.kind === 'individual' ? 20_000_000 + Math.floor(rnd() * 280_000_000) : 500_000_000 + Math.floor(rnd() * 5_000_000_000), 'confirmed', `${plusDays(accepted, 10 + (i % 50))}T02:00:00.000Z`));
    await insertBatched(trx, 'bk_claims', claims, 200);
    const meetingId = newId('bkm');
    await trx.insertInto('bk_meetings').values({ id: meetingId, case_id: caseId, sequence: 2, title: '第二次债权人会议（表决破产财产分配方案）', meeting_on: today, starts_at: now, place: '“易破”平台线上会议', notice_sent_on: plusDays(today, -16), status: 'open', created_at: now, updated_at: now }).execute();
    const itemId = newId('bki');
    await trx.insertInto('bk_agenda_items').values({
      id: itemId,
      meeting_id: meetingId,
      case_id: caseId,
      kind: 'distributionPlan',
      title: '《厦门鹭海置业集团有限公司破产财产分配方案》',
      attempt: 1,
      revote_of: null,
      revote_groups: null,
      ballot_policy: 'finalOnCast',
      opens_at: new Date(Date.now() - 86_400_000).toISOString(),
      closes_at: new Date(Date.now() + 6 * 86_400_000).toISOString(),
      small_claims_threshold_fen: null,
      shareholders: null,
      status: 'open',
      passed: null,
      outcome: null,
      decided_by: null,
      next_step: null,
      closed_at: null,
      result_notice_due_on: null,
      result_ledger_index: null,
      created_at: now,
    }).execute();
    const ballots = creditors.filter(() => rnd() < 0.7).map((c) => ({
      id: newId('bkb'),
      item_id: itemId,
      voter_id: c.id,
      voting_group: null,
      choice: rnd() < 0.78 ? ('for' as const) : rnd() < 0.8 ? ('against' as const) : ('abstain' as const),
      channel: rnd() < 0.9 ? ('online' as const) : ('paper' as const),
      cast_at: now,
      cast_by_user_id: 'seed',
      scan_file_id: null,
      effective_key: `${itemId}|${c.id}|`,
      superseded_at: null,
      ledger_index: null,
      created_at: now,
    }));
    await insertBatched(trx, 'bk_ballots', ballots, 400);
    const attendance = creditors.filter((_, i) => i % 9 === 0).map((c) => ({ meeting_id: meetingId, organization_id: c.id, user_id: 'seed', signed_in_at: now }));
    await insertBatched(trx, 'bk_attendance', attendance, 500);
  });
}

/** Volumes × scale and the large case; skipped if the large case is already there (the seed is re-runnable). */
export async function seedBankruptcyVolumes(db: Db, orgIds: Map<string, string>, scale: number): Promise<string> {
  if (scale < 1) return 'no volumes at scale 0';
  const exists = await db.selectFrom('bk_cases').select('id').where('debtor_uscc', '=', withUsccCheckChar(LARGE_DEBTOR_USCC17)).executeTakeFirst();
  if (exists) return 'volumes already present';
  const court = orgIds.get('court')!;
  const admin = orgIds.get('administrator-firm')!;
  const pool = await creditorPool(db);
  for (let unit = 0; unit < scale; unit++) await seedVolumeUnit(db, unit, court, admin, pool);
  await seedLargeCase(db, court, admin);
  const v = VOLUME_PER_SCALE;
  return `${v.cases * scale} cases, ${v.announcements * scale} announcements, ${v.claims * scale} claims, ${v.fundActions * scale} fund actions, ${v.meetings * scale} meetings / ${v.attendees * scale} attendees, large case with ${LARGE_CASE_CREDITORS} creditors`;
}
