import type { Bilingual } from '../../shared/i18n.js';

/**
 * Labels the pages need before (or without) asking the server: the form's choices and the names of states and
 * actions. The server's own labels (stateLabel, actionLabel) win where a response carries them.
 */
export type WaterUse = 'residential' | 'commercial' | 'industrial' | 'construction';
export type MaterialKind = 'businessLicence' | 'propertyCertificate' | 'drawings' | 'authorization';

export const ROLE_APPLICANT = 'water-connection.applicant';
export const ROLE_MANAGER = 'water-connection.service-manager';
export const ROLE_CREW = 'water-connection.construction';
export const ROLE_SUPERVISOR = 'water-connection.supervisor';
export const UTILITY_ROLES = [ROLE_MANAGER, ROLE_CREW, ROLE_SUPERVISOR] as const;

export const waterUseLabels: Record<WaterUse, Bilingual> = {
  residential: ['居民生活用水', 'Residential'],
  commercial: ['经营服务用水', 'Commercial'],
  industrial: ['工业用水', 'Industrial'],
  construction: ['施工临时用水', 'Construction (temporary)'],
};

export const materialLabels: Record<MaterialKind, Bilingual> = {
  businessLicence: ['营业执照', 'Business licence'],
  propertyCertificate: ['不动产权证书或房屋租赁合同', 'Property certificate or lease'],
  drawings: ['用水设计图纸', 'Drawings of the water installation'],
  authorization: ['帮代办授权委托书（申请人签字）', "Applicant's signed authorization"],
};

export const stateLabels: Record<string, Bilingual> = {
  submitted: ['已提交', 'Submitted'],
  survey: ['现场勘察', 'Site survey'],
  contract: ['签订供水合同', 'Sign the supply contract'],
  countersign: ['供水企业盖章', 'Utility countersigns'],
  construction: ['施工', 'Construction'],
  'water-on': ['通水', 'Water on'],
  completed: ['已通水', 'Completed'],
  rejected: ['不予受理', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
};

export const stateColors: Record<string, string> = {
  survey: 'blue',
  contract: 'gold',
  countersign: 'orange',
  construction: 'purple',
  'water-on': 'cyan',
  completed: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export const actionLabels: Record<string, Bilingual> = {
  submit: ['提交申请', 'Submitted'],
  pickSurveySlot: ['预约勘察时间', 'Book a survey slot'],
  confirmSurvey: ['确认勘察预约', 'Confirm the survey slot'],
  recordSurvey: ['完成勘察（设计图与费用）', 'Record the survey (design and fee)'],
  signContract: ['申请人签署合同', 'Applicant signs the contract'],
  countersign: ['供水企业盖章', 'Utility countersigns'],
  scheduleConstruction: ['安排施工', 'Schedule construction'],
  completeConstruction: ['施工完成', 'Construction completed'],
  turnWaterOn: ['通水并装表', 'Water on, meter installed'],
  reject: ['不予受理', 'Reject'],
  withdraw: ['撤回申请', 'Withdraw'],
};

/** The path every standard application walks; simple low-risk projects skip the survey. */
export const standardSteps = ['submitted', 'survey', 'contract', 'countersign', 'construction', 'water-on', 'completed'] as const;
export const simpleSteps = ['submitted', 'contract', 'countersign', 'construction', 'water-on', 'completed'] as const;

/** 好差评 levels (国办发〔2019〕51号): 5 非常满意 … 1 非常不满意; 2 or lower opens a rectification. */
export const ratingLabels: Record<number, Bilingual> = {
  5: ['非常满意', 'Very satisfied'],
  4: ['满意', 'Satisfied'],
  3: ['基本满意', 'Fairly satisfied'],
  2: ['不满意', 'Dissatisfied'],
  1: ['非常不满意', 'Very dissatisfied'],
};

/** 泉州市 districts (GB/T 2260), used until the service guide has loaded its own list. */
export const fallbackDistricts: Record<string, string> = {
  '350502': '鲤城区',
  '350503': '丰泽区',
  '350504': '洛江区',
  '350505': '泉港区',
  '350521': '惠安县',
  '350524': '安溪县',
  '350525': '永春县',
  '350526': '德化县',
  '350581': '石狮市',
  '350582': '晋江市',
  '350583': '南安市',
};
