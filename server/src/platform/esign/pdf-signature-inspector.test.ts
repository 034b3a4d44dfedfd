import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pki } from '../pki/load-pki.js';
import { createTestPki } from '../pki/pki.test-support.js';
import { makeTestPdf } from './esign.test-support.js';
import { inspectPdfSignatures } from './pdf-signature-inspector.js';
import { signPdfAsOrganization, signPdfAsPerson } from './sign-pdf.js';

let pki: Pki;
let signedOnce: Buffer;
let signedTwice: Buffer;
beforeAll(async () => {
  pki = await createTestPki();
  const first = await signPdfAsPerson(await makeTestPdf(), { name: '张三', residentIdMasked: '3501**********1234', reason: '申请人签名', location: '福建省泉州市' }, { pki });
  signedOnce = first.pdf;
  signedTwice = (await signPdfAsOrganization(first.pdf, { organizationName: '泉州市自来水有限公司', uscc: '91350100M000100Y43' }, { pki })).pdf;
});

describe('inspectPdfSignatures', () => {
  it('reports every signature, its signer, coverage, trust and timestamp', async () => {
    const reports = await inspectPdfSignatures(signedTwice, { trustedIssuers: [pki.ca.certificate] });
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.intact)).toEqual([true, true]);
    expect(reports.map((r) => r.coversWholeDocument)).toEqual([false, true]);
    expect(reports.map((r) => r.subFilter)).toEqual(['ETSI.CAdES.detached', 'ETSI.CAdES.detached']);
    expect(reports[0]!.signer?.subject).toBe('C=CN, CN=张三, description=3501**********1234');
    expect(reports[0]!.name).toBe('张三');
    expect(reports[0]!.reason).toBe('申请人签名');
    expect(reports[0]!.location).toBe('福建省泉州市');
    expect(reports[0]!.claimedSigningTime).toMatch(/^D:\d{14}\+08'00'$/);
    expect(reports.every((r) => r.issuedByTrustedCa && r.timestamp?.valid && r.timestamp.tsaIssuedByTrustedCa)).toBe(true);

    const stranger = await createTestPki();
    const untrusted = await inspectPdfSignatures(signedTwice, { trustedIssuers: [stranger.ca.certificate] });
    expect(untrusted.map((r) => [r.intact, r.issuedByTrustedCa])).toEqual([[true, false], [true, false]]);
  });

  it('finds any changed byte inside a signed range', async () => {
    const [, b1, c1] = (await inspectPdfSignatures(signedTwice))[0]!.byteRange as [number, number, number, number];
    const [, b2, c2] = (await inspectPdfSignatures(signedTwice))[1]!.byteRange as [number, number, number, number];
    const signedByBoth = (i: number) => i < b1 || (i >= c1 && i < signedOnce.length);
    const signedBySecond = (i: number) => i < b2 || i >= c2;

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: signedTwice.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        fc.pre(signedBySecond(at));
        const tampered = Buffer.from(signedTwice);
        tampered[at] = tampered[at]! ^ mask;
        let reports;
        try {
          reports = await inspectPdfSignatures(tampered);
        } catch {
          return; // the change broke the file's structure: nothing verifies, which is also detection
        }
        // Something must be caught: a signature that no longer verifies, or one that is no longer found at all.
        expect(reports.length < 2 || reports.some((r) => !r.intact)).toBe(true);
        for (const report of reports) {
          if (report.fieldName === 'Signature2' || signedByBoth(at)) expect(report.intact).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});
