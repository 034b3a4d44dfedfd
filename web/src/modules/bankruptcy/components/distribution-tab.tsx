import { DeleteOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, List, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, isApiError } from '../../../shared/api.js';
import { formatDateTime, formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useClaimRegister, useDistributionPlans, usePlan, type CaseView, type PlanView } from '../bankruptcy.api.js';
import { planStatusLabels, tierLabels } from '../bankruptcy.labels.js';
import { buildPlanRequest, type PlanFormValues } from '../distribution-request.js';
import { yuanRule } from './form-rules.js';

const pdfHref = (planId: string) => `/api/v1/bankruptcy/distribution-plans/${planId}/pdf`;

/** A list of named debts (Art. 41 expenses or Art. 42 common-benefit debts) with amounts in yuan. */
function DebtList({ name, title, addText }: { name: 'expenses' | 'commonBenefitDebts'; title: string; addText: string }) {
  const { t } = useI18n();
  return (
    <Form.Item label={title} style={{ marginBottom: 8 }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} wrap={false} align="top">
                <Col flex="auto">
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, max: 200, message: t('请填写名称', 'Enter a name') }]}>
                    <Input placeholder={t('名称', 'Name')} />
                  </Form.Item>
                </Col>
                <Col flex="140px">
                  <Form.Item name={[f.name, 'amount']} rules={[yuanRule(t)]}>
                    <Input inputMode="decimal" placeholder={t('金额（元）', 'Yuan')} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('删除', 'Remove')} onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', amount: '' })} data-testid={`bk-add-${name}`}>
              {addText}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The administrator computes a plan from the register: estate, expenses, debts and collateral proceeds. */
function CreatePlanForm({ theCase, onCreated }: { theCase: CaseView; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanFormValues>();
  const register = useClaimRegister(theCase.id);
  const secured = (register.data?.items ?? []).filter((c) => c.secured && c.status !== 'filed' && c.status !== 'rejected');
  const create = useBkMutation((body: unknown) => api.post<PlanView>(`${BASE}/cases/${theCase.id}/distribution-plans`, body));
  const submit = (v: PlanFormValues) => {
    const r = buildPlanRequest(v);
    if (!r.ok) {
      form.setFields(r.errors.map((e) => ({ name: e.name, errors: [t(...e.message)] })) as Parameters<typeof form.setFields>[0]);
      return;
    }
    create.mutate(r.body, { onSuccess: (plan) => onCreated(plan.id), onError: (e) => applyProblemToForm(form, e) });
  };
  return (
    <Card size="small" title={t('计算分配方案', 'Compute a distribution plan')} data-testid="bk-plan-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(
          '按债权表计算：担保物变价款优先清偿担保债权（第一百零九条），破产费用和共益债务随时清偿（第四十三条），再按第一百一十三条顺序清偿；附条件、诉讼中债权的分配额提存（第一百一十七、一百一十九条）。',
          'Computed from the claim register: collateral pays its secured claims first (Art. 109), then expenses and common-benefit debts (Art. 43), then the Art. 113 tiers; shares of conditional and disputed claims are reserved (Arts. 117, 119).',
        )}
      </Typography.Paragraph>
      <ProblemAlert error={create.error} form={form} />
      <Form form={form} name="bkPlan" layout="vertical" initialValues={{ expenses: [], commonBenefitDebts: [], collaterals: [] }} onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="freeEstate" label={t('无担保财产变价所得（元）', 'Free estate (yuan)')} rules={[yuanRule(t, true, true)]}>
              <Input inputMode="decimal" placeholder="1000000.00" data-testid="bk-plan-estate" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="averageMonthlyWage" label={t('职工月平均工资（元，选填）', 'Average monthly wage (yuan, optional)')} rules={[yuanRule(t, false)]}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        <DebtList name="expenses" title={t('破产费用（第四十一条）', 'Bankruptcy expenses (Art. 41)')} addText={t('添加破产费用', 'Add an expense')} />
        <DebtList name="commonBenefitDebts" title={t('共益债务（第四十二条）', 'Common-benefit debts (Art. 42)')} addText={t('添加共益债务', 'Add a debt')} />
        <Form.Item label={t('担保物变价（第一百零九条）', 'Collateral proceeds (Art. 109)')}>
          <Form.List name="collaterals">
            {(fields, { add, remove }) => (
              <Flex vertical gap={0}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'collateralId']} rules={[{ required: true, whitespace: true, max: 100, message: t('请填写担保物', 'Name the collateral') }]}>
                        <Input placeholder={t('担保物', 'Collateral')} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={6}>
                      <Form.Item name={[f.name, 'realized']} rules={[yuanRule(t, true, true)]}>
                        <Input inputMode="decimal" placeholder={t('变价净额（元）', 'Net proceeds')} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={1} order={3}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('删除', 'Remove')} onClick={() => remove(f.name)} />
                    </Col>
                    <Col xs={24} sm={11}>
                      <Form.Item name={[f.name, 'claimIds']} rules={[{ required: true, type: 'array', min: 1, message: t('请选择担保债权', 'Choose the secured claims') }]}>
                        <Select mode="multiple" placeholder={t('担保债权', 'Secured claims')} options={secured.map((c) => ({ value: c.id, label: `${c.creditorName} · ${formatFen(c.confirmedFen)}` }))} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ collateralId: '', realized: '', claimIds: [] })} disabled={secured.length === 0}>
                  {secured.length ? t('添加担保物', 'Add a collateral') : t('无已确认的有担保债权', 'No confirmed secured claim')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="bk-plan-submit">
          {t('计算并生成方案', 'Compute the plan')}
        </Button>
      </Form>
    </Card>
  );
}

