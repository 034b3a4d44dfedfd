import { maskResidentId } from '../identity/resident-id.js';
import { matchHash } from '../identity/pii.js';
import type { ProtectedResidentId } from './realname.types.js';

/**
 * The keyed hash every module uses to match a resident ID without storing it: HMAC-SHA256 with
 * `config.piiKey` over the 18 ASCII characters (check character upper-case), lowercase hex. A plain SHA-256
 * would not do: there are only about 10^11 valid IDs, so an unkeyed hash is reversed by enumeration. It is
 * the identity service's `matchHash`, so it equals `users.resident_id_hash` for the same person.
 */
export function hashResidentId(residentId: string, piiKey: Buffer): string {
  return matchHash(piiKey, normalizeResidentId(residentId));
}

/** People type the check character in either case; GB 11643 writes it as a capital X. */
export function normalizeResidentId(residentId: string): string {
  return residentId.trim().toUpperCase();
}

export function protectResidentId(residentId: string, piiKey: Buffer): ProtectedResidentId {
  const id = normalizeResidentId(residentId);
  return { masked: maskResidentId(id), hash: hashResidentId(id, piiKey) };
}
