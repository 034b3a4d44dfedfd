import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { LocalFaceStandIn, type FaceVerificationProvider } from './face.provider.js';
import { LocalRealNameProvider } from './local.provider.js';
import { createMemoryChallengeStore } from './challenge.store.js';
import { isRealNameProblem } from './realname.errors.js';
import type { RealNameLogger } from './realname.types.js';

describe('local face-verification stand-in', () => {
  const lines: string[] = [];
  const logger: RealNameLogger = { info: (_o, msg) => lines.push(msg), warn: (_o, msg) => lines.push(msg) };
  const store = createMemoryChallengeStore();
  const piiKey = randomBytes(32);
  const face: FaceVerificationProvider = new LocalFaceStandIn({ store, piiKey, logger });
  const codeOf = () => /one-time code (\d{6})/.exec(lines.at(-1)!)![1]!;

  it('is labelled as a demo that checks no face, and always asks for a one-time code', async () => {
    expect(face.info.isDemo).toBe(true);
    expect(face.info.label).toContain('no face is checked');
    const start = await face.start({ userId: 'u1', name: '张三', residentId: '11010519491231002X' }, { returnUrl: '/x' });
    expect(start.kind).toBe('otp');
    expect(lines.at(-1)).toContain('人脸识别替代');
    const result = await face.complete('u1', start.sessionId, { code: codeOf() });
    expect(result).toMatchObject({ passed: true, assurance: 'low', providerId: 'local-demo-face', residentId: { masked: '1101**********002X' } });
  });

  it('refuses without the code, and a real-name challenge cannot be used as a face session', async () => {
    const start = await face.start({ userId: 'u1', name: '张三', residentId: '11010519491231002X' }, { returnUrl: '/x' });
    await expect(face.complete('u1', start.sessionId, {})).rejects.toSatisfy((e) => isRealNameProblem(e, 'realname-code-mismatch'));
    const realname = new LocalRealNameProvider({ store, piiKey, logger });
    const other = await realname.start('u1', { name: '张三', residentId: '11010519491231002X' });
    await expect(face.complete('u1', other.challengeId, { code: codeOf() })).rejects.toSatisfy((e) =>
      isRealNameProblem(e, 'realname-challenge-not-found'),
    );
  });
});
