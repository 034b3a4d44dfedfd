import { describe, expect, it } from 'vitest';
import { challengeDeadline, formatRemaining, OTP_TTL_MS } from './code-countdown.js';

describe('one-time code countdown', () => {
  const received = Date.parse('2026-03-01T08:00:00.000Z');

  it('uses the server’s expiry when the clocks agree', () => {
    expect(challengeDeadline('2026-03-01T08:04:59.500Z', received)).toBe(Date.parse('2026-03-01T08:04:59.500Z'));
  });

  it('counts from arrival when the browser clock is far off', () => {
    // Browser 10 minutes ahead: the server's expiry is already "past".
    expect(challengeDeadline('2026-03-01T07:55:00.000Z', received)).toBe(received + OTP_TTL_MS);
    // Browser an hour behind: the code would seem to live 65 minutes.
    expect(challengeDeadline('2026-03-01T09:05:00.000Z', received)).toBe(received + OTP_TTL_MS);
    expect(challengeDeadline('not a date', received)).toBe(received + OTP_TTL_MS);
  });

  it('formats minutes and seconds, rounding up and never below zero', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(272_001)).toBe('4:33');
    expect(formatRemaining(9_000)).toBe('0:09');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-5_000)).toBe('0:00');
  });
});
