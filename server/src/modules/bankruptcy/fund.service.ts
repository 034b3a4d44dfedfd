import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { fenField, invalidState, staleVersion } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCaseAsAdministrator, loadCaseAsCourt, loadCaseAsOfficer } from './case-access.js';
import { dateField } from './case-dates.js';
import type { DisbursementRow, FundMovementRow } from './fund.table.js';
import './fund.table.js';
import { parseStatementCsv, reconcile } from './bank-statement.js';

/**
 * Fund supervision (资金监管): the case account's movements are recorded; a disbursement above the case's
 * threshold waits for the judge's approval before it may be executed (the creditors' committee, where one
 * exists, approves offline and the judge records it). Everything that moves money goes on the ledger.
 */
export async function recordMovement(
  db: Db,
  p: Principal,
  caseId: string,
  input: { direction: 'in' | 'out'; amountFen: unknown; occurredOn: string; counterparty: string; purpose: string; bankReference?: string },
): Promise<FundMovementRow> {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  const amount = fenField('body.amountFen', input.amountFen);
  if (input.direction === 'out') {
    throw unprocessable('validation-failed', [{ path: 'body.direction', code: 'use-disbursement', message: '支出须通过付款申请 (outgoing money goes through a disbursement)' }]);
  }
  const row: FundMovementRow = {
    id: newId('bkf'),
    case_id: theCase.id,
    direction: 'in',
    amount_fen: Number(amount),
    occurred_on: dateField('body.occurredOn', input.occurredOn),
    counterparty: input.counterparty.trim(),
    purpose: input.purpose.trim(),
    source: 'manual',
    bank_reference: input.bankReference?.trim() || null,
    disbursement_id: null,
    reconciled: 0,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('bk_fund_movements').values(row).execute();
  return row;
}

export async function requestDisbursement(db: Db, p: Principal, caseId: string, input: { amountFen: unknown; payee: string; purpose: string }): Promise<DisbursementRow> {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  if (theCase.stage !== 'accepted') throw invalidState('案件不在审理中 (the case is not in progress)');
  const amount = fenField('body.amountFen', input.amountFen);
  const needsApproval = amount > BigInt(theCase.disbursement_threshold_fen);
  const now = new Date().toISOString();
  const row: DisbursementRow = {
    id: newId('bkp'),
    case_id: theCase.id,
    amount_fen: Number(amount),
    payee: input.payee.trim(),
    purpose: input.purpose.trim(),
    needs_approval: needsApproval ? 1 : 0,
    status: needsApproval ? 'requested' : 'approved',
    requested_by: p.id,
    requested_at: now,
    decided_by: null,
    decided_at: needsApproval ? null : now,
    decision_note: needsApproval ? null : '未超过审批限额，无需审批 (below the approval threshold)',
    executed_at: null,
    bank_reference: null,
    ledger_index: null,
    version: 1,
  };
  await db.insertInto('bk_disbursements').values(row).execute();
  return row;
}

async function loadDisbursement(db: Db, id: string): Promise<DisbursementRow> {
  const row = await db.selectFrom('bk_disbursements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('付款申请不存在 (no such disbursement)');
  return row;
}

export async function decideDisbursement(db: Db, p: Principal, id: string, input: { approve: boolean; note?: string; version: number }): Promise<DisbursementRow> {
  const d = await loadDisbursement(db, id);
  const theCase = await loadCaseAsCourt(db, p, d.case_id);
  if (d.status !== 'requested') throw invalidState('该付款申请无需或已经审批 (nothing to decide)');
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('bk_disbursements')
      .set({ status: input.approve ? 'approved' : 'rejected', decided_by: p.id, decided_at: new Date().toISOString(), decision_note: input.note?.trim() || null, version: input.version + 1 })
      .where('id', '=', d.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    await appendLedgerEntry(trx, {
      type: 'bankruptcy.fund.disbursement-decided',
      subject: d.id,
      data: { caseNumber: theCase.case_number, amountFen: String(d.amount_fen), payee: d.payee, approved: input.approve },
      visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
    });
    return (await trx.selectFrom('bk_disbursements').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow());
  });
}

/** Executing is possible only for an approved disbursement (409 otherwise); it books the outgoing movement. */
export async function executeDisbursement(db: Db, p: Principal, id: string, input: { executedOn: string; bankReference: string; version: number }): Promise<DisbursementRow> {
  const d = await loadDisbursement(db, id);
  const theCase = await loadCaseAsAdministrator(db, p, d.case_id);
  if (d.status !== 'approved') throw invalidState(d.status === 'requested' ? '付款须经法院审批后方可执行 (awaiting the judge’s approval)' : '该付款不可执行 (not executable)');
  const on = dateField('body.executedOn', input.executedOn);
  const balance = await caseBalance(db, theCase.id);
  if (balance < BigInt(d.amount_fen)) throw invalidState('账户余额不足 (insufficient balance)');
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('bk_disbursements')
      .set({ status: 'executed', executed_at: new Date().toISOString(), bank_reference: input.bankReference.trim(), version: input.version + 1 })
      .where('id', '=', d.id)
      .where('version', '=', input.version)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    await trx.insertInto('bk_fund_movements').values({
      id: newId('bkf'),
      case_id: theCase.id,
      direction: 'out',
      amount_fen: d.amount_fen,
      occurred_on: on,
      counterparty: d.payee,
      purpose: d.purpose,
      source: 'disbursement',
      bank_reference: input.bankReference.trim(),
      disbursement_id: d.id,
      reconciled: 0,
      created_at: new Date().toISOString(),
    }).execute();
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.fund.disbursed',
      subject: d.id,
      data: { caseNumber: theCase.case_number, amountFen: String(d.amount_fen), payee: d.payee, executedOn: on, bankReference: input.bankReference.trim() },
      visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
    });
    await trx.updateTable('bk_disbursements').set({ ledger_index: leafIndex }).where('id', '=', d.id).execute();
    return (await trx.selectFrom('bk_disbursements').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow());
  });
}

