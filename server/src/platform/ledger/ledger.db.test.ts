import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../db/index.js';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/db.js';
import { loadConfig, type Config } from '../config/index.js';
import { appendLedgerEntry } from './ledger-append.js';
import { integrateLedger } from './ledger-sequencer.js';
import { getConsistencyProof, getInclusionProof, LedgerRangeError } from './ledger-proof.service.js';
import { verifyStoredLedger } from './ledger-verify.service.js';
import { buildReceipt } from './ledger-receipt.service.js';
import { ensureLedgerKeys, loadPublicKeys, verifiersOf } from './ledger-keys.service.js';
import { allCheckpoints, latestCheckpoint } from './ledger.repository.js';
import { openNote } from './signed-note.js';
import { parseCheckpoint } from './checkpoint.js';
import { hashLeaf, rootOfLeafHashes } from './merkle-hash.js';
import { isValidInclusion, verifyConsistency, verifyInclusion } from './merkle-verify.js';
import { decodeLeafEvent } from './ledger-event.js';
import type { Principal } from '../identity/index.js';

const event = (i: number, org = 'org_a') => ({
  type: 'test.event.recorded',
  subject: `S-${i}`,
  data: { i, 金额分: i * 100 },
  documentSha256: hashLeaf(Buffer.from(`doc ${i}`)).toString('hex'),
  visibleTo: { organizationIds: [org], userIds: [`user_${i}`] },
});

function principal(organizationId: string, userId: string | null = null, permissions: string[] = []): Principal {
  return {
    kind: 'user',
    id: userId ?? 'u',
    userId,
    username: 'u',
    displayName: 'u',
    organizationId,
    organizationName: 'o',
    organizationKind: 'enterprise',
    roles: new Set(),
    permissions: new Set(permissions),
    scopes: null,
    csrfToken: null,
  };
}

