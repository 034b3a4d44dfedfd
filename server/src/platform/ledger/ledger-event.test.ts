import { describe, expect, it } from 'vitest';
import { buildLeafEvent, decodeLeafEvent, encodeLeafEvent, LedgerEventError } from './ledger-event.js';

const sha = 'a'.repeat(64);

describe('ledger leaf events', () => {
  it('encodes as RFC 8785 canonical JSON: sorted keys, no spaces, ES number form', () => {
    const leaf = {
      ...buildLeafEvent(
        { type: 'bankruptcy.claim.filed', subject: 'CL-1', data: { z: 1e21, amountFen: 1500, a: '债权' }, documentSha256: sha },
        '2026-03-01T02:00:00.000Z',
      ),
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA==',
    };
    expect(encodeLeafEvent(leaf).toString('utf8')).toBe(
      '{"data":{"a":"债权","amountFen":1500,"z":1e+21},"documentSha256":"' +
        sha +
        '","nonce":"AAAAAAAAAAAAAAAAAAAAAA==","recordedAt":"2026-03-01T02:00:00.000Z","subject":"CL-1","type":"bankruptcy.claim.filed","v":1}',
    );
  });

  it('gives every leaf a fresh nonce, so equal events have different hashes', () => {
    const e = { type: 'vote.cast', subject: 'M-1', data: { choice: 'yes' } };
    expect(buildLeafEvent(e).nonce).not.toBe(buildLeafEvent(e).nonce);
  });

  it('decodes what it encodes and refuses bytes that are not canonical', () => {
    const leaf = buildLeafEvent({ type: 'consent.given', subject: 'U-1', data: { scope: ['tax'] } });
    const bytes = encodeLeafEvent(leaf);
    expect(decodeLeafEvent(bytes)).toEqual(leaf);
    const spaced = Buffer.from(JSON.stringify(leaf, null, 1));
    expect(() => decodeLeafEvent(spaced)).toThrow(/not canonical/);
  });

  it('rejects invalid input', () => {
    const ok = { type: 'a.b', subject: 's', data: {} };
    expect(() => buildLeafEvent({ ...ok, type: 'Has Space' })).toThrow(LedgerEventError);
    expect(() => buildLeafEvent({ ...ok, subject: '' })).toThrow(LedgerEventError);
    expect(() => buildLeafEvent({ ...ok, documentSha256: 'ABC' })).toThrow(LedgerEventError);
    expect(() => encodeLeafEvent(buildLeafEvent({ ...ok, data: { x: Number.NaN } }))).toThrow(LedgerEventError);
  });
});
