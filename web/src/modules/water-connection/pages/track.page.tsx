import { SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { labelText } from '../label-text.js';
import { PageHeader } from '../components/page-header.js';
import { DueTag, StateTag } from '../components/state-tag.js';
import { BASE, verifyUrl, type TrackResult } from '../water-connection.api.js';
import { actionLabels, stateLabels } from '../water-connection.labels.js';

/**
 * Public tracking: the application number and the last 4 digits of the contact phone show the progress, with
 * no personal data. Both are checked together, so a wrong pair says only "not found".
 */
export default function TrackPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ number: string; phoneLast4: string }>();
  const track = useMutation({
    mutationFn: (v: { number: string; phoneLast4: string }) => api.post<TrackResult>(`${BASE}/track`, { number: v.number.trim().toUpperCase(), phoneLast4: v.phoneLast4.trim() }),
    onError: (e) => applyProblemToForm(form, e),
    meta: { silent: true },
  });
  const r = track.data;
  return (
    <div data-testid="wc-track">
      <PageHeader title={t('报装进度查询', 'Track an application')} subtitle={t('无需登录：输入申请编号和联系电话后 4 位', 'No sign-in: the application number and the last 4 digits of the phone')} back="/water-connection" />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small">
            <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => track.mutate(v)}>
              <Form.Item
                name="number"
                label={t('申请编号', 'Application number')}
                rules={[
                  { required: true, message: t('请输入申请编号', 'Enter the number') },
                  { pattern: /^\s*WS-\d{8}-\d{4,}\s*$/i, message: t('格式如 WS-20260830-0001', 'Like WS-20260830-0001') },
                ]}
              >
                <Input placeholder="WS-20260830-0001" autoComplete="off" data-testid="track-number" />
              </Form.Item>
              <Form.Item
                name="phoneLast4"
                label={t('联系电话后 4 位', 'Last 4 digits of the phone')}
                rules={[{ required: true, pattern: /^\d{4}$/, message: t('请输入 4 位数字', 'Enter 4 digits') }]}
              >
                <Input maxLength={4} inputMode="numeric" autoComplete="off" data-testid="track-phone" />
              </Form.Item>
              <ProblemAlert error={track.error} form={form} />
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} block loading={track.isPending} data-testid="track-submit">
                {t('查询', 'Search')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          {r && (
            <Card
              size="small"
              title={
                <span>
                  {r.number} <StateTag state={r.state} label={r.stateLabel} /> {r.state !== 'completed' && <DueTag dueDate={r.currentDue?.dueDate} overdue={r.currentDue?.overdue} />}
                </span>
              }
              data-testid="track-result"
            >
              <Steps
                orientation="vertical"
                size="small"
                current={r.state === 'completed' ? r.steps.length : r.steps.length - 1}
                items={r.steps.map((s) => ({
                  title: labelText(lang, s.actionLabel, actionLabels[s.action], s.action),
                  content: (
                    <div style={{ fontSize: 13 }}>
                      <div>{formatDateTime(s.at)} → {labelText(lang, s.toStateLabel, stateLabels[s.toState], s.toState)}</div>
                      {s.dueDate && <Tag>{t('承诺时限', 'Promised by')} {formatDate(s.dueDate)}</Tag>}
                      {typeof s.ledgerIndex === 'number' && <Link to={verifyUrl(s.ledgerIndex)}>{t('存证回执', 'Receipt')} #{s.ledgerIndex}</Link>}
                    </div>
                  ),
                }))}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('为保护个人信息，查询结果不显示申请人和地址。', 'For privacy, the applicant and address are not shown.')}
              </Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
