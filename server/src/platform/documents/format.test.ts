import { describe, expect, it } from 'vitest';
import { fenToChineseCapitals, formatDateZh, formatYuan, verificationUrl } from './format.js';

describe('fenToChineseCapitals', () => {
  // The worked examples of 《正确填写票据和结算凭证的基本规定》 (where it allows two forms, the one without
  // the optional 零 is what we write).
  it.each([
    [1_409_50, '壹仟肆佰零玖元伍角'],
    [6_007_14, '陆仟零柒元壹角肆分'],
    [1_680_32, '壹仟陆佰捌拾元叁角贰分'],
    [107_000_53, '壹拾万柒仟元伍角叁分'],
    [325_04, '叁佰贰拾伍元零肆分'],
  ])('%i fen → %s (official examples)', (fen, text) => {
    expect(fenToChineseCapitals(fen)).toBe(text);
  });

  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角'],
    [10_00, '壹拾元整'],
    [15_00, '壹拾伍元整'],
    [1_010_00, '壹仟零壹拾元整'],
    [100_500_00, '壹拾万零伍佰元整'],
    [1_000_000_00, '壹佰万元整'],
    [100_000_001_00, '壹亿零壹元整'],
    [123_456_789_01, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分'],
    [2_016_025_20, '贰佰零壹万陆仟零贰拾伍元贰角'],
    [-12_00, '负壹拾贰元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToChineseCapitals(fen)).toBe(text);
  });

  it('rejects fractions of a fen', () => {
    expect(() => fenToChineseCapitals(1.5)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_456_789, '1,234,567.89'],
    [100_000_00, '100,000.00'],
    [-5, '-0.05'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe('formatDateZh', () => {
  it('prints a calendar date as is', () => {
    expect(formatDateZh('2026-08-30')).toBe('2026年8月30日');
  });
  it('prints an instant as the date in China (UTC+8)', () => {
    expect(formatDateZh('2026-08-30T15:59:59Z')).toBe('2026年8月30日');
    expect(formatDateZh('2026-08-30T16:00:00Z')).toBe('2026年8月31日');
    expect(formatDateZh('2026-12-31T20:00:00+00:00')).toBe('2027年1月1日');
  });
  it('rejects what is not a date', () => {
    expect(() => formatDateZh('昨天')).toThrow(RangeError);
  });
});

describe('verificationUrl', () => {
  it('joins the public URL and the leaf index', () => {
    expect(verificationUrl('https://ys.example.cn/', 123)).toBe('https://ys.example.cn/verify?leaf=123');
    expect(verificationUrl('https://ys.example.cn/app', 0)).toBe('https://ys.example.cn/app/verify?leaf=0');
  });
  it('rejects a negative or fractional index', () => {
    expect(() => verificationUrl('https://ys.example.cn', -1)).toThrow(RangeError);
    expect(() => verificationUrl('https://ys.example.cn', 1.5)).toThrow(RangeError);
  });
});
