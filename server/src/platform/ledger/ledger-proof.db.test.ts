import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/db.js';
import { loadConfig, type Config } from '../config/index.js';
import { appendLedgerEntry } from './ledger-append.js';
import { integrateLedger } from './ledger-sequencer.js';
import { getConsistencyProof, getInclusionProof } from './ledger-proof.service.js';
import { nodeCacheOf } from './ledger-node-cache.js';
import { allCheckpoints } from './ledger.repository.js';
import { hashLeaf } from './merkle-hash.js';
import { isValidConsistency, isValidInclusion, verifyConsistency, verifyInclusion } from './merkle-verify.js';

/**
 * Proofs over a tree tall enough (> 2^8 leaves) that its upper nodes are served from the in-memory node cache:
 * every proof must verify against the signed roots both before the cache holds anything and after.
 */
describeEachDialect('ledger proofs from cached upper nodes', (dialect) => {
  let t: TestDb;
  let config: Config;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    config = loadConfig({ dataDir: mkdtempSync(join(tmpdir(), 'ys-ledger-')), publicUrl: 'https://yingshang.example' });
    for (let batch = 0; batch < 6; batch++) {
      await t.db.transaction().execute(async (trx) => {
        for (let i = batch * 100; i < (batch + 1) * 100; i++) {
          await appendLedgerEntry(trx, { type: 'test.event.recorded', subject: `S-${i}`, data: { i }, visibleTo: { organizationIds: ['org_a'] } });
        }
      });
      // Uneven batches: checkpoints at sizes that are not powers of two.
      await integrateLedger(t.db, config, { batchSize: 77 + batch * 13 });
    }
    await integrateLedger(t.db, config);
  }, 60_000);
  afterAll(() => t.close());

  it('serves inclusion and consistency proofs that verify, cold and warm, at every checkpoint', async () => {
    const cps = (await allCheckpoints(t.db)).filter((c) => c.tree_size > 0);
    expect(cps.at(-1)!.tree_size).toBe(600);
    const roots = new Map(cps.map((c) => [c.tree_size, Buffer.from(c.root_hash, 'base64')]));
    const sizes = cps.map((c) => c.tree_size);
    for (const pass of ['cold', 'warm']) {
      for (const size of sizes) {
        for (const index of [0, 1, 127, 128, 255, 256, 383, 511, 512, size - 2, size - 1].filter((i) => i >= 0 && i < size)) {
          const p = await getInclusionProof(t.db, index, size);
          verifyInclusion(index, size, p.leafHash, p.proof, roots.get(size)!);
          expect(isValidInclusion(index, size, hashLeaf(Buffer.from(`forged ${pass}`)), p.proof, roots.get(size)!)).toBe(false);
        }
      }
      for (const from of sizes) {
        for (const to of sizes.filter((s) => s >= from)) {
          const p = await getConsistencyProof(t.db, from, to);
          verifyConsistency(from, to, p.proof, roots.get(from)!, roots.get(to)!);
          if (from < to) expect(isValidConsistency(from, to, p.proof, roots.get(to)!, roots.get(to)!)).toBe(false);
        }
      }
      // Levels 7, 8 and 9 of a 600-leaf tree hold 4 + 2 + 1 complete nodes, all touched by the proofs above.
      expect(nodeCacheOf(t.db).size).toBe(7);
    }
  });

  it('hands out proof buffers the caller may change without touching the cache', async () => {
    const a = await getInclusionProof(t.db, 5, 600);
    for (const h of a.proof) h.fill(0);
    a.leafHash.fill(0);
    const b = await getInclusionProof(t.db, 5, 600);
    const root = Buffer.from((await allCheckpoints(t.db)).at(-1)!.root_hash, 'base64');
    verifyInclusion(5, 600, b.leafHash, b.proof, root);
  });
});
