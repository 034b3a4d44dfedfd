import type { AppContext, ZodApp } from '../../http/context.js';
import { getPkiForConfig } from '../../pki/platform-pki.js';
import { timestampAuthorityFor } from '../platform-authority.js';

/**
 * `POST /` — RFC 3161 §3.4 over HTTP: an `application/timestamp-query` body in, an `application/timestamp-reply`
 * out. A malformed or unsupported query is still answered 200 with a TimeStampResp whose status is rejection and
 * whose failInfo names the reason (badDataFormat, badAlg, unacceptedPolicy, unacceptedExtension).
 */
export function registerPostTimestampQuery(app: ZodApp, { config }: AppContext): void {
  app.post('/', {
    schema: {
      tags: ['timestamp'],
      summary: '申请可信时间戳 Request an RFC 3161 timestamp',
      description: '请求体为 DER 编码的 TimeStampReq（application/timestamp-query），响应为 TimeStampResp（application/timestamp-reply）。'
        + ' Body: DER TimeStampReq; reply: DER TimeStampResp. Hash algorithms: SHA-256/384/512, SHA3, SM3.',
      consumes: ['application/timestamp-query'],
    },
    config: { rateLimit: { max: config.rateLimitPublicPerMinute, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const query = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const pki = await getPkiForConfig(config);
    const answer = await timestampAuthorityFor(pki).respond(query);
    return reply.code(200).type('application/timestamp-reply').header('cache-control', 'no-store').send(answer);
  });
}
