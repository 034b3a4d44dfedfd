import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { oidcSettings, parseAcrAssurance } from './realname.settings.js';
import { assuranceAtLeast } from './realname.types.js';

const config = (o: Parameters<typeof loadConfig>[0] = {}) => loadConfig({ dataDir: '/tmp/ys-realname-settings', ...o });

describe('real-name settings', () => {
  it('runs the local demo when no issuer is set', () => {
    expect(oidcSettings(config({ oidcIssuer: '' }), {})).toBeNull();
  });

  it('reads the OIDC settings with defaults, and keeps a path in the public URL', () => {
    const s = oidcSettings(config({ oidcIssuer: 'https://id.example.gov.cn', oidcClientId: 'c', oidcClientSecret: 's', publicUrl: 'https://ys.example.cn/portal/' }), {});
    expect(s).toEqual({
      issuer: 'https://id.example.gov.cn',
      clientId: 'c',
      clientSecret: 's',
      redirectUri: 'https://ys.example.cn/portal/api/v1/realname/oidc/callback',
      scope: 'openid profile',
      nameClaim: 'name',
      residentIdClaim: 'resident_id',
      assurance: 'substantial',
      acrAssurance: {},
    });
    const custom = oidcSettings(config({ oidcIssuer: 'https://id.example.gov.cn', oidcClientId: 'c' }), {
      YS_OIDC_NAME_CLAIM: 'xm',
      YS_OIDC_RESIDENT_ID_CLAIM: 'sfzh',
      YS_OIDC_ASSURANCE: 'high',
      YS_OIDC_ACR_ASSURANCE: 'urn:gov:face=high, urn:gov:pwd=substantial',
    });
    expect(custom).toMatchObject({ nameClaim: 'xm', residentIdClaim: 'sfzh', assurance: 'high', acrAssurance: { 'urn:gov:face': 'high', 'urn:gov:pwd': 'substantial' } });
  });

  it('refuses incomplete or wrong settings at start-up', () => {
    expect(() => oidcSettings(config({ oidcIssuer: 'https://id.example.gov.cn', oidcClientId: '' }), {})).toThrow(/YS_OIDC_CLIENT_ID/);
    expect(() => oidcSettings(config({ oidcIssuer: 'https://x', oidcClientId: 'c' }), { YS_OIDC_ASSURANCE: 'medium' })).toThrow(/YS_OIDC_ASSURANCE/);
    expect(() => parseAcrAssurance('urn:x=top')).toThrow(/YS_OIDC_ACR_ASSURANCE/);
    expect(() => parseAcrAssurance('=high')).toThrow(/YS_OIDC_ACR_ASSURANCE/);
  });

  it('compares assurance levels as a minimum', () => {
    expect(assuranceAtLeast('high', 'substantial')).toBe(true);
    expect(assuranceAtLeast('substantial', 'substantial')).toBe(true);
    expect(assuranceAtLeast('low', 'substantial')).toBe(false);
  });
});
