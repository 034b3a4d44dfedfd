import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDialect } from '../../test/db.js';
import { createTestApi, createTestOrganization, createTestUser, type Client, type TestApi } from '../../test/api.js';
import { withUsccCheckChar } from '../../platform/identity/index.js';
import { sampleChecklist } from './checklist/checklist-sample.fixture.js';
import { exportChecklistXlsx } from './checklist/checklist-xlsx.js';
import { INSPECTOR_COLUMNS, TARGET_COLUMNS, writeRosterXlsx } from './rosters/roster-xlsx.js';
import { verifyDrawTranscript } from './draw/verify-transcript.js';

// Until the lead registers the module in server/src/routes.ts, add it here (and only if it is missing).
vi.mock('../../routes.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../routes.js')>();
  const { inspectionsRoutes } = await import('./inspections.routes.js');
  const has = original.routePlugins.some(([prefix]) => prefix === '/api/v1/inspections');
  return { routePlugins: has ? original.routePlugins : [...original.routePlugins, ['/api/v1/inspections', inspectionsRoutes]] };
});

const BASE = '/api/v1/inspections';

function multipart(filename: string, data: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----ys${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDialect('inspections API', (dialect) => {
  let api: TestApi;
  let admin: Client;
  let planner: Client;
  let enterprise: Client;
  const inspectors: Client[] = [];
  let inspectorUsernames: string[] = [];
  let govOrgId: string;
  const targets = Array.from({ length: 12 }, (_, i) => withUsccCheckChar(`91350302MA2Y${String(i).padStart(5, '0')}`));

  beforeAll(async () => {
    api = await createTestApi(dialect);
    const gov = await createTestOrganization(api.db, 'government', '莆田市市场监督管理局（测试）');
    govOrgId = gov.id;
    admin = await api.login((await createTestUser(api.db, api.config, { organizationId: gov.id, roles: ['inspections.checklist-admin'] })).username);
    planner = await api.login((await createTestUser(api.db, api.config, { organizationId: gov.id, roles: ['inspections.planner'] })).username);
    const ent = await createTestOrganization(api.db, 'enterprise');
    enterprise = await api.login((await createTestUser(api.db, api.config, { organizationId: ent.id, roles: ['enterprise-user'] })).username);
    const users = await Promise.all([0, 1, 2, 3].map(() => createTestUser(api.db, api.config, { organizationId: gov.id, roles: ['inspections.inspector'] })));
    inspectorUsernames = users.map((u) => u.username);
    for (const u of users) inspectors.push(await api.login(u.username));
  });
  afterAll(() => api.close());

  it('publishes a checklist and serves it with ETag and 304', async () => {
    const res = await admin.post(`${BASE}/checklist/versions`, { version: '2026-1', effectiveFrom: '2025-01-01', departments: sampleChecklist });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: '2026-1', counts: { departments: 2, checkPoints: 4 } });
    const tree = await api.anonymous.get(`${BASE}/checklist`);
    expect(tree.statusCode).toBe(200);
    expect(tree.json()).toMatchObject({ version: '2026-1', departments: [{ code: 'SJ' }, { code: 'XF' }] });
    const etag = tree.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await api.anonymous.get(`${BASE}/checklist`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const node = await api.anonymous.get(`${BASE}/checklist/nodes/SJ-01-01-002`);
    expect(node.json()).toMatchObject({ level: 'checkPoint', path: [{ code: 'SJ' }, { code: 'SJ-01' }, { code: 'SJ-01-01' }] });
    const search = await api.anonymous.get(`${BASE}/checklist/search?q=${encodeURIComponent('许可证')}&industry=H`);
    expect(search.json().hits.map((h: { code: string }) => h.code)).toEqual(['SJ-01-01-001', 'SJ-01-01-002']);
  });

  it('refuses a broken spreadsheet with every error and its row, importing nothing', async () => {
    const broken = structuredClone(sampleChecklist);
    broken[0].categories[0].items[1].code = 'SJ-01-01';
    broken[1].categories[0].items[0].points[0].basis = '';
    const xlsx = await exportChecklistXlsx(broken, { version: '2026-2', effectiveFrom: '2026-06-01' });
    const m = multipart('清单.xlsx', xlsx);
    const res = await admin.request({ method: 'POST', url: `${BASE}/checklist/versions/xlsx`, payload: m.payload, headers: m.headers });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('checklist-import-invalid');
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['duplicate-code', 'missing-level']));
    expect(body.rows.length).toBeGreaterThanOrEqual(2);
    const versions = await api.anonymous.get(`${BASE}/checklist/versions`);
    expect(versions.json().versions.map((v: { version: string }) => v.version)).toEqual(['2026-1']);
    expect((await enterprise.post(`${BASE}/checklist/versions`, { version: 'x', effectiveFrom: '2026-01-01', departments: sampleChecklist })).statusCode).toBe(403);
  });

  it('runs an enterprise self-check with history and a PDF report', async () => {
    const res = await enterprise.post(`${BASE}/self-checks`, { itemCodes: ['SJ-01-01'], answers: { 'SJ-01-01-001': 'yes', 'SJ-01-01-002': 'no' } });
    expect(res.statusCode).toBe(201);
    const sc = res.json();
    expect(sc.report.notMet).toEqual([expect.objectContaining({ pointCode: 'SJ-01-01-002', basis: '《中华人民共和国行政许可法》第五十条' })]);
    const list = await enterprise.get(`${BASE}/self-checks`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: sc.id, notMetCount: 1, pointCount: 2 })]);
    const pdf = await enterprise.get(`${BASE}/self-checks/${sc.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await planner.get(`${BASE}/self-checks/${sc.id}`)).statusCode).toBe(403);
    const bad = await enterprise.post(`${BASE}/self-checks`, { itemCodes: ['SJ-01-01'], answers: { 'XF-01-01-001': 'no' } });
    expect(bad.statusCode).toBe(422);
  });

  let planId = '';
  it('imports rosters and refuses a ratio outside 0–100% (422)', async () => {
    expect((await admin.request({ method: 'PUT', url: `${BASE}/departments/SJ`, payload: { organizationId: govOrgId } })).statusCode).toBe(200);
    const t = await writeRosterXlsx(TARGET_COLUMNS, targets.map((id, i) => [id, `莆田市城厢区测试商行${i}`, i % 2 ? 'F52' : 'H62', '350302', 'ABCD'[i % 4], '', '', '']));
    const mt = multipart('targets.xlsx', t);
    const rt = await planner.request({ method: 'POST', url: `${BASE}/rosters/targets`, payload: mt.payload, headers: mt.headers });
    expect(rt.json()).toEqual({ imported: 12 });
    const rows = inspectorUsernames.map((u, i) => [`ZF-${i}`, `检查员${i}`, 'SJ', '350302', '食品', i === 0 ? targets[0] : '', u]);
    const mi = multipart('inspectors.xlsx', await writeRosterXlsx(INSPECTOR_COLUMNS, rows));
    const ri = await planner.request({ method: 'POST', url: `${BASE}/rosters/inspectors`, payload: mi.payload, headers: mi.headers });
    expect(ri.json()).toEqual({ imported: 4 });

    const params = { department: 'SJ', items: ['SJ-01-01'], ratioBp: { A: 10_000, B: 5000, C: 10_001, D: 10_000 }, inspectorsPerTarget: 2 };
    const bad = await planner.post(`${BASE}/plans`, { title: '2026年第一批食品经营双随机抽查', parameters: params });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ code: 'ratio-out-of-range' })]);
    const ok = await planner.post(`${BASE}/plans`, { title: '2026年第一批食品经营双随机抽查', parameters: { ...params, ratioBp: { A: 10_000, B: 5000, C: 10_000, D: 10_000 } } });
    expect(ok.statusCode).toBe(201);
    planId = ok.json().id;
    expect(ok.json()).toMatchObject({ state: 'draft', number: expect.stringMatching(/^SJ-\d{4}-0001$/) });
  });

  it('goes from commitment through the draw (409 before the random value) to a verifiable transcript', async () => {
    const availableAfter = new Date(Date.now() + 1500).toISOString().replace(/\.\d+Z$/, 'Z');
    const c = await planner.post(`${BASE}/plans/${planId}/commit`, { randomSource: { kind: 'lottery', reference: '福利彩票3D 第2026061期开奖号码', availableAfter } });
    expect(c.statusCode).toBe(200);
    expect(c.json().commitment.targetRoster.count).toBe(12);
    expect((await planner.post(`${BASE}/plans/${planId}/draw`)).statusCode).toBe(409);
    expect((await planner.post(`${BASE}/plans/${planId}/random-value`, { value: '3 7 2' })).statusCode).toBe(409);
    await sleep(Math.max(0, Date.parse(availableAfter) - Date.now()) + 200);
    expect((await planner.post(`${BASE}/plans/${planId}/random-value`, { value: '3 7 2' })).statusCode).toBe(200);
    const d = await planner.post(`${BASE}/plans/${planId}/draw`);
    expect(d.statusCode).toBe(200);
    // A, C, D at 100% (3 each), B at 50% (⌈3 × 0.5⌉ = 2): 11 of 12.
    expect(d.json()).toMatchObject({ state: 'drawn', selectedCount: 11 });
    const t = await api.anonymous.get(`${BASE}/public/plans/${planId}/transcript`);
    expect(t.statusCode).toBe(200);
    expect(verifyDrawTranscript(t.json())).toMatchObject({ ok: true, selected: 11 });
    const plan = (await planner.get(`${BASE}/plans/${planId}`)).json();
    const t0 = plan.tasks.find((x: { target: { id: string } }) => x.target.id === targets[0]);
    if (t0) expect(t0.assignments[0].recused).toEqual(['ZF-0']);
  });

  it('records an inspection by an assigned inspector only (403 otherwise) and publishes it within the deadline', async () => {
    const plan = (await planner.get(`${BASE}/plans/${planId}`)).json();
    const task = plan.tasks[0];
    const assigned: string[] = task.assignments[0].inspectors;
    const idx = (id: string) => Number(id.split('-')[1]);
    const mine = inspectors[idx(assigned[0])];
    const other = inspectors[[0, 1, 2, 3].find((i) => !assigned.includes(`ZF-${i}`))!];
    const answers = { 'SJ-01-01-001': 'yes', 'SJ-01-01-002': 'no' };
    const forbidden = await other.post(`${BASE}/tasks/${task.id}/result`, { outcome: 'problems', answers, notes: '' });
    expect(forbidden.statusCode).toBe(403);
    const myTasks = (await mine.get(`${BASE}/tasks`)).json().items;
    expect(myTasks.map((x: { id: string }) => x.id)).toContain(task.id);
    const view = (await mine.get(`${BASE}/tasks/${task.id}`)).json();
    expect(view.items.map((i: { code: string }) => i.code)).toEqual(['SJ-01-01']);
    const contradict = await mine.post(`${BASE}/tasks/${task.id}/result`, { outcome: 'compliant', answers, notes: '' });
    expect(contradict.statusCode).toBe(422);
    const rec = await mine.post(`${BASE}/tasks/${task.id}/result`, { outcome: 'problems', answers, notes: '许可证已过期，责令整改' });
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ state: 'recorded', publishDeadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), overdue: false });
    expect((await mine.post(`${BASE}/tasks/${task.id}/result`, { outcome: 'problems', answers, notes: '' })).statusCode).toBe(409);
    expect((await planner.post(`${BASE}/tasks/${task.id}/publish`)).statusCode).toBe(200);
    const results = (await api.anonymous.get(`${BASE}/public/results`)).json().items;
    expect(results).toEqual([expect.objectContaining({ id: task.id, outcome: 'problems', target: expect.objectContaining({ id: task.target.id }) })]);
    const dash = (await planner.get(`${BASE}/dashboard`)).json();
    expect(dash).toMatchObject({ plans: { drawn: 1 }, outcomes: { problems: 1 }, overdue: 0 });
    expect(dash.coverage.creditClass).toEqual(expect.arrayContaining([{ key: 'B', roster: 3, drawn: 2 }]));
  });

  it('replaces a withdrawn inspector with the next pick and keeps the transcript verifiable', async () => {
    const plan = (await planner.get(`${BASE}/plans/${planId}`)).json();
    const task = plan.tasks.find((x: { state: string }) => x.state === 'assigned');
    const [first] = task.assignments[0].inspectors;
    const w = await planner.post(`${BASE}/plans/${planId}/withdrawals`, { targetId: task.target.id, inspectorId: first, reason: '近亲属在该企业任职' });
    expect(w.statusCode).toBe(200);
    const after = (await planner.get(`${BASE}/plans/${planId}`)).json().tasks.find((x: { id: string }) => x.id === task.id);
    expect(after.assignments[0].inspectors).not.toContain(first);
    expect(after.assignments[0].inspectors).toHaveLength(2);
    expect(after.assignments[0].withdrawn).toEqual([{ inspectorId: first, reason: '近亲属在该企业任职' }]);
    const t = await api.anonymous.get(`${BASE}/public/plans/${planId}/transcript`);
    expect(verifyDrawTranscript(t.json()).ok).toBe(true);
  });
});
