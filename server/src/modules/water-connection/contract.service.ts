import { join } from 'node:path';
import type { Config } from '../../platform/config/index.js';
import type { Db } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import { findOrganizationById, type Principal } from '../../platform/identity/index.js';
import { findReadableFile, grantFileAccess, localBlobStore, storeFile } from '../../platform/files/index.js';
import { getVerifiedIdentity } from '../../platform/realname/index.js';
import { signPdfAsOrganization, signPdfAsPerson, type SignatureRecord } from '../../platform/esign/index.js';
import { recordAudit } from '../../platform/audit/index.js';
import { findApplicationById } from './application.repository.js';
import { performStep } from './step.js';
import type { WaterApplicationTable } from './water-connection.table.js';

const blobsOf = (config: Config) => localBlobStore(join(config.dataDir, 'files'));

async function load(db: Db, id: string) {
  const app = await findApplicationById(db, id);
  if (!app) throw new HttpProblem(404, 'not-found');
  if (!app.contract_file_id) throw new HttpProblem(409, 'conflict', '合同尚未生成 (no contract yet)');
  return app;
}

/** Stores the newly signed revision and returns it; earlier signatures stay valid (incremental update). */
async function storeSignedRevision(db: Db, config: Config, app: WaterApplicationTable, record: SignatureRecord, uploaderId: string) {
  return storeFile(db, blobsOf(config), { filename: `供水合同-${app.number}.pdf`, data: record.pdf, owner: { organizationId: app.utility_org_id, id: uploaderId }, allowed: ['pdf'] });
}

function signerAudit(requestId: string, p: Principal, app: WaterApplicationTable, record: SignatureRecord) {
  return {
    requestId,
    actorKind: p.kind,
    actorId: p.id,
    actorName: p.username,
    organizationId: p.organizationId,
    action: 'water-connection.contract.signed',
    target: app.id,
    outcome: 200,
    // The signer's identity as certified (masked ID only) and the certificate that bears it.
    detail: { signer: record.signer, certificateSerial: record.certificate.serialNumber, certificateSha256: record.certificate.sha256, documentSha256: record.documentSha256, timestamp: record.timestamp },
  };
}

/**
 * The applicant signs the supply contract online. Only the applicant user, and only after real-name
 * verification (Electronic Signature Law Art. 13: the signature data belongs to the verified signer alone — the
 * CA issues a one-time certificate to the verified person and the key is destroyed after this signing).
 */
export async function signContract(db: Db, config: Config, p: Principal, id: string, input: { version: number }, requestId: string) {
  const app = await load(db, id);
  if (p.userId !== app.applicant_user_id) throw new HttpProblem(403, 'forbidden', '仅经实名认证的申请人本人可签署合同 (only the verified applicant may sign)');
  const identity = await getVerifiedIdentity(db, p.userId);
  if (!identity) {
    throw new HttpProblem(403, 'realname-required', '签署前请先完成实名认证 (complete real-name verification before signing)', undefined, undefined, ['请先完成实名认证', 'Real-name verification required']);
  }
  if (app.state !== 'contract') throw new HttpProblem(409, 'conflict', '当前环节不能签署合同 (not in the contract step)', undefined, { allowedActions: [] });
  const file = await findReadableFile(db, app.contract_file_id!, p.organizationId);
  const pdf = await blobsOf(config).get(file.storage_key);
  const record = await signPdfAsPerson(pdf, { name: identity.name, residentIdMasked: identity.residentIdMasked, reason: '用水人签署供水合同', location: '福建省泉州市' }, { config });
  return db.transaction().execute(async (trx) => {
    const signed = await storeSignedRevision(trx, config, app, record, p.id);
    await grantFileAccess(trx, signed.id, [app.applicant_org_id]);
    await recordAudit(trx, signerAudit(requestId, p, app, record));
    return performStep(trx, config, app, {
      action: 'signContract', expectedVersion: input.version, actor: p,
      ledgerData: { signer: record.signer, realNameAssurance: identity.assurance, realNameProvider: identity.provider, certificateSha256: record.certificate.sha256 },
      documentSha256: record.documentSha256,
      patch: { contract_file_id: signed.id, contract_sha256: signed.sha256 },
      note: '申请人已签署合同，等待供水企业盖章',
    });
  });
}

/** The utility seals the contract with its organization certificate, after the applicant's signature. */
export async function countersignContract(db: Db, config: Config, p: Principal, id: string, input: { version: number }, requestId: string) {
  const app = await load(db, id);
  if (app.state !== 'countersign') throw new HttpProblem(409, 'conflict', '申请人尚未签署合同 (the applicant has not signed yet)', undefined, { allowedActions: [] });
  const utility = (await findOrganizationById(db, app.utility_org_id))!;
  if (!utility.uscc) throw new HttpProblem(409, 'conflict', '供水企业未登记统一社会信用代码，无法制作电子印章 (utility has no USCC)');
  const file = await findReadableFile(db, app.contract_file_id!, p.organizationId);
  const pdf = await blobsOf(config).get(file.storage_key);
  const record = await signPdfAsOrganization(pdf, { organizationName: utility.name, uscc: utility.uscc, reason: '供水人盖章', location: '福建省泉州市' }, { config });
  return db.transaction().execute(async (trx) => {
    const signed = await storeSignedRevision(trx, config, app, record, p.id);
    await grantFileAccess(trx, signed.id, [app.applicant_org_id]);
    await recordAudit(trx, signerAudit(requestId, p, app, record));
    return performStep(trx, config, app, {
      action: 'countersign', expectedVersion: input.version, actor: p,
      ledgerData: { signer: record.signer, certificateSha256: record.certificate.sha256 },
      documentSha256: record.documentSha256,
      patch: { contract_file_id: signed.id, contract_sha256: signed.sha256 },
      note: '合同已双方签署生效，将在 2 个工作日内施工',
    });
  });
}

export async function readContract(db: Db, config: Config, p: Principal, app: WaterApplicationTable) {
  if (!app.contract_file_id) throw new HttpProblem(404, 'not-found', '合同尚未生成 (no contract yet)');
  const file = await findReadableFile(db, app.contract_file_id, p.organizationId);
  return { file, data: await blobsOf(config).get(file.storage_key) };
}
