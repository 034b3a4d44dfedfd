import type { Principal } from '../identity/index.js';
import type { Actor } from './process-definition.js';

/** The workflow actor for a signed-in user or an institution system (API key: its key id stands as the user). */
export function actorFromPrincipal(p: Pick<Principal, 'id' | 'userId' | 'roles' | 'organizationId' | 'displayName'>): Actor {
  return { userId: p.userId ?? p.id, roles: p.roles, organizationId: p.organizationId, name: p.displayName };
}
