import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, List, Modal, Radio, Switch, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api.js';
import { formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useClaimRegister, useMyClaims, type CaseView, type ClaimView } from '../bankruptcy.api.js';
import { claimStatusLabels, natureLabels } from '../bankruptcy.labels.js';
import { yuanToFen } from '../money-input.js';

interface ClaimFormValues {
  nature: string;
  principal: string;
  interest?: string;
  secured: boolean;
  collateralDescription?: string;
  collateralValue?: string;
}

const fenRule = (t: (zh: string, en: string) => string, required: boolean) => ({
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return required ? Promise.reject(new Error(t('请填写金额', 'Enter an amount'))) : Promise.resolve();
    return yuanToFen(v) === null ? Promise.reject(new Error(t('金额格式：元，最多两位小数', 'Yuan with at most two decimals'))) : Promise.resolve();
  },
});

/** A creditor files a claim: amounts in yuan (sent as fen), security, evidence files. */
function FileClaimForm({ caseId }: { caseId: string }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<ClaimFormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const secured = Form.useWatch('secured', form);
  const file = useBkMutation(async (v: ClaimFormValues) => {
    const evidenceFileIds: string[] = [];
    for (const f of files) {
      const fd = new FormData();
      fd.append('file', f.originFileObj as Blob, f.name);
      evidenceFileIds.push((await api.post<{ id: string }>('/files', fd)).id);
    }
    return api.post<ClaimView>(`${BASE}/cases/${caseId}/claims`, {
      nature: v.nature,
      principalFen: yuanToFen(v.principal),
      ...(v.interest ? { interestFen: yuanToFen(v.interest) } : {}),
      secured: v.secured,
      ...(v.secured ? { collateralDescription: v.collateralDescription, ...(v.collateralValue ? { collateralValueFen: yuanToFen(v.collateralValue) } : {}) } : {}),
      evidenceFileIds,
    });
  });
  return (
    <Card size="small" title={t('申报债权', 'File a claim')} data-testid="bk-file-claim">
      <ProblemAlert error={file.error} form={form} />
      {file.isSuccess && (
        <Typography.Paragraph type="success" data-testid="bk-claim-filed">
          {t('申报成功，已上链存证（编号', 'Filed and put on the ledger (leaf ')}
          {file.data.ledgerIndex}）
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nature: 'ordinary', secured: false }}
        onFinish={(v) =>
          file.mutate(v, {
            onSuccess: () => {
              form.resetFields();
              setFiles([]);
            },
            onError: (e) => applyProblemToForm(form, e),
          })
        }
      >
        <Form.Item name="nature" label={t('债权性质', 'Nature')}>
          <Radio.Group options={['ordinary', 'tax', 'socialInsurance'].map((k) => ({ value: k, label: pick(natureLabels[k]!) }))} />
        </Form.Item>
        <Form.Item name="principal" label={t('本金（元）', 'Principal (yuan)')} rules={[fenRule(t, true)]}>
          <Input inputMode="decimal" placeholder="100000.00" data-testid="bk-principal" />
        </Form.Item>
        <Form.Item name="interest" label={t('利息（元，计至受理日）', 'Interest to acceptance (yuan)')} rules={[fenRule(t, false)]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="secured" label={t('有财产担保', 'Secured')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {secured && (
          <>
            <Form.Item name="collateralDescription" label={t('担保物', 'Collateral')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="collateralValue" label={t('担保物估值（元）', 'Collateral value (yuan)')} rules={[fenRule(t, false)]}>
              <Input inputMode="decimal" />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('证据（PDF、图片）', 'Evidence (PDF, images)')}>
          <Upload beforeUpload={() => false} fileList={files} onChange={(i) => setFiles(i.fileList)} accept=".pdf,.png,.jpg,.jpeg,.ofd" multiple>
            <Button icon={<UploadOutlined />}>{t('选择文件', 'Choose files')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending} block data-testid="bk-submit-claim">
          {t('提交申报', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}

interface ReviewValues {
  decision: 'confirmed' | 'partlyConfirmed' | 'rejected';
  confirmed?: string;
  reason?: string;
}

/** The administrator's review of one claim (Art. 57 points kept short here: amount and nature). */
function ReviewModal({ claim, onClose }: { claim: ClaimView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReviewValues>();
  const decision = Form.useWatch('decision', form);
  const review = useBkMutation((v: ReviewValues) =>
    api.post(`${BASE}/claims/${claim!.id}/review`, {
      decision: v.decision,
      ...(v.decision === 'partlyConfirmed' ? { confirmedFen: yuanToFen(v.confirmed ?? '') } : {}),
      points: { nature: { ok: true }, amount: { ok: v.decision === 'confirmed' } },
      ...(v.reason ? { reason: v.reason } : {}),
      version: claim!.version,
    }),
  );
  return (
    <Modal
      open={!!claim}
      title={t('审查债权（第五十七条）', 'Review (Art. 57)')}
      onCancel={onClose}
      okText={t('提交审查结论', 'Submit')}
      okButtonProps={{ id: 'bk-review-ok' }}
      confirmLoading={review.isPending}
      onOk={() => form.validateFields().then((v) => review.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      {claim && (
        <Typography.Paragraph>
          {claim.creditorName} · {formatFen(claim.claimedFen)}
        </Typography.Paragraph>
      )}
      <ProblemAlert error={review.error} form={form} />
      <Form form={form} layout="vertical" initialValues={{ decision: 'confirmed' }} preserve={false}>
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'confirmed', label: t('确认', 'Confirm') },
              { value: 'partlyConfirmed', label: t('部分确认', 'Partly') },
              { value: 'rejected', label: t('不予确认', 'Reject') },
            ]}
          />
        </Form.Item>
        {decision === 'partlyConfirmed' && (
          <Form.Item name="confirmed" label={t('确认金额（元）', 'Confirmed (yuan)')} rules={[fenRule(t, true)]}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        {decision !== 'confirmed' && (
          <Form.Item name="reason" label={t('理由', 'Reasons')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ClaimsTab({ theCase }: { theCase: CaseView }) {
  const { t, pick } = useI18n();
  const isAdmin = theCase.relations.includes('administrator');
  const isOfficer = isAdmin || theCase.relations.includes('court');
  const register = useClaimRegister(theCase.id);
  const mine = useMyClaims(theCase.id, !isOfficer);
  const [reviewing, setReviewing] = useState<ClaimView | null>(null);
  return (
    <Flex vertical gap={12}>
      {!isOfficer && theCase.stage === 'accepted' && <FileClaimForm caseId={theCase.id} />}
      {!isOfficer && (
        <Card size="small" title={t('我的债权', 'My claims')}>
          <List
            dataSource={mine.data ?? []}
            locale={{ emptyText: t('尚未申报', 'None filed yet') }}
            renderItem={(c) => (
              <List.Item data-testid="bk-my-claim">
                <Flex vertical style={{ width: '100%' }}>
                  <Flex justify="space-between" wrap gap={6}>
                    <span>
                      {pick(natureLabels[c.nature] ?? [c.nature, c.nature])} {c.secured && <Tag color="gold">{t('有担保', 'Secured')}</Tag>}
                      {c.late && <Tag color="orange">{t('补充申报', 'Late')}</Tag>}
                    </span>
                    <Tag color={c.status === 'filed' ? 'blue' : c.status === 'rejected' ? 'red' : 'green'} data-testid="bk-my-claim-status">
                      {pick(claimStatusLabels[c.status] ?? [c.status, c.status])}
                    </Tag>
                  </Flex>
                  <Typography.Text>
                    {t('申报', 'Claimed')} {formatFen(c.claimedFen)} · {t('确认', 'Confirmed')} {formatFen(c.confirmedFen)}
                  </Typography.Text>
                  {c.reviewReason && <Typography.Text type="secondary">{c.reviewReason}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t('债权表', 'Claim register')}>
        <ProblemAlert error={register.error} />
        <Table<ClaimView>
          size="small"
          rowKey="id"
          loading={register.isLoading}
          dataSource={register.data?.items ?? []}
          scroll={{ x: 640 }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('债权人', 'Creditor'), dataIndex: 'creditorName' },
            { title: t('性质', 'Nature'), dataIndex: 'nature', render: (n: string) => pick(natureLabels[n] ?? [n, n]) },
            { title: t('申报额', 'Claimed'), dataIndex: 'claimedFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: t('确认额', 'Confirmed'), dataIndex: 'confirmedFen', align: 'right', render: (v: number | null) => formatFen(v) },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string, c) => <span>{pick(claimStatusLabels[s] ?? [s, s])}{c.courtConfirmedOn ? ` · ${t('已裁定', 'ruled')}` : ''}</span> },
            ...(isAdmin
              ? [
                  {
                    title: '',
                    key: 'act',
                    render: (_: unknown, c: ClaimView) =>
                      c.status === 'filed' ? (
                        <Button size="small" onClick={() => setReviewing(c)} data-testid="bk-review">
                          {t('审查', 'Review')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReviewModal claim={reviewing} onClose={() => setReviewing(null)} />
    </Flex>
  );
}

