/**
 * Domain errors of the draw. They carry the HTTP status and a stable code so a route can turn them into
 * problem+json without the service knowing about HTTP.
 */
export interface DrawFieldError {
  path: string;
  code: string;
  message: string;
}

export class DrawError extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly code: string,
    message: string,
    readonly errors: DrawFieldError[] = [],
  ) {
    super(message);
    this.name = 'DrawError';
  }
}

/** The draw was asked for before the committed public random value was known (409). */
export function randomValueNotAvailable(detail: string): DrawError {
  return new DrawError(409, 'random-value-not-available', `随机数尚未公布，不能抽取 / random value not yet available: ${detail}`);
}

export function invalidDrawInput(errors: DrawFieldError[]): DrawError {
  const first = errors[0];
  return new DrawError(422, 'invalid-draw-input', `抽取参数有误 / invalid draw input${first ? `: ${first.path} ${first.message}` : ''}`, errors);
}
