import { todayInChina, plusDays } from '../../../platform/calendar/index.js';
import { withUsccCheckChar } from '../../../platform/identity/index.js';
import { createTestOrganization, createTestUser, type Client, type TestApi } from '../../../test/api.js';
import { bankruptcyRoles } from '../bankruptcy.policy.js';
import { PREFIX } from './bankruptcy-test-api.js';

export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** Uploads one file through multipart to `url` and returns the response. */
export function uploadTo(client: Client, url: string, filename: string, bytes: Buffer, contentType = 'application/pdf') {
  const boundary = 'BK-BOUNDARY';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

export interface Party {
  client: Client;
  organizationId: string;
  userId: string;
}

async function party(api: TestApi, kind: Parameters<typeof createTestOrganization>[1], roles: string[]): Promise<Party> {
  const org = await createTestOrganization(api.db, kind);
  const user = await createTestUser(api.db, api.config, { organizationId: org.id, roles });
  return { client: await api.login(user.username), organizationId: org.id, userId: user.id };
}

export interface CaseWorld {
  judge: Party;
  administrator: Party;
  creditors: Party[];
  outsider: Party;
  caseId: string;
  version: number;
  caseNumber: string;
}

let debtorCounter = 0;

/** A court, an administrator firm, `creditorCount` creditors and an outsider; a case registered and accepted. */
export async function acceptedCase(api: TestApi, procedure: 'liquidation' | 'reorganization' | 'settlement', creditorCount = 3): Promise<CaseWorld> {
  const judge = await party(api, 'court', [bankruptcyRoles.judge]);
  const administrator = await party(api, 'administrator-firm', [bankruptcyRoles.administrator]);
  const creditors: Party[] = [];
  for (let i = 0; i < creditorCount; i++) creditors.push(await party(api, 'enterprise', [bankruptcyRoles.creditor]));
  const outsider = await party(api, 'enterprise', [bankruptcyRoles.creditor]);
  debtorCounter += 1;
  const today = todayInChina();
  const applied = await judge.client.post(`${PREFIX}/cases`, {
    procedure,
    applicantName: '厦门某某贸易有限公司',
    applicantRole: 'creditor',
    debtorName: `厦门测试债务人${debtorCounter}有限公司`,
    debtorUscc: withUsccCheckChar(`91350203MA${String(100000 + debtorCounter).padStart(6, '0')}X`),
    appliedOn: plusDays(today, -60),
    courtCode: '闽0203',
  });
  if (applied.statusCode !== 201) throw new Error(`register: ${applied.statusCode} ${applied.body}`);
  const c = applied.json<{ id: string; version: number }>();
  const accepted = await judge.client.post(`${PREFIX}/cases/${c.id}/accept`, {
    acceptedOn: plusDays(today, -50),
    administratorOrganizationId: administrator.organizationId,
    version: c.version,
  });
  if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  const a = accepted.json<{ version: number; caseNumber: string }>();
  return { judge, administrator, creditors, outsider, caseId: c.id, version: a.version, caseNumber: a.caseNumber };
}

/** Files an ordinary claim for `creditor` and confirms it in full as the administrator. */
export async function confirmedClaim(world: CaseWorld, creditor: Party, principalFen: number, extra: Record<string, unknown> = {}): Promise<string> {
  const filed = await creditor.client.post(`${PREFIX}/cases/${world.caseId}/claims`, { nature: 'ordinary', principalFen, secured: false, ...extra });
  if (filed.statusCode !== 201) throw new Error(`file: ${filed.statusCode} ${filed.body}`);
  const claim = filed.json<{ id: string; version: number }>();
  const reviewed = await world.administrator.client.post(`${PREFIX}/claims/${claim.id}/review`, {
    decision: 'confirmed',
    points: { nature: { ok: true }, amount: { ok: true } },
    version: claim.version,
  });
  if (reviewed.statusCode !== 200) throw new Error(`review: ${reviewed.statusCode} ${reviewed.body}`);
  return claim.id;
}

/** A meeting held today (notice sent 16 days ago), and an item whose vote closes `closesInMs` from now. */
export async function meetingWithItem(world: CaseWorld, item: Record<string, unknown>, closesInMs = 1500) {
  const today = todayInChina();
  const m = await world.administrator.client.post(`${PREFIX}/cases/${world.caseId}/meetings`, {
    title: '第一次债权人会议',
    meetingOn: today,
    startsAt: new Date().toISOString(),
    place: '厦门市思明区人民法院第三法庭（线上同步）',
    noticeSentOn: plusDays(today, -16),
  });
  if (m.statusCode !== 201) throw new Error(`meeting: ${m.statusCode} ${m.body}`);
  const meetingId = m.json<{ id: string }>().id;
  const it = await world.administrator.client.post(`${PREFIX}/meetings/${meetingId}/items`, {
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + closesInMs).toISOString(),
    ...item,
  });
  if (it.statusCode !== 201) throw new Error(`item: ${it.statusCode} ${it.body}`);
  return { meetingId, itemId: it.json<{ id: string; closesAt: string }>().id, closesAt: it.json<{ closesAt: string }>().closesAt };
}

export async function waitUntil(iso: string): Promise<void> {
  const ms = Date.parse(iso) - Date.now() + 20;
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}
