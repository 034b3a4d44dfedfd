import { describe, expect, it } from 'vitest';
import { normalizePersonName } from './person-name.js';

describe('normalizePersonName', () => {
  it('accepts Han names, including ethnic-minority names with the middle dot', () => {
    expect(normalizePersonName(' 张三 ')).toBe('张三');
    expect(normalizePersonName('阿依古丽•买买提')).toBe('阿依古丽·买买提');
    expect(normalizePersonName('ＬＩ Ｍｉｎｇ')).toBe('LI Ming');
  });

  it('refuses what cannot be a name', () => {
    expect(normalizePersonName('张')).toBeNull();
    expect(normalizePersonName('张3')).toBeNull();
    expect(normalizePersonName('<script>')).toBeNull();
    expect(normalizePersonName('·张三')).toBeNull();
    expect(normalizePersonName('张'.repeat(51))).toBeNull();
  });
});
