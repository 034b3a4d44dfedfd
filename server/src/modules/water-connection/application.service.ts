import type { Config } from '../../platform/config/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import { encryptPii, matchHash, maskPhone, findOrganizationById, type Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { notify } from '../../platform/notify/index.js';
import { grantFileAccess, findReadableFile } from '../../platform/files/index.js';
import { startInstance, todayInChinaString } from './workflow-adapter.js';
import { formatApplicationNumber, isSimpleLowRisk, materialLabels, missingMaterials, requiredMaterials, type MaterialKind } from './application-rules.js';
import { findManagerCandidates, findWaterUtilityForCity, insertApplication, nextDailySequence, findApplicationById } from './application.repository.js';
import { cityOf, quanzhouDistricts } from './districts.js';
import { simpleProcess, standardProcess } from './water-connection.workflow.js';
import { waterTemplates } from './water-connection.templates.js';
import { dueDateOnEntering } from './step-limits.js';
import type { TSubmitApplicationRequest } from './water-connection.schemas.js';
import type { WaterApplicationTable } from './water-connection.table.js';

/** Public tracking key: keyed hash of the number and the phone's last 4 digits (the phone never in clear). */
export const trackingHash = (config: Config, number: string, phoneLast4: string) => matchHash(config.piiKey, `wc-track:${number}:${phoneLast4}`);

/** Least open work among the district's managers (then all the utility's managers); ties by id. */
export async function pickServiceManager(db: DbOrTx, utilityOrgId: string, district: string) {
  const candidates = await findManagerCandidates(db, utilityOrgId, district);
  candidates.sort((a, b) => Number(a.open_work) - Number(b.open_work) || (a.id < b.id ? -1 : 1));
  return candidates[0] ?? null;
}

export interface SubmitContext {
  principal: Principal;
  /** 帮代办: a service manager files for this applicant user (who must have authorized it in writing). */
  onBehalfOf?: { userId: string; organizationId: string } | null;
}

/**
 * Submits an application. Complete materials are required; every missing one is listed at once (一次性告知).
 * A service manager is assigned at once (district, then least open work). The application, its workflow
 * instance and its ledger leaf commit together.
 */
