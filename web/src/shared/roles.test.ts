import { describe, expect, it } from 'vitest';
import { hasAnyRole } from './roles.js';

describe('hasAnyRole', () => {
  const manager = { roles: ['water-connection.service-manager', 'enterprise-user'] };

  it('lets everyone through when no role is asked for', () => {
    expect(hasAnyRole(null, undefined)).toBe(true);
    expect(hasAnyRole(null, [])).toBe(true);
  });

  it('needs a signed-in user holding one of the roles', () => {
    expect(hasAnyRole(null, ['enterprise-user'])).toBe(false);
    expect(hasAnyRole(manager, ['platform-admin', 'enterprise-user'])).toBe(true);
    expect(hasAnyRole(manager, ['platform-admin'])).toBe(false);
  });

  it('matches module.* against any role of that module only', () => {
    expect(hasAnyRole(manager, ['water-connection.*'])).toBe(true);
    expect(hasAnyRole(manager, ['bankruptcy.*'])).toBe(false);
    // "water" is not the module "water-connection".
    expect(hasAnyRole({ roles: ['water-connection.applicant'] }, ['water.*'])).toBe(false);
  });

  it('does not treat platform-admin as every role', () => {
    expect(hasAnyRole({ roles: ['platform-admin'] }, ['bankruptcy.judge'])).toBe(false);
  });
});
