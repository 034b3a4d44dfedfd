import type { Bilingual } from '../../shared/i18n.js';

/** Organization kinds the server knows (server/src/platform/identity/roles.ts), with their labels. */
export const organizationKinds: Record<string, Bilingual> = {
  enterprise: ['企业', 'Enterprise'],
  individual: ['个人', 'Individual (natural person)'],
  government: ['政府部门', 'Government department'],
  court: ['法院', 'Court'],
  'administrator-firm': ['破产管理人机构', 'Administrator firm'],
  bank: ['银行', 'Bank'],
  'guarantee-company': ['融资担保公司', 'Guarantee company'],
  insurer: ['保险公司', 'Insurer'],
  evaluator: ['第三方评估机构', 'Third-party evaluator'],
  'water-utility': ['供水企业', 'Water utility'],
  platform: ['平台运营方', 'Platform operator'],
};

export function kindLabel(kind: string, pick: (pair: Bilingual) => string): string {
  const pair = organizationKinds[kind];
  return pair ? pick(pair) : kind;
}
