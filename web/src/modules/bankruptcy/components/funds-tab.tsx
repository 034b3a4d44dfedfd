import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Form, Input, List, Modal, Row, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api.js';
import { formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useFunds, type CaseView, type DisbursementView, type MovementView, type ReconciliationView } from '../bankruptcy.api.js';
import { disbursementStatusLabels } from '../bankruptcy.labels.js';
import { yuanToFen } from '../money-input.js';
import { dateRule, todayInShanghai, yuanRule } from './form-rules.js';

interface ReceiptValues {
  amount: string;
  occurredOn: string;
  counterparty: string;
  purpose: string;
  bankReference?: string;
}

/** The administrator books money received into the case account (outgoing money goes through a disbursement). */
function ReceiptForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReceiptValues>();
  const m = useBkMutation((v: ReceiptValues) =>
    api.post(`${BASE}/cases/${caseId}/funds/receipts`, {
      direction: 'in',
      amountFen: yuanToFen(v.amount),
      occurredOn: v.occurredOn,
      counterparty: v.counterparty,
      purpose: v.purpose,
      ...(v.bankReference?.trim() ? { bankReference: v.bankReference.trim() } : {}),
    }),
  );
  return (
    <Card size="small" title={t('登记收款', 'Record money received')} data-testid="bk-receipt-form">
      <ProblemAlert error={m.error} form={form} />
      <Form
        form={form}
        name="bkReceipt"
        layout="vertical"
        initialValues={{ occurredOn: todayInShanghai() }}
        onFinish={(v) => m.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => applyProblemToForm(form, e) })}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="amount" label={t('金额（元）', 'Amount (yuan)')} rules={[yuanRule(t)]}>
              <Input inputMode="decimal" placeholder="50000.00" data-testid="bk-receipt-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="occurredOn" label={t('到账日期', 'Received on')} rules={[dateRule(t)]}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="counterparty" label={t('付款方', 'Paid by')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input data-testid="bk-receipt-counterparty" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="bankReference" label={t('银行流水号（选填）', 'Bank reference (optional)')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="purpose" label={t('款项用途', 'Purpose')} rules={[{ required: true, whitespace: true, max: 300 }]}>
              <Input data-testid="bk-receipt-purpose" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="bk-receipt-submit">
          {t('登记收款', 'Record')}
        </Button>
      </Form>
    </Card>
  );
}

interface DisbursementValues {
  amount: string;
  payee: string;
  purpose: string;
}