export async function caseBalance(db: Db, caseId: string): Promise<bigint> {
  const rows = await db.selectFrom('bk_fund_movements').select(['direction', 'amount_fen']).where('case_id', '=', caseId).execute();
  return rows.reduce((s, r) => (r.direction === 'in' ? s + BigInt(r.amount_fen) : s - BigInt(r.amount_fen)), 0n);
}

export async function fundOverview(db: Db, p: Principal, caseId: string) {
  const { row: theCase } = await loadCaseAsOfficer(db, p, caseId);
  const movements = await db.selectFrom('bk_fund_movements').selectAll().where('case_id', '=', theCase.id).orderBy('occurred_on').orderBy('created_at').execute();
  const disbursements = await db.selectFrom('bk_disbursements').selectAll().where('case_id', '=', theCase.id).orderBy('requested_at').execute();
  let balance = 0n;
  let inFen = 0n;
  let outFen = 0n;
  for (const m of movements) {
    if (m.direction === 'in') {
      inFen += BigInt(m.amount_fen);
      balance += BigInt(m.amount_fen);
    } else {
      outFen += BigInt(m.amount_fen);
      balance -= BigInt(m.amount_fen);
    }
  }
  return {
    thresholdFen: theCase.disbursement_threshold_fen,
    balanceFen: Number(balance),
    inFen: Number(inFen),
    outFen: Number(outFen),
    unreconciled: movements.filter((m) => m.reconciled === 0).length,
    movements: movements.map(presentMovement),
    disbursements: disbursements.map(presentDisbursement),
  };
}

/**
 * Imports a bank statement (CSV) and reconciles it against the recorded movements: a statement line matches
 * an unreconciled movement with the same direction, amount and bank reference (or, without reference, the
 * same date). Matched movements are marked reconciled; statement lines nobody recorded are added as
 * movements (source `statement`) and reported, so unexplained money shows up.
 */
export async function importStatement(db: Db, p: Principal, caseId: string, csv: string) {
  const theCase = await loadCaseAsAdministrator(db, p, caseId);
  const parsed = parseStatementCsv(csv);
  if (!parsed.ok) throw unprocessable('validation-failed', parsed.errors.map((e) => ({ path: `body.csv.line${e.line}`, code: e.code, message: e.message })));
  const open = await db.selectFrom('bk_fund_movements').selectAll().where('case_id', '=', theCase.id).where('reconciled', '=', 0).execute();
  const result = reconcile(parsed.lines, open);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    if (result.matched.length) {
      await trx.updateTable('bk_fund_movements').set({ reconciled: 1 }).where('id', 'in', result.matched.map((m) => m.movementId)).execute();
    }
    for (const l of result.unmatchedLines) {
      await trx.insertInto('bk_fund_movements').values({
        id: newId('bkf'),
        case_id: theCase.id,
        direction: l.direction,
        amount_fen: Number(l.amountFen),
        occurred_on: l.date,
        counterparty: l.counterparty,
        purpose: l.purpose || '银行流水导入（未登记）',
        source: 'statement',
        bank_reference: l.reference || null,
        disbursement_id: null,
        reconciled: 1,
        created_at: now,
      }).execute();
    }
  });
  return {
    lines: parsed.lines.length,
    matched: result.matched.length,
    unrecordedOnStatement: result.unmatchedLines.map((l) => ({ line: l.line, date: l.date, direction: l.direction, amountFen: Number(l.amountFen), counterparty: l.counterparty, reference: l.reference })),
    recordedNotOnStatement: result.unmatchedMovements.map(presentMovement),
  };
}

export function presentMovement(m: FundMovementRow) {
  return {
    id: m.id,
    direction: m.direction,
    amountFen: m.amount_fen,
    occurredOn: m.occurred_on,
    counterparty: m.counterparty,
    purpose: m.purpose,
    source: m.source,
    bankReference: m.bank_reference,
    disbursementId: m.disbursement_id,
    reconciled: m.reconciled === 1,
  };
}

export function presentDisbursement(d: DisbursementRow) {
  return {
    id: d.id,
    amountFen: d.amount_fen,
    payee: d.payee,
    purpose: d.purpose,
    needsApproval: d.needs_approval === 1,
    status: d.status,
    requestedAt: d.requested_at,
    decidedAt: d.decided_at,
    decisionNote: d.decision_note,
    executedAt: d.executed_at,
    bankReference: d.bank_reference,
    ledgerIndex: d.ledger_index,
    version: d.version,
  };
}
