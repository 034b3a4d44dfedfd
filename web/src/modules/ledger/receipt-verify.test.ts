import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { canonicalize, fromBase64, hashLeaf, toBase64, verifyConsistency, verifyReceipt, type LedgerReceipt } from './receipt-verify.js';

/**
 * The browser verifier, run in Node's WebCrypto. The receipt is built here from first principles (node:crypto),
 * independently of the server code; the C2SP example key and RFC 6962 vectors pin the formats.
 */
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHash = (s: string) => sha(Buffer.from([0]), Buffer.from(s));
const node = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);

function makeReceipt() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const name = 'test.example/ledger';
  const typed = Buffer.concat([Buffer.from([1]), pub]);
  const keyId = sha(Buffer.from(`${name}\n`), typed).subarray(0, 4);
  const vkey = `${name}+${keyId.toString('hex')}+${typed.toString('base64')}`;
  const document = Buffer.from('合同 PDF bytes');
  const leaves = [0, 1, 2].map((i) =>
    canonicalize({ v: 1, type: 'contract.signed', subject: `HT-${i}`, data: { i }, documentSha256: sha(i === 1 ? document : Buffer.from(`d${i}`)).toString('hex'), recordedAt: '2026-03-01T00:00:00.000Z', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==' }),
  );
  const h = leaves.map(leafHash);
  const root3 = node(node(h[0], h[1]), h[2]);
  const root2 = node(h[0], h[1]);
  const text = `${name}\n3\n${root3.toString('base64')}\n`;
  const sig = sign(null, Buffer.from(text), privateKey);
  const checkpoint = `${text}\n— ${name} ${Buffer.concat([keyId, sig]).toString('base64')}\n`;
  const receipt: LedgerReceipt = {
    format: 'yingshang-ledger-receipt/v1',
    leafIndex: 1,
    leaf: leaves[1],
    leafHash: h[1].toString('base64'),
    treeSize: 3,
    inclusionProof: [h[0].toString('base64'), h[2].toString('base64')],
    checkpoint,
    publicKey: vkey,
  };
  return { receipt, vkey, document, roots: { root2, root3 }, h };
}

describe('browser receipt verification', () => {
  it('hashes a leaf as RFC 6962 does (empty leaf vector)', async () => {
    expect(toBase64(await hashLeaf(new Uint8Array()))).toBe('bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=');
  });

  it('accepts a genuine receipt with the published key and the matching document', async () => {
    const { receipt, vkey, document } = makeReceipt();
    const r = await verifyReceipt(receipt, { trustedKey: vkey, document });
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.keyFromReceipt).toBe(false);
    expect(r.event?.subject).toBe('HT-1');
    expect(r.checkpoint?.size).toBe(3);
  });

  it('rejects tampering, each at the check that guards it', async () => {
    const failing = async (change: (r: LedgerReceipt) => LedgerReceipt, opts: { trustedKey?: string; document?: Uint8Array } = {}) => {
      const { receipt, vkey } = makeReceipt();
      const res = await verifyReceipt(change(receipt), { trustedKey: vkey, ...opts });
      expect(res.ok).toBe(false);
      return res.checks.find((c) => !c.ok)!.label[1];
    };
    expect(await failing((r) => ({ ...r, leaf: r.leaf.replace('HT-1', 'HT-9') }))).toMatch(/^Leaf hash/);
    expect(await failing((r) => ({ ...r, inclusionProof: r.inclusionProof.slice(0, 1) }))).toMatch(/^Inclusion proof/);
    expect(await failing((r) => ({ ...r, leafIndex: 0 }))).toMatch(/^Inclusion proof/);
    expect(await failing((r) => ({ ...r, treeSize: 4 }))).toMatch(/^Checkpoint signature/);
    expect(await failing((r) => ({ ...r, checkpoint: r.checkpoint.replace('\n3\n', '\n2\n') }))).toMatch(/^Checkpoint signature/);
    expect(await failing((r) => r, { document: new Uint8Array([1, 2, 3]) })).toMatch(/^Document/);
    const other = makeReceipt();
    expect(await failing((r) => ({ ...r, publicKey: other.vkey, checkpoint: other.receipt.checkpoint }))).toMatch(/published key/);
  });

  it('without a published key it says the key came from the receipt', async () => {
    const { receipt } = makeReceipt();
    const r = await verifyReceipt(receipt);
    expect(r.ok).toBe(true);
    expect(r.keyFromReceipt).toBe(true);
  });

  it('verifies consistency between two tree sizes and refuses a wrong root', async () => {
    const { roots, h } = makeReceipt();
    await verifyConsistency(2, 3, [h[2]], roots.root2, roots.root3);
    await expect(verifyConsistency(2, 3, [h[1]], roots.root2, roots.root3)).rejects.toThrow();
    await expect(verifyConsistency(0, 3, [], roots.root2, roots.root3)).rejects.toThrow();
    expect(fromBase64(toBase64(new Uint8Array([0, 255, 7])))).toEqual(new Uint8Array([0, 255, 7]));
  });
});
