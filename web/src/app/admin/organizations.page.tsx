import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { ProblemAlert, applyProblemToForm } from '../../shared/problem-view.js';
import { useCreateOrganization, useOrganizations, type AdminOrganization, type CreateOrganizationInput } from './admin.api.js';
import { OffsetPager } from './offset-pager.js';
import { kindLabel, organizationKinds } from './organization-kinds.js';

const LIMIT = 50;

function CreateOrganizationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOrganizationInput>();
  const create = useCreateOrganization();
  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('新建机构', 'New organization')}
      okText={t('创建', 'Create')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} form={form} />
      <Form<CreateOrganizationInput>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate(
            { ...values, uscc: values.uscc || undefined, regionCode: values.regionCode || undefined, district: values.district || undefined },
            {
              onSuccess: (org) => {
                message.success(t(`已创建机构：${org.name}`, `Created ${org.name}`));
                close();
              },
              onError: (error) => applyProblemToForm(form, error),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('机构类型', 'Kind')} rules={[{ required: true, message: t('请选择机构类型', 'Choose a kind') }]}>
          <Select options={Object.entries(organizationKinds).map(([value, pair]) => ({ value, label: pick(pair) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('机构名称', 'Name')} rules={[{ required: true, min: 2, message: t('请输入机构名称', 'Enter the name') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="uscc" label={t('统一社会信用代码', 'Unified social credit code')} rules={[{ len: 18, message: t('应为 18 位', 'Must be 18 characters') }]}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="regionCode" label={t('行政区划代码', 'Division code')} style={{ flex: 1 }} rules={[{ pattern: /^\d{6}$/, message: t('6 位数字', '6 digits') }]}>
            <Input maxLength={6} placeholder="350500" />
          </Form.Item>
          <Form.Item name="district" label={t('区县', 'District')} style={{ flex: 1 }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

export default function OrganizationsPage() {
  const { t, pick } = useI18n();
  const [kind, setKind] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const list = useOrganizations({ kind, q, limit: LIMIT, offset });
  const items = list.data?.items ?? [];

  return (
    <Card
      title={t('机构管理', 'Organizations')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-organization">
          {t('新建机构', 'New')}
        </Button>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('全部类型', 'All kinds')}
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setOffset(0);
          }}
          options={Object.entries(organizationKinds).map(([value, pair]) => ({ value, label: pick(pair) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('名称或信用代码', 'Name or credit code')}
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            setOffset(0);
          }}
        />
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<AdminOrganization>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('机构名称', 'Name'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => <Tag>{kindLabel(k, pick)}</Tag> },
          { title: t('统一社会信用代码', 'Credit code'), dataIndex: 'uscc', render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
          { title: t('区县', 'District'), dataIndex: 'district', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <OffsetPager offset={offset} limit={LIMIT} count={items.length} onChange={setOffset} />
      <CreateOrganizationModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
