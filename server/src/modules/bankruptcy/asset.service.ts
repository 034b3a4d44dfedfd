import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { fenField, invalidState } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCaseAsAdministrator, loadCaseAsOfficer } from './case-access.js';
import { dateField } from './case-dates.js';
import { auctionPremiumRateBp, averagePremiumRateBp } from './case-indicators.js';
import type { AssetRow, AssetType, AuctionRow, InvestigationDepartment, InvestigationRow } from './asset.table.js';
import './asset.table.js';

/** Assets: the register, investigation requests to departments and their answers, disposal by auction. */
export async function registerAsset(db: Db, p: Principal, caseId: string, input: { assetType: AssetType; name: string; valuationFen: unknown }): Promise<AssetRow> {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  const row: AssetRow = {
    id: newId('bkas'),
    case_id: theCase.id,
    asset_type: input.assetType,
    name: input.name.trim(),
    valuation_fen: Number(fenField('body.valuationFen', input.valuationFen, { allowZero: true })),
    status: 'registered',
    created_at: new Date().toISOString(),
  };
  await db.insertInto('bk_assets').values(row).execute();
  return row;
}

export async function requestInvestigation(db: Db, p: Principal, caseId: string, input: { department: InvestigationDepartment; requestText: string }): Promise<InvestigationRow> {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  const row: InvestigationRow = {
    id: newId('bkiv'),
    case_id: theCase.id,
    department: input.department,
    request_text: input.requestText.trim(),
    requested_at: new Date().toISOString(),
    answer_text: null,
    answered_at: null,
    status: 'requested',
  };
  await db.insertInto('bk_investigations').values(row).execute();
  return row;
}

/** The department's answer as received (recorded by the administrator). */
export async function answerInvestigation(db: Db, p: Principal, id: string, input: { answerText: string }): Promise<InvestigationRow> {
  const row = await db.selectFrom('bk_investigations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('查询请求不存在 (no such request)');
  await loadCaseAsAdministrator(db, p, row.case_id);
  if (row.status === 'answered') throw invalidState('已答复 (already answered)');
  const patch = { answer_text: input.answerText.trim(), answered_at: new Date().toISOString(), status: 'answered' as const };
  await db.updateTable('bk_investigations').set(patch).where('id', '=', id).execute();
  return { ...row, ...patch };
}

export async function scheduleAuction(db: Db, p: Principal, assetId: string, input: { startPriceFen: unknown; auctionOn: string }): Promise<AuctionRow> {
  const asset = await db.selectFrom('bk_assets').selectAll().where('id', '=', assetId).executeTakeFirst();
  if (!asset) throw notFound('财产不存在 (no such asset)');
  await loadCaseAsAdministrator(db, p, asset.case_id);
  if (asset.status === 'sold') throw invalidState('财产已处置 (already sold)');
  const prior = await db.selectFrom('bk_auctions').select((eb) => eb.fn.countAll<number>().as('n')).where('asset_id', '=', asset.id).executeTakeFirstOrThrow();
  const row: AuctionRow = {
    id: newId('bkau'),
    case_id: asset.case_id,
    asset_id: asset.id,
    round: Number(prior.n) + 1,
    start_price_fen: Number(fenField('body.startPriceFen', input.startPriceFen)),
    sale_price_fen: null,
    auction_on: dateField('body.auctionOn', input.auctionOn),
    status: 'scheduled',
    created_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('bk_auctions').values(row).execute();
    await trx.updateTable('bk_assets').set({ status: 'inAuction' }).where('id', '=', asset.id).execute();
  });
  return row;
}

/** The auction's outcome; a sale is recorded with its price (the premium rate follows) and goes on the ledger. */
export async function recordAuctionResult(db: Db, p: Principal, auctionId: string, input: { sold: boolean; salePriceFen?: unknown }): Promise<AuctionRow> {
  const auction = await db.selectFrom('bk_auctions').selectAll().where('id', '=', auctionId).executeTakeFirst();
  if (!auction) throw notFound('拍卖不存在 (no such auction)');
  const theCase = await loadCaseAsAdministrator(db, p, auction.case_id);
  if (auction.status !== 'scheduled') throw invalidState('拍卖结果已登记 (already recorded)');
  let sale: bigint | null = null;
  if (input.sold) {
    if (input.salePriceFen === undefined) throw unprocessable('validation-failed', [{ path: 'body.salePriceFen', code: 'required', message: '成交须填写成交价 (sale price required)' }]);
    sale = fenField('body.salePriceFen', input.salePriceFen);
    if (sale < BigInt(auction.start_price_fen)) {
      throw unprocessable('validation-failed', [{ path: 'body.salePriceFen', code: 'below-start', message: '成交价不得低于起拍价 (not below the start price)' }]);
    }
  }
  const patch = { status: input.sold ? ('sold' as const) : ('failed' as const), sale_price_fen: sale === null ? null : Number(sale) };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('bk_auctions').set(patch).where('id', '=', auction.id).execute();
    await trx.updateTable('bk_assets').set({ status: input.sold ? 'sold' : 'unsold' }).where('id', '=', auction.asset_id).execute();
    if (sale !== null) {
      await appendLedgerEntry(trx, {
        type: 'bankruptcy.asset.sold',
        subject: auction.id,
        data: { caseNumber: theCase.case_number, assetId: auction.asset_id, round: auction.round, startPriceFen: String(auction.start_price_fen), salePriceFen: String(sale) },
        visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
      });
    }
  });
  return { ...auction, ...patch };
}

export async function assetOverview(db: Db, p: Principal, caseId: string) {
  const { row: theCase } = await loadCaseAsOfficer(db, p, caseId);
  const assets = await db.selectFrom('bk_assets').selectAll().where('case_id', '=', theCase.id).orderBy('created_at').execute();
  const auctions = await db.selectFrom('bk_auctions').selectAll().where('case_id', '=', theCase.id).orderBy('auction_on').execute();
  const investigations = await db.selectFrom('bk_investigations').selectAll().where('case_id', '=', theCase.id).orderBy('requested_at').execute();
  const sold = auctions.filter((a) => a.status === 'sold' && a.sale_price_fen !== null).map((a) => ({ startPriceFen: BigInt(a.start_price_fen), salePriceFen: BigInt(a.sale_price_fen!) }));
  const avg = averagePremiumRateBp(sold);
  return {
    assets: assets.map((a) => ({ id: a.id, assetType: a.asset_type, name: a.name, valuationFen: a.valuation_fen, status: a.status })),
    auctions: auctions.map(presentAuction),
    investigations: investigations.map((i) => ({ id: i.id, department: i.department, requestText: i.request_text, requestedAt: i.requested_at, answerText: i.answer_text, answeredAt: i.answered_at, status: i.status })),
    premiumRate: { meanBp: avg.meanBp === null ? null : Number(avg.meanBp), weightedBp: avg.weightedBp === null ? null : Number(avg.weightedBp) },
  };
}

export function presentAuction(a: AuctionRow) {
  return {
    id: a.id,
    assetId: a.asset_id,
    round: a.round,
    startPriceFen: a.start_price_fen,
    salePriceFen: a.sale_price_fen,
    auctionOn: a.auction_on,
    status: a.status,
    premiumRateBp: a.sale_price_fen === null ? null : Number(auctionPremiumRateBp({ startPriceFen: BigInt(a.start_price_fen), salePriceFen: BigInt(a.sale_price_fen) })),
  };
}
