import { currentLang } from './i18n.js';

/**
 * Display formats shared by every page. Money arrives as integer fen, rates as basis points, times as ISO UTC
 * strings; people in Fujian read them in yuan, percent and Asia/Shanghai time.
 */

const TZ = 'Asia/Shanghai';

function locale(): string {
  return currentLang() === 'en' ? 'en-GB' : 'zh-CN';
}

/** 123456 fen → "¥1,234.56". Integer arithmetic, so no float rounding on the way. */
export function formatFen(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const n = BigInt(fen);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const yuan = (abs / 100n).toLocaleString('en-US');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}

/** 35 bp → "0.35%". */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(bp));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** ISO UTC → "2026-08-30 14:05" in Beijing time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** ISO date or date-time → "2026-08-30" in Beijing time. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return formatDateTime(iso).slice(0, 10);
}

/** "3 分钟前" / "3 minutes ago" for recent times, the date otherwise. */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const diff = (now.getTime() - new Date(iso).getTime()) / 1000;
  if (Number.isNaN(diff)) return iso;
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (diff < 60) return rtf.format(0, 'second');
  if (diff < 3600) return rtf.format(-Math.floor(diff / 60), 'minute');
  if (diff < 86400) return rtf.format(-Math.floor(diff / 3600), 'hour');
  if (diff < 7 * 86400) return rtf.format(-Math.floor(diff / 86400), 'day');
  return formatDate(iso);
}
