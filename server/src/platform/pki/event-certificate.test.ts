import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueOrganizationSealCertificate, issuePersonEventCertificate } from './event-certificate.js';
import type { Pki } from './load-pki.js';
import { createTestPki, runTool, writeTemp } from './pki.test-support.js';

let pki: Pki;
let caFile: string;
beforeAll(async () => {
  pki = await createTestPki();
  caFile = writeTemp('ca.pem', pki.ca.certificate.pem);
});

function x509Text(pem: string): string {
  return runTool('openssl', ['x509', '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus', '-in', writeTemp('c.pem', pem)]).output;
}

describe('person event certificates', () => {
  it('names the verified person with the masked resident ID, for document signing, and chains to the CA', async () => {
    const now = new Date();
    const { certificate, privateKey, chain } = await issuePersonEventCertificate(pki, { name: '张三', residentIdMasked: '3501**********1234' }, { now });
    expect(certificate.subject).toBe('C=CN, CN=张三, description=3501**********1234');
    expect(chain.map((c) => c.sha256)).toEqual([pki.ca.certificate.sha256]);

    const text = x509Text(certificate.pem);
    expect(text).toContain('Subject: C=CN,CN=张三,description=3501**********1234');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toMatch(/Extended Key Usage:\s+1\.3\.6\.1\.5\.5\.7\.3\.36, E-mail Protection/);
    // PDF readers validate signer certificates for the S/MIME signing purpose.
    expect(runTool('openssl', ['verify', '-CAfile', caFile, '-purpose', 'smimesign', writeTemp('p.pem', certificate.pem)]).output).toContain(': OK');

    // Short-lived: a few minutes of clock slack before, one hour after.
    expect(certificate.notBefore.getTime()).toBeLessThan(now.getTime());
    expect(certificate.notAfter.getTime() - now.getTime()).toBeLessThanOrEqual(60 * 60_000);
    expect(certificate.notAfter.getTime() - now.getTime()).toBeGreaterThan(30 * 60_000);

    // The one-time key cannot be exported, so it can never be stored or handed over.
    expect(privateKey.extractable).toBe(false);
    await expect(webcrypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();
  });

  it('uses a fresh key and serial number for every signing', async () => {
    const a = await issuePersonEventCertificate(pki, { name: '张三', residentIdMasked: '3501**********1234' });
    const b = await issuePersonEventCertificate(pki, { name: '张三', residentIdMasked: '3501**********1234' });
    expect(a.certificate.serialNumber).not.toBe(b.certificate.serialNumber);
    expect(a.certificate.publicKey.export({ format: 'der', type: 'spki' })).not.toEqual(b.certificate.publicKey.export({ format: 'der', type: 'spki' }));
  });

  it.each([
    ['a full resident ID (PIPL: never in a certificate)', '350102199001011234'],
    ['a partly masked ID', '350102**********34'],
    ['letters', 'abcd**********1234'],
    ['an empty value', ''],
  ])('refuses %s', async (_label, residentIdMasked) => {
    await expect(issuePersonEventCertificate(pki, { name: '张三', residentIdMasked })).rejects.toThrow(/脱敏/);
  });

  it('accepts a masked 15-digit legacy ID and a check character X', async () => {
    await expect(issuePersonEventCertificate(pki, { name: '王五', residentIdMasked: '3501*******1234' })).resolves.toBeDefined();
    await expect(issuePersonEventCertificate(pki, { name: '王五', residentIdMasked: '3501**********123X' })).resolves.toBeDefined();
  });

  it('refuses an empty name or control characters in it', async () => {
    await expect(issuePersonEventCertificate(pki, { name: '  ', residentIdMasked: '3501**********1234' })).rejects.toThrow(/姓名/);
    await expect(issuePersonEventCertificate(pki, { name: '张\u0000三', residentIdMasked: '3501**********1234' })).rejects.toThrow(/姓名/);
  });
});

describe('organization seal certificates', () => {
  it('names the organization and its USCC', async () => {
    const { certificate } = await issueOrganizationSealCertificate(pki, { organizationName: '宁德时代新能源科技股份有限公司', uscc: '91350900587527783P' });
    expect(certificate.subject).toBe('C=CN, O=宁德时代新能源科技股份有限公司, CN=宁德时代新能源科技股份有限公司, serialNumber=91350900587527783P');
    expect(x509Text(certificate.pem)).toContain('serialNumber=91350900587527783P');
    expect(runTool('openssl', ['verify', '-CAfile', caFile, '-purpose', 'smimesign', writeTemp('o.pem', certificate.pem)]).output).toContain(': OK');
  });

  it('refuses a USCC with a wrong check character (GB 32100-2015)', async () => {
    await expect(issueOrganizationSealCertificate(pki, { organizationName: '某公司', uscc: '91350100M000100Y4Z' })).rejects.toThrow(/统一社会信用代码/);
  });
});
