import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fenToChineseCapitals, formatYuan, renderPdf, type PdfDocumentSpec } from '../../platform/documents/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { fenField, invalidState } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCase, loadCaseAsAdministrator } from './case-access.js';
import type { CaseRow } from './case.table.js';
import { findClaimsByCase, findObjectionsByCase, isCreditorOfCase } from './claim.repository.js';
import type { ClaimRow } from './claim.table.js';
import { computeDistributionPlan } from './distribution-plan.js';
import type { DistributionClaim, DistributionInput, DistributionPlan, PriorityTier } from './distribution.types.js';
import type { DistributionPlanRow } from './distribution.table.js';
import './distribution.table.js';
import { jsonSafe } from './json-safe.js';

export interface PlanRequest {
  freeEstateFen: unknown;
  collaterals?: { collateralId: string; realizedFen: unknown; claimIds: string[] }[];
  expenses: { id: string; label: string; amountFen: unknown }[];
  commonBenefitDebts: { id: string; label: string; amountFen: unknown }[];
  averageMonthlyWageFen?: unknown;
  seniorManagers?: { claimId: string; months: number }[];
}

const TIER_OF: Record<ClaimRow['nature'], PriorityTier> = {
  employee: 'employee',
  tax: 'socialInsuranceAndTax',
  socialInsurance: 'socialInsuranceAndTax',
  ordinary: 'ordinary',
};

/**
 * The calculator's input from the claim register and the administrator's figures:
 * - confirmed (or partly confirmed) claims take part with the confirmed amount;
 * - a claim in litigation, or with an open objection, takes part as disputed with the amount claimed, so its
 *   share is reserved (Art. 119); a conditional claim's share is reserved too (Art. 117);
 * - unreviewed and rejected claims do not take part;
 * - a secured claim sits on the collateral the request names (ranked by the order of `claimIds`), or on a
 *   collateral of its own valued at the administrator's estimate.
 */
export function planInputFromRegister(claims: ClaimRow[], openObjectionClaimIds: Set<string>, req: PlanRequest): { input: DistributionInput; excluded: string[] } {
  const collaterals = (req.collaterals ?? []).map((c, i) => ({ collateralId: c.collateralId, realizedFen: fenField(`body.collaterals.${i}.realizedFen`, c.realizedFen, { allowZero: true }), claimIds: c.claimIds }));
  const rankOf = new Map<string, { collateralId: string; rank: number }>();
  for (const c of collaterals) c.claimIds.forEach((id, k) => rankOf.set(id, { collateralId: c.collateralId, rank: k + 1 }));
  const managers = new Map((req.seniorManagers ?? []).map((m) => [m.claimId, m.months]));
  const out: DistributionClaim[] = [];
  const own: { collateralId: string; realizedFen: bigint }[] = [];
  const excluded: string[] = [];
  for (const c of claims) {
    const disputed = c.disputed === 1 || openObjectionClaimIds.has(c.id);
    const reviewedIn = (c.status === 'confirmed' || c.status === 'partlyConfirmed') && (c.confirmed_fen ?? 0) > 0;
    if (!reviewedIn && !disputed) {
      excluded.push(c.id);
      continue;
    }
    const amount = BigInt(disputed ? Math.max(c.claimed_fen, c.confirmed_fen ?? 0) : c.confirmed_fen!);
    let security: DistributionClaim['security'];
    if (c.secured === 1) {
      const named = rankOf.get(c.id);
      if (named) security = { ...named, waived: c.security_waived === 1 };
      else {
        own.push({ collateralId: `claim:${c.id}`, realizedFen: BigInt(c.collateral_value_fen ?? 0) });
        security = { collateralId: `claim:${c.id}`, rank: 1, waived: c.security_waived === 1 };
      }
    }
    const months = managers.get(c.id);
    out.push({
      claimId: c.id,
      creditorId: c.creditor_organization_id ?? `claim:${c.id}`,
      tier: TIER_OF[c.nature],
      amountFen: amount,
      status: disputed ? 'disputed' : c.claim_condition === 'conditional' ? 'conditional' : 'confirmed',
      ...(security ? { security } : {}),
      ...(months !== undefined && c.nature === 'employee' ? { seniorManagerWageMonths: months } : {}),
    });
  }
  const debts = (list: PlanRequest['expenses'], path: string) => list.map((d, i) => ({ id: d.id, amountFen: fenField(`body.${path}.${i}.amountFen`, d.amountFen) }));
  return {
    input: {
      freeEstateFen: fenField('body.freeEstateFen', req.freeEstateFen, { allowZero: true }),
      collaterals: [...collaterals.map(({ collateralId, realizedFen }) => ({ collateralId, realizedFen })), ...own],
      expenses: debts(req.expenses, 'expenses'),
      commonBenefitDebts: debts(req.commonBenefitDebts, 'commonBenefitDebts'),
      claims: out,
      ...(req.averageMonthlyWageFen !== undefined ? { averageMonthlyWageFen: fenField('body.averageMonthlyWageFen', req.averageMonthlyWageFen, { allowZero: true }) } : {}),
    },
    excluded,
  };
}

