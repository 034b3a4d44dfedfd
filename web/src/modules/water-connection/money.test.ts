import { describe, expect, it } from 'vitest';
import { yuanToFen } from './money.js';

describe('yuanToFen', () => {
  it('converts yuan with up to two decimals to integer fen exactly', () => {
    expect(yuanToFen('1280')).toBe(128000);
    expect(yuanToFen('1,280.5')).toBe(128050);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen(' ¥3500.07 ')).toBe(350007);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('12.')).toBe(1200);
  });

  it('refuses what is not an amount in yuan', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('1e3')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
});
