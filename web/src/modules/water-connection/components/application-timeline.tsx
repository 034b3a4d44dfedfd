import { CheckCircleOutlined, ExclamationCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { labelText } from '../label-text.js';
import { verifyUrl, type TimelineEntry } from '../water-connection.api.js';
import { actionLabels, stateLabels } from '../water-connection.labels.js';

/** Beijing calendar day of an instant, to compare with a YYYY-MM-DD due date. */
function dayOf(iso: string): string {
  return formatDate(iso);
}

/**
 * Every step of the application, oldest first: what happened, when, who did it, the promised deadline of the
 * step it opened (with an overdue flag when the next step came late, or has not come and the date has passed),
 * and the ledger receipt that anyone can verify on the public page.
 */
export function ApplicationTimeline({ entries, currentDue, today }: { entries: TimelineEntry[]; currentDue?: { dueDate: string | null; overdue: boolean } | null; today?: string }) {
  const { t, lang } = useI18n();
  const now = today ?? dayOf(new Date().toISOString());
  const items = entries.map((e, i) => {
    const next = entries[i + 1];
    const last = i === entries.length - 1;
    const open = last && !['completed', 'rejected', 'withdrawn'].includes(e.toState);
    // A step's deadline is kept when the next transition happens on or before it.
    const late = e.dueDate ? (next ? dayOf(next.at) > e.dueDate : last ? (currentDue?.overdue ?? now > e.dueDate) : false) : false;
    const title = e.action ? labelText(lang, e.actionLabel, actionLabels[e.action], e.action) : t('提交申请', 'Application submitted');
    return {
      key: `${i}`,
      color: late ? 'red' : open ? 'blue' : 'green',
      icon: late ? <ExclamationCircleOutlined /> : open ? undefined : <CheckCircleOutlined />,
      content: (
        <div data-testid="timeline-entry">
          <Flex wrap gap={6} align="center">
            <Typography.Text strong>{title}</Typography.Text>
            <Typography.Text type="secondary">→ {labelText(lang, e.toStateLabel, stateLabels[e.toState], e.toState)}</Typography.Text>
          </Flex>
          <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
            {formatDateTime(e.at)} · {e.actorName ?? t('系统', 'System')}
          </div>
          {e.comment && <Typography.Paragraph style={{ margin: '2px 0', fontSize: 13 }}>{e.comment}</Typography.Paragraph>}
          <Flex wrap gap={6} style={{ marginTop: 4 }}>
            {e.dueDate && (
              <Tag color={late ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                {late ? t('已超期', 'Overdue') : t('承诺时限', 'Promised by')} {formatDate(e.dueDate)}
              </Tag>
            )}
            {typeof e.ledgerIndex === 'number' && (
              <Link to={verifyUrl(e.ledgerIndex)} data-testid="ledger-link" style={{ fontSize: 13 }}>
                <SafetyCertificateOutlined /> {t('存证回执', 'Ledger receipt')} #{e.ledgerIndex}
              </Link>
            )}
          </Flex>
        </div>
      ),
    };
  });
  return (
    <div data-testid="timeline">
      <Timeline items={items} />
    </div>
  );
}
