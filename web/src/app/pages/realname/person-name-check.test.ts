import { describe, expect, it } from 'vitest';
import { normalizePersonName } from '../../../../../server/src/platform/realname/person-name.js';
import { isPlausiblePersonName, normalizePersonNameInput } from './person-name-check.js';

describe('person name check', () => {
  it('accepts Han names, minority names with the middle dot and Latin names', () => {
    expect(isPlausiblePersonName('王小明')).toBe(true);
    expect(isPlausiblePersonName('阿依古丽•买买提')).toBe(true);
    expect(normalizePersonNameInput('阿依古丽•买买提')).toBe('阿依古丽·买买提');
    expect(isPlausiblePersonName('  Li  Wei ')).toBe(true);
  });

  it('refuses one character, digits and punctuation at the ends', () => {
    expect(isPlausiblePersonName('王')).toBe(false);
    expect(isPlausiblePersonName('王小明1')).toBe(false);
    expect(isPlausiblePersonName('·王小明')).toBe(false);
    expect(isPlausiblePersonName('王'.repeat(51))).toBe(false);
  });

  it('agrees with the server on the same inputs', () => {
    for (const s of ['王小明', '王', 'A', 'Ab', '阿依古丽.买买提', '张 三', '王小明!', 'Ｌｉ Ｗｅｉ', '王'.repeat(50), '王'.repeat(51), '']) {
      expect(isPlausiblePersonName(s)).toBe(normalizePersonName(s) !== null);
    }
  });
});