const TIER_ZH: Record<string, string> = { collateral: '担保物', employee: '职工债权', socialInsuranceAndTax: '社保及税款', ordinary: '普通债权' };

/** Art. 115 ¶2: the plan states the creditors, the amounts, the property, the order and the method. */
function planPdfSpec(theCase: CaseRow, plan: DistributionPlan, round: number, names: Map<string, string>, labels: Map<string, string>, createdAt: string): PdfDocumentSpec {
  const y = (fen: bigint) => formatYuan(Number(fen));
  const debtRows = [...plan.expenses.map((d) => ['破产费用', labels.get(d.id) ?? d.id, y(d.amountFen), y(d.payFen)]), ...plan.commonBenefitDebts.map((d) => ['共益债务', labels.get(d.id) ?? d.id, y(d.amountFen), y(d.payFen)])];
  const creditorRows = plan.claims.map((c) => [
    names.get(c.claimId) ?? c.creditorId,
    c.lines.map((l) => TIER_ZH[l.source]).join('、'),
    y(c.lines.reduce((s, l) => (l.source === 'collateral' ? s + l.allowedFen : s), 0n) || c.lines.reduce((s, l) => s + l.allowedFen, 0n)),
    y(c.payFen),
    y(c.reserveFen),
  ]);
  const distributed = plan.claims.reduce((s, c) => s + c.payFen + c.reserveFen, 0n);
  return {
    title: `破产财产分配方案（第${round}次）`,
    subtitle: theCase.case_number ?? undefined,
    author: '管理人',
    subject: '破产财产分配方案',
    createdAt,
    blocks: [
      { type: 'keyValue', rows: [
        { key: '债务人', value: theCase.debtor_name, span: true },
        { key: '可供分配财产', value: `${y(plan.estateFen)} 元` },
        { key: '分配方式', value: '货币分配（《企业破产法》第一百一十四条）' },
        { key: '本次分配（含提存）', value: `${y(distributed)} 元（${fenToChineseCapitals(Number(distributed))}）`, span: true },
      ] },
      { type: 'heading', text: '一、破产费用和共益债务（第四十一条至第四十三条）' },
      { type: 'table', columns: [{ header: '类别' }, { header: '项目', width: 2 }, { header: '金额（元）', align: 'right' }, { header: '清偿（元）', align: 'right' }], rows: debtRows.length ? debtRows : [['—', '无', '0.00', '0.00']] },
      { type: 'heading', text: '二、清偿顺序（第一百零九条、第一百一十三条）' },
      { type: 'table', columns: [{ header: '顺序' }, { header: '债权额（元）', align: 'right' }, { header: '分配额（元）', align: 'right' }, { header: '提存（元）', align: 'right' }], rows: plan.tiers.map((t) => [TIER_ZH[t.tier]!, y(t.allowedFen), y(t.payFen), y(t.reserveFen)]) },
      { type: 'heading', text: '三、各债权人分配额' },
      { type: 'table', columns: [{ header: '债权人', width: 2 }, { header: '顺序' }, { header: '债权额（元）', align: 'right' }, { header: '分配额（元）', align: 'right' }, { header: '提存（元）', align: 'right' }], rows: creditorRows },
      { type: 'paragraph', text: '附条件债权的分配额予以提存（第一百一十七条）；诉讼或者仲裁未决债权的分配额予以提存，自破产程序终结之日起满二年仍不能受领的，分配给其他债权人（第一百一十九条）。分配额以分为单位，按比例分配时采用最大余数法，合计与可分配金额一致。' },
      { type: 'signatures', parties: [{ role: '管理人' }] },
    ],
    footer: theCase.case_number ?? '',
  };
}