/** A payment request; above the case's threshold it waits for the judge. */
function DisbursementForm({ caseId, thresholdFen }: { caseId: string; thresholdFen: number }) {
  const { t } = useI18n();
  const [form] = Form.useForm<DisbursementValues>();
  const amount = Form.useWatch('amount', form);
  const fen = amount ? yuanToFen(amount) : null;
  const m = useBkMutation((v: DisbursementValues) => api.post<DisbursementView>(`${BASE}/cases/${caseId}/funds/disbursements`, { amountFen: yuanToFen(v.amount), payee: v.payee, purpose: v.purpose }));
  return (
    <Card size="small" title={t('新建付款申请', 'Request a disbursement')} data-testid="bk-disbursement-form">
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} name="bkDisbursement" layout="vertical" onFinish={(v) => m.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => applyProblemToForm(form, e) })}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="amount"
              label={t('金额（元）', 'Amount (yuan)')}
              rules={[yuanRule(t)]}
              extra={
                fen !== null && fen > thresholdFen
                  ? t(`超过审批限额 ${formatFen(thresholdFen)}，须经法院审批`, `Above ${formatFen(thresholdFen)}: needs the judge's approval`)
                  : t(`审批限额 ${formatFen(thresholdFen)}`, `Approval needed above ${formatFen(thresholdFen)}`)
              }
            >
              <Input inputMode="decimal" data-testid="bk-disb-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="payee" label={t('收款方', 'Payee')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input data-testid="bk-disb-payee" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="purpose" label={t('用途', 'Purpose')} rules={[{ required: true, whitespace: true, max: 300 }]}>
              <Input data-testid="bk-disb-purpose" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="bk-disb-submit">
          {t('提交付款申请', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The administrator records the bank transfer of an approved disbursement. */
function ExecuteModal({ d, onClose }: { d: DisbursementView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ executedOn: string; bankReference: string }>();
  const m = useBkMutation((v: { executedOn: string; bankReference: string }) => api.post(`${BASE}/disbursements/${d!.id}/execute`, { ...v, version: d!.version }));
  return (
    <Modal
      open={!!d}
      title={t('执行付款', 'Execute the payment')}
      onCancel={onClose}
      okText={t('确认已付款', 'Paid')}
      okButtonProps={{ id: 'bk-execute-ok' }}
      confirmLoading={m.isPending}
      onOk={() => form.validateFields().then((v) => m.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      {d && <Typography.Paragraph>{`${d.payee} · ${formatFen(d.amountFen)}`}</Typography.Paragraph>}
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" initialValues={{ executedOn: todayInShanghai() }} preserve={false}>
        <Form.Item name="executedOn" label={t('付款日期', 'Paid on')} rules={[dateRule(t)]}>
          <Input />
        </Form.Item>
        <Form.Item name="bankReference" label={t('银行流水号', 'Bank reference')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="bk-execute-ref" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The judge's decision on a disbursement above the threshold, with an optional note. */
function DecisionModal({ d, approve, onClose }: { d: DisbursementView | null; approve: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();
  const m = useBkMutation((v: { note?: string }) => api.post(`${BASE}/disbursements/${d!.id}/decision`, { approve, ...(v.note?.trim() ? { note: v.note.trim() } : {}), version: d!.version }));
  return (
    <Modal
      open={!!d}
      title={approve ? t('批准付款', 'Approve the payment') : t('驳回付款申请', 'Reject the request')}
      onCancel={onClose}
      okText={approve ? t('批准', 'Approve') : t('驳回', 'Reject')}
      okButtonProps={{ danger: !approve, id: 'bk-decision-ok' }}
      confirmLoading={m.isPending}
      onOk={() => form.validateFields().then((v) => m.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      {d && <Typography.Paragraph>{`${d.payee} · ${formatFen(d.amountFen)} · ${d.purpose}`}</Typography.Paragraph>}
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={approve ? t('审批意见（选填）', 'Note (optional)') : t('驳回理由', 'Reasons')} rules={[{ required: !approve, whitespace: true, max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Upload a CSV bank statement; the answer shows matched lines and both kinds of differences. */
function StatementImport({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const m = useBkMutation((text: string) => api.post<ReconciliationView>(`${BASE}/cases/${caseId}/funds/statements`, { csv: text }));
  const r = m.data;
  return (
    <Card size="small" title={t('导入银行流水并对账', 'Import a bank statement and reconcile')} data-testid="bk-statement">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('CSV 表头：日期, 收支(收/支), 金额(元), 对方户名, 流水号, 摘要', 'CSV header: date, direction (in/out), amount (yuan), counterparty, reference, purpose')}
      </Typography.Paragraph>
      <Flex wrap gap={8} align="center">
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => setCsv({ name: file.name, text }));
            m.reset();
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="bk-statement-choose">
            {t('选择 CSV 文件', 'Choose a CSV file')}
          </Button>
        </Upload>
        {csv && <Typography.Text>{csv.name}</Typography.Text>}
        <Button type="primary" disabled={!csv} loading={m.isPending} onClick={() => csv && m.mutate(csv.text)} data-testid="bk-statement-import">
          {t('导入并对账', 'Import and reconcile')}
        </Button>
      </Flex>
      <ProblemAlert error={m.error} style={{ marginTop: 12 }} />
      {r && (
        <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="bk-reconciliation">
          <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('流水行数', 'Lines')}>{r.lines}</Descriptions.Item>
            <Descriptions.Item label={t('已匹配', 'Matched')}>{r.matched}</Descriptions.Item>
            <Descriptions.Item label={t('差异', 'Differences')}>{r.unrecordedOnStatement.length + r.recordedNotOnStatement.length}</Descriptions.Item>
          </Descriptions>
          {r.unrecordedOnStatement.length > 0 && (
            <Card size="small" type="inner" title={t('银行有、账上未登记（已按流水补记）', 'On the statement but not recorded (added from the statement)')}>
              <List
                size="small"
                dataSource={r.unrecordedOnStatement}
                renderItem={(l) => (
                  <List.Item>
                    {t(`第 ${l.line} 行`, `Line ${l.line}`)} · {l.date} · {l.direction === 'in' ? t('收', 'in') : t('支', 'out')} {formatFen(l.amountFen)} · {l.counterparty} {l.reference}
                  </List.Item>
                )}
              />
            </Card>
          )}
          {r.recordedNotOnStatement.length > 0 && (
            <Card size="small" type="inner" title={t('账上已登记、流水中未见', 'Recorded but not on the statement')}>
              <List
                size="small"
                dataSource={r.recordedNotOnStatement}
                renderItem={(mv) => (
                  <List.Item>
                    {mv.occurredOn} · {mv.direction === 'in' ? t('收', 'in') : t('支', 'out')} {formatFen(mv.amountFen)} · {mv.counterparty}
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Fund supervision (资金监管): balance, receipts, disbursements with the judge's approval, bank statements. */
export function FundsTab({ theCase }: { theCase: CaseView }) {
  const { t, pick } = useI18n();
  const funds = useFunds(theCase.id, true);
  const isCourt = theCase.relations.includes('court');
  const isAdmin = theCase.relations.includes('administrator');
  const open = theCase.stage === 'accepted';
  const [deciding, setDeciding] = useState<{ d: DisbursementView; approve: boolean } | null>(null);
  const [executing, setExecuting] = useState<DisbursementView | null>(null);
  const f = funds.data;
  return (
    <Flex vertical gap={12}>
      <ProblemAlert error={funds.error} />
      {f && (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 5 }} data-testid="bk-funds-summary">
          <Descriptions.Item label={t('账户余额', 'Balance')}>
            <strong data-testid="bk-balance">{formatFen(f.balanceFen)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('累计收入', 'In')}>{formatFen(f.inFen)}</Descriptions.Item>
          <Descriptions.Item label={t('累计支出', 'Out')}>{formatFen(f.outFen)}</Descriptions.Item>
          <Descriptions.Item label={t('审批限额', 'Approval above')}>{formatFen(f.thresholdFen)}</Descriptions.Item>
          <Descriptions.Item label={t('未对账笔数', 'Unreconciled')}>{f.unreconciled}</Descriptions.Item>
        </Descriptions>
      )}
      {isAdmin && open && f && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <ReceiptForm caseId={theCase.id} />
          </Col>
          <Col xs={24} lg={12}>
            <DisbursementForm caseId={theCase.id} thresholdFen={f.thresholdFen} />
          </Col>
        </Row>
      )}
      <Card size="small" title={t('付款申请记录', 'Disbursements')}>
        <List
          dataSource={f?.disbursements ?? []}
          locale={{ emptyText: t('暂无付款申请', 'No disbursements') }}
          renderItem={(d) => {
            const s = disbursementStatusLabels[d.status] ?? [d.status, d.status, 'default'];
            const actions = [
              ...(isCourt && d.status === 'requested'
                ? [
                    <Button key="a" size="small" type="primary" onClick={() => setDeciding({ d, approve: true })} data-testid="bk-approve">
                      {t('批准', 'Approve')}
                    </Button>,
                    <Button key="r" size="small" danger onClick={() => setDeciding({ d, approve: false })} data-testid="bk-reject">
                      {t('驳回', 'Reject')}
                    </Button>,
                  ]
                : []),
              ...(isAdmin && d.status === 'approved'
                ? [
                    <Button key="x" size="small" type="primary" onClick={() => setExecuting(d)} data-testid="bk-execute">
                      {t('执行付款', 'Pay')}
                    </Button>,
                  ]
                : []),
            ];
            return (
              <List.Item data-testid="bk-disbursement">
                <Flex vertical style={{ width: '100%' }} gap={4}>
                  <Flex justify="space-between" wrap gap={6}>
                    <strong>{`${d.payee} · ${formatFen(d.amountFen)}`}</strong>
                    <Flex gap={4} wrap>
                      {d.needsApproval && <Tag>{t('超限额', 'Above threshold')}</Tag>}
                      <Tag color={s[2]} data-testid="bk-disbursement-status">
                        {pick([s[0], s[1]])}
                      </Tag>
                    </Flex>
                  </Flex>
                  <Typography.Text type="secondary">{d.purpose}</Typography.Text>
                  {d.decisionNote && <Typography.Text type="secondary">{`${t('审批意见', 'Note')}：${d.decisionNote}`}</Typography.Text>}
                  {d.bankReference && <Typography.Text type="secondary">{`${t('流水号', 'Reference')} ${d.bankReference} · ${t('存证', 'Leaf')} ${d.ledgerIndex ?? '—'}`}</Typography.Text>}
                  {actions.length > 0 && <Flex gap={8}>{actions}</Flex>}
                </Flex>
              </List.Item>
            );
          }}
        />
      </Card>
      {isAdmin && open && <StatementImport caseId={theCase.id} />}
      <Card size="small" title={t('账户流水', 'Movements')}>
        <Table<MovementView>
          size="small"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20 }}
          dataSource={f?.movements ?? []}
          columns={[
            { title: t('日期', 'Date'), dataIndex: 'occurredOn' },
            { title: t('收支', 'In/out'), dataIndex: 'direction', render: (d: string) => (d === 'in' ? <Tag color="green">{t('收入', 'In')}</Tag> : <Tag color="volcano">{t('支出', 'Out')}</Tag>) },
            { title: t('金额', 'Amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: t('对方', 'Counterparty'), dataIndex: 'counterparty' },
            { title: t('用途', 'Purpose'), dataIndex: 'purpose' },
            { title: t('流水号', 'Reference'), dataIndex: 'bankReference', render: (v: string | null) => v ?? '' },
            { title: t('对账', 'Reconciled'), dataIndex: 'reconciled', render: (r: boolean) => (r ? <Tag color="green">✓</Tag> : <Tag>{t('未对账', 'Open')}</Tag>) },
          ]}
        />
      </Card>
      <DecisionModal d={deciding?.d ?? null} approve={deciding?.approve ?? true} onClose={() => setDeciding(null)} />
      <ExecuteModal d={executing} onClose={() => setExecuting(null)} />
    </Flex>
  );
}
