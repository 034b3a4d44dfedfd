import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, langOf, problemBody, type FieldError } from './problem.js';

/** Maps every error to RFC 9457 problem+json. Bad input never becomes a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, 'request rejected');
    return sendProblem(req, reply, problem);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(req, reply, new HttpProblem(404, 'not-found', `${req.method} ${req.url.split('?')[0]}`)),
  );
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: HttpProblem) {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(problem, langOf(req.headers['accept-language']), req.url.split('?')[0]));
}

function toProblem(error: FastifyError): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.map((v) => {
      const keys = (v.params as { keys?: string[] }).keys;
      const basePath = v.instancePath.split('/').filter(Boolean).join('.');
      // Unknown fields: name each one, so the client sees exactly what to remove.
      const path = v.keyword === 'unrecognized_keys' && keys?.length ? [basePath, keys.join(',')].filter(Boolean).join('.') : basePath;
      return { path: `${error.validationContext ?? 'body'}${path ? `.${path}` : ''}`, code: v.keyword, message: v.message ?? '' };
    });
    return new HttpProblem(400, 'validation-failed', undefined, errors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, 'malformed-json', error.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'body-too-large', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem(415, 'unsupported-media-type', error.message);
    case 'FST_REQ_FILE_TOO_LARGE':
      return new HttpProblem(413, 'file-too-large', error.message);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new HttpProblem(415, 'unsupported-media-type', error.message);
    default:
      break;
  }
  if (error.statusCode === 429) return new HttpProblem(429, 'rate-limited', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new HttpProblem(error.statusCode, error.statusCode === 404 ? 'not-found' : 'validation-failed', error.message);
  }
  return new HttpProblem(500, 'internal-error');
}