export async function submitApplication(db: Db, config: Config, ctx: SubmitContext, input: TSubmitApplicationRequest) {
  const applicantOrgId = ctx.onBehalfOf?.organizationId ?? ctx.principal.organizationId;
  const applicantUserId = ctx.onBehalfOf?.userId ?? ctx.principal.userId!;
  const applicantOrg = await findOrganizationById(db, applicantOrgId);
  if (!applicantOrg) throw new HttpProblem(404, 'not-found');
  const applicantKind = applicantOrg.kind === 'enterprise' ? 'enterprise' : 'person';
  const district = quanzhouDistricts[input.regionCode];
  if (!district) {
    throw new HttpProblem(422, 'unprocessable', undefined, [{ path: 'body.regionCode', code: 'unknown-district', message: '不在泉州市供水服务范围内 (outside the Quanzhou service area)' }]);
  }
  const simple = isSimpleLowRisk(input);
  const assisted = !!ctx.onBehalfOf;
  const required = requiredMaterials(applicantKind, simple, assisted);
  const missing = missingMaterials(required, input.materials);
  if (missing.length) {
    throw new HttpProblem(422, 'materials-missing', `请一次性补齐以下材料：${missing.map((m) => materialLabels[m][0]).join('、')}`, missing.map((m) => ({
      path: `body.materials.${m}`,
      code: 'material-missing',
      message: `${materialLabels[m][0]} (${materialLabels[m][1]}) 未上传`,
    })), { missingMaterials: missing }, ['材料不齐，请一次性补齐', 'Materials missing: all are listed']);
  }
  // Materials must be files the filer may read (uploaded by them, or by the applicant for assisted filings).
  for (const [kind, fileId] of Object.entries(input.materials) as [MaterialKind, string][]) {
    if (!fileId) continue;
    try {
      await findReadableFile(db, fileId, ctx.principal.organizationId);
    } catch {
      throw new HttpProblem(422, 'unprocessable', undefined, [{ path: `body.materials.${kind}`, code: 'file-not-found', message: '文件不存在或无权使用 (file not found)' }]);
    }
  }
  const utility = await findWaterUtilityForCity(db, cityOf(input.regionCode));
  if (!utility) throw new HttpProblem(422, 'unprocessable', '该地区暂无接入的供水企业 (no utility for this area)');

  return db.transaction().execute(async (trx) => {
    const manager = await pickServiceManager(trx, utility.id, district);
    const now = new Date();
    const day = todayInChinaString(now);
    const number = formatApplicationNumber(day, await nextDailySequence(trx, day));
    const id = newId('wsa');
    const process = simple ? simpleProcess : standardProcess;
    const phoneLast4 = input.contactPhone.slice(-4);
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'water-connection.submitted',
      subject: number,
      data: { applicationId: id, number, applicantOrganizationId: applicantOrgId, utilityOrganizationId: utility.id, simpleLowRisk: simple, assisted, materials: input.materials, waterUse: input.waterUse },
      visibleTo: { organizationIds: [applicantOrgId, utility.id] },
    });
    const ownDue = await dueDateOnEntering(trx, utility.id, process.initial, now);
    const { instance } = await startInstance(trx, process, {
      ...(ownDue ? { dueDate: ownDue } : {}),
      subjectType: 'water-application',
      subjectId: id,
      subjectLabel: number,
      link: `/water-connection/applications/${id}`,
      organizationId: utility.id,
      assigneeUserId: manager?.id ?? null,
      actor: { userId: ctx.principal.userId ?? ctx.principal.id, roles: ctx.principal.roles, organizationId: ctx.principal.organizationId, name: ctx.principal.displayName },
      comment: assisted ? '营商服务经理帮代办 (assisted filing)' : null,
      ledgerIndex: leafIndex,
      now,
    });
    const row: WaterApplicationTable = {
      id,
      number,
      applicant_kind: applicantKind,
      applicant_org_id: applicantOrgId,
      applicant_user_id: applicantUserId,
      applicant_name: applicantOrg.name,
      applicant_uscc: applicantOrg.uscc,
      contact_name: input.contactName,
      contact_phone_enc: encryptPii(config.piiKey, input.contactPhone),
      contact_phone_masked: maskPhone(input.contactPhone),
      tracking_hash: trackingHash(config, number, phoneLast4),
      site_address: input.siteAddress,
      district,
      water_use: input.waterUse,
      pipe_diameter_mm: input.pipeDiameterMm,
      daily_volume_m3: input.dailyVolumeM3,
      simple_low_risk: simple ? 1 : 0,
      materials: JSON.stringify(input.materials),
      utility_org_id: utility.id,
      manager_user_id: manager?.id ?? null,
      workflow_instance_id: instance.id,
      state: instance.state,
      assisted: assisted ? 1 : 0,
      survey_slot_start: null,
      survey_slot_end: null,
      design_file_id: null,
      fee_estimate_fen: simple ? 0 : null,
      contract_file_id: null,
      contract_sha256: null,
      construction_date: null,
      meter_number: null,
      connection_number: null,
      submitted_at: now.toISOString(),
      completed_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await insertApplication(trx, row);
    for (const fileId of Object.values(input.materials)) if (fileId) await grantFileAccess(trx, fileId, [utility.id, applicantOrgId]);
    await notify(trx, {
      userIds: [applicantUserId],
      template: waterTemplates['water-connection.submitted'],
      params: { number, manager: manager?.display_name ?? '待分配', managerPhone: String(manager?.phone_masked ?? '968812') },
      link: `/water-connection/applications/${id}`,
    });
    if (manager) {
      await notify(trx, { userIds: [manager.id], template: waterTemplates['water-connection.assigned'], params: { number, applicant: applicantOrg.name, address: input.siteAddress }, link: `/water-connection/applications/${id}` });
    }
    return { application: row, ledgerIndex: leafIndex, instance };
  });
}

/**
 * The application if the caller may see it: the applicant's organization, or the utility's staff. Anyone else
 * gets 404, never a hint that it exists.
 */
export async function findVisibleApplication(db: DbOrTx, principal: Principal, id: string) {
  const app = await findApplicationById(db, id);
  if (!app) throw new HttpProblem(404, 'not-found');
  const isApplicant = app.applicant_org_id === principal.organizationId && principal.permissions.has('water-connection:read-own');
  const isUtility = app.utility_org_id === principal.organizationId && principal.permissions.has('water-connection:read-utility');
  if (!isApplicant && !isUtility) throw new HttpProblem(404, 'not-found');
  return { app, side: isApplicant ? ('applicant' as const) : ('utility' as const) };
}
