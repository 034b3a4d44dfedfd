import type { ZodApp, AppContext } from '../../http/context.js';
import { problemResponses, ZProblem } from '../../http/schemas.js';
import { ZLocalStartRequest, ZLocalStartResponse } from '../realname.schemas.js';
import { startLocalVerification } from '../realname.service.js';
import type { RealNameRuntime } from '../realname.runtime.js';
import { requireUser } from './require-user.js';

export function registerPostLocalStart(app: ZodApp, { db, config }: AppContext, rt: RealNameRuntime): void {
  app.post('/local/start', {
    config: { rateLimit: { max: config.rateLimitLoginPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['realname'],
      summary: '本地演示实名认证：提交姓名和身份证号码 Local demo: submit name and resident ID',
      description: 'Checks the resident ID (GB 11643-1999 check character, birth date) and writes a 6-digit one-time code, valid 5 minutes, to the server log.',
      body: ZLocalStartRequest,
      response: { 201: ZLocalStartResponse, ...problemResponses, 429: ZProblem },
    },
  }, async (req, reply) => {
    const { userId } = requireUser(req);
    const issued = await startLocalVerification(db, rt, userId, req.body);
    return reply.code(201).send({ ...issued, codeDelivery: 'server-log' as const });
  });
}
