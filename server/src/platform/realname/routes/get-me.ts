import type { ZodApp, AppContext } from '../../http/context.js';
import { problemResponses } from '../../http/schemas.js';
import { ZVerificationResponse } from '../realname.schemas.js';
import { getVerifiedIdentity } from '../realname.service.js';
import { presentVerification } from '../realname.presenter.js';
import { requireUser } from './require-user.js';

export function registerGetMe(app: ZodApp, { db }: AppContext): void {
  app.get('/me', {
    schema: {
      tags: ['realname'],
      summary: '本人最近一次实名认证 My latest real-name verification',
      response: { 200: ZVerificationResponse, ...problemResponses },
    },
  }, async (req) => {
    const { userId } = requireUser(req);
    return { verification: presentVerification(await getVerifiedIdentity(db, userId)) };
  });
}
