import { defineRoles } from '../../platform/identity/index.js';

/** Roles of the inspections module (莆田 自己管 网上查) and what each may do. */
export const inspectionRoles = defineRoles('inspections', {
  'checklist-admin': {
    zh: '抽查事项清单管理员',
    en: 'Checklist administrator',
    permissions: ['inspections:checklist-manage', 'inspections:dashboard'],
    organizationKinds: ['government', 'platform'],
  },
  planner: {
    zh: '双随机抽查计划员',
    en: 'Inspection planner',
    permissions: ['inspections:roster-manage', 'inspections:plan-manage', 'inspections:results-publish', 'inspections:dashboard'],
    organizationKinds: ['government'],
  },
  inspector: {
    zh: '执法检查人员',
    en: 'Inspector',
    permissions: ['inspections:inspect'],
    organizationKinds: ['government'],
  },
  'self-checker': {
    zh: '企业自查人员',
    en: 'Enterprise self-checker',
    permissions: ['inspections:self-check'],
    organizationKinds: ['enterprise', 'individual'],
  },
});

export const INSPECTIONS_MODULE = 'inspections';