describeEachDialect('ledger store', (dialect) => {
  let t: TestDb;
  let config: Config;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-ledger-')), publicUrl: 'https://yingshang.example' });
  });
  afterAll(() => t.close());

  it('hands out consecutive indices inside the caller transaction', async () => {
    const first = await t.db.transaction().execute((trx) => appendLedgerEntry(trx, event(0)));
    expect(first.leafIndex).toBe(0);
    const again = await t.db.transaction().execute(async (trx) => [await appendLedgerEntry(trx, event(1)), await appendLedgerEntry(trx, event(2))]);
    expect(again.map((r) => r.leafIndex)).toEqual([1, 2]);
    // A single statement, so it is also safe outside a transaction.
    expect((await appendLedgerEntry(t.db, event(3))).leafIndex).toBe(3);
  });

  it('stores canonical bytes, their hash and the visibility lists', async () => {
    const row = await t.db.selectFrom('ledger_leaves').selectAll().where('leaf_index', '=', 1).executeTakeFirstOrThrow();
    const leaf = decodeLeafEvent(Buffer.from(row.canonical_json));
    expect(leaf).toMatchObject({ v: 1, type: 'test.event.recorded', subject: 'S-1', data: { i: 1, 金额分: 100 } });
    expect(row.leaf_hash).toBe(hashLeaf(Buffer.from(row.canonical_json, 'utf8')).toString('base64'));
    expect(JSON.parse(row.visible_organization_ids)).toEqual(['org_a']);
    expect(JSON.parse(row.visible_user_ids)).toEqual(['user_1']);
  });

  it('integrates pending leaves and signs a checkpoint that opens with the stored keys (Ed25519 + SM2)', async () => {
    const res = await integrateLedger(t.db, config);
    expect(res.treeSize).toBe(4);
    const cp = (await latestCheckpoint(t.db))!;
    const keys = (await loadPublicKeys(t.db))!;
    expect(keys.origin).toBe('yingshang.example/ledger');
    const opened = openNote(cp.signed_note, verifiersOf(keys));
    expect(opened.verified).toHaveLength(2);
    const body = parseCheckpoint(opened.text);
    const hashes = (await t.db.selectFrom('ledger_leaves').select('leaf_hash').orderBy('leaf_index').execute()).map((r) =>
      Buffer.from(r.leaf_hash, 'base64'),
    );
    expect(body).toMatchObject({ origin: 'yingshang.example/ledger', size: 4 });
    expect(body.rootHash.equals(rootOfLeafHashes(hashes))).toBe(true);
    // Nothing pending: no new checkpoint.
    expect((await integrateLedger(t.db, config)).integrated).toBe(0);
  });

  it('serves inclusion and consistency proofs that verify against the signed checkpoints', async () => {
    for (let i = 4; i < 45; i++) {
      await t.db.transaction().execute((trx) => appendLedgerEntry(trx, event(i)));
      if (i % 9 === 0) await integrateLedger(t.db, config, { batchSize: 7 });
    }
    await integrateLedger(t.db, config, { batchSize: 7 });
    const cps = await allCheckpoints(t.db);
    const roots = new Map(cps.map((c) => [c.tree_size, Buffer.from(c.root_hash, 'base64')]));
    expect(cps.at(-1)!.tree_size).toBe(45);
    for (const cp of cps.filter((c) => c.tree_size > 0)) {
      for (let index = 0; index < cp.tree_size; index += 3) {
        const p = await getInclusionProof(t.db, index, cp.tree_size);
        verifyInclusion(index, cp.tree_size, p.leafHash, p.proof, roots.get(cp.tree_size)!);
        expect(isValidInclusion(index, cp.tree_size, hashLeaf(Buffer.from('forged')), p.proof, roots.get(cp.tree_size)!)).toBe(false);
      }
    }
    const sizes = cps.map((c) => c.tree_size).filter((s) => s > 0);
    for (const from of sizes) {
      for (const to of sizes.filter((s) => s >= from)) {
        const p = await getConsistencyProof(t.db, from, to);
        verifyConsistency(from, to, p.proof, roots.get(from)!, roots.get(to)!);
      }
    }
  });

  it('refuses proofs beyond the tree', async () => {
    await expect(getInclusionProof(t.db, 45, 45)).rejects.toBeInstanceOf(LedgerRangeError);
    await expect(getInclusionProof(t.db, 0, 46)).rejects.toBeInstanceOf(LedgerRangeError);
    await expect(getConsistencyProof(t.db, 0, 10)).rejects.toBeInstanceOf(LedgerRangeError);
    await expect(getConsistencyProof(t.db, 10, 46)).rejects.toBeInstanceOf(LedgerRangeError);
  });

  it('builds receipts only for those the leaf is visible to, integrating a fresh leaf on demand', async () => {
    const { leafIndex } = await appendLedgerEntry(t.db, event(45, 'org_b'));
    expect(await buildReceipt(t.db, config, leafIndex, principal('org_a'))).toBeNull();
    expect(await buildReceipt(t.db, config, leafIndex, null)).toBeNull();
    expect(await buildReceipt(t.db, config, 9999, principal('org_b'))).toBeNull();
    const byUser = await buildReceipt(t.db, config, leafIndex, principal('org_x', `user_45`));
    expect(byUser?.leafIndex).toBe(leafIndex);
    const byAdmin = await buildReceipt(t.db, config, leafIndex, principal('org_x', null, ['ledger:read-all']));
    expect(byAdmin?.leafIndex).toBe(leafIndex);
    const r = (await buildReceipt(t.db, config, leafIndex, principal('org_b')))!;
    expect(r.treeSize).toBe(46);
    const body = parseCheckpoint(openNote(r.checkpoint, verifiersOf((await loadPublicKeys(t.db))!)).text);
    verifyInclusion(leafIndex, r.treeSize, hashLeaf(Buffer.from(r.leaf)), r.inclusionProof.map((h) => Buffer.from(h, 'base64')), body.rootHash);
  });

  it('verifyStoredLedger passes on the untouched log', async () => {
    const report = await verifyStoredLedger(t.db);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, treeSize: 46, checkpointSize: 46, leavesChecked: 46, pendingLeaves: 0 });
    expect(report.nodesChecked).toBe(23 + 11 + 5 + 2 + 1);
  });

  describe('tampering makes verifyStoredLedger fail', () => {
    async function restoring(table: 'ledger_leaves' | 'ledger_nodes' | 'ledger_checkpoints', tamper: () => Promise<unknown>) {
      const before = await t.db.selectFrom(table).selectAll().execute();
      await tamper();
      const report = await verifyStoredLedger(t.db);
      await t.db.deleteFrom(table).execute();
      for (const row of before) await t.db.insertInto(table).values(row as never).execute();
      expect((await verifyStoredLedger(t.db)).ok).toBe(true);
      return report;
    }

    it('an edited leaf (bytes only)', async () => {
      const report = await restoring('ledger_leaves', () =>
        t.db.updateTable('ledger_leaves').set({ canonical_json: sql`replace(canonical_json, '"S-7"', '"S-8"')` }).where('leaf_index', '=', 7).execute(),
      );
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/叶子 7 的哈希与内容不符/);
    });

    it('an edited leaf with its hash recomputed to match', async () => {
      const row = await t.db.selectFrom('ledger_leaves').selectAll().where('leaf_index', '=', 20).executeTakeFirstOrThrow();
      const forged = row.canonical_json.replace('"i":20', '"i":21');
      const report = await restoring('ledger_leaves', () =>
        t.db
          .updateTable('ledger_leaves')
          .set({ canonical_json: forged, leaf_hash: hashLeaf(Buffer.from(forged)).toString('base64') })
          .where('leaf_index', '=', 20)
          .execute(),
      );
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/树根与检查点 46 不符/);
    });

    it('a deleted leaf', async () => {
      const report = await restoring('ledger_leaves', () => t.db.deleteFrom('ledger_leaves').where('leaf_index', '=', 30).execute());
      expect(report.ok).toBe(false);
    });

    it('an edited stored node (what proofs are served from)', async () => {
      const report = await restoring('ledger_nodes', () =>
        t.db.updateTable('ledger_nodes').set({ hash: Buffer.alloc(32, 9).toString('base64') }).where('level', '=', 2).where('node_index', '=', 3).execute(),
      );
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/节点 2:3/);
    });

    it('a forged checkpoint row', async () => {
      const report = await restoring('ledger_checkpoints', () =>
        t.db
          .updateTable('ledger_checkpoints')
          .set({ signed_note: sql`replace(signed_note, '\n46\n', '\n47\n')` })
          .where('tree_size', '=', 46)
          .execute(),
      );
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/签名无效/);
    });
  });

  it('a second handle on the same database continues the tree (frontier rebuilt from stored nodes)', async () => {
    if (dialect !== 'postgres') return;
    for (let i = 46; i < 60; i++) await appendLedgerEntry(t.db, event(i));
    // A fresh Db object has no cached frontier: integrateLedger must rebuild it from the stored nodes.
    const second = openDb({ url: t.url, schema: t.schema, poolSize: 2 });
    try {
      expect((await integrateLedger(second, config)).treeSize).toBe(60);
    } finally {
      await second.destroy();
    }
    expect((await verifyStoredLedger(t.db)).ok).toBe(true);
  });
});

