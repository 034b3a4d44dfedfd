import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { DueTag, StateTag } from '../components/state-tag.js';
import { useApplications } from '../water-connection.api.js';
import { waterUseLabels } from '../water-connection.labels.js';

const OPEN = 'open';

/** The applicant's own applications as cards (phone first), open ones first by default. */
export default function MyApplicationsPage() {
  const { t, pick } = useI18n();
  const [filter, setFilter] = useState<string>('');
  const list = useApplications({ limit: 50, state: filter && filter !== OPEN ? filter : undefined });
  const items = (list.data ?? []).filter((a) => filter !== OPEN || !['completed', 'rejected', 'withdrawn'].includes(a.state));
  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }} data-testid="wc-my">
      <PageHeader
        title={t('我的用水报装', 'My applications')}
        back="/water-connection"
        extra={
          <Link to="/water-connection/apply">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('新申请', 'New application')}
            </Button>
          </Link>
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => setFilter(String(v))}
        options={[
          { value: '', label: t('全部', 'All') },
          { value: OPEN, label: t('办理中', 'Open') },
          { value: 'completed', label: t('已通水', 'Done') },
        ]}
      />
      <ProblemAlert error={list.error} />
      {list.isLoading && <Skeleton active />}
      {list.data && items.length === 0 && <Empty description={t('暂无申请', 'No applications yet')} />}
      <Flex vertical gap={10}>
        {items.map((a) => (
          <Link key={a.id} to={`/water-connection/applications/${a.id}`} data-testid="my-application">
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{a.number}</Typography.Text>
                    <StateTag state={a.state} label={a.stateLabel} />
                    {a.currentDue && <DueTag dueDate={a.currentDue.dueDate} overdue={a.currentDue.overdue} />}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }} ellipsis>
                    {a.district ?? ''} {a.siteAddress ?? ''}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.waterUse ? pick(waterUseLabels[a.waterUse]) : ''} · {t('提交于', 'Submitted')} {formatDateTime(a.submittedAt)}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: '#999' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </div>
  );
}
