import { toCalendarDate } from '../../platform/calendar/index.js';
import type { FundMovementRow } from './fund.table.js';

/** One line of a bank statement, amounts in fen. */
export interface StatementLine {
  line: number;
  date: string;
  direction: 'in' | 'out';
  amountFen: bigint;
  counterparty: string;
  reference: string;
  purpose: string;
}

export interface StatementError {
  line: number;
  code: string;
  message: string;
}

/** "1,234.56" yuan → 123456 fen, exactly (string arithmetic; a float would turn 0.29 into 28 fen). */
export function yuanToFen(text: string): bigint | null {
  const t = text.replace(/[,\s¥￥]/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** Splits one CSV line, honouring double quotes ("a,b" stays one field; "" is a quote). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const HEADERS: Record<string, keyof Omit<StatementLine, 'line' | 'amountFen'> | 'amount'> = {
  date: 'date',
  日期: 'date',
  交易日期: 'date',
  direction: 'direction',
  收支: 'direction',
  amount: 'amount',
  金额: 'amount',
  counterparty: 'counterparty',
  对方户名: 'counterparty',
  reference: 'reference',
  流水号: 'reference',
  purpose: 'purpose',
  摘要: 'purpose',
};

function isRealDate(text: string): boolean {
  try {
    return toCalendarDate(text) === text;
  } catch {
    return false;
  }
}

/**
 * Parses a statement CSV with a header row: date (YYYY-MM-DD), direction (in/out or 收/支), amount in yuan
 * (up to two decimals), counterparty, reference, purpose. Headers in English or Chinese.
 */
export function parseStatementCsv(csv: string): { ok: true; lines: StatementLine[] } | { ok: false; errors: StatementError[] } {
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, code: 'empty', message: '空文件 (empty statement)' }] };
  const header = splitCsvLine(rows[0]!).map((h) => HEADERS[h.toLowerCase()] ?? HEADERS[h]);
  for (const need of ['date', 'direction', 'amount'] as const) {
    if (!header.includes(need)) return { ok: false, errors: [{ line: 1, code: 'missing-column', message: `缺少列 missing column: ${need}` }] };
  }
  const lines: StatementLine[] = [];
  const errors: StatementError[] = [];
  rows.slice(1).forEach((raw, i) => {
    const line = i + 2;
    const cells = splitCsvLine(raw);
    const get = (k: string) => cells[header.indexOf(k as never)] ?? '';
    const date = get('date');
    const dir = get('direction').toLowerCase();
    const amount = yuanToFen(get('amount'));
    const direction = dir === 'in' || dir === '收' || dir === '收入' ? 'in' : dir === 'out' || dir === '支' || dir === '支出' ? 'out' : null;
    if (!isRealDate(date)) errors.push({ line, code: 'invalid-date', message: `日期无效 invalid date: ${date}` });
    else if (!direction) errors.push({ line, code: 'invalid-direction', message: `收支方向无效 invalid direction: ${dir}` });
    else if (amount === null || amount === 0n) errors.push({ line, code: 'invalid-amount', message: `金额无效 invalid amount: ${get('amount')}` });
    else lines.push({ line, date, direction, amountFen: amount, counterparty: get('counterparty'), reference: get('reference'), purpose: get('purpose') });
  });
  return errors.length ? { ok: false, errors } : { ok: true, lines };
}

/**
 * Matches statement lines to recorded, unreconciled movements: same direction and amount, and the same bank
 * reference when both have one, else the same date. Each movement matches at most one line, first come.
 */
export function reconcile(lines: StatementLine[], movements: FundMovementRow[]) {
  const unused = new Set(movements.map((m) => m.id));
  const matched: { line: number; movementId: string }[] = [];
  const unmatchedLines: StatementLine[] = [];
  for (const l of lines) {
    const m = movements.find(
      (mv) =>
        unused.has(mv.id) &&
        mv.direction === l.direction &&
        BigInt(mv.amount_fen) === l.amountFen &&
        (l.reference && mv.bank_reference ? mv.bank_reference === l.reference : mv.occurred_on === l.date),
    );
    if (m) {
      unused.delete(m.id);
      matched.push({ line: l.line, movementId: m.id });
    } else unmatchedLines.push(l);
  }
  return { matched, unmatchedLines, unmatchedMovements: movements.filter((m) => unused.has(m.id)) };
}
