import type { OrganizationKind } from './roles.js';

/** Who is calling: a signed-in user, or an institution system with an API key. */
export interface Principal {
  kind: 'user' | 'api-key';
  /** user id or API key id */
  id: string;
  userId: string | null;
  username: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  roles: ReadonlySet<string>;
  permissions: ReadonlySet<string>;
  /** API keys only: modules the key may call. */
  scopes: readonly string[] | null;
  /** Cookie sessions need a CSRF token on state-changing requests; API keys do not. */
  csrfToken: string | null;
}