function revive(json: string): DistributionInput {
  const raw = JSON.parse(json) as {
    freeEstateFen: string;
    collaterals: { collateralId: string; realizedFen: string }[];
    expenses: { id: string; amountFen: string }[];
    commonBenefitDebts: { id: string; amountFen: string }[];
    claims: (Omit<DistributionClaim, 'amountFen'> & { amountFen: string })[];
    averageMonthlyWageFen?: string;
  };
  return {
    freeEstateFen: BigInt(raw.freeEstateFen),
    collaterals: raw.collaterals.map((c) => ({ ...c, realizedFen: BigInt(c.realizedFen) })),
    expenses: raw.expenses.map((d) => ({ ...d, amountFen: BigInt(d.amountFen) })),
    commonBenefitDebts: raw.commonBenefitDebts.map((d) => ({ ...d, amountFen: BigInt(d.amountFen) })),
    claims: raw.claims.map((c) => ({ ...c, amountFen: BigInt(c.amountFen) })),
    ...(raw.averageMonthlyWageFen !== undefined ? { averageMonthlyWageFen: BigInt(raw.averageMonthlyWageFen) } : {}),
  };
}

const asStrings = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

export async function loadPlan(db: DbOrTx, row: DistributionPlanRow): Promise<{ input: DistributionInput; plan: DistributionPlan }> {
  const input = revive(row.input);
  return { input, plan: computeDistributionPlan(input) };
}

async function context(db: DbOrTx, theCase: CaseRow) {
  const claims = await findClaimsByCase(db, theCase.id);
  const objections = await findObjectionsByCase(db, theCase.id);
  return { claims, open: new Set(objections.filter((o) => o.status === 'open' || o.status === 'inLitigation').map((o) => o.claim_id)) };
}

/** The administrator computes a distribution plan from the register; the plan and its PDF hash go on the ledger. */
export async function createDistributionPlan(db: Db, p: Principal, caseId: string, req: PlanRequest) {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  if (theCase.stage !== 'accepted') throw invalidState('案件不在审理中 (the case is not in progress)');
  if (theCase.procedure !== 'liquidation') throw invalidState('破产财产分配适用于破产清算程序 (distribution follows a bankruptcy declaration)');
  const { claims, open } = await context(db, theCase);
  const known = new Set(claims.map((c) => c.id));
  for (const [i, c] of (req.collaterals ?? []).entries()) {
    for (const [k, id] of c.claimIds.entries()) {
      if (!known.has(id)) throw unprocessable('validation-failed', [{ path: `body.collaterals.${i}.claimIds.${k}`, code: 'unknown-claim', message: '债权不存在 (no such claim in the case)' }]);
    }
  }
  const { input, excluded } = planInputFromRegister(claims, open, req);
  let plan: DistributionPlan;
  try {
    plan = computeDistributionPlan(input);
  } catch (e) {
    throw unprocessable('validation-failed', [{ path: 'body', code: 'plan-invalid', message: e instanceof Error ? e.message : String(e) }]);
  }
  const previous = await db.selectFrom('bk_distribution_plans').select((eb) => eb.fn.max('round').as('r')).where('case_id', '=', theCase.id).executeTakeFirst();
  const round = Number(previous?.r ?? 0) + 1;
  const createdAt = new Date().toISOString();
  const names = new Map(claims.map((c) => [c.id, c.creditor_name]));
  const labels = new Map([...req.expenses, ...req.commonBenefitDebts].map((d) => [d.id, d.label]));
  const pdf = await renderPdf(planPdfSpec(theCase, plan, round, names, labels, createdAt));
  const pdfSha256 = createHash('sha256').update(pdf).digest('hex');
  const distributed = plan.claims.reduce((s, c) => s + c.payFen + c.reserveFen, 0n);
  const row: DistributionPlanRow = {
    id: newId('bkd'),
    case_id: theCase.id,
    round,
    status: 'draft',
    input: asStrings(input),
    result: JSON.stringify({ labels: Object.fromEntries(labels) }),
    distributed_fen: Number(distributed),
    estate_fen: Number(plan.estateFen),
    pdf_sha256: pdfSha256,
    ledger_index: null,
    created_by: p.id,
    created_at: createdAt,
  };
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('bk_distribution_plans').values(row).execute();
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.distribution.planned',
      subject: row.id,
      data: { caseNumber: theCase.case_number, round, estateFen: String(plan.estateFen), distributedFen: String(distributed), terminationRequired: plan.terminationRequired },
      documentSha256: pdfSha256,
      visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
    });
    await trx.updateTable('bk_distribution_plans').set({ ledger_index: leafIndex }).where('id', '=', row.id).execute();
    return { row: { ...row, ledger_index: leafIndex }, plan, excluded };
  });
}

