import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { formatDate } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { labelText } from '../label-text.js';
import type { LabelLike } from '../water-connection.api.js';
import { stateColors, stateLabels } from '../water-connection.labels.js';

export function StateTag({ state, label }: { state: string; label?: LabelLike }) {
  const { lang } = useI18n();
  return (
    <Tag color={stateColors[state] ?? 'default'} data-testid="state-tag" style={{ marginInlineEnd: 0 }}>
      {labelText(lang, label, stateLabels[state], state)}
    </Tag>
  );
}

/** The promised deadline of the current step, red when it has passed. */
export function DueTag({ dueDate, overdue }: { dueDate?: string | null; overdue?: boolean }) {
  const { t } = useI18n();
  if (!dueDate) return null;
  return overdue ? (
    <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="overdue-tag" style={{ marginInlineEnd: 0 }}>
      {t('已超期', 'Overdue')} · {formatDate(dueDate)}
    </Tag>
  ) : (
    <Tag icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('承诺', 'Due')} {formatDate(dueDate)}
    </Tag>
  );
}
