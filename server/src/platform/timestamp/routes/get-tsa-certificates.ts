import type { AppContext, ZodApp } from '../../http/context.js';
import { getPkiForConfig } from '../../pki/platform-pki.js';

const PEM_CHAIN = 'application/pem-certificate-chain';

/**
 * `GET /ca.pem` — the CA certificates a verifier trusts for this authority (`openssl ts -verify -CAfile ca.pem`),
 * and `GET /tsa.pem` — the TSA certificate, for tokens requested without certReq (`-untrusted tsa.pem`).
 */
export function registerGetTsaCertificates(app: ZodApp, { config }: AppContext): void {
  app.get('/ca.pem', { schema: { tags: ['timestamp'], summary: '平台 CA 证书 Platform CA certificate (PEM)' } }, async (_req, reply) => {
    const pki = await getPkiForConfig(config);
    return reply.type(PEM_CHAIN).send(pki.caChain.map((c) => c.pem).join(''));
  });
  app.get('/tsa.pem', { schema: { tags: ['timestamp'], summary: '时间戳服务证书 TSA certificate (PEM)' } }, async (_req, reply) => {
    const pki = await getPkiForConfig(config);
    return reply.type(PEM_CHAIN).send(pki.tsa.certificate.pem);
  });
}
