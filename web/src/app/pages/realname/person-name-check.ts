/**
 * The name as printed on a resident ID card, checked the way the server does
 * (server/src/platform/realname/person-name.ts): Han characters or Latin letters, the middle dot of
 * transcribed minority names (阿依古丽·买买提), 2–50 characters.
 */
const NAME = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ·]{0,48}[\p{Script=Han}A-Za-z]$/u;

export function normalizePersonNameInput(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[•・．.]/g, '·');
}

export function isPlausiblePersonName(raw: string): boolean {
  return NAME.test(normalizePersonNameInput(raw));
}
