export { HttpProblem, badRequest, notFound, forbidden, conflict, unprocessable, problemTitles, langOf, type FieldError, type Lang } from './problem.js';
export { sendProblem } from './error-handler.js';
export type { AppContext, RoutePlugin, ZodApp } from './context.js';
export { ZProblem, problemResponses } from './schemas.js';
