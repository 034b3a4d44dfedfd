import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pki } from '../pki/load-pki.js';
import { createTestPki, runTool, writeTemp } from '../pki/pki.test-support.js';
import { createTimestampAuthority } from './timestamp-authority.js';
import { requestTimestamp } from './timestamp-client.js';
import { verifyTimestampToken } from './timestamp-token.js';

let pki: Pki;
let outside: Pki;
let server: Server;
let url: string;
let mode: 'ok' | 'reject' | 'http-error' = 'ok';

beforeAll(async () => {
  pki = await createTestPki();
  outside = await createTestPki();
  const outsideAuthority = createTimestampAuthority(outside.tsa);
  // A stand-in for an outside RFC 3161 service over HTTP (RFC 3161 §3.4).
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (mode === 'http-error' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(500).end();
        return;
      }
      const reply = await outsideAuthority.respond(mode === 'reject' ? Buffer.from('nonsense') : Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const digestOf = (text: string) => createHash('sha256').update(text).digest();

describe('requestTimestamp', () => {
  it('uses the built-in authority and returns a token openssl verifies for that digest', async () => {
    const digest = digestOf('营业执照 evidence');
    const result = await requestTimestamp(digest, { pki });
    expect(result.authority).toBe('built-in');
    expect(result.hashedMessage).toBe(digest.toString('hex'));
    expect(result.tsaCertificate.sha256).toBe(pki.tsa.certificate.sha256);
    expect(Math.abs(result.genTime.getTime() - Date.now())).toBeLessThan(60_000);

    const token = writeTemp('token.der', result.token);
    const ca = writeTemp('ca.pem', pki.ca.certificate.pem);
    const ok = runTool('openssl', ['ts', '-verify', '-digest', digest.toString('hex'), '-in', token, '-token_in', '-CAfile', ca]);
    expect(ok.output).toContain('Verification: OK');
    const wrong = runTool('openssl', ['ts', '-verify', '-digest', digestOf('other').toString('hex'), '-in', token, '-token_in', '-CAfile', ca]);
    expect(wrong.output).toContain('Verification: FAILED');
  });

  it('uses the outside authority when a URL is configured (YS_TSA_URL)', async () => {
    const digest = digestOf('outside');
    const saved = process.env.YS_TSA_URL;
    process.env.YS_TSA_URL = url;
    try {
      const result = await requestTimestamp(digest);
      expect(result.authority).toBe(url);
      expect(result.tsaCertificate.sha256).toBe(outside.tsa.certificate.sha256);
      expect(result.hashedMessage).toBe(digest.toString('hex'));
    } finally {
      if (saved === undefined) delete process.env.YS_TSA_URL;
      else process.env.YS_TSA_URL = saved;
    }
  });

  it('reports a refusal with the authority status and failure reason', async () => {
    mode = 'reject';
    try {
      await expect(requestTimestamp(digestOf('x'), { tsaUrl: url })).rejects.toThrow(/status 2: badDataFormat/);
    } finally {
      mode = 'ok';
    }
  });

  it('reports an HTTP failure of the outside authority', async () => {
    mode = 'http-error';
    try {
      await expect(requestTimestamp(digestOf('x'), { tsaUrl: url })).rejects.toThrow(/HTTP 500/);
    } finally {
      mode = 'ok';
    }
  });

  it('refuses digests that are not SHA-256/384/512 sized', async () => {
    await expect(requestTimestamp(Buffer.alloc(20), { pki })).rejects.toThrow(/32\/48\/64/);
  });
});

describe('verifyTimestampToken', () => {
  it('detects a changed token, a wrong digest and an untrusted TSA', async () => {
    const digest = digestOf('token');
    const { token } = await requestTimestamp(digest, { pki });
    expect(verifyTimestampToken(token, { digest, trustedIssuers: [pki.ca.certificate] }).hashedMessage).toBe(digest.toString('hex'));

    const tampered = Buffer.from(token);
    const at = tampered.indexOf(digest);
    tampered[at] = tampered[at]! ^ 0x01;
    expect(() => verifyTimestampToken(tampered)).toThrow(/签名无效/);
    expect(() => verifyTimestampToken(token, { digest: digestOf('other') })).toThrow(/摘要不符/);
    expect(() => verifyTimestampToken(token, { trustedIssuers: [outside.ca.certificate] })).toThrow(/不受信任/);
  });
});
