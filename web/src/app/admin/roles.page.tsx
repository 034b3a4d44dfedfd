import { Card, Space, Table, Tag } from 'antd';
import { useI18n } from '../../shared/i18n.js';
import { ProblemAlert } from '../../shared/problem-view.js';
import { useRoles, type RoleInfo } from './admin.api.js';
import { kindLabel } from './organization-kinds.js';
import { moduleLabel } from './role-select.js';

export default function RolesPage() {
  const { t, pick } = useI18n();
  const roles = useRoles();
  return (
    <Card title={t('角色列表', 'Roles')}>
      <ProblemAlert error={roles.error} />
      <Table<RoleInfo>
        rowKey="id"
        size="small"
        loading={roles.isPending}
        dataSource={roles.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('模块', 'Module'),
            dataIndex: 'module',
            render: (m: string) => moduleLabel(m, pick),
            filters: [...new Set((roles.data ?? []).map((r) => r.module))].map((m) => ({ text: moduleLabel(m, pick), value: m })),
            onFilter: (value, r) => r.module === value,
          },
          { title: t('角色标识', 'Role id'), dataIndex: 'id', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('名称', 'Name'), render: (_, r) => pick([r.zh, r.en]) },
          {
            title: t('适用机构类型', 'Organization kinds'),
            render: (_, r) => (
              <Space size={[0, 4]} wrap>
                {(r.organizationKinds ?? []).map((k) => (
                  <Tag key={k}>{kindLabel(k, pick)}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
