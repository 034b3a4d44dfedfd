/**
 * Composition root: builds Fastify, registers the platform plugins, then each module's routes.
 * Nothing here holds state another process needs: sessions, idempotency, ledger order live in the database.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config/index.js';
import type { Db } from './platform/db/index.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { registerObservability } from './platform/http/observability.js';
import type { AppContext, RoutePlugin } from './platform/http/context.js';
import { registerAuth } from './platform/identity/auth.plugin.js';
import { registerAuditHook } from './platform/audit/index.js';
import { routePlugins } from './routes.js';

/** The project root (the folder with package.json), whether running from server/src or from dist/. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const webDist = join(projectRoot(), 'web', 'dist');

export interface BuildAppOptions {
  db: Db;
  config: Config;
  logger?: boolean | object;
}

export async function buildApp({ db, config, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      // Personal data never reaches the logs: these fields are censored wherever they appear.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', '*.residentId', '*.phone', '*.password'],
        censor: '[masked]',
      },
    },
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: true,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  registerErrorHandling(app);
  // JSON (and multipart, below) only; anything else is 415. Routes that take another type (RFC 3161 queries)
  // add their own parser in their scope.
  app.removeContentTypeParser('text/plain');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        // Only force HTTPS where we are served over it: a plain-HTTP intranet deployment must still work.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '营商 Yingshang API',
        version: '1.0.0',
        description:
          'One-stop enterprise service platform. Errors are RFC 9457 application/problem+json with a stable `code` ' +
          '(zh-CN titles by default, English with `Accept-Language: en`). POSTs that create records honour `Idempotency-Key`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ys_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'ys_… institution API key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerObservability(app, db);
  registerAuth(app, db, config);
  registerIdempotency(app, db);
  registerAuditHook(app, db);

  const ctx: AppContext = { db, config };
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const [prefix, plugin] of routePlugins as [string, RoutePlugin][]) {
    await typed.register(async (scope) => plugin(scope.withTypeProvider<ZodTypeProvider>(), ctx), { prefix });
  }

  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // Single-page app: any non-API path that is not a file gets index.html.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
