import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { ProblemAlert, applyProblemToForm } from '../../shared/problem-view.js';
import { useCreateUser, useOrganizations, useRoles, useSetRoles, useUsers, type AdminUser, type CreateUserInput } from './admin.api.js';
import { OffsetPager } from './offset-pager.js';
import { kindLabel } from './organization-kinds.js';
import { RoleSelect, roleLabel } from './role-select.js';

const LIMIT = 50;

function OrganizationSelect({ value, onChange, allowClear, style }: { value?: string; onChange?: (v: string | undefined) => void; allowClear?: boolean; style?: React.CSSProperties }) {
  const { t, pick } = useI18n();
  const [q, setQ] = useState('');
  const orgs = useOrganizations({ q, limit: 50, offset: 0 });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      style={style}
      placeholder={t('选择机构', 'Choose an organization')}
      loading={orgs.isFetching}
      options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${kindLabel(o.kind, pick)}）`, kind: o.kind }))}
    />
  );
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  const orgs = useOrganizations({ limit: 200, offset: 0 });
  const organizationId = Form.useWatch('organizationId', form);
  const orgKind = orgs.data?.items.find((o) => o.id === organizationId)?.kind;
  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('新建用户', 'New user')}
      okText={t('创建', 'Create')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} form={form} />
      <Form<CreateUserInput>
        form={form}
        layout="vertical"
        initialValues={{ roles: [] }}
        onFinish={(values) =>
          create.mutate(
            { ...values, phone: values.phone || undefined },
            {
              onSuccess: () => {
                message.success(t(`已创建用户：${values.username}`, `Created ${values.username}`));
                close();
              },
              onError: (error) => applyProblemToForm(form, error),
            },
          )
        }
      >
        <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,50}$/, message: t('3–50 位字母、数字或 _.-', '3–50 letters, digits or _.-') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('姓名', 'Display name')} rules={[{ required: true, message: t('请输入姓名', 'Enter a name') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="password" label={t('初始密码', 'Initial password')} rules={[{ required: true, min: 8, message: t('至少 8 位', 'At least 8 characters') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="organizationId" label={t('所属机构', 'Organization')} rules={[{ required: true, message: t('请选择机构', 'Choose an organization') }]}>
          <OrganizationSelect />
        </Form.Item>
        <Form.Item name="roles" label={t('角色', 'Roles')}>
          <RoleSelect orgKind={orgKind} />
        </Form.Item>
        <Form.Item name="phone" label={t('手机号（选填）', 'Mobile (optional)')} rules={[{ pattern: /^1\d{10}$/, message: t('11 位手机号', '11-digit mobile number') }]}>
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EditRolesModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [roles, setRoles] = useState<string[] | null>(null);
  const setRolesMutation = useSetRoles();
  if (!user) return null;
  const value = roles ?? user.roles ?? [];
  const close = () => {
    setRoles(null);
    setRolesMutation.reset();
    onClose();
  };
  return (
    <Modal
      open
      title={t(`设置角色：${user.displayName}`, `Roles of ${user.displayName}`)}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={setRolesMutation.isPending}
      onCancel={close}
      onOk={() =>
        setRolesMutation.mutate(
          { id: user.id, roles: value },
          {
            onSuccess: () => {
              message.success(t('角色已更新', 'Roles updated'));
              close();
            },
          },
        )
      }
    >
      {user.roles === undefined && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('列表未返回该用户的现有角色，保存将以此处所选替换全部角色。', "The list did not include this user's roles; saving replaces all roles with this selection.")}
        />
      )}
      <ProblemAlert error={setRolesMutation.error} />
      <RoleSelect value={value} onChange={setRoles} orgKind={user.organization.kind} />
    </Modal>
  );
}

export default function UsersPage() {
  const { t, lang } = useI18n();
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const list = useUsers({ organizationId, limit: LIMIT, offset });
  const roles = useRoles();
  const roleById = new Map((roles.data ?? []).map((r) => [r.id, r]));
  const items = list.data?.items ?? [];

  return (
    <Card
      title={t('用户管理', 'Users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
          {t('新建用户', 'New')}
        </Button>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <OrganizationSelect
          allowClear
          value={organizationId}
          style={{ width: 320, maxWidth: '100%' }}
          onChange={(v) => {
            setOrganizationId(v);
            setOffset(0);
          }}
        />
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<AdminUser>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('所属机构', 'Organization'), render: (_, u) => u.organization.name },
          {
            title: t('角色', 'Roles'),
            render: (_, u) =>
              u.roles ? (
                <Space size={[0, 4]} wrap>
                  {u.roles.map((r) => (
                    <Tag key={r}>{roleLabel(roleById.get(r), r, lang)}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('状态', 'Status'),
            render: (_, u) =>
              u.disabled ? (
                <Tag color="default">{t('已停用', 'Disabled')}</Tag>
              ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                <Tag color="orange">{t('已锁定', 'Locked')}</Tag>
              ) : (
                <Tag color="green">{t('正常', 'Active')}</Tag>
              ),
          },
          { title: t('创建时间', 'Created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('操作', 'Actions'),
            render: (_, u) => (
              <Button type="link" size="small" onClick={() => setEditing(u)}>
                {t('设置角色', 'Roles')}
              </Button>
            ),
          },
        ]}
      />
      <OffsetPager offset={offset} limit={LIMIT} count={items.length} onChange={setOffset} />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditRolesModal user={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
