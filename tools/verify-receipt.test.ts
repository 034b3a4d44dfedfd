import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDb, type TestDb } from '../server/src/test/db.js';
import { loadConfig } from '../server/src/platform/config/index.js';
import { appendLedgerEntry, buildReceipt, integrateLedger, loadPublicKeys, type LedgerReceipt } from '../server/src/platform/ledger/index.js';
import { generateEd25519NoteKeys, ed25519Signer } from '../server/src/platform/ledger/note-ed25519.js';
import { parseNote, signNote } from '../server/src/platform/ledger/signed-note.js';
import type { Principal } from '../server/src/platform/identity/index.js';

/**
 * The offline verifier, run as a user would run it: `node tools/verify-receipt.mjs receipt.json`. Receipts come
 * from the real ledger service; each tampered variant must be rejected with exit status 1.
 */
const script = join(dirname(fileURLToPath(import.meta.url)), 'verify-receipt.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ys-receipt-'));
const document = Buffer.from('%PDF-1.7 合同正文 contract body');

const reader: Principal = {
  kind: 'user',
  id: 'user_1',
  userId: 'user_1',
  username: 'u',
  displayName: 'u',
  organizationId: 'org_a',
  organizationName: 'o',
  organizationKind: 'enterprise',
  roles: new Set(),
  permissions: new Set(),
  scopes: null,
  csrfToken: null,
};

function run(receipt: unknown, ...args: string[]) {
  const file = join(dir, `r-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof receipt === 'string' ? receipt : JSON.stringify(receipt));
  const res = spawnSync(process.execPath, [script, file, ...args], { encoding: 'utf8' });
  return { status: res.status, out: res.stdout + res.stderr };
}

describe('tools/verify-receipt.mjs', () => {
  let t: TestDb;
  let receipts: LedgerReceipt[];
  let publishedKey: string;

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    const config = loadConfig({ dataDir: dir, publicUrl: 'https://ys.example' });
    for (let i = 0; i < 11; i++) {
      await t.db.transaction().execute((trx) =>
        appendLedgerEntry(trx, {
          type: 'contract.signed',
          subject: `HT-${i}`,
          data: { 合同编号: `HT-${i}`, amountFen: 1_000_00 * i },
          documentSha256: createHash('sha256').update(i === 6 ? document : Buffer.from(`other ${i}`)).digest('hex'),
          visibleTo: { organizationIds: ['org_a'] },
        }),
      );
    }
    await integrateLedger(t.db, config);
    receipts = await Promise.all([0, 6, 10].map(async (i) => (await buildReceipt(t.db, config, i, reader))!));
    publishedKey = (await loadPublicKeys(t.db))!.ed25519;
  });
  afterAll(() => t.close());

  it('imports nothing but node: built-ins (no server code, no packages)', () => {
    const source = readFileSync(script, 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((s) => s.startsWith('node:'))).toBe(true);
    expect(source).not.toMatch(/\bimport\(|require\(/);
  });

  it('accepts genuine receipts, with the published key and with a matching document', () => {
    for (const r of receipts) {
      const res = run(r, '--key', publishedKey);
      expect(res.out).toContain('RECEIPT VALID');
      expect(res.status).toBe(0);
    }
    const withDoc = join(dir, 'contract.pdf');
    writeFileSync(withDoc, document);
    expect(run(receipts[1], '--document', withDoc).status).toBe(0);
    expect(run(receipts[0], '--document', withDoc).status).toBe(1);
  });

  it('--json reports every check', () => {
    const res = run(receipts[2], '--json');
    const parsed = JSON.parse(res.out) as { ok: boolean; checks: { ok: boolean; en: string }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.checks.map((c) => c.en)).toContain('inclusion proof leads to the signed root (RFC 9162)');
  });

  /** Each tampering must fail exactly the check that guards against it. */
  const tamper = (name: string, failing: string, change: (r: LedgerReceipt) => LedgerReceipt) =>
    it(`rejects ${name}`, () => {
      const changed = change(structuredClone(receipts[1]));
      const res = run(changed, '--key', publishedKey);
      expect(res.out).toContain('RECEIPT INVALID');
      expect(res.status).toBe(1);
      const json = JSON.parse(run(changed, '--key', publishedKey, '--json').out) as { checks: { ok: boolean; en: string }[] };
      expect(json.checks.filter((c) => !c.ok).map((c) => c.en)[0]).toBe(failing);
    });
  const LEAF_HASH = 'leaf hash';
  const PROOF = 'inclusion proof leads to the signed root (RFC 9162)';

  tamper('a changed leaf', LEAF_HASH, (r) => ({ ...r, leaf: r.leaf.replace('HT-6', 'HT-7') }));
  tamper('a changed leaf with its hash updated', PROOF, (r) => {
    const leaf = r.leaf.replace('"amountFen":600000', '"amountFen":1');
    const leafHash = createHash('sha256').update(Buffer.from([0])).update(leaf).digest('base64');
    return { ...r, leaf, leafHash };
  });
  tamper('a non-canonical leaf', 'leaf is canonical JSON (RFC 8785)', (r) => ({ ...r, leaf: JSON.stringify(JSON.parse(r.leaf), null, 1) }));
  tamper('a modified proof hash', PROOF, (r) => {
    const p = Buffer.from(r.inclusionProof[0], 'base64');
    p[0] ^= 1;
    return { ...r, inclusionProof: [p.toString('base64'), ...r.inclusionProof.slice(1)] };
  });
  tamper('a truncated proof', PROOF, (r) => ({ ...r, inclusionProof: r.inclusionProof.slice(1) }));
  tamper('another leaf index', PROOF, (r) => ({ ...r, leafIndex: 7 }));
  tamper('a tree size that differs from the checkpoint', 'checkpoint tree size matches the receipt', (r) => ({ ...r, treeSize: 10 }));
  tamper('a checkpoint whose root was changed', 'checkpoint signature (Ed25519, C2SP signed note)', (r) => ({
    ...r,
    checkpoint: r.checkpoint.replace(/\n([A-Za-z0-9+/]{43}=)\n/, (_m, root: string) => `\n${root.startsWith('A') ? 'B' : 'A'}${root.slice(1)}\n`),
  }));
  it('a receipt that carries its own forged key passes only without --key, which the output flags', () => {
    const r = structuredClone(receipts[1]);
    const other = generateEd25519NoteKeys(r.publicKey.split('+')[0]);
    const forged = { ...r, checkpoint: signNote(parseNote(r.checkpoint).text, [ed25519Signer(other.signerKey)]), publicKey: other.verifierKey };
    const selfOnly = run(forged);
    expect(selfOnly.status).toBe(0);
    expect(selfOnly.out).toContain('key taken from the receipt');
    expect(run(forged, '--key', publishedKey).status).toBe(1);
  });

  it('exits 2 on unreadable input', () => {
    expect(run('not json').status).toBe(2);
    expect(spawnSync(process.execPath, [script], { encoding: 'utf8' }).status).toBe(2);
  });
});
