import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuePersonEventCertificate } from './event-certificate.js';
import { deriveKeyPassphrase, loadPki, pkiOptionsFromConfig } from './load-pki.js';
import { createTestPki, runTool, TEST_KEY_PASSPHRASE, tempDir, writeTemp } from './pki.test-support.js';

function openssl(...args: string[]) {
  return runTool('openssl', args);
}

describe('platform CA on first start', () => {
  it('generates the CA into <dataDir>/pki with an encrypted, owner-only key, and reloads it later', async () => {
    const first = await createTestPki();
    expect(first.source).toBe('generated');
    const caDir = join(first.dataDir, 'pki', 'ca');
    const keyPem = readFileSync(join(caDir, 'ca-key.pem'), 'utf8');
    expect(keyPem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(statSync(join(caDir, 'ca-key.pem')).mode & 0o777).toBe(0o600);

    // OpenSSL reads the key with the passphrase, and it is the key of the certificate.
    const pub = openssl('pkey', '-in', join(caDir, 'ca-key.pem'), '-passin', `pass:${TEST_KEY_PASSPHRASE}`, '-pubout');
    expect(pub.status).toBe(0);
    expect(pub.output.trim()).toBe(createPublicKey(readFileSync(join(caDir, 'ca-cert.pem'))).export({ type: 'spki', format: 'pem' }).toString().trim());

    const text = openssl('x509', '-in', join(caDir, 'ca-cert.pem'), '-noout', '-text');
    expect(text.output).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text.output).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);

    const again = await loadPki({ dataDir: first.dataDir, keyPassphrase: TEST_KEY_PASSPHRASE });
    expect(again.source).toBe('data-dir');
    expect(again.ca.certificate.sha256).toBe(first.ca.certificate.sha256);
    expect(again.tsa.certificate.sha256).toBe(first.tsa.certificate.sha256);
  });

  it('refuses a wrong key passphrase instead of generating a new CA', async () => {
    const pki = await createTestPki();
    await expect(loadPki({ dataDir: pki.dataDir, keyPassphrase: 'wrong' })).rejects.toThrow(/无法解密私钥文件/);
  });

  it('creates exactly one CA when several processes start together', async () => {
    const dataDir = tempDir();
    const loads = await Promise.all([1, 2, 3, 4].map(() => loadPki({ dataDir, keyPassphrase: TEST_KEY_PASSPHRASE })));
    expect(new Set(loads.map((p) => p.ca.certificate.sha256)).size).toBe(1);
    expect(new Set(loads.map((p) => p.tsa.certificate.sha256)).size).toBe(1);
    expect(loads.filter((p) => p.source === 'generated')).toHaveLength(1);
    expect(readdirSync(join(dataDir, 'pki')).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('issues a TSA certificate OpenSSL accepts for time stamping (critical EKU timeStamping)', async () => {
    const pki = await createTestPki();
    const ca = writeTemp('ca.pem', pki.ca.certificate.pem);
    const tsa = writeTemp('tsa.pem', pki.tsa.certificate.pem);
    expect(openssl('verify', '-CAfile', ca, '-purpose', 'timestampsign', tsa).output).toContain('OK');
    expect(openssl('x509', '-in', tsa, '-noout', '-text').output).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
  });

  it('replaces the TSA certificate shortly before it expires', async () => {
    const pki = await createTestPki();
    const soon = new Date(pki.tsa.certificate.notAfter.getTime() - 10 * 86_400_000);
    const later = await loadPki({ dataDir: pki.dataDir, keyPassphrase: TEST_KEY_PASSPHRASE, now: () => soon });
    expect(later.ca.certificate.sha256).toBe(pki.ca.certificate.sha256);
    expect(later.tsa.certificate.sha256).not.toBe(pki.tsa.certificate.sha256);
    expect(later.tsa.certificate.notAfter.getTime()).toBeGreaterThan(soon.getTime() + 365 * 86_400_000);
  });
});

describe('CA from a PKCS#12 file (YS_CA_P12)', () => {
  function makeCa(dir: string, keyArgs: string[], subject: string, extra: string[] = []): { key: string; cert: string } {
    const key = join(dir, `${subject.replace(/\W/g, '')}-key.pem`);
    const cert = join(dir, `${subject.replace(/\W/g, '')}-cert.pem`);
    const result = openssl('req', '-x509', '-nodes', ...keyArgs, '-keyout', key, '-out', cert, '-subj', subject, '-days', '30',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', ...extra);
    expect(result.status, result.output).toBe(0);
    return { key, cert };
  }

  it.each([
    ['RSA, OpenSSL 3 default encryption (AES-256, PBKDF2), Chinese password', ['-newkey', 'rsa:2048'], [] as string[], '秘密pw'],
    ['RSA, OpenSSL 3 default encryption, ASCII password', ['-newkey', 'rsa:2048'], [] as string[], 'ascii-pw'],
    ['EC P-256, legacy 3DES/RC2 encryption, Chinese password', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['-legacy'], '秘密pw'],
  ])('loads %s and issues certificates under it', async (_label, keyArgs, exportArgs, password) => {
    const dir = tempDir();
    const ca = makeCa(dir, keyArgs, '/C=CN/O=Test/CN=Test Issuing CA');
    const p12 = join(dir, 'ca.p12');
    const exported = openssl('pkcs12', '-export', ...exportArgs, '-inkey', ca.key, '-in', ca.cert, '-out', p12, '-passout', `pass:${password}`);
    expect(exported.status, exported.output).toBe(0);

    const pki = await createTestPki({ pkcs12: { path: p12, password } });
    expect(pki.source).toBe('pkcs12');
    expect(existsSync(join(pki.dataDir, 'pki', 'ca'))).toBe(false);
    expect(openssl('verify', '-CAfile', ca.cert, '-purpose', 'timestampsign', writeTemp('tsa.pem', pki.tsa.certificate.pem)).output).toContain('OK');
    const person = await issuePersonEventCertificate(pki, { name: '李四', residentIdMasked: '3502**********123X' });
    expect(openssl('verify', '-CAfile', ca.cert, writeTemp('p.pem', person.certificate.pem)).output).toContain('OK');
  });

  it('puts the issuing CA and its root into the chain', async () => {
    const dir = tempDir();
    const root = makeCa(dir, ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], '/CN=Test Root');
    const csr = join(dir, 'int.csr');
    const intKey = join(dir, 'int-key.pem');
    expect(openssl('req', '-new', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', intKey, '-out', csr, '-subj', '/CN=Test Intermediate').status).toBe(0);
    const ext = writeTemp('ext.cnf', 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n', dir);
    const intCert = join(dir, 'int-cert.pem');
    expect(openssl('x509', '-req', '-in', csr, '-CA', root.cert, '-CAkey', root.key, '-CAcreateserial', '-out', intCert, '-days', '30', '-extfile', ext).status).toBe(0);
    const p12 = join(dir, 'int.p12');
    expect(openssl('pkcs12', '-export', '-inkey', intKey, '-in', intCert, '-certfile', root.cert, '-out', p12, '-passout', 'pass:pw').status).toBe(0);

    const pki = await createTestPki({ pkcs12: { path: p12, password: 'pw' } });
    expect(pki.caChain.map((c) => c.subject)).toEqual(['CN=Test Intermediate', 'CN=Test Root']);
    const tsa = writeTemp('tsa.pem', pki.tsa.certificate.pem);
    expect(openssl('verify', '-CAfile', root.cert, '-untrusted', intCert, '-purpose', 'timestampsign', tsa).output).toContain('OK');
  });

  it('rejects a wrong password and a certificate that is not a CA', async () => {
    const dir = tempDir();
    const ca = makeCa(dir, ['-newkey', 'rsa:2048'], '/CN=CA');
    const p12 = join(dir, 'ca.p12');
    openssl('pkcs12', '-export', '-inkey', ca.key, '-in', ca.cert, '-out', p12, '-passout', 'pass:right');
    await expect(createTestPki({ pkcs12: { path: p12, password: 'wrong' } })).rejects.toThrow(/PKCS#12/);

    const leafKey = join(dir, 'leaf-key.pem');
    const leafCert = join(dir, 'leaf.pem');
    openssl('req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-keyout', leafKey, '-out', leafCert, '-subj', '/CN=leaf', '-days', '3',
      '-addext', 'basicConstraints=critical,CA:FALSE');
    const leafP12 = join(dir, 'leaf.p12');
    openssl('pkcs12', '-export', '-inkey', leafKey, '-in', leafCert, '-out', leafP12, '-passout', 'pass:pw');
    await expect(createTestPki({ pkcs12: { path: leafP12, password: 'pw' } })).rejects.toThrow(/不是 CA 证书/);
  });

  it('reads YS_CA_P12 and YS_CA_P12_PASSWORD from the environment, and insists on both', () => {
    const config = { dataDir: '/srv/data', piiKey: Buffer.alloc(32, 7) };
    expect(pkiOptionsFromConfig(config, { YS_CA_P12: '/etc/ca.p12', YS_CA_P12_PASSWORD: 'x' }).pkcs12).toEqual({ path: '/etc/ca.p12', password: 'x' });
    expect(pkiOptionsFromConfig(config, {}).pkcs12).toBeUndefined();
    expect(() => pkiOptionsFromConfig(config, { YS_CA_P12: '/etc/ca.p12' })).toThrow(/YS_CA_P12_PASSWORD/);
    expect(deriveKeyPassphrase(config.piiKey)).toBe(pkiOptionsFromConfig(config, {}).keyPassphrase);
    expect(deriveKeyPassphrase(Buffer.alloc(32, 8))).not.toBe(deriveKeyPassphrase(config.piiKey));
  });
});

describe('key files', () => {
  it('cannot be read without the passphrase', async () => {
    const pki = await createTestPki();
    const tsaDir = readdirSync(join(pki.dataDir, 'pki')).find((n) => n.startsWith('tsa-'))!;
    const pem = readFileSync(join(pki.dataDir, 'pki', tsaDir, 'tsa-key.pem'), 'utf8');
    expect(() => createPrivateKey({ key: pem, format: 'pem', passphrase: 'nope' })).toThrow();
    expect(createPrivateKey({ key: pem, format: 'pem', passphrase: TEST_KEY_PASSPHRASE }).asymmetricKeyType).toBe('ec');
  });
});
