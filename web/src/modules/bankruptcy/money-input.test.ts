import { describe, expect, it } from 'vitest';
import { percentText, yuanToFen } from './money-input.js';

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
