import { defineProcess } from '../../platform/workflow/index.js';
import type { TimeLimit } from '../../platform/calendar/index.js';
import { waterRoles } from './water-connection.policy.js';

/**
 * The water connection process. Reference lifecycle (eGov DIGIT NewWS1) adapted to Quanzhou's case: application
 * on day 0, site survey and online contract by day 3, construction on day 5, water on day 6.
 *
 * Promised limits (defaults; a utility may configure its own in wc_step_limits):
 *   survey       3 working days from submission (勘察);
 *   countersign  1 working day after the applicant signs;
 *   construction 2 working days from the signed contract;
 *   water-on     1 natural day after construction is completed.
 * The contract state has no promise: it waits for the applicant.
 */
export const DEFAULT_STEP_LIMITS: Record<string, TimeLimit> = {
  survey: { days: 3, unit: 'working' },
  countersign: { days: 1, unit: 'working' },
  construction: { days: 2, unit: 'working' },
  'water-on': { days: 1, unit: 'natural' },
};

const applicant = [waterRoles.applicant];
const manager = [waterRoles['service-manager']];
const managerOrSupervisor = [waterRoles['service-manager'], waterRoles.supervisor];
const crew = [waterRoles.construction];

const states = {
  survey: { label: { zh: '现场勘察', en: 'Site survey' }, deadline: DEFAULT_STEP_LIMITS.survey },
  contract: { label: { zh: '签订供水合同', en: 'Sign the supply contract' } },
  countersign: { label: { zh: '供水企业盖章', en: 'Utility countersigns' }, deadline: DEFAULT_STEP_LIMITS.countersign },
  construction: { label: { zh: '施工', en: 'Construction' }, deadline: DEFAULT_STEP_LIMITS.construction },
  'water-on': { label: { zh: '通水', en: 'Water on' }, deadline: DEFAULT_STEP_LIMITS['water-on'] },
  completed: { label: { zh: '已通水', en: 'Completed' }, terminal: true },
  rejected: { label: { zh: '不予受理', en: 'Rejected' }, terminal: true },
  withdrawn: { label: { zh: '已撤回', en: 'Withdrawn' }, terminal: true },
} as const;

const actions = {
  pickSurveySlot: { label: { zh: '预约勘察时间', en: 'Book a survey slot' }, from: 'survey', to: 'survey', roles: applicant, anyOrganization: true, requiredFields: ['slotStart'] },
  confirmSurvey: { label: { zh: '确认勘察预约', en: 'Confirm the survey slot' }, from: 'survey', to: 'survey', roles: manager },
  recordSurvey: { label: { zh: '完成勘察（设计图与费用）', en: 'Record the survey (design and fee)' }, from: 'survey', to: 'contract', roles: manager, requiredFields: ['feeEstimateFen'], requiredDocuments: ['design'] },
  signContract: { label: { zh: '申请人签署合同', en: 'Applicant signs the contract' }, from: 'contract', to: 'countersign', roles: applicant, anyOrganization: true },
  countersign: { label: { zh: '供水企业盖章', en: 'Utility countersigns' }, from: 'countersign', to: 'construction', roles: managerOrSupervisor },
  scheduleConstruction: { label: { zh: '安排施工', en: 'Schedule construction' }, from: 'construction', to: 'construction', roles: crew, requiredFields: ['constructionDate'] },
  completeConstruction: { label: { zh: '施工完成', en: 'Construction completed' }, from: 'construction', to: 'water-on', roles: crew, requiredDocuments: ['photo'] },
  turnWaterOn: { label: { zh: '通水并装表', en: 'Water on, meter installed' }, from: 'water-on', to: 'completed', roles: crew, requiredFields: ['meterNumber'] },
  reject: { label: { zh: '不予受理', en: 'Reject' }, from: ['survey', 'contract'], to: 'rejected', roles: managerOrSupervisor, requiredFields: ['reason'] },
  withdraw: { label: { zh: '撤回申请', en: 'Withdraw' }, from: ['survey', 'contract'], to: 'withdrawn', roles: applicant, anyOrganization: true },
} as const;

/** Standard path: survey first. */
export const standardProcess = defineProcess({
  name: 'water-connection.standard',
  label: { zh: '用水报装（一般项目）', en: 'Water connection (standard)' },
  initial: 'survey',
  states,
  actions,
  escalateTo: [waterRoles.supervisor],
});

/** Simple low-risk path: 零上门、零审批、零投资 — no survey, straight to the contract, no fee. */
export const simpleProcess = defineProcess({
  name: 'water-connection.simple',
  label: { zh: '用水报装（简易低风险项目）', en: 'Water connection (simple low-risk)' },
  initial: 'contract',
  escalateTo: [waterRoles.supervisor],
  states: { contract: states.contract, countersign: states.countersign, construction: states.construction, 'water-on': states['water-on'], completed: states.completed, rejected: states.rejected, withdrawn: states.withdrawn },
  actions: {
    signContract: actions.signContract,
    countersign: actions.countersign,
    scheduleConstruction: actions.scheduleConstruction,
    completeConstruction: actions.completeConstruction,
    turnWaterOn: actions.turnWaterOn,
    reject: { ...actions.reject, from: ['contract'] },
    withdraw: { ...actions.withdraw, from: ['contract'] },
  },
});

export const stepOrder = ['submitted', 'survey', 'contract', 'countersign', 'construction', 'water-on', 'completed'] as const;
