import { describe, expect, it } from 'vitest';
import { parseStatementCsv, reconcile, yuanToFen } from './bank-statement.js';
import type { FundMovementRow } from './fund.table.js';

describe('bank statement import', () => {
  it('turns yuan text into exact fen', () => {
    expect(yuanToFen('0.29')).toBe(29n);
    expect(yuanToFen('1,234.5')).toBe(123450n);
    expect(yuanToFen('¥100')).toBe(10000n);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
  });

  it('parses Chinese headers, quoted fields, and reports bad lines', () => {
    const ok = parseStatementCsv('\uFEFF交易日期,收支,金额,对方户名,流水号,摘要\n2026-05-06,收,"1,000.00","厦门某拍卖有限公司",TX001,房产拍卖款\n2026-05-07,支,20.5,某律师事务所,TX002,"评估费,首期"\n');
    expect(ok).toEqual({
      ok: true,
      lines: [
        { line: 2, date: '2026-05-06', direction: 'in', amountFen: 100000n, counterparty: '厦门某拍卖有限公司', reference: 'TX001', purpose: '房产拍卖款' },
        { line: 3, date: '2026-05-07', direction: 'out', amountFen: 2050n, counterparty: '某律师事务所', reference: 'TX002', purpose: '评估费,首期' },
      ],
    });
    const bad = parseStatementCsv('date,direction,amount\n2026-13-01,in,5\n2026-05-01,sideways,5\n2026-05-01,in,0\n');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'invalid-date'],
      [3, 'invalid-direction'],
      [4, 'invalid-amount'],
    ]);
    expect(parseStatementCsv('foo,bar\n1,2').ok).toBe(false);
  });

  it('matches by direction, amount and reference (or date), each movement once', () => {
    const mv = (id: string, direction: 'in' | 'out', amount: number, on: string, ref: string | null): FundMovementRow => ({
      id,
      case_id: 'c',
      direction,
      amount_fen: amount,
      occurred_on: on,
      counterparty: '',
      purpose: '',
      source: 'manual',
      bank_reference: ref,
      disbursement_id: null,
      reconciled: 0,
      created_at: '',
    });
    const parsed = parseStatementCsv('date,direction,amount,reference\n2026-05-06,in,10.00,R1\n2026-05-06,in,10.00,\n2026-05-08,out,3.00,\n');
    if (!parsed.ok) throw new Error('parse');
    const r = reconcile(parsed.lines, [mv('a', 'in', 1000, '2026-05-01', 'R1'), mv('b', 'in', 1000, '2026-05-06', null), mv('c', 'out', 300, '2026-05-09', null)]);
    expect(r.matched).toEqual([
      { line: 2, movementId: 'a' },
      { line: 3, movementId: 'b' },
    ]);
    expect(r.unmatchedLines.map((l) => l.line)).toEqual([4]);
    expect(r.unmatchedMovements.map((m) => m.id)).toEqual(['c']);
  });
});
