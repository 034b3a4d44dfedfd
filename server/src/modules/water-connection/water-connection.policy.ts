import { defineRoles } from '../../platform/identity/index.js';

/** Roles of the water-connection module (泉州 用水报装) and what each may do. */
export const waterRoles = defineRoles('water-connection', {
  applicant: {
    zh: '用水报装申请人',
    en: 'Water connection applicant',
    permissions: ['water-connection:apply', 'water-connection:read-own', 'water-connection:sign', 'water-connection:rate', 'water-connection:message'],
    organizationKinds: ['enterprise', 'individual'],
  },
  'service-manager': {
    zh: '营商服务经理',
    en: 'Service manager',
    permissions: ['water-connection:manage', 'water-connection:read-utility', 'water-connection:assist', 'water-connection:message', 'water-connection:countersign'],
    organizationKinds: ['water-utility'],
  },
  construction: {
    zh: '施工班组',
    en: 'Construction crew',
    permissions: ['water-connection:construct', 'water-connection:read-utility'],
    organizationKinds: ['water-utility'],
  },
  supervisor: {
    zh: '供水服务督办',
    en: 'Utility supervisor',
    permissions: ['water-connection:read-utility', 'water-connection:supervise', 'water-connection:dashboard', 'water-connection:countersign', 'water-connection:configure'],
    organizationKinds: ['water-utility'],
  },
});

export const WATER_MODULE = 'water-connection';
