/**
 * Formatting helpers for the text that goes into documents: dates as 2026年8月30日, money from integer fen,
 * and the amount in capitals (人民币大写) that contracts and distribution plans print beside the figures.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分 amount must be a whole number of fen: ${fen}`);
}

/** 0..9999 in capitals, without leading 零 and with one 零 for any run of inner zeros (1010 → 壹仟零壹拾). */
function fourDigits(value: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(value / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL_UNITS[pos]!;
  }
  return out;
}

function integerCapitals(value: number): string {
  if (value === 0) return '零';
  const groups: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
  let out = '';
  let gap = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) {
      if (out) gap = true;
      continue;
    }
    // A skipped group or a group under 1000 after a higher one leaves a zero to read out (100500 → 壹拾万零伍佰).
    if (out && (gap || v < 1000)) out += '零';
    out += fourDigits(v) + GROUP_UNITS[g]!;
    gap = false;
  }
  return out;
}

/**
 * 人民币大写 of an amount in fen, after the rules for filling in bills (《正确填写票据和结算凭证的基本规定》):
 * 壹拾 is written out, inner zeros read as one 零, 整 ends an amount in whole yuan, nothing follows 角
 * (1409.50 → 壹仟肆佰零玖元伍角), a zero 角 before fen is written 零 (325.04 → 叁佰贰拾伍元零肆分). Where the
 * rules allow a 零 or none (after a zero 元 digit), none is written.
 */
export function fenToChineseCapitals(fen: number): string {
  assertFen(fen);
  if (fen < 0) return `负${fenToChineseCapitals(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${integerCapitals(yuan)}元整`;
  let out = yuan > 0 ? `${integerCapitals(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}

/** 1234567 fen → `12,345.67` (yuan with thousands separators, always two decimals). */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `2026-08-30` → `2026年8月30日`. A full ISO instant is shown as the date in Asia/Shanghai (UTC+8 all year,
 * no daylight saving since 1991), so an instant late in the UTC day falls on the next Chinese date.
 */
export function formatDateZh(iso: string): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return `${Number(dateOnly[1])}年${Number(dateOnly[2])}月${Number(dateOnly[3])}日`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`无效日期 invalid date: ${iso}`);
  const local = new Date(ms + 8 * 3600 * 1000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** The public verification page for a ledger leaf, as printed in document QR codes. */
export function verificationUrl(publicUrl: string, leafIndex: number): string {
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0) throw new RangeError(`invalid leaf index ${leafIndex}`);
  return `${publicUrl.replace(/\/+$/, '')}/verify?leaf=${leafIndex}`;
}
