import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { ProblemAlert } from '../../shared/problem-view.js';
import { useMarkAllRead, useMarkRead, useNotifications, type AppNotification } from './notifications.api.js';

const PAGE_SIZE = 10;

function NotificationRow({ n, onOpen, onRead }: { n: AppNotification; onOpen: () => void; onRead: () => void }) {
  const { t } = useI18n();
  return (
    <Flex gap={12} align="flex-start" data-testid="notification-item" style={{ padding: '12px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex wrap gap={8} align="baseline">
          <Typography.Link strong={!n.readAt} onClick={onOpen}>
            {n.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(n.createdAt)}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          {n.body}
        </Typography.Paragraph>
      </div>
      {!n.readAt && (
        <Button type="link" size="small" onClick={onRead}>
          {t('标为已读', 'Mark read')}
        </Button>
      )}
    </Flex>
  );
}

export default function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useNotifications(page, PAGE_SIZE);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const open = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link && n.link.startsWith('/')) navigate(n.link);
  };

  return (
    <Card
      title={t('消息中心', 'Inbox')}
      extra={
        <Button icon={<CheckOutlined />} onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!items.some((n) => !n.readAt)}>
          {t('全部已读', 'Mark all read')}
        </Button>
      }
    >
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty description={t('暂无消息', 'No messages')} />
      ) : (
        <>
          {items.map((n) => (
            <NotificationRow key={n.id} n={n} onOpen={() => open(n)} onRead={() => markRead.mutate(n.id)} />
          ))}
          {total > PAGE_SIZE && (
            <Pagination style={{ marginTop: 16 }} align="end" size="small" current={page} pageSize={PAGE_SIZE} total={total} onChange={setPage} showSizeChanger={false} />
          )}
        </>
      )}
    </Card>
  );
}
