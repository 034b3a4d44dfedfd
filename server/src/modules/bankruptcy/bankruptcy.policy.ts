import { defineRoles } from '../../platform/identity/index.js';

/** Roles of the bankruptcy module (厦门 易破) and what each may do. Case-level scoping is in case-access.ts. */
export const bankruptcyRoles = defineRoles('bankruptcy', {
  judge: {
    zh: '破产审判法官',
    en: 'Bankruptcy judge',
    permissions: ['bankruptcy:court', 'bankruptcy:announce', 'bankruptcy:indicators', 'bankruptcy:pre-reorganization'],
    organizationKinds: ['court'],
  },
  administrator: {
    zh: '破产管理人',
    en: 'Administrator',
    permissions: ['bankruptcy:administer', 'bankruptcy:announce'],
    organizationKinds: ['administrator-firm'],
  },
  creditor: {
    zh: '债权人',
    en: 'Creditor',
    permissions: ['bankruptcy:claim.file', 'bankruptcy:vote'],
    organizationKinds: ['enterprise', 'individual', 'bank', 'guarantee-company', 'insurer', 'government'],
  },
  debtor: {
    zh: '债务人',
    en: 'Debtor',
    permissions: ['bankruptcy:debtor.read'],
    organizationKinds: ['enterprise'],
  },
  investor: {
    zh: '意向投资人',
    en: 'Investor',
    permissions: ['bankruptcy:invest'],
    organizationKinds: ['enterprise', 'bank'],
  },
  'assistance-officer': {
    zh: '危困企业帮扶中心工作人员',
    en: 'Assistance centre officer',
    permissions: ['bankruptcy:registry'],
    organizationKinds: ['government', 'court'],
  },
});

export const BANKRUPTCY_MODULE = 'bankruptcy';

/** The permission that lets a court user act on cases of their own court. */
export const PERM = {
  court: 'bankruptcy:court',
  administer: 'bankruptcy:administer',
  announce: 'bankruptcy:announce',
  indicators: 'bankruptcy:indicators',
  preReorganization: 'bankruptcy:pre-reorganization',
  fileClaim: 'bankruptcy:claim.file',
  vote: 'bankruptcy:vote',
  debtorRead: 'bankruptcy:debtor.read',
  invest: 'bankruptcy:invest',
  registry: 'bankruptcy:registry',
} as const;
