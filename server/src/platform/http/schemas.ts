import { z } from 'zod';

/** The RFC 9457 body, for OpenAPI. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('stable error code'),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
}).loose();

/** Common error responses to spread into a route's `response` schema. */
export const problemResponses = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  404: ZProblem,
  409: ZProblem,
  422: ZProblem,
} as const;
