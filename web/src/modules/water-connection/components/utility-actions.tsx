import { CheckOutlined, ToolOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { labelText } from '../label-text.js';
import { yuanToFen } from '../money.js';
import { beijingDay } from '../survey-slots.js';
import { BASE, useInvalidateApplication, useStep, type ApplicationDetail } from '../water-connection.api.js';
import { stateLabels } from '../water-connection.labels.js';
import { FileUploadField, MultiFileUploadField } from './file-upload-field.js';

function ActionCard({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** The manager confirmed the slot when a confirmation follows the latest booking. */
export function surveyConfirmed(app: ApplicationDetail): boolean {
  const actions = app.timeline.map((e) => e.action);
  return actions.includes('pickSurveySlot') && actions.lastIndexOf('confirmSurvey') > actions.lastIndexOf('pickSurveySlot');
}

function slotStart(app: ApplicationDetail): string | null {
  return app.surveySlot?.start ?? null;
}

function ConfirmSurvey({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const step = useStep<{ version: number }>(app.id, 'survey-confirm', { silent: true });
  const slot = slotStart(app);
  return (
    <ActionCard title={t('确认勘察预约', 'Confirm the survey slot')} testId="action-confirmSurvey">
      {slot ? (
        <Typography.Paragraph>
          {t('申请人预约：', 'Booked by the applicant: ')}
          <Typography.Text strong>{formatDateTime(slot)}</Typography.Text>
        </Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('申请人尚未预约勘察时间', 'The applicant has not booked a slot yet')} />
      )}
      <ProblemAlert error={step.error} />
      <Popconfirm title={t('确认按此时间上门勘察？', 'Confirm this visit?')} okText={t('确认', 'Confirm')} cancelText={t('取消', 'Cancel')} onConfirm={() => step.mutate({ version: app.version })}>
        <Button type="primary" icon={<CheckOutlined />} loading={step.isPending} disabled={!slot} data-testid="confirm-survey">
          {t('确认预约', 'Confirm')}
        </Button>
      </Popconfirm>
    </ActionCard>
  );
}

function RecordSurvey({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ designFileId: string; feeYuan: string; note?: string }>();
  const step = useStep<{ version: number; designFileId: string; feeEstimateFen: number; note?: string }>(app.id, 'survey-result', { silent: true });
  const feeYuan = Form.useWatch('feeYuan', form);
  const fen = typeof feeYuan === 'string' ? yuanToFen(feeYuan) : null;
  return (
    <ActionCard title={t('录入勘察结果', 'Record the survey')} testId="action-recordSurvey">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) =>
          step.mutate(
            { version: app.version, designFileId: v.designFileId, feeEstimateFen: yuanToFen(v.feeYuan)!, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
            {
              onError: (e) => {
                // The server names the fee in fen; the form asks in yuan.
                applyProblemToForm(form, e);
              },
            },
          )
        }
      >
        <Form.Item name="designFileId" label={t('设计图纸', 'Design drawing')} rules={[{ required: true, message: t('请上传设计图纸', 'Upload the design') }]}>
          <FileUploadField testId="upload-design" buttonText={t('上传设计图（PDF/图片）', 'Upload the design (PDF/image)')} />
        </Form.Item>
        <Form.Item
          name="feeYuan"
          label={t('费用估算（元）', 'Fee estimate (yuan)')}
          extra={fen !== null ? t(`= ${fen} 分`, `= ${fen} fen`) : t('最多两位小数，如 3500.00', 'Up to 2 decimals, e.g. 3500.00')}
          rules={[
            { required: true, message: t('请输入费用估算', 'Enter the fee estimate') },
            { validator: (_r, v: string | undefined) => (!v || yuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('请输入有效金额（元，最多两位小数）', 'Enter an amount in yuan, at most 2 decimals')))) },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" data-testid="fee-yuan" />
        </Form.Item>
        <Form.Item name="note" label={t('勘察说明', 'Note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <ProblemAlert error={step.error} form={form} />
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="record-survey">
          {t('提交勘察结果', 'Submit the survey')}
        </Button>
      </Form>
    </ActionCard>
  );
}

function Countersign({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const step = useStep<{ version: number }>(app.id, 'contract/countersign', { silent: true });
  return (
    <ActionCard title={t('供水企业盖章', 'Countersign')} testId="action-countersign">
      <Typography.Paragraph>{t('申请人已实名签署合同，请核对后加盖供水企业电子印章。', 'The applicant has signed; check and apply the utility seal.')}</Typography.Paragraph>
      <Button href={`/api/v1${BASE}/applications/${app.id}/contract`} target="_blank" style={{ marginInlineEnd: 8 }}>
        {t('查看合同', 'Read the contract')}
      </Button>
      <ProblemAlert error={step.error} style={{ marginTop: 12 }} />
      <Popconfirm title={t('确认加盖电子印章？', 'Apply the seal?')} okText={t('确认', 'Confirm')} cancelText={t('取消', 'Cancel')} onConfirm={() => step.mutate({ version: app.version })}>
        <Button type="primary" loading={step.isPending} data-testid="countersign">
          {t('盖章确认', 'Countersign')}
        </Button>
      </Popconfirm>
    </ActionCard>
  );
}

function ScheduleConstruction({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ constructionDate: string }>();
  const step = useStep<{ version: number; constructionDate: string }>(app.id, 'construction/schedule', { silent: true });
  const today = beijingDay(new Date());
  return (
    <ActionCard title={t('安排施工', 'Schedule construction')} testId="action-scheduleConstruction">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => step.mutate({ version: app.version, constructionDate: v.constructionDate }, { onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item
          name="constructionDate"
          label={t('施工日期', 'Construction date')}
          initialValue={app.constructionDate ?? undefined}
          rules={[
            { required: true, message: t('请选择施工日期', 'Choose a date') },
            { validator: (_r, v: string | undefined) => (!v || v >= today ? Promise.resolve() : Promise.reject(new Error(t('施工日期不能早于今天', 'The date cannot be in the past')))) },
          ]}
        >
          <Input type="date" min={today} data-testid="construction-date" />
        </Form.Item>
        <ProblemAlert error={step.error} form={form} />
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="schedule-construction">
          {app.constructionDate ? t('调整施工日期', 'Reschedule') : t('确定施工日期', 'Schedule')}
        </Button>
      </Form>
    </ActionCard>
  );
}

function CompleteConstruction({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ photoFileIds: string[]; note?: string }>();
  const step = useStep<{ version: number; photoFileIds: string[]; note?: string }>(app.id, 'construction/complete', { silent: true });
  return (
    <ActionCard title={t('施工完成', 'Construction completed')} testId="action-completeConstruction">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => step.mutate({ version: app.version, photoFileIds: v.photoFileIds, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }, { onError: (e) => applyProblemToForm(form, e) })}
      >
        <Form.Item name="photoFileIds" label={t('施工照片', 'Photos')} rules={[{ required: true, type: 'array', min: 1, message: t('请至少上传一张施工照片', 'Upload at least one photo') }]}>
          <MultiFileUploadField testId="upload-photos" />
        </Form.Item>
        <Form.Item name="note" label={t('施工说明', 'Note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <ProblemAlert error={step.error} form={form} />
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="complete-construction">
          {t('确认施工完成', 'Mark completed')}
        </Button>
      </Form>
    </ActionCard>
  );
}

function WaterOn({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ meterNumber: string }>();
  const step = useStep<{ version: number; meterNumber: string }>(app.id, 'water-on', { silent: true });
  return (
    <ActionCard title={t('通水并装表', 'Water on, meter installed')} testId="action-turnWaterOn">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => step.mutate({ version: app.version, meterNumber: v.meterNumber.trim().toUpperCase() }, { onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item
          name="meterNumber"
          label={t('水表编号', 'Meter number')}
          rules={[
            { required: true, message: t('请输入水表编号', 'Enter the meter number') },
            { pattern: /^[A-Za-z0-9-]{4,30}$/, message: t('4–30 位字母、数字或连字符', '4–30 letters, digits or hyphens') },
          ]}
        >
          <Input maxLength={30} data-testid="meter-number" />
        </Form.Item>
        <ProblemAlert error={step.error} form={form} />
        <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="water-on">
          {t('确认通水', 'Water is on')}
        </Button>
      </Form>
    </ActionCard>
  );
}

const panels: Record<string, (p: { app: ApplicationDetail }) => ReactNode> = {
  confirmSurvey: ConfirmSurvey,
  recordSurvey: RecordSurvey,
  countersign: Countersign,
  scheduleConstruction: ScheduleConstruction,
  completeConstruction: CompleteConstruction,
  turnWaterOn: WaterOn,
};

/** The utility's buttons: one card per action the server says this user may take now. */
export function UtilityActions({ app }: { app: ApplicationDetail }) {
  const { t, lang } = useI18n();
  const names = app.availableActions
    .filter((a) => panels[a])
    // Confirming again is possible but pointless; the card returns when the applicant books another slot.
    .filter((a) => a !== 'confirmSurvey' || !surveyConfirmed(app));
  const stateName = labelText(lang, app.stateLabel, stateLabels[app.state], app.state);
  // A finished application has nothing left to do; its results card says how it ended.
  if (names.length === 0 && ['completed', 'rejected', 'withdrawn'].includes(app.state)) return null;
  return (
    <Card
      title={
        <span>
          <ToolOutlined /> {t('待办操作', 'Actions')}
        </span>
      }
      size="small"
      data-testid="utility-actions"
    >
      {names.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`当前环节：${stateName}，暂无需您操作`, `Current step: ${stateName}; nothing for you to do now`)} />
      ) : (
        <Row gutter={[12, 12]}>
          {names.map((a) => {
            const Panel = panels[a];
            return (
              <Col key={a} xs={24} lg={12}>
                <Panel app={app} />
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}

/** Closing a rectification after a bad rating: what was done and the callback to the rater. */
export function RectificationClose({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const invalidate = useInvalidateApplication();
  const [form] = Form.useForm<{ actionTaken: string; callbackRecord: string }>();
  const r = app.rectification;
  const close = useMutation({
    mutationFn: (v: { actionTaken: string; callbackRecord: string }) => api.post(`${BASE}/rectifications/${r!.id}/close`, v),
    onSuccess: () => invalidate(app.id),
    onError: (e) => applyProblemToForm(form, e),
    meta: { silent: true },
  });
  if (!r || r.state !== 'open') return null;
  return (
    <Card size="small" title={t('差评整改', 'Rectification')} data-testid="rectification-close">
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t(`整改期限：${r.dueDate}`, `Due: ${r.dueDate}`)} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => close.mutate(v)}>
        <Form.Item name="actionTaken" label={t('整改措施', 'Action taken')} rules={[{ required: true, min: 2, whitespace: true, message: t('请填写整改措施（至少 2 个字）', 'Describe what was done') }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="rectification-action" />
        </Form.Item>
        <Form.Item name="callbackRecord" label={t('回访记录', 'Callback record')} rules={[{ required: true, min: 2, whitespace: true, message: t('请填写回访记录（至少 2 个字）', 'Record the callback') }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="rectification-callback" />
        </Form.Item>
        <ProblemAlert error={close.error} form={form} />
        <Button type="primary" htmlType="submit" loading={close.isPending} data-testid="rectification-submit">
          {t('完成整改', 'Close')}
        </Button>
      </Form>
    </Card>
  );
}
