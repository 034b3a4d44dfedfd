import type { Pki } from '../pki/load-pki.js';
import { getPlatformPki } from '../pki/platform-pki.js';
import { createTimestampAuthority, type TimestampAuthority } from './timestamp-authority.js';

const authorities = new WeakMap<Pki, TimestampAuthority>();

/** The built-in authority of a PKI (one per PKI, so the hot path builds nothing). */
export function timestampAuthorityFor(pki: Pki): TimestampAuthority {
  let authority = authorities.get(pki);
  if (!authority) {
    authority = createTimestampAuthority(pki.tsa);
    authorities.set(pki, authority);
  }
  return authority;
}

export async function getPlatformTimestampAuthority(): Promise<TimestampAuthority> {
  return timestampAuthorityFor(await getPlatformPki());
}
