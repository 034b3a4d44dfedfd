import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db.js';
import { createTestApi, createTestOrganization, createTestUser, type Client, type TestApi } from '../../../test/api.js';
import { createOrganization } from '../../../platform/identity/index.js';
import { waterRoles } from '../water-connection.policy.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

async function upload(c: Client, name: string) {
  const b = 'B0UNDARY';
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`), PDF, Buffer.from(`\r\n--${b}--\r\n`)]);
  const res = await c.request({ method: 'POST', url: '/api/v1/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describeEachDialect('water-connection dashboard API', (dialect) => {
  let api: TestApi;
  let applicant: Client, manager: Client, supervisor: Client, otherSupervisor: Client;
  const numbers: string[] = [];
  const base = '/api/v1/water-connection';

  beforeAll(async () => {
    api = await createTestApi(dialect);
    // Quanzhou's utility takes the applications (region 3505…); the other utility is in Xiamen.
    const utility = await createOrganization(api.db, { kind: 'water-utility', name: '泉州市自来水有限公司', regionCode: '350500' });
    const other = await createOrganization(api.db, { kind: 'water-utility', name: '厦门水务集团有限公司', regionCode: '350200' });
    const ent = await createTestOrganization(api.db, 'enterprise', '泉州市鲤城区晋江茶业有限公司');
    applicant = await api.login((await createTestUser(api.db, api.config, { organizationId: ent.id, roles: [waterRoles.applicant] })).username);
    const m = await createTestUser(api.db, api.config, { organizationId: utility.id, roles: [waterRoles['service-manager']] });
    await api.db.insertInto('wc_manager_districts').values({ user_id: m.id, utility_org_id: utility.id, district: '鲤城区' }).execute();
    manager = await api.login(m.username);
    supervisor = await api.login((await createTestUser(api.db, api.config, { organizationId: utility.id, roles: [waterRoles.supervisor] })).username);
    otherSupervisor = await api.login((await createTestUser(api.db, api.config, { organizationId: other.id, roles: [waterRoles.supervisor] })).username);
    const materials = { businessLicence: await upload(applicant, '营业执照.pdf'), propertyCertificate: await upload(applicant, '租赁合同.pdf'), drawings: await upload(applicant, '图纸.pdf') };
    for (const [siteAddress, phone] of [['中山中路 268 号', '13905951234'], ['温陵路 88 号', '13805957788']] as const) {
      const res = await applicant.post(`${base}/applications`, {
        contactName: '陈雅琴', contactPhone: phone, siteAddress, regionCode: '350502', waterUse: 'industrial', pipeDiameterMm: 100, dailyVolumeM3: 120, materials,
      });
      expect(res.statusCode, res.body).toBe(201);
      numbers.push(res.json<{ number: string }>().number);
    }
  });
  afterAll(() => api.close());

  it("the supervisor sees the utility's applications by state, steps and ratings", async () => {
    const res = await supervisor.get(`${base}/dashboard`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.total).toBe(2);
    expect(d.byState.find((s: { state: string }) => s.state === 'survey').count).toBe(2);
    expect(d.steps.map((s: { step: string }) => s.step)).toEqual(['survey', 'contract', 'countersign', 'construction', 'water-on']);
    expect(d.steps[0]).toMatchObject({ promisedDays: 3, unit: 'working', count: 0, inProgress: 2 });
    expect(d.ratings).toMatchObject({ count: 0, average: null });
    expect(d.overdue).toEqual([]);
    expect(d.perMonth).toHaveLength(12);
  });

  it("another utility's supervisor sees none of these applications", async () => {
    const d = (await otherSupervisor.get(`${base}/dashboard`)).json();
    expect(d.total).toBe(0);
    expect(d.byState.every((s: { count: number }) => s.count === 0)).toBe(true);
    const csv = await otherSupervisor.get(`${base}/dashboard/export.csv`);
    expect(csv.statusCode).toBe(200);
    for (const n of numbers) expect(csv.body).not.toContain(n);
    expect(csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(1);
  });

  it('an applicant gets 403, a service manager too (no dashboard permission), anonymous 401', async () => {
    for (const url of [`${base}/dashboard`, `${base}/dashboard/export.csv`, `${base}/settings/step-limits`]) {
      expect((await applicant.get(url)).statusCode).toBe(403);
      expect((await api.anonymous.get(url)).statusCode).toBe(401);
    }
    expect((await manager.get(`${base}/dashboard`)).statusCode).toBe(403);
    const put = await applicant.put(`${base}/settings/step-limits`, { limits: [{ step: 'survey', days: 1, unit: 'working' }] });
    expect(put.statusCode).toBe(403);
  });

  it('exports CSV for Excel: BOM, Chinese header, attachment, phones masked', async () => {
    const res = await supervisor.get(`${base}/dashboard/export.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''%E7%94%A8%E6%B0%B4/);
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.startsWith('申请编号,提交时间,申请人,')).toBe(true);
    expect(lines).toHaveLength(3);
    for (const n of numbers) expect(res.body).toContain(n);
    expect(res.body).not.toContain('13905951234');
    expect(res.body).not.toContain('13805957788');
    expect(res.body).toContain('139****1234');
    expect(res.body).toContain('138****7788');
  });

  it('promised limits: read, set (validated, audited), used by the dashboard, per utility', async () => {
    const get = await supervisor.get(`${base}/settings/step-limits`);
    expect(get.statusCode).toBe(200);
    expect(get.json().limits.find((l: { step: string }) => l.step === 'survey')).toMatchObject({ days: 3, unit: 'working', configured: false });

    const unknownField = await supervisor.put(`${base}/settings/step-limits`, { limits: [{ step: 'survey', days: 2, unit: 'working', note: 'x' }] });
    expect(unknownField.statusCode).toBe(400);
    const badStep = await supervisor.put(`${base}/settings/step-limits`, { limits: [{ step: 'contract', days: 2, unit: 'working' }] });
    expect(badStep.statusCode).toBe(400);
    const duplicate = await supervisor.put(`${base}/settings/step-limits`, { limits: [{ step: 'survey', days: 2, unit: 'working' }, { step: 'survey', days: 1, unit: 'natural' }] });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().errors[0].path).toBe('body.limits.1.step');

    const put = await supervisor.put(`${base}/settings/step-limits`, { limits: [{ step: 'survey', days: 2, unit: 'working' }, { step: 'water-on', days: 2, unit: 'natural' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().limits.find((l: { step: string }) => l.step === 'survey')).toMatchObject({ days: 2, configured: true });
    const d = (await supervisor.get(`${base}/dashboard`)).json();
    expect(d.steps.find((s: { step: string }) => s.step === 'survey')).toMatchObject({ promisedDays: 2, unit: 'working' });
    expect(d.steps.find((s: { step: string }) => s.step === 'water-on')).toMatchObject({ promisedDays: 2, unit: 'natural' });
    // the other utility keeps the defaults
    expect((await otherSupervisor.get(`${base}/dashboard`)).json().steps[0].promisedDays).toBe(3);
    const audit = await api.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'water-connection.step-limits.set').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!).after).toContainEqual({ step: 'survey', days: 2, unit: 'working' });
  });
});
