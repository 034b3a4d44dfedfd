/**
 * The first place two JSON values differ, walking `expected` in order: the verifier reports one precise
 * difference ("selection[12].assignments[0].inspectors[1]: expected X, found Y") rather than a bare "mismatch".
 */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function firstDifference(expected: unknown, actual: unknown, path = ''): Difference | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return { path, expected: 'array', actual: typeof actual };
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(expected[i], actual[i], join(path, i));
      if (d) return d;
    }
    if (expected.length !== actual.length) {
      const i = n;
      return { path: join(path, i), expected: i < expected.length ? expected[i] : '(none)', actual: i < actual.length ? actual[i] : '(none)' };
    }
    return undefined;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return { path, expected: 'object', actual: actual === null ? 'null' : typeof actual };
    for (const key of Object.keys(expected)) {
      const d = firstDifference(expected[key], actual[key], join(path, key));
      if (d) return d;
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) return { path: join(path, key), expected: '(none)', actual: actual[key] };
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : { path, expected, actual };
}
