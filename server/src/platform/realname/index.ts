/**
 * Real-name verification (实名认证). The only import surface for other code:
 * - `realNameRoutes` for `/api/v1/realname` (register in server/src/routes.ts);
 * - `getVerifiedIdentity(db, userId)` → `{ name, residentIdMasked, residentIdHash, assurance, provider, verifiedAt } | null`;
 * - `assuranceAtLeast` to require a level; `hashResidentId` to match a person by the same keyed hash;
 * - the face-verification adapter contract and its clearly labelled local stand-in.
 */
export { realNameRoutes } from './realname.routes.js';
export { getVerifiedIdentity, type VerifiedIdentity } from './realname.service.js';
export { assuranceAtLeast, type Assurance, type ProviderInfo, type ProtectedResidentId } from './realname.types.js';
export { hashResidentId, protectResidentId } from './resident-id-hash.js';
export { LOCAL_DEMO_LABEL, LOCAL_DEMO_INFO } from './local.provider.js';
export { realNameProblems, type RealNameProblemCode } from './realname.errors.js';
export {
  LocalFaceStandIn,
  LOCAL_FACE_STAND_IN_INFO,
  type FaceVerificationProvider,
  type FaceVerificationResult,
  type FaceVerificationSubject,
  type FaceSessionStart,
} from './face.provider.js';
export { createDbChallengeStore } from './realname.repository.js';
