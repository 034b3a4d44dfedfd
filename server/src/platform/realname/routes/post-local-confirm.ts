import type { ZodApp, AppContext } from '../../http/context.js';
import { problemResponses, ZProblem } from '../../http/schemas.js';
import { ZLocalConfirmRequest, ZVerificationResponse } from '../realname.schemas.js';
import { confirmLocalVerification } from '../realname.service.js';
import { presentVerification } from '../realname.presenter.js';
import type { RealNameRuntime } from '../realname.runtime.js';
import { requireUser } from './require-user.js';

export function registerPostLocalConfirm(app: ZodApp, { db, config }: AppContext, rt: RealNameRuntime): void {
  app.post('/local/confirm', {
    config: { rateLimit: { max: config.rateLimitLoginPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['realname'],
      summary: '本地演示实名认证：提交验证码 Local demo: confirm the one-time code',
      description: '5 guesses per code in all; `attemptsLeft` is returned with `realname-code-mismatch`.',
      body: ZLocalConfirmRequest,
      response: { 200: ZVerificationResponse, ...problemResponses, 429: ZProblem },
    },
  }, async (req) => {
    const { userId, ctx } = requireUser(req);
    return { verification: presentVerification(await confirmLocalVerification(db, rt, userId, req.body, ctx)) };
  });
}
