import { Select } from 'antd';
import { useI18n } from '../../shared/i18n.js';
import { findModule } from '../modules.js';
import { useRoles, type RoleInfo } from './admin.api.js';

export function moduleLabel(module: string, pick: (pair: readonly [string, string]) => string): string {
  if (module === 'platform') return pick(['平台', 'Platform']);
  const m = findModule(module);
  return m ? pick(m.name) : module;
}

export function roleLabel(role: RoleInfo | undefined, id: string, lang: 'zh' | 'en'): string {
  if (!role) return id;
  return lang === 'en' ? role.en : role.zh;
}

/** Multi-select of roles, grouped by module, limited to the roles an organization of `orgKind` may hold. */
export function RoleSelect({ value, onChange, orgKind }: { value?: string[]; onChange?: (v: string[]) => void; orgKind?: string }) {
  const { lang, pick, t } = useI18n();
  const roles = useRoles();
  const allowed = (roles.data ?? []).filter((r) => !orgKind || !r.organizationKinds || r.organizationKinds.includes(orgKind));
  const groups = new Map<string, RoleInfo[]>();
  for (const r of allowed) groups.set(r.module, [...(groups.get(r.module) ?? []), r]);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={roles.isPending}
      placeholder={t('选择角色', 'Choose roles')}
      showSearch={{ optionFilterProp: 'label' }}
      options={[...groups.entries()].map(([module, rs]) => ({
        label: moduleLabel(module, pick),
        options: rs.map((r) => ({ value: r.id, label: roleLabel(r, r.id, lang) })),
      }))}
    />
  );
}
