import { Button, Card, Col, Form, Input, Row, Switch } from 'antd';
import { api } from '../../../shared/api.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, type CaseView } from '../bankruptcy.api.js';
import { dateRule } from './form-rules.js';

/** Milestones the officers record; the server recomputes the statutory deadlines from them (Art. 45 checked). */
const FIELDS: { key: string; zh: string; en: string; reorganization?: boolean }[] = [
  { key: 'acceptanceAnnouncedOn', zh: '受理公告日', en: 'Acceptance announced' },
  { key: 'claimPeriodEndsOn', zh: '债权申报期限届满日（第四十五条：30日至3个月）', en: 'Claim period ends (Art. 45: 30 days–3 months)' },
  { key: 'firstMeetingOn', zh: '第一次债权人会议', en: 'First creditors’ meeting' },
  { key: 'reorganizationRuledOn', zh: '裁定重整日', en: 'Reorganization ruled', reorganization: true },
  { key: 'planReceivedOn', zh: '收到重整计划草案', en: 'Plan received', reorganization: true },
  { key: 'planPassedOn', zh: '重整计划表决通过', en: 'Plan passed', reorganization: true },
  { key: 'approvalAppliedOn', zh: '申请批准重整计划', en: 'Approval applied for', reorganization: true },
  { key: 'finalDistributionAnnouncedOn', zh: '最后分配公告日', en: 'Final distribution announced' },
];

type Values = Record<string, string | boolean | undefined>;

/** Sends only what changed, so an unchanged date is not re-validated against a later rule. */
export function milestonePatch(values: Values, dates: CaseView['dates']): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === '' || v === (dates[k] ?? (typeof v === 'boolean' ? false : null))) continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export function MilestonesCard({ theCase }: { theCase: CaseView }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const isCourt = theCase.relations.includes('court');
  const reorg = theCase.procedure === 'reorganization';
  const fields = FIELDS.filter((f) => !f.reorganization || reorg);
  const m = useBkMutation((body: Record<string, string | boolean>) => api.post<CaseView>(`${BASE}/cases/${theCase.id}/milestones`, { ...body, version: theCase.version }));
  const initial: Values = Object.fromEntries(fields.map((f) => [f.key, (theCase.dates[f.key] as string | null) ?? '']));
  if (reorg) initial.planPeriodExtended = theCase.dates.planPeriodExtended === true;
  return (
    <Card size="small" title={t('记录案件节点', 'Record milestones')} data-testid="bk-milestones">
      <ProblemAlert error={m.error} form={form} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          const body = milestonePatch(v, theCase.dates);
          if (Object.keys(body).length) m.mutate(body, { onError: (e) => applyProblemToForm(form, e) });
        }}
      >
        <Row gutter={12}>
          {fields.map((f) => (
            <Col xs={24} sm={12} key={f.key}>
              <Form.Item name={f.key} label={t(f.zh, f.en)} rules={[dateRule(t, false)]}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          ))}
          {reorg && isCourt && (
            <Col xs={24} sm={12}>
              <Form.Item name="planPeriodExtended" label={t('裁定延长重整计划提交期限三个月（第七十九条第二款）', 'Extend the plan period by 3 months (Art. 79 ¶2)')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="bk-milestones-submit">
          {t('保存节点', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
