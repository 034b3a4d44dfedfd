import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it('keeps paths of this site with their query and hash', () => {
    expect(safeReturnTo('/water-connection/applications/wc_1?tab=contract#sign')).toBe('/water-connection/applications/wc_1?tab=contract#sign');
    expect(safeReturnTo('/')).toBe('/');
    // Percent-encoded characters stay encoded: the router reads them as part of one path on this site.
    expect(safeReturnTo('/%0a/x')).toBe('/%0a/x');
  });

  it('refuses other sites, however spelled', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'evil.example',
      ' /water-connection',
      '',
      null,
      undefined,
    ]) {
      expect(safeReturnTo(bad)).toBeNull();
    }
  });

  it('refuses the API and this page itself', () => {
    expect(safeReturnTo('/api/v1/realname/oidc/start')).toBeNull();
    expect(safeReturnTo('/api')).toBeNull();
    expect(safeReturnTo('/realname?returnTo=/realname')).toBeNull();
    expect(safeReturnTo('/apiary')).toBe('/apiary');
  });

  it('normalizes dot segments before deciding', () => {
    expect(safeReturnTo('/water/../api/v1/x')).toBeNull();
    expect(safeReturnTo('/a/./b/../c')).toBe('/a/c');
  });
});
