import { describe, expect, it } from 'vitest';
import { mayCreditorsRequestMeeting } from './meeting-request.js';

describe('Art. 62 ¶2 creditors asking for a meeting', () => {
  it('allows exactly one quarter of the total claims and refuses one fen less', () => {
    expect(mayCreditorsRequestMeeting(250n, 1_000n)).toBe(true);
    expect(mayCreditorsRequestMeeting(249n, 1_000n)).toBe(false);
    expect(mayCreditorsRequestMeeting(25n, 99n)).toBe(true); // 25 × 4 = 100 ≥ 99
    expect(mayCreditorsRequestMeeting(24n, 99n)).toBe(false);
  });
  it('refuses nonsense input', () => {
    expect(() => mayCreditorsRequestMeeting(5n, 0n)).toThrow();
    expect(() => mayCreditorsRequestMeeting(6n, 5n)).toThrow();
  });
});
