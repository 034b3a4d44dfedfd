import { LikeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { Alert, Button, Card, Form, Input, Radio, Rate, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { useStep, verifyUrl, type Rating, type Rectification } from '../water-connection.api.js';
import { ratingLabels } from '../water-connection.labels.js';

const LEVELS = [5, 4, 3, 2, 1] as const;

/** The rating given, and for a bad one the rectification it opened. */
export function RatingView({ rating, rectification }: { rating: Rating; rectification?: Rectification | null }) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" title={t('服务评价', 'Your rating')} data-testid="rating-view">
      <Rate disabled value={rating.level} /> <Typography.Text strong>{pick(ratingLabels[rating.level] ?? ['', ''])}</Typography.Text>
      {rating.comment && <Typography.Paragraph style={{ marginTop: 6, marginBottom: 4 }}>{rating.comment}</Typography.Paragraph>}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
        {formatDateTime(rating.at)}
        {typeof rating.ledgerIndex === 'number' && (
          <>
            {' · '}
            <Link to={verifyUrl(rating.ledgerIndex)} data-testid="rating-ledger-link">
              <SafetyCertificateOutlined /> {t('存证回执', 'Ledger receipt')} #{rating.ledgerIndex}
            </Link>
          </>
        )}
      </Typography.Text>
      {rectification && (
        <Alert
          type={rectification.state === 'closed' ? 'success' : 'warning'}
          showIcon
          title={
            rectification.state === 'closed'
              ? t('整改已完成并回访', 'Rectified and called back')
              : t(`已生成整改任务，${formatDate(rectification.dueDate)} 前整改并回访`, `A rectification is due by ${formatDate(rectification.dueDate)}`)
          }
          description={
            rectification.actionTaken || rectification.callbackRecord ? (
              <div style={{ fontSize: 13 }}>
                {rectification.actionTaken && <div>{t('整改措施：', 'Action: ')}{rectification.actionTaken}</div>}
                {rectification.callbackRecord && <div>{t('回访记录：', 'Callback: ')}{rectification.callbackRecord}</div>}
              </div>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}

/**
 * 好差评 after water is on (国办发〔2019〕51号): one rating per service, five levels; 不满意 or worse opens a
 * rectification task with a deadline and a callback, so the form asks what went wrong.
 */
export function RatingForm({ applicationId }: { applicationId: string }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ level: number; comment?: string }>();
  const level = Form.useWatch('level', form);
  const rate = useStep<{ level: number; comment?: string }>(applicationId, 'rating', { silent: true });
  return (
    <Card
      size="small"
      title={
        <span>
          <LikeOutlined /> {t('服务评价（好差评）', 'Rate the service')}
        </span>
      }
      data-testid="rating-form"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => rate.mutate({ level: v.level, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) }, { onError: (e) => applyProblemToForm(form, e) })}
      >
        <Form.Item name="level" label={t('满意度', 'Satisfaction')} rules={[{ required: true, message: t('请选择满意度', 'Choose a level') }]}>
          <Radio.Group style={{ width: '100%' }}>
            {LEVELS.map((l) => (
              <Radio key={l} value={l} style={{ display: 'flex', padding: '4px 0' }} data-testid={`rating-${l}`}>
                <Rate disabled count={5} value={l} style={{ fontSize: 14 }} /> {pick(ratingLabels[l])}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('评价内容', 'Comment')}
          rules={[{ required: typeof level === 'number' && level <= 2, whitespace: true, message: t('请说明不满意的原因，便于整改', 'Tell us what went wrong so it can be fixed') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="rating-comment" />
        </Form.Item>
        <ProblemAlert error={rate.error} form={form} />
        <Button type="primary" htmlType="submit" block loading={rate.isPending} data-testid="rating-submit">
          {t('提交评价', 'Submit the rating')}
        </Button>
      </Form>
    </Card>
  );
}
