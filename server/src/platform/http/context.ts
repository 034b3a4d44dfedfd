import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/index.js';
import type { Config } from '../config/index.js';

/** What every route plugin receives besides the Fastify scope. */
export interface AppContext {
  db: Db;
  config: Config;
}

export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * A route plugin: `export const ledgerRoutes: RoutePlugin = async (app, ctx) => { app.get('/checkpoint', …) }`,
 * registered in app.ts under a prefix such as `/api/v1/ledger`.
 */
export type RoutePlugin = (app: ZodApp, ctx: AppContext) => Promise<void>;
