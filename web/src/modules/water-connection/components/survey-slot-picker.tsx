import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Radio, Typography } from 'antd';
import { isWorkday } from 'chinese-days';
import { useMemo, useState } from 'react';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { surveySlots, isWeekday } from '../survey-slots.js';
import { useStep } from '../water-connection.api.js';

/** Working days by the statutory holiday calendar (chinese-days), Monday–Friday where it has no data. */
function workday(day: string): boolean {
  try {
    return isWorkday(day);
  } catch {
    return isWeekday(day);
  }
}

const WEEKDAYS: readonly (readonly [string, string])[] = [
  ['周日', 'Sun'],
  ['周一', 'Mon'],
  ['周二', 'Tue'],
  ['周三', 'Wed'],
  ['周四', 'Thu'],
  ['周五', 'Fri'],
  ['周六', 'Sat'],
];

/**
 * The applicant books the site survey: future 2-hour visits on the next working days (the server refuses a
 * past slot with 422). Booking again replaces the slot until the manager confirms it.
 */
export function SurveySlotPicker({ applicationId, version, current }: { applicationId: string; version: number; current?: string | null }) {
  const { t, pick } = useI18n();
  const days = useMemo(() => surveySlots(new Date(), workday), []);
  const [chosen, setChosen] = useState<string | null>(null);
  // Once booked, the grid folds away until the applicant wants another time.
  const [changing, setChanging] = useState(false);
  const book = useStep<{ version: number; slotStart: string }>(applicationId, 'survey-slot', { silent: true });
  return (
    <Card
      size="small"
      title={
        <span>
          <CalendarOutlined /> {t('预约现场勘察时间', 'Book the site survey')}
        </span>
      }
      data-testid="survey-slot-picker"
    >
      {current && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`已预约：${formatDateTime(current)}，等待服务经理确认`, `Booked: ${formatDateTime(current)}, waiting for the manager`)}
        />
      )}
      {current && !changing ? (
        <Button block onClick={() => setChanging(true)} data-testid="survey-slot-change">
          {t('更改预约时间', 'Choose another time')}
        </Button>
      ) : (
        <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('请选择勘察人员上门的时间段（仅显示今后的工作日时段，北京时间）。', 'Choose when the surveyor may visit (future working-day slots, Beijing time).')}
      </Typography.Paragraph>
      <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} style={{ width: '100%' }}>
        <Flex vertical gap={10}>
          {days.map((d) => (
            <div key={d.day}>
              <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                {d.day} {pick(WEEKDAYS[new Date(`${d.day}T00:00:00Z`).getUTCDay()])}
              </Typography.Text>
              <Flex wrap gap={6}>
                {d.slots.map((s) => (
                  <Radio.Button key={s.start} value={s.start} data-testid="survey-slot">
                    {s.label}
                  </Radio.Button>
                ))}
              </Flex>
            </div>
          ))}
        </Flex>
      </Radio.Group>
      <ProblemAlert error={book.error} style={{ marginTop: 12 }} />
      <Button
        type="primary"
        block
        style={{ marginTop: 12 }}
        disabled={!chosen}
        loading={book.isPending}
        onClick={() => chosen && book.mutate({ version, slotStart: chosen }, { onSuccess: () => setChanging(false) })}
        data-testid="survey-slot-submit"
      >
        {current ? t('改约此时段', 'Book this slot instead') : t('预约此时段', 'Book this slot')}
      </Button>
        </>
      )}
    </Card>
  );
}
