import type { ProcessDefinition, WorkflowInstance } from './process-definition.js';

/**
 * Test fixture: a small version of the synchronized licence and trademark change (商标法实施条例 Art. 30).
 * Each call gets its own process name, since names are registered once per process.
 */
export const roles = {
  clerk: 'wftest.registration-clerk',
  trademarkClerk: 'wftest.trademark-clerk',
  applicant: 'enterprise-user',
} as const;

let counter = 0;

export function sampleDefinition(overrides: Partial<ProcessDefinition> = {}): ProcessDefinition {
  counter += 1;
  return {
    name: `test.sync-change-${counter}-${process.pid}`,
    label: { zh: '营业执照和商标注册证同步变更', en: 'Synchronized licence and trademark change' },
    initial: 'submitted',
    states: {
      submitted: { label: { zh: '已提交', en: 'Submitted' }, deadline: { days: 1, unit: 'working' } },
      supplementing: { label: { zh: '补正材料', en: 'Supplementing materials' }, deadline: { days: 5, unit: 'natural' } },
      licenceChanged: { label: { zh: '执照已变更', en: 'Licence changed' }, deadline: { days: 3, unit: 'working' } },
      completed: { label: { zh: '已办结', en: 'Completed' }, terminal: true },
      rejected: { label: { zh: '不予受理', en: 'Rejected' }, terminal: true },
    },
    actions: {
      requestSupplement: {
        label: { zh: '一次性告知补正', en: 'Request missing materials' },
        from: 'submitted',
        to: 'supplementing',
        roles: [roles.clerk],
        requiredFields: ['missingMaterials'],
      },
      supplement: {
        label: { zh: '补正材料', en: 'Supplement materials' },
        from: 'supplementing',
        to: 'submitted',
        roles: [roles.applicant],
        anyOrganization: true,
      },
      changeLicence: {
        label: { zh: '变更营业执照', en: 'Change business licence' },
        from: 'submitted',
        to: 'licenceChanged',
        roles: [roles.clerk],
        requiredDocuments: ['changeCertificate'],
      },
      changeTrademarks: {
        label: { zh: '变更全部商标', en: 'Change all trademarks' },
        from: 'licenceChanged',
        to: 'completed',
        roles: [roles.trademarkClerk],
        requiredFields: ['trademarkCount'],
      },
      reject: {
        label: { zh: '不予受理', en: 'Reject' },
        from: ['submitted', 'supplementing'],
        to: 'rejected',
        roles: [roles.clerk],
        requiredFields: ['reason'],
      },
    },
    ...overrides,
  };
}

export function sampleInstance(process: string, overrides: Partial<WorkflowInstance> = {}): WorkflowInstance {
  return {
    id: 'wfi_test',
    process,
    subjectType: 'licence-change.application',
    subjectId: 'app_1',
    subjectLabel: 'WS-20260213-0001',
    link: null,
    organizationId: 'org_window',
    assigneeUserId: null,
    state: 'submitted',
    version: 3,
    enteredStateAt: '2026-02-13T02:00:00.000Z',
    dueDate: '2026-02-14',
    dueAt: '2026-02-14T16:00:00.000Z',
    overdueNotifiedAt: null,
    completedAt: null,
    createdAt: '2026-02-13T02:00:00.000Z',
    updatedAt: '2026-02-13T02:00:00.000Z',
    ...overrides,
  };
}
