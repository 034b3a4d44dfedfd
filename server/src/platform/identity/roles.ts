/**
 * Roles and permissions, declared in code by each module (`defineRoles`) and checked on every route.
 * A role id is `<module>.<role>` (or a platform role such as `platform-admin`); a permission is
 * `<module>:<action>`. Users hold roles; API keys hold roles and a list of module scopes.
 */
export type OrganizationKind =
  | 'enterprise'
  | 'individual'
  | 'government'
  | 'court'
  | 'administrator-firm'
  | 'bank'
  | 'guarantee-company'
  | 'insurer'
  | 'evaluator'
  | 'water-utility'
  | 'platform';

export const organizationKinds: Record<OrganizationKind, [string, string]> = {
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

export interface RoleDefinition {
  id: string;
  module: string;
  zh: string;
  en: string;
  permissions: readonly string[];
  /** Organization kinds whose users may hold this role. */
  organizationKinds: readonly OrganizationKind[];
}

const registry = new Map<string, RoleDefinition>();

export function defineRoles<K extends string>(
  module: string,
  roles: Record<K, Omit<RoleDefinition, 'id' | 'module'>>,
): Record<K, string> {
  const ids = {} as Record<K, string>;
  for (const [name, def] of Object.entries(roles) as [K, Omit<RoleDefinition, 'id' | 'module'>][]) {
    const id = module === 'platform' ? name : `${module}.${name}`;
    registry.set(id, { ...def, id, module });
    ids[name] = id;
  }
  return ids;
}

export function findRole(id: string): RoleDefinition | undefined {
  return registry.get(id);
}

export function listRoles(): RoleDefinition[] {
  return [...registry.values()];
}

export function permissionsOf(roleIds: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of roleIds) for (const p of registry.get(id)?.permissions ?? []) out.add(p);
  return out;
}

export const platformRoles = defineRoles('platform', {
  'platform-admin': {
    zh: '平台管理员',
    en: 'Platform administrator',
    permissions: ['platform:admin', 'platform:audit.read', 'ledger:read-all'],
    organizationKinds: ['platform', 'government'],
  },
  'enterprise-user': {
    zh: '企业用户',
    en: 'Enterprise user',
    permissions: ['platform:self'],
    organizationKinds: ['enterprise', 'individual'],
  },
  'org-user': {
    zh: '机构用户',
    en: 'Institution user',
    permissions: ['platform:self'],
    organizationKinds: ['government', 'court', 'administrator-firm', 'bank', 'guarantee-company', 'insurer', 'evaluator', 'water-utility', 'platform'],
  },
});