describeEachDialect('ledger after a rolled-back append', (dialect) => {
  let t: TestDb;
  const config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-ledger-rb-')) });
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.close());

  it('SQLite reuses the index; PostgreSQL leaves a hole that the sequencer fills with a void leaf', async () => {
    await appendLedgerEntry(t.db, event(0));
    let taken = -1;
    await expect(
      t.db.transaction().execute(async (trx) => {
        taken = (await appendLedgerEntry(trx, event(99))).leafIndex;
        throw new Error('caller fails after appending');
      }),
    ).rejects.toThrow('caller fails');
    expect(taken).toBe(1);
    const next = (await appendLedgerEntry(t.db, event(2))).leafIndex;
    expect(next).toBe(dialect === 'sqlite' ? 1 : 2);
    if (dialect === 'postgres') {
      // Within the margin the sequencer waits at the hole; after it, the hole becomes a void leaf.
      const waiting = await integrateLedger(t.db, config, { voidAfterMs: 60_000 });
      expect(waiting).toMatchObject({ treeSize: 1, waitingAt: 1 });
      const filled = await integrateLedger(t.db, config, { voidAfterMs: 0 });
      expect(filled.treeSize).toBe(3);
      const voided = await t.db.selectFrom('ledger_leaves').selectAll().where('leaf_index', '=', 1).executeTakeFirstOrThrow();
      expect(decodeLeafEvent(Buffer.from(voided.canonical_json))).toMatchObject({ type: 'ledger.index.voided', data: { leafIndex: 1 } });
    } else {
      expect((await integrateLedger(t.db, config)).treeSize).toBe(2);
    }
    expect((await verifyStoredLedger(t.db)).ok).toBe(true);
  });

  it('PostgreSQL: an index whose transaction is still open is waited for, never voided', async () => {
    if (dialect !== 'postgres') return;
    const size = (await integrateLedger(t.db, config)).treeSize;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let openIndex = -1;
    let signalAppended: () => void = () => undefined;
    const appended = new Promise<void>((r) => (signalAppended = r));
    const open = t.db.transaction().execute(async (trx) => {
      openIndex = (await appendLedgerEntry(trx, event(50))).leafIndex;
      signalAppended();
      await gate;
    });
    await appended;
    await appendLedgerEntry(t.db, event(51)); // commits after the open one's index
    const res = await integrateLedger(t.db, config, { voidAfterMs: 0 });
    expect(res).toMatchObject({ treeSize: size, waitingAt: openIndex });
    release();
    await open;
    expect((await integrateLedger(t.db, config, { voidAfterMs: 0 })).treeSize).toBe(size + 2);
    const row = await t.db.selectFrom('ledger_leaves').select('subject').where('leaf_index', '=', openIndex).executeTakeFirstOrThrow();
    expect(row.subject).toBe('S-50');
  });
});