/** One plan: totals, Art. 113 tiers, and what each creditor receives (a creditor sees only its own lines). */
function PlanDetail({ planId, names }: { planId: string; names: Map<string, string> }) {
  const { t, pick } = useI18n();
  const plan = usePlan(planId);
  const p = plan.data;
  const claimName = (claimId: string) => names.get(claimId) ?? claimId;
  const creditorName = (creditorId: string) => {
    const claim = p?.claims.find((c) => c.creditorId === creditorId);
    return claim ? claimName(claim.claimId) : creditorId;
  };
  return (
    <Card
      size="small"
      data-testid="bk-plan-detail"
      title={p ? t(`第 ${p.round} 次分配方案`, `Distribution plan, round ${p.round}`) : t('分配方案', 'Plan')}
      extra={
        <a href={pdfHref(planId)} target="_blank" rel="noreferrer" data-testid="bk-plan-pdf">
          <FilePdfOutlined /> PDF
        </a>
      }
    >
      <ProblemAlert error={plan.error} />
      {p && (
        <Flex vertical gap={12}>
          {p.terminationRequired && (
            <Alert type="warning" showIcon title={t('破产财产不足以清偿破产费用，管理人应提请人民法院终结破产程序（第四十三条第四款）', 'The estate cannot cover the expenses: ask the court to end the proceedings (Art. 43 ¶4)')} />
          )}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }}>
            <Descriptions.Item label={t('可分配财产', 'Estate')}>{formatFen(p.estateFen)}</Descriptions.Item>
            <Descriptions.Item label={t('剩余', 'Remainder')}>{formatFen(p.remainderFen)}</Descriptions.Item>
            <Descriptions.Item label={t('状态', 'Status')}>{pick(planStatusLabels[p.status] ?? [p.status, p.status])}</Descriptions.Item>
            <Descriptions.Item label={t('存证', 'Ledger leaf')}>{p.ledgerIndex ?? '—'}</Descriptions.Item>
          </Descriptions>
          {(p.expenses.length > 0 || p.commonBenefitDebts.length > 0) && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={[...p.expenses.map((e) => ({ ...e, kind: t('破产费用', 'Expense') })), ...p.commonBenefitDebts.map((e) => ({ ...e, kind: t('共益债务', 'Common-benefit debt') }))]}
              columns={[
                { title: t('类别', 'Kind'), dataIndex: 'kind' },
                { title: t('编号', 'Id'), dataIndex: 'id' },
                { title: t('金额', 'Amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
                { title: t('清偿', 'Paid'), dataIndex: 'payFen', align: 'right', render: (v: number) => formatFen(v) },
              ]}
            />
          )}
          {p.collaterals.length > 0 && (
            <Table
              size="small"
              rowKey="collateralId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={p.collaterals}
              columns={[
                { title: t('担保物', 'Collateral'), dataIndex: 'collateralId' },
                { title: t('变价净额', 'Proceeds'), dataIndex: 'realizedFen', align: 'right', render: (v: number) => formatFen(v) },
                { title: t('清偿担保债权', 'To secured'), dataIndex: 'toSecuredFen', align: 'right', render: (v: number) => formatFen(v) },
                { title: t('余额并入', 'Surplus'), dataIndex: 'surplusFen', align: 'right', render: (v: number) => formatFen(v) },
              ]}
            />
          )}
          <Table
            size="small"
            rowKey="tier"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.tiers}
            data-testid="bk-plan-tiers"
            title={() => t('清偿顺序（第一百一十三条）', 'Order of payment (Art. 113)')}
            columns={[
              { title: t('顺序', 'Tier'), dataIndex: 'tier', render: (v: string) => pick(tierLabels[v] ?? [v, v]) },
              { title: t('债权额', 'Allowed'), dataIndex: 'allowedFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: t('分配额', 'Paid'), dataIndex: 'payFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: t('提存', 'Reserved'), dataIndex: 'reserveFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: t('足额', 'Full'), dataIndex: 'fullyPaid', render: (v: boolean) => (v ? <Tag color="green">{t('足额清偿', 'In full')}</Tag> : <Tag color="orange">{t('按比例', 'Pro rata')}</Tag>) },
            ]}
          />
          <Table
            size="small"
            rowKey="creditorId"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={p.creditors}
            data-testid="bk-plan-creditors"
            title={() => t('各债权人分配额', 'Amount per creditor')}
            columns={[
              { title: t('债权人', 'Creditor'), dataIndex: 'creditorId', render: (v: string) => creditorName(v) },
              { title: t('分配额', 'Paid'), dataIndex: 'payFen', align: 'right', render: (v: number) => formatFen(v) },
              { title: t('提存额', 'Reserved'), dataIndex: 'reserveFen', align: 'right', render: (v: number) => formatFen(v) },
            ]}
          />
          {p.excludedClaimIds && p.excludedClaimIds.length > 0 && (
            <Typography.Text type="secondary">{t(`未列入方案的债权（未确认或不予确认）：${p.excludedClaimIds.length} 笔`, `Claims left out (not confirmed): ${p.excludedClaimIds.length}`)}</Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Distribution plans with their PDFs; the administrator computes new ones, a creditor sees its own amounts. */
export function DistributionTab({ theCase }: { theCase: CaseView }) {
  const { t, pick } = useI18n();
  const isAdmin = theCase.relations.includes('administrator');
  const plans = useDistributionPlans(theCase.id, true);
  const register = useClaimRegister(theCase.id);
  const [selected, setSelected] = useState<string | null>(null);
  const names = new Map((register.data?.items ?? []).map((c) => [c.id, c.creditorName]));
  const forbidden = isApiError(plans.error) && plans.error.status === 403;
  const shown = selected ?? plans.data?.[plans.data.length - 1]?.id ?? null;
  return (
    <Flex vertical gap={12}>
      {isAdmin && theCase.stage === 'accepted' && <CreatePlanForm theCase={theCase} onCreated={setSelected} />}
      <Card size="small" title={t('破产财产分配方案', 'Distribution plans')}>
        {forbidden ? <Typography.Text type="secondary">{t('仅本案债权人可查看分配方案', 'Only creditors of this case see the plans')}</Typography.Text> : <ProblemAlert error={plans.error} />}
        <List
          dataSource={plans.data ?? []}
          loading={plans.isLoading}
          locale={{ emptyText: t('暂无分配方案', 'No plan yet') }}
          renderItem={(p) => (
            <List.Item
              data-testid="bk-plan"
              style={p.id === shown ? { background: 'rgba(22,119,255,0.06)' } : undefined}
              actions={[
                <Button key="v" size="small" type={p.id === shown ? 'primary' : 'default'} onClick={() => setSelected(p.id)}>
                  {t('查看', 'View')}
                </Button>,
                <a key="pdf" href={pdfHref(p.id)} target="_blank" rel="noreferrer">
                  <FilePdfOutlined /> PDF
                </a>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {t(`第 ${p.round} 次分配`, `Round ${p.round}`)} <Tag>{pick(planStatusLabels[p.status] ?? [p.status, p.status])}</Tag>
                  </span>
                }
                description={`${t('可分配', 'Estate')} ${formatFen(p.estateFen)} · ${t('分配', 'Distributed')} ${formatFen(p.distributedFen)} · ${formatDateTime(p.createdAt)}`}
              />
            </List.Item>
          )}
        />
      </Card>
      {shown && <PlanDetail planId={shown} names={names} />}
    </Flex>
  );
}
