import { Button, Card, DatePicker, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { GetProps } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { ProblemAlert } from '../../shared/problem-view.js';
import { useAudit, type AuditRecord } from './admin.api.js';
import { OffsetPager } from './offset-pager.js';

const LIMIT = 50;

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

interface Filters {
  actor?: string;
  action?: string;
  range?: RangeValue;
}

function outcomeColor(status: number): string {
  if (status < 300) return 'green';
  if (status < 500) return 'orange';
  return 'red';
}

export default function AuditPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<{ actor?: string; action?: string; from?: string; to?: string }>({});
  const [offset, setOffset] = useState(0);
  const list = useAudit({ ...query, limit: LIMIT, offset });
  const items = list.data?.items ?? [];

  return (
    <Card title={t('审计日志', 'Audit log')}>
      <Form<Filters>
        layout="inline"
        style={{ rowGap: 8, marginBottom: 12 }}
        onFinish={(f) => {
          // Whole days: the range covers the first day's 00:00 to the last day's 24:00 (browser time zone).
          const from = f.range?.[0]?.startOf('day').toISOString();
          const to = f.range?.[1]?.endOf('day').toISOString();
          setQuery({ actor: f.actor?.trim() || undefined, action: f.action?.trim() || undefined, from, to });
          setOffset(0);
        }}
      >
        <Form.Item name="actor">
          <Input allowClear placeholder={t('操作人（用户名或标识）', 'Actor (username or id)')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="action">
          <Input allowClear placeholder={t('操作（如 POST /api/v1/…）', 'Action (e.g. POST /api/v1/…)')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker style={{ width: 260 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('查询', 'Search')}
          </Button>
        </Form.Item>
      </Form>
      <ProblemAlert error={list.error} />
      <Table<AuditRecord>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={
          items.some((r) => r.detail !== null)
            ? {
                rowExpandable: (r) => r.detail !== null,
                expandedRowRender: (r) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(r.detail, null, 2)}</pre>,
              }
            : undefined
        }
        columns={[
          { title: t('时间', 'Time'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          { title: t('操作人', 'Actor'), render: (_, r) => r.actorName ?? r.actorId ?? t('匿名', 'anonymous') },
          { title: t('操作', 'Action'), dataIndex: 'action', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('对象', 'Target'), dataIndex: 'target', render: (v: string | null) => v ?? '—' },
          { title: t('结果', 'Outcome'), dataIndex: 'outcome', render: (v: number) => <Tag color={outcomeColor(v)}>{v}</Tag> },
          { title: t('请求号', 'Request id'), dataIndex: 'requestId', render: (v: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> },
        ]}
      />
      <Flex justify="flex-end">
        <OffsetPager offset={offset} limit={LIMIT} count={items.length} onChange={setOffset} />
      </Flex>
    </Card>
  );
}
