import { v7 as uuidv7 } from 'uuid';

/** Opaque public ids: UUIDv7 (time-ordered, not guessable as a sequence), optionally prefixed by kind. */
export function newId(prefix?: string): string {
  return prefix ? `${prefix}_${uuidv7()}` : uuidv7();
}
