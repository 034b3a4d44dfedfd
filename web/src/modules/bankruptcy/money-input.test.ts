import { describe, expect, it } from 'vitest';
import { percentText, premiumRateBp, yuanToFen } from './money-input.js';

describe('yuan typed by people', () => {
  it('becomes exact fen', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1,280.5')).toBe(128_050);
    expect(yuanToFen('¥3 000')).toBe(300_000);
    expect(yuanToFen('12')).toBe(1_200);
  });
  it('refuses more than two decimals, negatives and text', () => {
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });
  it('shows shares as truncated percentages', () => {
    expect(percentText(2, 3)).toBe('66.66%');
    expect(percentText(1, 2)).toBe('50.00%');
    expect(percentText(1, 0)).toBe('—');
  });
});

describe('premiumRateBp', () => {
  it('rounds half away from zero in basis points', () => {
    expect(premiumRateBp(1_000_000, 1_250_000)).toBe(2_500);
    expect(premiumRateBp(30_000, 30_001)).toBe(0); // 0.333 bp
    expect(premiumRateBp(20_000, 20_001)).toBe(1); // 0.5 bp → 1
    expect(premiumRateBp(20_000, 19_999)).toBe(-1); // −0.5 bp → −1
    expect(premiumRateBp(0, 5)).toBeNull();
  });
});