describeEachDialect('ledger keys made by processes starting together', (dialect) => {
  it('end as one key set, and the signer keys are sealed', async () => {
    const t = await createTestDb(dialect);
    try {
      const config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-ledger-keys-')) });
      const [a, b, c] = await Promise.all([ensureLedgerKeys(t.db, config), ensureLedgerKeys(t.db, config), ensureLedgerKeys(t.db, config)]);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      const rows = await t.db.selectFrom('ledger_keys').selectAll().execute();
      expect(rows.map((r) => r.algorithm).sort()).toEqual(['ed25519', 'sm2']);
      for (const r of rows) expect(r.signer_key_sealed).not.toMatch(/PRIVATE\+KEY/);
    } finally {
      await t.close();
    }
  });
});

describe('ledger store on a SQLite file, reopened', () => {
  it('continues the tree after reopening the database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ys-ledger-file-')), 'ledger.db');
    const config = loadConfig({ dataDir: join(file, '..') });
    const a = await createTestDb('sqlite', { sqliteFile: file });
    for (let i = 0; i < 13; i++) await appendLedgerEntry(a.db, event(i));
    await integrateLedger(a.db, config);
    await a.close();
    const b = await createTestDb('sqlite', { sqliteFile: file });
    for (let i = 13; i < 21; i++) await appendLedgerEntry(b.db, event(i));
    expect((await integrateLedger(b.db, config)).treeSize).toBe(21);
    const report = await verifyStoredLedger(b.db);
    expect(report.problems).toEqual([]);
    expect(report.checkpointsChecked).toBe(2);
    await b.close();
  });
});
