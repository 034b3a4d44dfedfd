import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n.js';
import { useUnreadCount } from './notifications.api.js';

/** Header bell with the unread count, polled every 30 s while signed in. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  const label = count > 0 ? t(`消息中心（${count} 条未读）`, `Inbox (${count} unread)`) : t('消息中心', 'Inbox');
  return (
    <Tooltip title={label}>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="unread-badge">
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={label} onClick={() => navigate('/notifications')} />
      </Badge>
    </Tooltip>
  );
}
