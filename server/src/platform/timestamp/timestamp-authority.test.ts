import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pki } from '../pki/load-pki.js';
import { algorithmIdentifierDer, octetString, sequence, smallInteger } from '../pki/der-writer.js';
import { OID } from '../pki/oids.js';
import { createTestPki, runTool, tempDir, writeTemp } from '../pki/pki.test-support.js';
import { createTimestampAuthority, type TimestampAuthority } from './timestamp-authority.js';

let pki: Pki;
let authority: TimestampAuthority;
let dir: string;
let caFile: string;
let tsaFile: string;
let dataFile: string;
let otherFile: string;

beforeAll(async () => {
  pki = await createTestPki();
  authority = createTimestampAuthority(pki.tsa);
  dir = tempDir('ys-tsa-');
  caFile = writeTemp('ca.pem', pki.ca.certificate.pem, dir);
  tsaFile = writeTemp('tsa.pem', pki.tsa.certificate.pem, dir);
  dataFile = writeTemp('contract.txt', '供水合同 water supply contract WS-20260830-0001\n', dir);
  otherFile = writeTemp('other.txt', '供水合同 water supply contract WS-20260830-0002\n', dir);
});

function openssl(...args: string[]) {
  return runTool('openssl', args);
}

/** Makes a query with the real `openssl ts -query`, answers it, and returns the reply's path. */
async function answer(name: string, queryArgs: string[]): Promise<string> {
  const query = join(dir, `${name}.tsq`);
  const made = openssl('ts', '-query', ...queryArgs, '-out', query);
  expect(made.status, made.output).toBe(0);
  const reply = await authority.respond(readFileSync(query));
  return writeTemp(`${name}.tsr`, reply, dir);
}

describe('RFC 3161 authority checked by openssl ts', () => {
  it('grants a SHA-256 query with nonce and certReq; the token verifies for that data only', async () => {
    const reply = await answer('sha256', ['-data', dataFile, '-sha256', '-cert']);
    const text = openssl('ts', '-reply', '-in', reply, '-text').output;
    expect(text).toContain('Status: Granted.');
    expect(text).toContain(`Policy OID: ${OID.tsaPolicy}`);
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(text).toContain('Accuracy: 0x01 seconds');

    expect(openssl('ts', '-verify', '-data', dataFile, '-in', reply, '-CAfile', caFile).output).toContain('Verification: OK');
    const other = openssl('ts', '-verify', '-data', otherFile, '-in', reply, '-CAfile', caFile);
    expect(other.output).toContain('Verification: FAILED');
    expect(other.output).toContain('message imprint mismatch');
  });

  it('grants SHA-384 and SHA-512 queries without nonce or certificate (then verified with -untrusted tsa.pem)', async () => {
    for (const digest of ['-sha384', '-sha512']) {
      const reply = await answer(`nonce-less${digest}`, ['-data', dataFile, digest, '-no_nonce']);
      expect(openssl('ts', '-verify', '-data', dataFile, '-in', reply, '-CAfile', caFile, '-untrusted', tsaFile).output).toContain('Verification: OK');
      expect(openssl('ts', '-verify', '-data', otherFile, '-in', reply, '-CAfile', caFile, '-untrusted', tsaFile).output).toContain('Verification: FAILED');
    }
  });

  it('does not verify against another CA', async () => {
    const reply = await answer('other-ca', ['-data', dataFile, '-sha256', '-cert']);
    const stranger = await createTestPki();
    const strangerCa = writeTemp('stranger.pem', stranger.ca.certificate.pem, dir);
    expect(openssl('ts', '-verify', '-data', dataFile, '-in', reply, '-CAfile', strangerCa).output).toContain('Verification: FAILED');
  });

  it('accepts a query naming its own policy and rejects another policy', async () => {
    const own = await answer('own-policy', ['-data', dataFile, '-sha256', '-tspolicy', OID.tsaPolicy]);
    expect(openssl('ts', '-reply', '-in', own, '-text').output).toContain('Status: Granted.');
    const foreign = await answer('foreign-policy', ['-data', dataFile, '-sha256', '-tspolicy', '1.2.3.4.1']);
    const text = openssl('ts', '-reply', '-in', foreign, '-text').output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: the requested TSA policy is not supported by the TSA');
  });

  it('rejects SHA-1 imprints as a bad algorithm', async () => {
    const reply = await answer('sha1', ['-data', dataFile, '-sha1']);
    const text = openssl('ts', '-reply', '-in', reply, '-text').output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: unrecognized or unsupported algorithm identifier');
  });

  it.each([
    ['random bytes', Buffer.from('d1f8a93b57c0e246', 'hex')],
    ['an empty body', Buffer.alloc(0)],
    ['a truncated query', null],
    ['a query with a trailing byte', 'trailing'],
  ])('answers %s with a rejection/badDataFormat reply', async (_label, body) => {
    const valid = readFileSync(join(dir, 'sha256.tsq'));
    const query = body === null ? valid.subarray(0, valid.length - 5)
      : body === 'trailing' ? Buffer.concat([valid, Buffer.from([0])])
        : body;
    const reply = writeTemp('bad.tsr', await authority.respond(query as Buffer), dir);
    const text = openssl('ts', '-reply', '-in', reply, '-text').output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: the data submitted has the wrong format');
  });

  it('rejects a digest whose length does not match its algorithm', async () => {
    // openssl refuses to build such a query, so it is written by hand: SHA-512 named, 32 bytes given.
    const query = sequence(smallInteger(1), sequence(algorithmIdentifierDer(OID.sha512), octetString(createHash('sha256').update('x').digest())));
    const reply = writeTemp('wl.tsr', await authority.respond(query), dir);
    const text = openssl('ts', '-reply', '-in', reply, '-text').output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: the data submitted has the wrong format');
  });

  it('refuses to sign once the TSA certificate has expired', async () => {
    const late = createTimestampAuthority(pki.tsa, { now: () => new Date(pki.tsa.certificate.notAfter.getTime() + 1000) });
    const reply = await late.respond(readFileSync(join(dir, 'sha256.tsq')));
    const text = openssl('ts', '-reply', '-in', writeTemp('late.tsr', reply, dir), '-text').output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('Failure info: the request cannot be handled due to system failure');
  });

  it('never throws and always answers a well-formed TimeStampResp, whatever the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const reply = await authority.respond(bytes);
        const parsed = asn1js.fromBER(new Uint8Array(reply).buffer);
        expect(parsed.offset).toBe(reply.length);
        const status = ((parsed.result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Integer;
        expect(status.valueBlock.valueDec).toBe(2);
      }),
      { numRuns: 300 },
    );
  });
});
