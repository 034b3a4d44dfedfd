import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/index.js';
import { OIDC_TRANSACTION_TTL_MS } from '../oidc.provider.js';

/**
 * Which pending authorization belongs to this browser. The value is only an id: state, nonce and verifier
 * stay in the database, tied to the user. SameSite=Lax still reaches the callback, which is a top-level
 * GET navigation from the provider; the path keeps it away from every other request.
 */
export const OIDC_TX_COOKIE = 'ys_realname_oidc';
const path = '/api/v1/realname/oidc';

export function setOidcTransactionCookie(reply: FastifyReply, config: Config, transactionId: string): void {
  reply.setCookie(OIDC_TX_COOKIE, transactionId, {
    path,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: OIDC_TRANSACTION_TTL_MS / 1000,
  });
}

export function clearOidcTransactionCookie(reply: FastifyReply): void {
  reply.clearCookie(OIDC_TX_COOKIE, { path });
}
