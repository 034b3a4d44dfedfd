import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../test/db.js';
import { createTestApi, createTestOrganization, createTestUser, type Client, type TestApi } from '../../test/api.js';
import { createOrganization, withResidentIdCheckChar, withUsccCheckChar } from '../../platform/identity/index.js';
import { waterRoles } from './water-connection.policy.js';
import { addWorkingDays, todayInChina } from '../../platform/calendar/index.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5ad0f8e0000000049454e44ae426082', 'hex');
/** pdfsig exits non-zero when a signature is invalid; its report is on stdout either way. */
function pdfsig(file: string): string {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
}
const hasPdfsig = (() => { try { execFileSync('pdfsig', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } })();

async function upload(c: Client, name: string, data: Buffer) {
  const b = 'B0UNDARY';
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`)]);
  const res = await c.request({ method: 'POST', url: '/api/v1/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describeEachDialect('water connection: the whole path', (dialect) => {
  let api: TestApi;
  let applicant: Client, manager: Client, crew: Client, supervisor: Client, outsider: Client, otherManager: Client;
  let applicantUserId: string;
  const residentId = withResidentIdCheckChar('35050219850312051');
  const base = '/api/v1/water-connection';

  beforeAll(async () => {
    api = await createTestApi(dialect);
    const suffix = String(Date.now()).slice(-6);
    const utility = await createOrganization(api.db, { kind: 'water-utility', name: '泉州市自来水有限公司', uscc: withUsccCheckChar(`9135050015658${suffix.slice(0, 4)}`), regionCode: '350500' });
    const otherUtility = await createOrganization(api.db, { kind: 'water-utility', name: '厦门水务集团有限公司', uscc: withUsccCheckChar(`9135020015658${suffix.slice(0, 4)}`), regionCode: '350200' });
    const ent = await createTestOrganization(api.db, 'enterprise', '福建馥稷生物科技发展有限公司');
    const u = await createTestUser(api.db, api.config, { organizationId: ent.id, roles: [waterRoles.applicant], residentId, phone: '13905951234' });
    applicantUserId = u.id;
    applicant = await api.login(u.username);
    const m = await createTestUser(api.db, api.config, { organizationId: utility.id, roles: [waterRoles['service-manager']], phone: '13800001111' });
    await api.db.insertInto('wc_manager_districts').values({ user_id: m.id, utility_org_id: utility.id, district: '鲤城区' }).execute();
    manager = await api.login(m.username);
    crew = await api.login((await createTestUser(api.db, api.config, { organizationId: utility.id, roles: [waterRoles.construction] })).username);
    supervisor = await api.login((await createTestUser(api.db, api.config, { organizationId: utility.id, roles: [waterRoles.supervisor] })).username);
    outsider = await api.login((await createTestUser(api.db, api.config, { organizationId: (await createTestOrganization(api.db)).id, roles: [waterRoles.applicant] })).username);
    otherManager = await api.login((await createTestUser(api.db, api.config, { organizationId: otherUtility.id, roles: [waterRoles['service-manager']] })).username);
  });
  afterAll(() => api.close());

  const apply = (c: Client, materials: Record<string, string>, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    c.post(`${base}/applications`, {
      contactName: '林东润', contactPhone: '13905951234', siteAddress: '江南街道高新区紫华路 8 号', regionCode: '350502',
      waterUse: 'industrial', pipeDiameterMm: 100, dailyVolumeM3: 120, materials, ...extra,
    }, headers);

  it('missing materials: one answer listing all of them', async () => {
    const res = await apply(applicant, {});
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('materials-missing');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['body.materials.businessLicence', 'body.materials.propertyCertificate', 'body.materials.drawings']);
  });

  it('a wrong file type → 415', async () => {
    const b = 'B0UNDARY';
    const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="licence.pdf"\r\n\r\n`), Buffer.from('MZ this is an executable'), Buffer.from(`\r\n--${b}--\r\n`)]);
    const res = await applicant.request({ method: 'POST', url: '/api/v1/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
    expect(res.statusCode).toBe(415);
  });

  it('apply → assigned → survey → real-name → sign → countersign → construction → water on → rating, every step on the ledger', async () => {
    const materials = { businessLicence: await upload(applicant, '营业执照.pdf', PDF), propertyCertificate: await upload(applicant, '产权证.pdf', PDF), drawings: await upload(applicant, '图纸.pdf', PDF) };
    // A double-clicked submit (same Idempotency-Key) → one application.
    const key = `submit-${Date.now()}`;
    const [first, second] = await Promise.all([apply(applicant, materials, {}, { 'idempotency-key': key }), apply(applicant, materials, {}, { 'idempotency-key': key })]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const created = (first.statusCode === 201 ? first : second).json();
    const again = await apply(applicant, materials, {}, { 'idempotency-key': key });
    expect(again.json().id).toBe(created.id);
    const count = await api.db.selectFrom('wc_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('applicant_user_id', '=', applicantUserId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    expect(created.number).toMatch(/^WS-\d{8}-0001$/);
    expect(created.state).toBe('survey');
    expect(created.manager).toMatchObject({ phone: '138****1111' });
    expect(created.contactPhone).toBe('139****1234');
    expect(JSON.stringify(created)).not.toContain('13905951234');
    expect(created.currentDue.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(created.timeline[0].ledgerIndex).toEqual(expect.any(Number));
    const id = created.id as string;

    // Permissions: another enterprise and another utility see nothing.
    expect((await outsider.get(`${base}/applications/${id}`)).statusCode).toBe(404);
    expect((await otherManager.get(`${base}/applications/${id}`)).statusCode).toBe(404);
    expect((await otherManager.get(`${base}/applications`)).json().items).toEqual([]);
    expect((await manager.get(`${base}/applications`)).json().items.map((a: { id: string }) => a.id)).toContain(id);

    // Survey: a slot in the past → 422; a future slot; the manager confirms and records design + fee.
    let d = created;
    const past = await applicant.post(`${base}/applications/${id}/survey-slot`, { version: d.version, slotStart: new Date(Date.now() - 3600_000).toISOString() });
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('slot-in-past');
    const booked = await applicant.post(`${base}/applications/${id}/survey-slot`, { version: d.version, slotStart: new Date(Date.now() + 86_400_000).toISOString() });
    if (booked.statusCode === 500) console.log(api.logLines.filter((l) => l.includes('request failed')).join('\n'));
    expect(booked.statusCode, booked.body).toBe(200);
    d = booked.json();
    expect(d.surveySlot).not.toBeNull();
    expect(d.currentDue.dueDate).toBe(created.currentDue.dueDate); // booking keeps the survey promise
    // The applicant may not confirm the survey (role) → 403.
    expect((await applicant.post(`${base}/applications/${id}/survey-confirm`, { version: d.version })).statusCode).toBe(403);
    d = (await manager.post(`${base}/applications/${id}/survey-confirm`, { version: d.version })).json();
    const stale = await manager.post(`${base}/applications/${id}/survey-confirm`, { version: d.version - 1 });
    expect(stale.statusCode).toBe(409);
    const design = await upload(manager, '设计图.pdf', PDF);
    const surveyed = await manager.post(`${base}/applications/${id}/survey-result`, { version: d.version, designFileId: design, feeEstimateFen: 358_000 });
    expect(surveyed.statusCode, surveyed.body).toBe(200);
    d = surveyed.json();
    expect(d.state).toBe('contract');
    expect(d.contractFileId).toBeTruthy();

    // Signing: not before real-name verification; never by anyone but the applicant.
    const unverified = await applicant.post(`${base}/applications/${id}/contract/sign`, { version: d.version });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().code).toBe('realname-required');
    expect((await manager.post(`${base}/applications/${id}/contract/sign`, { version: d.version })).statusCode).toBe(403);
    const started = await applicant.post('/api/v1/realname/local/start', { name: '林东润', residentId });
    expect(started.statusCode, started.body).toBeLessThan(300);
    const { challengeId } = started.json();
    const line = api.logLines.find((l) => l.includes(challengeId) && l.includes('one-time code'))!;
    const code = /one-time code (\d{6})/.exec(line)![1];
    expect((await applicant.post('/api/v1/realname/local/confirm', { challengeId, code })).statusCode).toBeLessThan(300);
    const signed = await applicant.post(`${base}/applications/${id}/contract/sign`, { version: d.version });
    expect(signed.statusCode, signed.body).toBe(200);
    d = signed.json();
    expect(d.state).toBe('countersign');
    d = (await manager.post(`${base}/applications/${id}/contract/countersign`, { version: d.version })).json();
    expect(d.state).toBe('construction');

    // Both signatures verify with poppler's pdfsig.
    const contract = await applicant.get(`${base}/applications/${id}/contract`);
    expect(contract.headers['content-type']).toContain('application/pdf');
    if (hasPdfsig) {
      const dir = mkdtempSync(join(tmpdir(), 'wc-contract-'));
      writeFileSync(join(dir, 'c.pdf'), contract.rawPayload);
      expect(pdfsig(join(dir, 'c.pdf')).match(/Signature is Valid\./g)?.length).toBe(2);
      const tampered = Buffer.from(contract.rawPayload);
      // Flip one byte inside the signed range (the first object header of the original document).
      const at = tampered.indexOf(Buffer.from('obj'));
      tampered[at + 1] = tampered[at + 1]! ^ 0x01;
      writeFileSync(join(dir, 't.pdf'), tampered);
      expect(pdfsig(join(dir, 't.pdf'))).toContain('Digest Mismatch');
    } else {
      console.warn('⚠️  pdfsig not installed: the contract signature check is SKIPPED (apt-get install poppler-utils)');
    }

    // Construction, water on.
    d = (await crew.post(`${base}/applications/${id}/construction/schedule`, { version: d.version, constructionDate: '2026-12-01' })).json();
    const photo = await upload(crew, '施工照片.png', PNG);
    d = (await crew.post(`${base}/applications/${id}/construction/complete`, { version: d.version, photoFileIds: [photo] })).json();
    expect(d.state).toBe('water-on');
    d = (await crew.post(`${base}/applications/${id}/water-on`, { version: d.version, meterNumber: 'QZ-2026-88123' })).json();
    expect(d.state).toBe('completed');
    expect(d.connectionNumber).toMatch(/^QZ350502/);

    // Every step is on the ledger, visible in the applicant's timeline.
    const detail = (await applicant.get(`${base}/applications/${id}`)).json();
    expect(detail.timeline.map((t: { action: string }) => t.action)).toEqual(['submit', 'pickSurveySlot', 'confirmSurvey', 'recordSurvey', 'signContract', 'countersign', 'scheduleConstruction', 'completeConstruction', 'turnWaterOn']);
    expect(detail.timeline.every((t: { ledgerIndex: number | null }) => typeof t.ledgerIndex === 'number')).toBe(true);
    const receipt = await applicant.get(`/api/v1/ledger/leaves/${detail.timeline[4].ledgerIndex}`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('water-connection.sign-contract');
    expect((await outsider.get(`/api/v1/ledger/leaves/${detail.timeline[4].ledgerIndex}`)).statusCode).toBe(404);

    // Public tracking: number + last 4 digits; wrong digits → 404; no personal data.
    const tracked = await api.anonymous.post(`${base}/track`, { number: created.number, phoneLast4: '1234' });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().state).toBe('completed');
    expect(tracked.body).not.toContain('林东润');
    expect((await api.anonymous.post(`${base}/track`, { number: created.number, phoneLast4: '0000' })).statusCode).toBe(404);

    // A bad rating opens a rectification with a deadline; a second rating is refused (一事一评).
    const rated = await applicant.post(`${base}/applications/${id}/rating`, { level: 2, comment: '施工后路面未恢复' });
    expect(rated.statusCode).toBe(201);
    expect(rated.json().rectification.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await applicant.post(`${base}/applications/${id}/rating`, { level: 5 })).statusCode).toBe(409);
    const closed = await supervisor.post(`/api/v1/water-connection/rectifications/${rated.json().rectification.id}/close`, { actionTaken: '已恢复路面', callbackRecord: '电话回访，申请人表示满意' });
    expect(closed.json().state).toBe('closed');
  }, 120_000);

  it('a simple low-risk project skips the survey and costs nothing', async () => {
    const materials = { businessLicence: await upload(applicant, '执照.pdf', PDF), propertyCertificate: await upload(applicant, '租赁合同.pdf', PDF) };
    const res = await apply(applicant, materials, { waterUse: 'commercial', pipeDiameterMm: 25, dailyVolumeM3: 3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ simpleLowRisk: true, state: 'contract', feeEstimateFen: 0 });
  });

  it("the utility's own promised limit sets the due date (working days, holidays skipped)", async () => {
    const set = await supervisor.put(`${base}/settings/step-limits`, { limits: [{ step: 'survey', days: 10, unit: 'working' }] });
    expect(set.statusCode, set.body).toBeLessThan(300);
    const materials = { businessLicence: await upload(applicant, '执照.pdf', PDF), propertyCertificate: await upload(applicant, '产权.pdf', PDF), drawings: await upload(applicant, '图.pdf', PDF) };
    const res = await apply(applicant, materials);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().currentDue.dueDate).toBe(addWorkingDays(todayInChina(new Date()), 10));
    await supervisor.put(`${base}/settings/step-limits`, { limits: [{ step: 'survey', days: 3, unit: 'working' }] });
  });

  it('the applicant withdraws; the utility rejects with a reason; both are final', async () => {
    const materials = { businessLicence: await upload(applicant, '执照.pdf', PDF), propertyCertificate: await upload(applicant, '产权.pdf', PDF), drawings: await upload(applicant, '图.pdf', PDF) };
    const a = (await apply(applicant, materials)).json();
    expect((await manager.post(`${base}/applications/${a.id}/withdraw`, { version: a.version })).statusCode).toBe(403);
    const w = await applicant.post(`${base}/applications/${a.id}/withdraw`, { version: a.version });
    expect(w.json().state).toBe('withdrawn');
    const b = (await apply(applicant, materials)).json();
    expect((await manager.post(`${base}/applications/${b.id}/reject`, { version: b.version, reason: '' })).statusCode).toBe(400);
    const r = await manager.post(`${base}/applications/${b.id}/reject`, { version: b.version, reason: '用水地址不在供水管网覆盖范围内' });
    expect(r.json().state).toBe('rejected');
    expect(r.json().utilityName).toBe('泉州市自来水有限公司');
    const again = await manager.post(`${base}/applications/${b.id}/survey-confirm`, { version: r.json().version });
    expect(again.statusCode).toBe(409);
  });
});
