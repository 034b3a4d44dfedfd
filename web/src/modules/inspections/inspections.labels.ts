import type { Bilingual } from '../../shared/i18n.js';

/** Role ids of the inspections module (server: inspections.policy.ts). */
export const ROLE_CHECKLIST_ADMIN = 'inspections.checklist-admin';
export const ROLE_PLANNER = 'inspections.planner';
export const ROLE_INSPECTOR = 'inspections.inspector';
export const ROLE_SELF_CHECKER = 'inspections.self-checker';
export const ROLE_ENTERPRISE = 'enterprise-user';

export const levelLabels: Record<string, Bilingual> = {
  department: ['所属部门', 'Department'],
  category: ['抽查类别', 'Category'],
  item: ['抽查事项', 'Item'],
  checkPoint: ['检查内容及要点', 'Check point'],
};

export const creditClassLabels: Record<string, Bilingual> = {
  A: ['A 类（信用风险低）', 'A (low risk)'],
  B: ['B 类（信用风险一般）', 'B (medium risk)'],
  C: ['C 类（信用风险较高）', 'C (medium-high risk)'],
  D: ['D 类（信用风险高）', 'D (high risk)'],
};

export const flagLabels: Record<string, Bilingual> = {
  complaint: ['投诉举报多', 'Complaints'],
  abnormalOperation: ['列入经营异常名录', 'Abnormal operation'],
  seriousViolation: ['严重违法失信', 'Serious violation'],
};

export const planStateLabels: Record<string, Bilingual> = {
  draft: ['草稿', 'Draft'],
  committed: ['已公布承诺', 'Committed'],
  drawn: ['已抽取', 'Drawn'],
};

export const taskStateLabels: Record<string, Bilingual> = {
  assigned: ['待检查', 'To inspect'],
  recorded: ['已录入，待公示', 'Recorded'],
  published: ['已公示', 'Published'],
};

export const outcomeLabels: Record<string, Bilingual> = {
  compliant: ['未发现问题', 'Compliant'],
  problems: ['发现问题', 'Problems found'],
  'not-found': ['检查对象未找到', 'Not found at the address'],
};

/** GB/T 4754-2017 sections used as the industry filter. */
export const industrySections: Array<[string, Bilingual]> = [
  ['A', ['农、林、牧、渔业', 'Agriculture']],
  ['B', ['采矿业', 'Mining']],
  ['C', ['制造业', 'Manufacturing']],
  ['D', ['电力、热力、燃气及水生产和供应业', 'Utilities']],
  ['E', ['建筑业', 'Construction']],
  ['F', ['批发和零售业', 'Wholesale and retail']],
  ['G', ['交通运输、仓储和邮政业', 'Transport and postal']],
  ['H', ['住宿和餐饮业', 'Accommodation and catering']],
  ['I', ['信息传输、软件和信息技术服务业', 'Information technology']],
  ['K', ['房地产业', 'Real estate']],
  ['L', ['租赁和商务服务业', 'Leasing and business services']],
  ['M', ['科学研究和技术服务业', 'Research and technical services']],
  ['N', ['水利、环境和公共设施管理业', 'Water, environment, public facilities']],
  ['O', ['居民服务、修理和其他服务业', 'Household services']],
  ['P', ['教育', 'Education']],
  ['Q', ['卫生和社会工作', 'Health and social work']],
  ['R', ['文化、体育和娱乐业', 'Culture, sports, entertainment']],
  ['S', ['公共管理、社会保障和社会组织', 'Public administration']],
];

export const districtLabels: Record<string, Bilingual> = {
  '350302': ['城厢区', 'Chengxiang'],
  '350303': ['涵江区', 'Hanjiang'],
  '350304': ['荔城区', 'Licheng'],
  '350305': ['秀屿区', 'Xiuyu'],
  '350322': ['仙游县', 'Xianyou'],
};
