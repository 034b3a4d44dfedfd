import { describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { LocalRealNameProvider, LOCAL_DEMO_LABEL } from './local.provider.js';
import { createMemoryChallengeStore } from './challenge.store.js';
import { isRealNameProblem } from './realname.errors.js';
import { HttpProblem } from '../http/problem.js';
import { withResidentIdCheckChar } from '../identity/resident-id.js';
import type { RealNameLogger } from './realname.types.js';

function setup(start = new Date('2026-03-02T02:00:00.000Z')) {
  const lines: { obj: Record<string, unknown>; msg: string }[] = [];
  const logger: RealNameLogger = { info: (obj, msg) => lines.push({ obj, msg }), warn: (obj, msg) => lines.push({ obj, msg }) };
  const store = createMemoryChallengeStore();
  const piiKey = randomBytes(32);
  let now = start;
  const provider = new LocalRealNameProvider({ store, piiKey, logger, clock: () => now });
  /** The code as an operator reads it from the server log. */
  const codeFromLog = (challengeId: string) => {
    const line = lines.find((l) => l.obj.challengeId === challengeId && /one-time code \d{6}/.test(l.msg));
    return /one-time code (\d{6})/.exec(line!.msg)![1]!;
  };
  return { provider, store, piiKey, lines, codeFromLog, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

describe('local demo real-name provider', () => {
  it('says plainly that it is a demo, not a government service', () => {
    const { provider } = setup();
    expect(provider.info).toEqual({ id: 'local-demo', label: LOCAL_DEMO_LABEL, isDemo: true, flow: 'otp' });
    expect(LOCAL_DEMO_LABEL).toBe('本地演示实名认证 (Local demo real-name verification — not a government service)');
  });

  it('verifies name and resident ID with the one-time code from the log, at assurance low', async () => {
    const { provider, store, piiKey, lines, codeFromLog } = setup();
    const started = await provider.start('u1', { name: '张三', residentId: '11010519491231002x' });
    expect(started.residentIdMasked).toBe('1101**********002X');
    expect(started.expiresAt).toBe('2026-03-02T02:05:00.000Z');
    const claims = await provider.confirm('u1', { challengeId: started.challengeId, code: codeFromLog(started.challengeId) });
    expect(claims).toEqual({
      name: '张三',
      residentId: { masked: '1101**********002X', hash: createHmac('sha256', piiKey).update('11010519491231002X').digest('hex') },
      assurance: 'low',
      providerId: 'local-demo',
      verifiedAt: '2026-03-02T02:00:00.000Z',
    });
    // Neither the log nor the stored challenge holds the resident ID or the code in clear.
    const everything = JSON.stringify(lines) + JSON.stringify(store.all());
    expect(everything.toUpperCase()).not.toContain('11010519491231002X');
    expect(JSON.stringify(store.all())).not.toContain(codeFromLog(started.challengeId));
  });

  it('refuses a resident ID with a wrong check character or an impossible birth date, naming the field', async () => {
    const { provider, store } = setup();
    const bad = async (residentId: string, name = '张三') => provider.start('u1', { name, residentId }).catch((e: unknown) => e as HttpProblem);
    const check = await bad('110105194912310021');
    expect(isRealNameProblem(check, 'invalid-resident-id')).toBe(true);
    expect((check as HttpProblem).errors).toEqual([expect.objectContaining({ path: 'body.residentId', code: 'resident-id-check-char' })]);
    // 1949-02-30 does not exist; the check character is made valid so only the date is wrong.
    const feb30 = await bad(withResidentIdCheckChar('11010519490230002'));
    expect((feb30 as HttpProblem).errors?.[0]?.code).toBe('resident-id-birth-date');
    // A birth date after "today" (2026-03-02).
    const future = await bad(withResidentIdCheckChar('11010520270101001'));
    expect((future as HttpProblem).errors?.[0]?.code).toBe('resident-id-birth-date');
    const both = await bad('1101051949', '张');
    expect((both as HttpProblem).errors?.map((e) => e.path).sort()).toEqual(['body.name', 'body.residentId']);
    const name = await bad('11010519491231002X', '张3');
    expect(isRealNameProblem(name, 'realname-invalid-name')).toBe(true);
    expect(store.all()).toHaveLength(0);
  });

  it('allows 5 guesses in all, then refuses even the right code', async () => {
    const { provider, codeFromLog } = setup();
    const { challengeId } = await provider.start('u1', { name: '张三', residentId: '440524188001010014' });
    const code = codeFromLog(challengeId);
    for (let left = 4; left >= 1; left--) {
      const err = await provider.confirm('u1', { challengeId, code: wrong(code) }).catch((e: unknown) => e as HttpProblem);
      expect(isRealNameProblem(err, 'realname-code-mismatch')).toBe(true);
      expect((err as HttpProblem).extra).toEqual({ attemptsLeft: left });
    }
    await expect(provider.confirm('u1', { challengeId, code: wrong(code) })).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-attempts-exhausted'));
    await expect(provider.confirm('u1', { challengeId, code })).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-attempts-exhausted'));
  });

  it('accepts the right code on the fifth guess', async () => {
    const { provider, codeFromLog } = setup();
    const { challengeId } = await provider.start('u1', { name: '张三', residentId: '440524188001010014' });
    const code = codeFromLog(challengeId);
    for (let i = 0; i < 4; i++) await provider.confirm('u1', { challengeId, code: wrong(code) }).catch(() => undefined);
    await expect(provider.confirm('u1', { challengeId, code })).resolves.toMatchObject({ assurance: 'low' });
  });

  it('expires after 5 minutes', async () => {
    const { provider, codeFromLog, advance } = setup();
    const { challengeId } = await provider.start('u1', { name: '张三', residentId: '440524188001010014' });
    const code = codeFromLog(challengeId);
    advance(5 * 60 * 1000);
    await expect(provider.confirm('u1', { challengeId, code })).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-challenge-expired'));
  });

  it('works just before expiry', async () => {
    const { provider, codeFromLog, advance } = setup();
    const { challengeId } = await provider.start('u1', { name: '张三', residentId: '440524188001010014' });
    advance(5 * 60 * 1000 - 1);
    await expect(provider.confirm('u1', { challengeId, code: codeFromLog(challengeId) })).resolves.toMatchObject({ name: '张三' });
  });

  it('is single use and bound to the user who started it', async () => {
    const { provider, codeFromLog } = setup();
    const { challengeId } = await provider.start('u1', { name: '张三', residentId: '440524188001010014' });
    const code = codeFromLog(challengeId);
    await expect(provider.confirm('u2', { challengeId, code })).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-challenge-not-found'));
    await provider.confirm('u1', { challengeId, code });
    await expect(provider.confirm('u1', { challengeId, code })).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-challenge-used'));
    await expect(provider.confirm('u1', { challengeId: 'rnc_nope', code })).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-challenge-not-found'));
  });

  it('lets at most 5 concurrent guesses through', async () => {
    const { provider, codeFromLog, store } = setup();
    const { challengeId } = await provider.start('u1', { name: '张三', residentId: '440524188001010014' });
    const code = codeFromLog(challengeId);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => provider.confirm('u1', { challengeId, code: wrong(code) })));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as HttpProblem).code : 'ok'));
    expect(codes.filter((c) => c === 'realname-code-mismatch' || c === 'realname-attempts-exhausted').length).toBe(12);
    expect(store.all()[0]!.attempts).toBe(5);
  });
});
