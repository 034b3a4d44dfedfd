import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../test/db.js';
import { createTestApi, createTestOrganization, createTestUser, type Client, type TestApi } from '../../test/api.js';
import { appendLedgerEntry } from './ledger-append.js';
import { integrateLedger } from './ledger-sequencer.js';
import { ed25519Verifier } from './note-ed25519.js';
import { sm2Verifier } from './note-sm2.js';
import { openNote } from './signed-note.js';
import { parseCheckpoint } from './checkpoint.js';
import { hashLeaf } from './merkle-hash.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';

const L = '/api/v1/ledger';
const b64 = (s: string) => Buffer.from(s, 'base64');

describeEachDialect('ledger API', (dialect) => {
  let api: TestApi;
  let orgA: string;
  let userA: Client;
  let userB: Client;
  let personal: Client;
  let personalUserId: string;
  let size: number;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    orgA = (await createTestOrganization(api.db)).id;
    const orgB = (await createTestOrganization(api.db)).id;
    userA = await api.login((await createTestUser(api.db, api.config, { organizationId: orgA, roles: ['enterprise-user'] })).username);
    userB = await api.login((await createTestUser(api.db, api.config, { organizationId: orgB, roles: ['enterprise-user'] })).username);
    const p = await createTestUser(api.db, api.config, { organizationId: orgB, roles: ['enterprise-user'] });
    personalUserId = p.id;
    personal = await api.login(p.username);
    for (let i = 0; i < 12; i++) {
      await api.db.transaction().execute((trx) =>
        appendLedgerEntry(trx, {
          type: 'licence-change.application.submitted',
          subject: `WS-${i}`,
          data: { n: i },
          visibleTo: { organizationIds: [orgA], userIds: i === 3 ? [personalUserId] : [] },
        }),
      );
    }
    size = (await integrateLedger(api.db, api.config)).treeSize;
  });
  afterAll(() => api.close());

  async function publicKeys() {
    const ed = (await api.anonymous.get(`${L}/public-key`)).body.trim();
    const sm = (await api.anonymous.get(`${L}/public-key?algorithm=sm2`)).body.trim();
    return { ed, sm };
  }

  it('GET /checkpoint: a C2SP signed note, signed with Ed25519 and SM2, for the integrated tree', async () => {
    const res = await api.anonymous.get(`${L}/checkpoint`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const { ed, sm } = await publicKeys();
    expect(ed).toMatch(/^localhost:\d+\/ledger\+[0-9a-f]{8}\+/);
    const opened = openNote(res.body, [ed25519Verifier(ed), sm2Verifier(sm)]);
    expect(opened.verified).toHaveLength(2);
    expect(parseCheckpoint(opened.text).size).toBe(size);
    expect(size).toBe(12);
  });

  it('GET /leaves/{index}/hash is public; unknown index → 404', async () => {
    const res = await api.anonymous.get(`${L}/leaves/5/hash`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ leafIndex: 5, integrated: true });
    expect((await api.anonymous.get(`${L}/leaves/500/hash`)).statusCode).toBe(404);
  });

  it('GET /leaves/{index}: listed organization and listed user only; everyone else gets 404', async () => {
    const ok = await userA.get(`${L}/leaves/3`);
    expect(ok.statusCode).toBe(200);
    const body = ok.json<{ leaf: string; leafHash: string; event: { subject: string } }>();
    expect(body.event.subject).toBe('WS-3');
    expect(hashLeaf(Buffer.from(body.leaf)).toString('base64')).toBe(body.leafHash);
    expect((await personal.get(`${L}/leaves/3`)).statusCode).toBe(200);
    expect((await personal.get(`${L}/leaves/4`)).statusCode).toBe(404);
    expect((await userB.get(`${L}/leaves/3`)).statusCode).toBe(404);
    const anon = await api.anonymous.get(`${L}/leaves/3`);
    expect(anon.statusCode).toBe(404);
    expect(anon.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('GET /proof/inclusion verifies against the signed root; beyond the tree → 400 problem+json', async () => {
    const root = parseCheckpoint(openNote((await api.anonymous.get(`${L}/checkpoint`)).body, [ed25519Verifier((await publicKeys()).ed)]).text).rootHash;
    for (let index = 0; index < size; index++) {
      const res = await api.anonymous.get(`${L}/proof/inclusion?index=${index}&size=${size}`);
      expect(res.statusCode).toBe(200);
      const p = res.json<{ leafHash: string; proof: string[]; treeSize: number }>();
      verifyInclusion(index, p.treeSize, b64(p.leafHash), p.proof.map(b64), root);
    }
    const beyond = await api.anonymous.get(`${L}/proof/inclusion?index=0&size=${size + 1}`);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(beyond.json()).toMatchObject({ status: 400, code: 'ledger-size-out-of-range', errors: [{ path: 'query.size' }] });
    const index = await api.anonymous.get(`${L}/proof/inclusion?index=${size}&size=${size}`, { 'accept-language': 'en' });
    expect(index.json()).toMatchObject({ code: 'ledger-index-out-of-range', title: 'Leaf index outside the tree' });
    expect((await api.anonymous.get(`${L}/proof/inclusion?index=-1`)).statusCode).toBe(400);
  });

  it('GET /proof/consistency links an old checkpoint to the new one; from=0 and beyond the tree → 400', async () => {
    const oldNote = (await api.anonymous.get(`${L}/checkpoint`)).body;
    for (let i = 12; i < 20; i++) {
      await appendLedgerEntry(api.db, { type: 'x.y', subject: `S-${i}`, data: {}, visibleTo: { organizationIds: [orgA] } });
    }
    await integrateLedger(api.db, api.config);
    const newNote = (await api.anonymous.get(`${L}/checkpoint`)).body;
    const v = [ed25519Verifier((await publicKeys()).ed)];
    const [a, b] = [parseCheckpoint(openNote(oldNote, v).text), parseCheckpoint(openNote(newNote, v).text)];
    expect([a.size, b.size]).toEqual([12, 20]);
    const res = await api.anonymous.get(`${L}/proof/consistency?from=${a.size}&to=${b.size}`);
    expect(res.statusCode).toBe(200);
    verifyConsistency(a.size, b.size, res.json<{ proof: string[] }>().proof.map(b64), a.rootHash, b.rootHash);
    expect((await api.anonymous.get(`${L}/proof/consistency?from=0&to=5`)).statusCode).toBe(400);
    const beyond = await api.anonymous.get(`${L}/proof/consistency?from=3&to=21`);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json()).toMatchObject({ code: 'ledger-size-out-of-range' });
  });

  it('GET /receipts/{index}: a receipt tools/verify-receipt.mjs accepts, for those allowed only; a fresh leaf is integrated on demand', async () => {
    const { leafIndex } = await appendLedgerEntry(api.db, { type: 'x.y', subject: 'fresh', data: {}, visibleTo: { organizationIds: [orgA] } });
    expect((await userB.get(`${L}/receipts/${leafIndex}`)).statusCode).toBe(404);
    expect((await api.anonymous.get(`${L}/receipts/${leafIndex}`)).statusCode).toBe(404);
    const res = await userA.get(`${L}/receipts/${leafIndex}`);
    expect(res.statusCode).toBe(200);
    const receipt = res.json<{ treeSize: number; leafIndex: number }>();
    expect(receipt.treeSize).toBe(leafIndex + 1);
    const file = join(mkdtempSync(join(tmpdir(), 'ys-api-receipt-')), 'receipt.json');
    writeFileSync(file, res.body);
    const tool = join(process.cwd(), 'tools', 'verify-receipt.mjs');
    const out = spawnSync(process.execPath, [tool, file, '--key', (await publicKeys()).ed], { encoding: 'utf8' });
    expect(out.stdout).toContain('RECEIPT VALID');
    expect(out.status).toBe(0);
  });
});
