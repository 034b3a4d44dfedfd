import { List, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.js';
import type { Deadline } from '../bankruptcy.api.js';
import { deadlineLabels, deadlineStatusLabels } from '../bankruptcy.labels.js';

/** Statutory deadlines with their status and the article each comes from. */
export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  const { t, lang, pick } = useI18n();
  return (
    <List
      size="small"
      dataSource={deadlines}
      locale={{ emptyText: t('暂无法定期限', 'No deadlines yet') }}
      renderItem={(d) => {
        const s = deadlineStatusLabels[d.status] ?? [d.status, d.status, 'default'];
        return (
          <List.Item data-testid={`deadline-${d.code}`}>
            <List.Item.Meta
              title={
                <span>
                  {pick(deadlineLabels[d.code] ?? [d.code, d.code])} <Tag color={s[2]}>{lang === 'en' ? s[1] : s[0]}</Tag>
                </span>
              }
              description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{lang === 'en' ? d.basis.en : d.basis.zh}</Typography.Text>}
            />
            <Typography.Text strong>{d.dueOn}</Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}