/**
 * A plan as the caller may see it: the court and the administrator see it all; a creditor of the case sees
 * the totals and its own lines only.
 */
export async function readPlan(db: Db, p: Principal, planId: string) {
  const row = await db.selectFrom('bk_distribution_plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!row) throw notFound('分配方案不存在 (no such plan)');
  const { row: theCase, relations } = await loadCase(db, p, row.case_id);
  const officer = relations.has('court') || relations.has('administrator');
  if (!officer && !(await isCreditorOfCase(db, theCase.id, p.organizationId))) throw forbidden('仅本案债权人可查看 (creditors of the case only)');
  const { plan } = await loadPlan(db, row);
  return { row, theCase, plan, officer };
}

export function presentPlan(row: DistributionPlanRow, plan: DistributionPlan, viewerOrg: string | null) {
  const visible = viewerOrg === null ? plan.claims : plan.claims.filter((c) => c.creditorId === viewerOrg);
  return {
    id: row.id,
    caseId: row.case_id,
    round: row.round,
    status: row.status,
    pdfSha256: row.pdf_sha256,
    ledgerIndex: row.ledger_index,
    createdAt: row.created_at,
    ...jsonSafe({
      estateFen: plan.estateFen,
      remainderFen: plan.remainderFen,
      terminationRequired: plan.terminationRequired,
      tiers: plan.tiers,
      collaterals: viewerOrg === null ? plan.collaterals : [],
      expenses: viewerOrg === null ? plan.expenses : [],
      commonBenefitDebts: viewerOrg === null ? plan.commonBenefitDebts : [],
      claims: visible,
      creditors: viewerOrg === null ? plan.creditors : plan.creditors.filter((c) => c.creditorId === viewerOrg),
    }),
  };
}

export async function planPdf(db: Db, p: Principal, planId: string): Promise<{ bytes: Uint8Array; sha256: string | null; filename: string }> {
  const { row, theCase } = await readPlan(db, p, planId);
  const { plan } = await loadPlan(db, row);
  const claims = await findClaimsByCase(db, theCase.id);
  const labels = new Map(Object.entries((JSON.parse(row.result) as { labels: Record<string, string> }).labels));
  const bytes = await renderPdf(planPdfSpec(theCase, plan, row.round, new Map(claims.map((c) => [c.id, c.creditor_name])), labels, row.created_at));
  return { bytes, sha256: row.pdf_sha256, filename: `破产财产分配方案-第${row.round}次.pdf` };
}

export async function findPlansOfCase(db: Db, p: Principal, caseId: string) {
  const { relations } = await loadCase(db, p, caseId);
  const officer = relations.has('court') || relations.has('administrator');
  if (!officer && !(await isCreditorOfCase(db, caseId, p.organizationId))) throw forbidden('仅本案债权人可查看 (creditors of the case only)');
  const rows = await db.selectFrom('bk_distribution_plans').selectAll().where('case_id', '=', caseId).orderBy('round').execute();
  return rows.map((r) => ({ id: r.id, round: r.round, status: r.status, estateFen: r.estate_fen, distributedFen: r.distributed_fen, pdfSha256: r.pdf_sha256, ledgerIndex: r.ledger_index, createdAt: r.created_at }));
}
