import type { DbOrTx } from '../../platform/db/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { availableActions, getProcess, type WorkflowInstance } from '../../platform/workflow/index.js';
import { getInstance, listTransitions } from './workflow-adapter.js';
import { ratingLevels, waterUseLabels, materialLabels, type MaterialKind } from './application-rules.js';
import type { WaterApplicationTable } from './water-connection.table.js';

export function presentSummary(app: WaterApplicationTable) {
  const process = getProcess(app.simple_low_risk ? 'water-connection.simple' : 'water-connection.standard');
  const label = process.states[app.state]?.label ?? { zh: app.state, en: app.state };
  return {
    id: app.id,
    number: app.number,
    state: app.state,
    stateLabel: label,
    applicantName: app.applicant_name,
    siteAddress: app.site_address,
    district: app.district,
    waterUse: app.water_use,
    simpleLowRisk: !!app.simple_low_risk,
    assisted: !!app.assisted,
    submittedAt: app.submitted_at,
    completedAt: app.completed_at,
  };
}

/** Every step with its time, who acted, the promised deadline and the ledger receipt (transparency). */
export async function presentTimeline(db: DbOrTx, instance: WorkflowInstance) {
  const process = getProcess(instance.process);
  const transitions = await listTransitions(db, instance.id);
  return transitions.map((t) => ({
    action: t.action ?? 'submit',
    actionLabel: t.action ? process.actions[t.action]?.label ?? { zh: t.action, en: t.action } : { zh: '提交申请', en: 'Application submitted' },
    fromState: t.fromState,
    toState: t.toState,
    toStateLabel: process.states[t.toState]?.label ?? { zh: t.toState, en: t.toState },
    at: t.at,
    actorName: t.actor.name,
    dueDate: t.dueDate,
    ledgerIndex: t.ledgerIndex,
    comment: t.comment,
  }));
}

export async function presentDetail(db: DbOrTx, app: WaterApplicationTable, viewer: Principal) {
  const instance = (await getInstance(db, app.workflow_instance_id))!;
  const process = getProcess(instance.process);
  const manager = app.manager_user_id
    ? await db.selectFrom('users').select(['display_name', 'phone_masked']).where('id', '=', app.manager_user_id).executeTakeFirst()
    : undefined;
  const utility = await db.selectFrom('organizations').select('name').where('id', '=', app.utility_org_id).executeTakeFirst();
  const rating = await db.selectFrom('wc_ratings').selectAll().where('application_id', '=', app.id).executeTakeFirst();
  const rectification = await db.selectFrom('wc_rectifications').selectAll().where('application_id', '=', app.id).executeTakeFirst();
  const materials = JSON.parse(app.materials) as Partial<Record<MaterialKind, string>>;
  const overdue = !!instance.dueAt && Date.parse(instance.dueAt) < Date.now() && !instance.completedAt;
  return {
    ...presentSummary(app),
    version: instance.version,
    applicantKind: app.applicant_kind,
    applicantUscc: app.applicant_uscc,
    contactName: app.contact_name,
    contactPhone: app.contact_phone_masked,
    waterUseLabel: waterUseLabels[app.water_use],
    pipeDiameterMm: app.pipe_diameter_mm,
    dailyVolumeM3: app.daily_volume_m3,
    materials: Object.entries(materials).map(([kind, fileId]) => ({ kind, label: materialLabels[kind as MaterialKind], fileId })),
    utilityName: utility?.name ?? null,
    manager: manager ? { name: manager.display_name, phone: manager.phone_masked } : null,
    surveySlot: app.survey_slot_start ? { start: app.survey_slot_start, end: app.survey_slot_end } : null,
    designFileId: app.design_file_id,
    feeEstimateFen: app.fee_estimate_fen,
    contractFileId: app.contract_file_id,
    contractSha256: app.contract_sha256,
    constructionDate: app.construction_date,
    meterNumber: app.meter_number,
    connectionNumber: app.connection_number,
    currentDue: { dueDate: instance.dueDate, dueAt: instance.dueAt, overdue },
    availableActions: availableActions(process, instance, { userId: viewer.userId ?? viewer.id, roles: viewer.roles, organizationId: viewer.organizationId })
      .filter((a) => process.actions[a]!.anyOrganization !== true || viewer.userId === app.applicant_user_id),
    timeline: await presentTimeline(db, instance),
    rating: rating ? { level: rating.level, label: ratingLevels[rating.level], comment: rating.comment, at: rating.created_at, ledgerIndex: rating.ledger_index } : null,
    rectification: rectification
      ? { id: rectification.id, state: rectification.state, dueDate: rectification.due_date, actionTaken: rectification.action_taken, callbackRecord: rectification.callback_record, closedAt: rectification.closed_at }
      : null,
  };
}
