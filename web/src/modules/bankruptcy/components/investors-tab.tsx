import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Input, List, Switch, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api.js';
import { useAuth } from '../../../shared/auth.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useAnnouncements, useBkMutation, useInvestors, useUndertaking, type CaseView, type InvestorView } from '../bankruptcy.api.js';
import { investorStatusLabels, ROLE_INVESTOR } from '../bankruptcy.labels.js';

/** The administrator publishes the recruitment notice (an announcement of kind investorRecruitment). */
function NoticeForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const m = useBkMutation((v: { title: string; body: string }) => api.post(`${BASE}/cases/${caseId}/announcements`, { kind: 'investorRecruitment', ...v }));
  return (
    <Card size="small" title={t('发布投资人招募公告', 'Publish the recruitment notice')} data-testid="bk-notice-form">
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('正文', 'Text')} rules={[{ required: true, whitespace: true, min: 2, max: 20_000 }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending}>
          {t('发布', 'Publish')}
        </Button>
      </Form>
    </Card>
  );
}

/** An investor registers by accepting the confidentiality undertaking (on the ledger), which opens the data room. */
function RegisterCard({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const text = useUndertaking();
  const [accepted, setAccepted] = useState(false);
  const m = useBkMutation(() => api.post<InvestorView>(`${BASE}/cases/${caseId}/investors`, { acceptUndertaking: accepted }));
  return (
    <Card size="small" title={t('投资人报名', 'Register as an investor')} data-testid="bk-investor-register">
      <ProblemAlert error={text.error ?? m.error} />
      <Typography.Paragraph strong>{t('保密承诺书', 'Confidentiality undertaking')}</Typography.Paragraph>
      <Typography.Paragraph style={{ background: 'rgba(0,0,0,0.03)', padding: 12, borderRadius: 6 }}>{text.data?.text}</Typography.Paragraph>
      <Flex vertical gap={8}>
        <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="bk-accept-undertaking">
          {t('本单位已阅读并接受上述保密承诺', 'We have read and accept the undertaking')}
        </Checkbox>
        <Button type="primary" disabled={!accepted} loading={m.isPending} onClick={() => m.mutate()} data-testid="bk-investor-submit">
          {t('签署承诺并报名', 'Sign and register')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The investor submits (or replaces) its intention letter: a summary and optionally the signed letter. */
function IntentionForm({ reg }: { reg: InvestorView }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ summary: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const m = useBkMutation(async (v: { summary: string }) => {
    let fileId: string | undefined;
    const f = files[0];
    if (f?.originFileObj) {
      const fd = new FormData();
      fd.append('file', f.originFileObj as Blob, f.name);
      fileId = (await api.post<{ id: string }>('/files', fd)).id;
    }
    return api.post<InvestorView>(`${BASE}/investors/${reg.id}/intention`, { summary: v.summary, ...(fileId ? { fileId } : {}) });
  });
  return (
    <Card size="small" title={t('提交投资意向书', 'Submit an intention letter')} data-testid="bk-intention-form">
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" initialValues={{ summary: reg.intentionSummary ?? '' }} onFinish={(v) => m.mutate(v, { onSuccess: () => setFiles([]), onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item name="summary" label={t('意向摘要（投资方式、金额、安置方案等）', 'Summary (form of investment, amount, employees)')} rules={[{ required: true, whitespace: true, min: 2, max: 5000 }]}>
          <Input.TextArea rows={4} data-testid="bk-intention-summary" />
        </Form.Item>
        <Form.Item label={t('意向书文件（PDF，选填）', 'Signed letter (PDF, optional)')}>
          <Upload beforeUpload={() => false} fileList={files} maxCount={1} onChange={(i) => setFiles(i.fileList)} accept=".pdf,.ofd">
            <Button icon={<UploadOutlined />}>{t('选择文件', 'Choose a file')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="bk-intention-submit">
          {t('提交意向书', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** Investor recruitment (投资人招募): notice, registration with the undertaking, intention letters, data room. */
export function InvestorsTab({ theCase }: { theCase: CaseView }) {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const isAdmin = theCase.relations.includes('administrator');
  const isInvestor = hasRole(ROLE_INVESTOR);
  const open = theCase.stage === 'accepted';
  const investors = useInvestors(theCase.id);
  const notices = useAnnouncements({ kind: 'investorRecruitment', caseId: theCase.id });
  const dataRoom = useBkMutation((v: { id: string; access: boolean }) => api.post(`${BASE}/investors/${v.id}/data-room`, { access: v.access }));
  const mine = isInvestor ? (investors.data ?? [])[0] : undefined;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('招募公告', 'Recruitment notices')}>
        <ProblemAlert error={notices.error} />
        <List
          dataSource={notices.data ?? []}
          locale={{ emptyText: t('暂无招募公告', 'No notice yet') }}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta title={<Link to={`/bankruptcy/announcements/${a.id}`}>{a.title}</Link>} description={formatDateTime(a.publishedAt)} />
            </List.Item>
          )}
        />
      </Card>
      {isAdmin && open && <NoticeForm caseId={theCase.id} />}
      <ProblemAlert error={investors.error ?? dataRoom.error} />
      {isInvestor && open && investors.isSuccess && !mine && <RegisterCard caseId={theCase.id} />}
      {mine && (
        <Card size="small" title={t('我的报名', 'My registration')} data-testid="bk-my-registration">
          <Flex vertical gap={4}>
            <span>
              <Tag color="blue" data-testid="bk-investor-status">
                {pick(investorStatusLabels[mine.status] ?? [mine.status, mine.status])}
              </Tag>
              {mine.dataRoomAccess ? <Tag color="green">{t('资料室已开放', 'Data room open')}</Tag> : <Tag>{t('资料室未开放', 'Data room closed')}</Tag>}
            </span>
            <Typography.Text type="secondary">{`${t('签署保密承诺', 'Undertaking signed')} ${formatDateTime(mine.undertakingAcceptedAt)} · ${t('存证', 'Leaf')} ${mine.ledgerIndex ?? '—'}`}</Typography.Text>
            {mine.intentionSummary && <Typography.Paragraph style={{ marginTop: 8 }}>{mine.intentionSummary}</Typography.Paragraph>}
          </Flex>
        </Card>
      )}
      {mine && open && <IntentionForm reg={mine} />}
      {!isInvestor && (
        <Card size="small" title={t('报名投资人', 'Registered investors')}>
          <List
            dataSource={investors.data ?? []}
            loading={investors.isLoading}
            locale={{ emptyText: t('暂无报名', 'No registrations') }}
            renderItem={(r) => (
              <List.Item
                data-testid="bk-investor"
                actions={
                  isAdmin
                    ? [
                        <Flex key="dr" gap={6} align="center">
                          <span style={{ fontSize: 12 }}>{t('资料室', 'Data room')}</span>
                          <Switch size="small" checked={r.dataRoomAccess} loading={dataRoom.isPending} onChange={(access) => dataRoom.mutate({ id: r.id, access })} />
                        </Flex>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      {r.investorName} <Tag>{pick(investorStatusLabels[r.status] ?? [r.status, r.status])}</Tag>
                    </span>
                  }
                  description={
                    <Flex vertical>
                      <span>{`${t('签署保密承诺', 'Undertaking')} ${formatDateTime(r.undertakingAcceptedAt)}`}</span>
                      {r.intentionSummary && <span>{`${t('意向', 'Intention')}：${r.intentionSummary}`}</span>}
                      {r.intentionFileId && (
                        <a href={`/api/v1/files/${r.intentionFileId}`} target="_blank" rel="noreferrer">
                          {t('意向书文件', 'Letter file')}
                        </a>
                      )}
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
