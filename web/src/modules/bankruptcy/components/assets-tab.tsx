import { Button, Card, Col, Descriptions, Flex, Form, Input, List, Modal, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api.js';
import { formatBp, formatDateTime, formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useAssets, useBkMutation, type AssetView, type AuctionView, type CaseView, type InvestigationView } from '../bankruptcy.api.js';
import { assetStatusLabels, assetTypeLabels, auctionStatusLabels, departmentLabels } from '../bankruptcy.labels.js';
import { premiumRateBp, yuanToFen } from '../money-input.js';
import { dateRule, yuanRule } from './form-rules.js';

/** The administrator registers an asset of the estate with its valuation. */
function RegisterAssetForm({ caseId }: { caseId: string }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ assetType: string; name: string; valuation: string }>();
  const m = useBkMutation((v: { assetType: string; name: string; valuation: string }) => api.post(`${BASE}/cases/${caseId}/assets`, { assetType: v.assetType, name: v.name, valuationFen: yuanToFen(v.valuation) }));
  return (
    <Card size="small" title={t('登记财产', 'Register an asset')} data-testid="bk-asset-form">
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} name="bkAsset" layout="vertical" initialValues={{ assetType: 'realEstate' }} onFinish={(v) => m.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item name="assetType" label={t('财产类型', 'Type')} rules={[{ required: true }]}>
          <Select options={Object.entries(assetTypeLabels).map(([value, l]) => ({ value, label: pick(l) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('财产名称', 'Name')} rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input data-testid="bk-asset-name" />
        </Form.Item>
        <Form.Item name="valuation" label={t('评估价值（元）', 'Valuation (yuan)')} rules={[yuanRule(t)]}>
          <Input inputMode="decimal" data-testid="bk-asset-valuation" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="bk-asset-submit">
          {t('登记', 'Register')}
        </Button>
      </Form>
    </Card>
  );
}

/** A request to a department (real estate, vehicles, banks, equity) about the debtor's property. */
function InvestigationForm({ caseId }: { caseId: string }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ department: string; requestText: string }>();
  const m = useBkMutation((v: { department: string; requestText: string }) => api.post(`${BASE}/cases/${caseId}/investigations`, v));
  return (
    <Card size="small" title={t('财产查询请求', 'Ask a department')} data-testid="bk-investigation-form">
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} name="bkInvestigation" layout="vertical" initialValues={{ department: 'realEstate' }} onFinish={(v) => m.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item name="department" label={t('查询部门', 'Department')} rules={[{ required: true }]}>
          <Select options={Object.entries(departmentLabels).map(([value, l]) => ({ value, label: pick(l) }))} />
        </Form.Item>
        <Form.Item name="requestText" label={t('查询事项', 'Request')} rules={[{ required: true, whitespace: true, min: 2, max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="bk-investigation-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending}>
          {t('发送查询', 'Send')}
        </Button>
      </Form>
    </Card>
  );
}

function AnswerModal({ inv, onClose }: { inv: InvestigationView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ answerText: string }>();
  const m = useBkMutation((v: { answerText: string }) => api.post(`${BASE}/investigations/${inv!.id}/answer`, v));
  return (
    <Modal
      open={!!inv}
      title={t('登记查询答复', 'Record the answer')}
      onCancel={onClose}
      okButtonProps={{ id: 'bk-answer-ok' }}
      confirmLoading={m.isPending}
      onOk={() => form.validateFields().then((v) => m.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      {inv && <Typography.Paragraph type="secondary">{inv.requestText}</Typography.Paragraph>}
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="answerText" label={t('答复内容', 'Answer')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AuctionModal({ asset, onClose }: { asset: AssetView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ startPrice: string; auctionOn: string }>();
  const m = useBkMutation((v: { startPrice: string; auctionOn: string }) => api.post(`${BASE}/assets/${asset!.id}/auctions`, { startPriceFen: yuanToFen(v.startPrice), auctionOn: v.auctionOn }));
  return (
    <Modal
      open={!!asset}
      title={t('安排拍卖', 'Schedule an auction')}
      onCancel={onClose}
      okButtonProps={{ id: 'bk-auction-ok' }}
      confirmLoading={m.isPending}
      onOk={() => form.validateFields().then((v) => m.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      {asset && <Typography.Paragraph>{`${asset.name} · ${t('评估', 'valued')} ${formatFen(asset.valuationFen)}`}</Typography.Paragraph>}
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="startPrice" label={t('起拍价（元）', 'Starting price (yuan)')} rules={[yuanRule(t)]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="auctionOn" label={t('拍卖日期', 'Auction date')} rules={[dateRule(t)]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResultModal({ auction, onClose }: { auction: AuctionView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ sold: boolean; salePrice?: string }>();
  const sold = Form.useWatch('sold', form);
  const m = useBkMutation((v: { sold: boolean; salePrice?: string }) => api.post(`${BASE}/auctions/${auction!.id}/result`, v.sold ? { sold: true, salePriceFen: yuanToFen(v.salePrice ?? '') } : { sold: false }));
  const salePrice = Form.useWatch('salePrice', form);
  const salePriceFen = sold && salePrice ? yuanToFen(salePrice) : null;
  return (
    <Modal
      open={!!auction}
      title={t('登记拍卖结果', 'Record the auction result')}
      onCancel={onClose}
      okButtonProps={{ id: 'bk-result-ok' }}
      confirmLoading={m.isPending}
      onOk={() => form.validateFields().then((v) => m.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      {auction && <Typography.Paragraph>{`${t('起拍价', 'Starting price')} ${formatFen(auction.startPriceFen)} · ${auction.auctionOn}`}</Typography.Paragraph>}
      <ProblemAlert error={m.error} form={form} />
      <Form form={form} layout="vertical" initialValues={{ sold: true }} preserve={false}>
        <Form.Item name="sold">
          <Radio.Group
            options={[
              { value: true, label: t('成交', 'Sold') },
              { value: false, label: t('流拍', 'Not sold') },
            ]}
          />
        </Form.Item>
        {sold && (
          <Form.Item
            name="salePrice"
            label={t('成交价（元）', 'Sale price (yuan)')}
            rules={[yuanRule(t)]}
            extra={auction && salePriceFen !== null ? `${t('溢价率', 'Premium')} ${formatBp(premiumRateBp(auction.startPriceFen, salePriceFen))}` : undefined}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Assets (财产): register, investigations with departments, auctions with their premium rate. */
export function AssetsTab({ theCase }: { theCase: CaseView }) {
  const { t, pick } = useI18n();
  const q = useAssets(theCase.id);
  const isAdmin = theCase.relations.includes('administrator') && theCase.stage === 'accepted';
  const [answering, setAnswering] = useState<InvestigationView | null>(null);
  const [auctioning, setAuctioning] = useState<AssetView | null>(null);
  const [resulting, setResulting] = useState<AuctionView | null>(null);
  const d = q.data;
  const assetName = (id: string) => d?.assets.find((a) => a.id === id)?.name ?? id;
  return (
    <Flex vertical gap={12}>
      <ProblemAlert error={q.error} />
      {d && (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('财产件数', 'Assets')}>{d.assets.length}</Descriptions.Item>
          <Descriptions.Item label={t('评估总值', 'Total valuation')}>{formatFen(d.assets.reduce((s, a) => s + a.valuationFen, 0))}</Descriptions.Item>
          <Descriptions.Item label={t('平均溢价率（按金额加权）', 'Premium rate (weighted)')}>
            <span data-testid="bk-premium">{formatBp(d.premiumRate.weightedBp)}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {isAdmin && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <RegisterAssetForm caseId={theCase.id} />
          </Col>
          <Col xs={24} lg={12}>
            <InvestigationForm caseId={theCase.id} />
          </Col>
        </Row>
      )}
      <Card size="small" title={t('财产清单', 'Assets')}>
        <Table<AssetView>
          size="small"
          rowKey="id"
          loading={q.isLoading}
          scroll={{ x: 'max-content' }}
          dataSource={d?.assets ?? []}
          columns={[
            { title: t('名称', 'Name'), dataIndex: 'name' },
            { title: t('类型', 'Type'), dataIndex: 'assetType', render: (v: string) => pick(assetTypeLabels[v] ?? [v, v]) },
            { title: t('评估价值', 'Valuation'), dataIndex: 'valuationFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (v: string) => <Tag>{pick(assetStatusLabels[v] ?? [v, v])}</Tag> },
            ...(isAdmin
              ? [
                  {
                    title: '',
                    key: 'act',
                    render: (_: unknown, a: AssetView) =>
                      a.status === 'registered' || a.status === 'unsold' ? (
                        <Button size="small" onClick={() => setAuctioning(a)} data-testid="bk-schedule-auction">
                          {t('安排拍卖', 'Auction')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('拍卖', 'Auctions')}>
        <Table<AuctionView>
          size="small"
          rowKey="id"
          scroll={{ x: 'max-content' }}
          dataSource={d?.auctions ?? []}
          columns={[
            { title: t('财产', 'Asset'), dataIndex: 'assetId', render: (v: string) => assetName(v) },
            { title: t('轮次', 'Round'), dataIndex: 'round' },
            { title: t('拍卖日期', 'Date'), dataIndex: 'auctionOn' },
            { title: t('起拍价', 'Start'), dataIndex: 'startPriceFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: t('成交价', 'Sale'), dataIndex: 'salePriceFen', align: 'right', render: (v: number | null) => formatFen(v) },
            { title: t('溢价率', 'Premium'), dataIndex: 'premiumRateBp', align: 'right', render: (v: number | null) => formatBp(v) },
            { title: t('状态', 'Status'), dataIndex: 'status', render: (v: string) => <Tag color={v === 'sold' ? 'green' : v === 'failed' ? 'red' : 'blue'}>{pick(auctionStatusLabels[v] ?? [v, v])}</Tag> },
            ...(isAdmin
              ? [
                  {
                    title: '',
                    key: 'act',
                    render: (_: unknown, a: AuctionView) =>
                      a.status === 'scheduled' ? (
                        <Button size="small" onClick={() => setResulting(a)} data-testid="bk-auction-result">
                          {t('登记结果', 'Result')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('财产查询', 'Investigations')}>
        <List
          dataSource={d?.investigations ?? []}
          locale={{ emptyText: t('暂无查询', 'None') }}
          renderItem={(i) => (
            <List.Item
              data-testid="bk-investigation"
              actions={
                isAdmin && i.status === 'requested'
                  ? [
                      <Button key="a" size="small" onClick={() => setAnswering(i)}>
                        {t('登记答复', 'Answer')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    {pick(departmentLabels[i.department] ?? [i.department, i.department])}{' '}
                    <Tag color={i.status === 'answered' ? 'green' : 'orange'}>{i.status === 'answered' ? t('已答复', 'Answered') : t('待答复', 'Awaiting')}</Tag>
                  </span>
                }
                description={
                  <Flex vertical>
                    <span>{`${formatDateTime(i.requestedAt)} · ${i.requestText}`}</span>
                    {i.answerText && <Typography.Text>{`${t('答复', 'Answer')}（${formatDateTime(i.answeredAt)}）：${i.answerText}`}</Typography.Text>}
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <AnswerModal inv={answering} onClose={() => setAnswering(null)} />
      <AuctionModal asset={auctioning} onClose={() => setAuctioning(null)} />
      <ResultModal auction={resulting} onClose={() => setResulting(null)} />
    </Flex>
  );
}
