import { yuanToFen } from '../money-input.js';

type T = (zh: string, en: string) => string;

/** An amount typed in yuan: at most two decimals, and more than zero unless `allowZero`. */
export const yuanRule = (t: T, required = true, allowZero = false) => ({
  required,
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return required ? Promise.reject(new Error(t('请填写金额', 'Enter an amount'))) : Promise.resolve();
    const fen = yuanToFen(v);
    if (fen === null) return Promise.reject(new Error(t('金额格式：元，最多两位小数', 'Yuan with at most two decimals')));
    if (fen === 0 && !allowZero) return Promise.reject(new Error(t('金额须大于零', 'Must be more than zero')));
    return Promise.resolve();
  },
});

/** A calendar date as the API takes it. */
export const dateRule = (t: T, required = true) => ({
  required,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  message: t('日期格式 YYYY-MM-DD', 'Date as YYYY-MM-DD'),
});

/** Today in Asia/Shanghai as YYYY-MM-DD, the default for dates the user records. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
