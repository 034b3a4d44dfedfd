/**
 * A person's name as printed on a resident ID card: Han characters, with the middle dot used in transcribed
 * names of ethnic minorities (e.g. 阿依古丽·买买提); Latin letters and spaces are allowed for the rare card that
 * carries them. Returns the normalized name, or null when it cannot be a name.
 */
const NAME = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ·]{0,48}[\p{Script=Han}A-Za-z]$/u;

export function normalizePersonName(raw: string): string | null {
  // NFKC folds full-width letters and spaces; the different dots people type become the standard U+00B7.
  const name = raw.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[•・．.]/g, '·');
  return NAME.test(name) ? name : null;
}
