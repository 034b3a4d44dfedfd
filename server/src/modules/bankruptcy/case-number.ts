/**
 * Court-style case numbers (案号), per the SPC Provisions on Case Numbers (法〔2015〕137号) Art. 3:
 * "(" + year + ")" + court code + type code + serial + "号", e.g. `(2026)闽0203破12号`.
 * - court code (法院代字): the province's one-character abbreviation, plus 2 digits for an intermediate court
 *   (闽02 = Xiamen Intermediate) and 4 for a basic court (闽0203 = Siming District);
 * - type code (类型代字): `破申` for the review of a bankruptcy application, `破` for the bankruptcy case;
 * - serial: the order of filing within the year, per court and type code (Art. 10), from 1.
 * The Provisions write the brackets as full-width "（）"; the project writes ASCII by default (as in the issue)
 * and accepts both when parsing.
 */
export type BankruptcyCaseType = '破申' | '破';

export interface CaseNumber {
  year: number;
  courtCode: string;
  typeCode: BankruptcyCaseType;
  serial: number;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const COURT_RE = new RegExp(`^[${PROVINCES}](?:\\d{2}|\\d{4})?$`);
const NUMBER_RE = new RegExp(`^[(（](\\d{4})[)）]([${PROVINCES}](?:\\d{4}|\\d{2})?)(破申|破)([1-9]\\d{0,6})号$`);

export function formatCaseNumber(n: CaseNumber, brackets: 'ascii' | 'fullWidth' = 'ascii'): string {
  if (!Number.isInteger(n.year) || n.year < 2000 || n.year > 2999) throw new RangeError(`bad year ${n.year}`);
  if (!COURT_RE.test(n.courtCode)) throw new RangeError(`bad court code ${n.courtCode}`);
  if (!Number.isInteger(n.serial) || n.serial < 1 || n.serial > 9_999_999) throw new RangeError(`bad serial ${n.serial}`);
  const [open, close] = brackets === 'ascii' ? ['(', ')'] : ['（', '）'];
  return `${open}${n.year}${close}${n.courtCode}${n.typeCode}${n.serial}号`;
}

export function parseCaseNumber(text: string): CaseNumber | null {
  const m = NUMBER_RE.exec(text.trim());
  if (!m) return null;
  return { year: Number(m[1]), courtCode: m[2]!, typeCode: m[3] as BankruptcyCaseType, serial: Number(m[4]) };
}
