import type { Config } from '../../platform/config/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { notify } from '../../platform/notify/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { performAction, getProcess, type Attachment } from '../../platform/workflow/index.js';
import type { WaterApplicationTable } from './water-connection.table.js';
import { updateApplication } from './application.repository.js';
import { waterTemplates } from './water-connection.templates.js';
import { dueDateOnEntering } from './step-limits.js';

export interface StepInput {
  action: string;
  expectedVersion: number;
  actor: Principal;
  fields?: Record<string, unknown>;
  attachments?: Attachment[];
  comment?: string | null;
  /** Facts that go on the ledger with the step (never personal data in clear). */
  ledgerData?: Record<string, unknown>;
  documentSha256?: string;
  /** Columns of the application changed by this step. */
  patch?: Partial<WaterApplicationTable>;
  /** Keep the current due date (an action that stays in the same state, e.g. booking a slot). */
  keepDueDate?: string | null;
  note?: string;
}

/**
 * One step of an application: the workflow transition (role, state, version checks), its ledger leaf and the
 * application's own columns, in one transaction; then a message to the other side.
 */
export async function performStep(trx: DbOrTx, _config: Config, app: WaterApplicationTable, input: StepInput) {
  const actorInfo = { userId: input.actor.userId ?? input.actor.id, roles: input.actor.roles, organizationId: input.actor.organizationId, name: input.actor.displayName };
  // Ledger last-but-one: the workflow needs its index, and the ledger counter is held until commit (keep it short).
  const { leafIndex } = await appendLedgerEntry(trx, {
    type: `water-connection.${input.action.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    subject: app.number,
    data: { applicationId: app.id, action: input.action, actorOrganizationId: input.actor.organizationId, ...input.ledgerData },
    documentSha256: input.documentSha256,
    visibleTo: { organizationIds: [app.applicant_org_id, app.utility_org_id] },
  });
  const target = getProcess(app.simple_low_risk ? 'water-connection.simple' : 'water-connection.standard').actions[input.action]?.to;
  const ownDue = input.keepDueDate === undefined && target && target !== app.state
    ? await dueDateOnEntering(trx, app.utility_org_id, target, new Date())
    : undefined;
  const result = await performAction(trx, {
    instanceId: app.workflow_instance_id,
    action: input.action,
    expectedVersion: input.expectedVersion,
    actor: actorInfo,
    fields: input.fields,
    attachments: input.attachments,
    comment: input.comment ?? null,
    ledgerIndex: leafIndex,
    ...(input.keepDueDate !== undefined ? { dueDate: input.keepDueDate } : ownDue ? { dueDate: ownDue } : {}),
  });
  const state = result.instance.state;
  const completed = state === 'completed';
  await updateApplication(trx, app.id, { ...input.patch, state, ...(completed ? { completed_at: result.transition.at } : {}) });
  const label = getProcess(result.instance.process).states[state]!.label;
  const toApplicant = input.actor.organizationId !== app.applicant_org_id;
  await notify(trx, {
    ...(toApplicant ? { userIds: [app.applicant_user_id] } : { userIds: app.manager_user_id ? [app.manager_user_id] : [] }),
    template: waterTemplates['water-connection.step'],
    params: { number: app.number, state: label.zh, stateEn: label.en, note: input.note ?? '' },
    link: `/water-connection/applications/${app.id}`,
  });
  return { ...result, leafIndex };
}
