import type { Config } from '../../platform/config/index.js';
import type { Db } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { findOrganizationById } from '../../platform/identity/index.js';
import { findReadableFile, grantFileAccess, storeFile, localBlobStore } from '../../platform/files/index.js';
import { getInstance } from './workflow-adapter.js';
import { findApplicationById } from './application.repository.js';
import { renderContract } from './contract-document.js';
import { performStep } from './step.js';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const SLOT_HOURS = 2;

async function load(db: Db, id: string) {
  const app = await findApplicationById(db, id);
  if (!app) throw new HttpProblem(404, 'not-found');
  return app;
}

function requireApplicantUser(app: { applicant_user_id: string }, p: Principal) {
  if (p.userId !== app.applicant_user_id) throw new HttpProblem(403, 'forbidden', '仅申请人本人可操作 (only the applicant)');
}

/** The applicant books a 2-hour survey slot; a slot in the past is refused (422). Keeps the survey deadline. */
export async function pickSurveySlot(db: Db, config: Config, p: Principal, id: string, input: { version: number; slotStart: string }, now = new Date()) {
  const app = await load(db, id);
  requireApplicantUser(app, p);
  const start = new Date(input.slotStart);
  if (start.getTime() <= now.getTime()) {
    throw new HttpProblem(422, 'slot-in-past', undefined, [{ path: 'body.slotStart', code: 'slot-in-past', message: '预约时间须晚于当前时间 (the slot must be in the future)' }], undefined, ['预约时间已过', 'The slot is in the past']);
  }
  const end = new Date(start.getTime() + SLOT_HOURS * 3600_000);
  return db.transaction().execute(async (trx) => {
    const instance = await getInstance(trx, app.workflow_instance_id);
    return performStep(trx, config, app, {
      action: 'pickSurveySlot', expectedVersion: input.version, actor: p, fields: { slotStart: start.toISOString() },
      keepDueDate: instance?.dueDate ?? null, ledgerData: { slotStart: start.toISOString() },
      patch: { survey_slot_start: start.toISOString(), survey_slot_end: end.toISOString() },
      note: `预约勘察时间 ${start.toISOString()}`,
    });
  });
}

export async function confirmSurvey(db: Db, config: Config, p: Principal, id: string, input: { version: number }) {
  const app = await load(db, id);
  if (!app.survey_slot_start) throw new HttpProblem(409, 'conflict', '申请人尚未预约勘察时间 (no slot booked yet)');
  return db.transaction().execute(async (trx) => {
    const instance = await getInstance(trx, app.workflow_instance_id);
    return performStep(trx, config, app, { action: 'confirmSurvey', expectedVersion: input.version, actor: p, keepDueDate: instance?.dueDate ?? null, note: '营商服务经理已确认勘察预约' });
  });
}

/**
 * The survey is done: design drawing and fee estimate recorded; the supply contract is generated at once so the
 * applicant can sign it the same day (Quanzhou: survey and online contract on day 3).
 */
export async function recordSurvey(db: Db, config: Config, p: Principal, id: string, input: { version: number; designFileId: string; feeEstimateFen: number; note?: string }) {
  const app = await load(db, id);
  await findReadableFile(db, input.designFileId, p.organizationId);
  const utility = (await findOrganizationById(db, app.utility_org_id))!;
  const at = new Date().toISOString();
  const contract = await renderContract({ ...app, fee_estimate_fen: input.feeEstimateFen }, utility.name, config.publicUrl, at);
  const blobs = localBlobStore(join(config.dataDir, 'files'));
  return db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, blobs, { filename: `供水合同-${app.number}.pdf`, data: Buffer.from(contract), owner: { organizationId: app.utility_org_id, id: p.id } });
    await grantFileAccess(trx, file.id, [app.applicant_org_id]);
    await grantFileAccess(trx, input.designFileId, [app.applicant_org_id]);
    return performStep(trx, config, app, {
      action: 'recordSurvey', expectedVersion: input.version, actor: p,
      fields: { feeEstimateFen: input.feeEstimateFen }, attachments: [{ fileId: input.designFileId, kind: 'design' }],
      comment: input.note ?? null,
      ledgerData: { feeEstimateFen: input.feeEstimateFen, designFileId: input.designFileId, contractSha256: file.sha256 },
      documentSha256: createHash('sha256').update(contract).digest('hex'),
      patch: { design_file_id: input.designFileId, fee_estimate_fen: input.feeEstimateFen, contract_file_id: file.id, contract_sha256: file.sha256 },
      note: '勘察完成，请在线签订供水合同',
    });
  });
}
