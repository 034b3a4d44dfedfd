import { LOCAL_DEMO_INFO } from './local.provider.js';
import type { VerifiedIdentity } from './realname.service.js';

/** The API view: masked ID only; the keyed hash stays inside the server for matching. */
export function presentVerification(v: VerifiedIdentity | null) {
  if (!v) return null;
  return {
    name: v.name,
    residentIdMasked: v.residentIdMasked,
    assurance: v.assurance,
    provider: v.provider,
    isDemo: v.provider === LOCAL_DEMO_INFO.id,
    verifiedAt: v.verifiedAt,
  };
}
