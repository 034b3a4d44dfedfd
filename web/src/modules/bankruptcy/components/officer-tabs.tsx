import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, List, Table, Tag } from 'antd';
import { api } from '../../../shared/api.js';
import { formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useDistributionPlans, useFunds, type CaseView } from '../bankruptcy.api.js';

/** Fund supervision: balance, movements, and disbursements the judge approves above the threshold. */
export function FundsTab({ theCase }: { theCase: CaseView }) {
  const { t } = useI18n();
  const funds = useFunds(theCase.id, true);
  const isCourt = theCase.relations.includes('court');
  const decide = useBkMutation((v: { id: string; approve: boolean; version: number }) => api.post(`${BASE}/disbursements/${v.id}/decision`, { approve: v.approve, version: v.version }));
  return (
    <Flex vertical gap={12}>
      <ProblemAlert error={funds.error ?? decide.error} />
      {funds.data && (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('账户余额', 'Balance')}>{formatFen(funds.data.balanceFen)}</Descriptions.Item>
          <Descriptions.Item label={t('审批限额', 'Approval above')}>{formatFen(funds.data.thresholdFen)}</Descriptions.Item>
          <Descriptions.Item label={t('未对账', 'Unreconciled')}>{funds.data.unreconciled}</Descriptions.Item>
        </Descriptions>
      )}
      <Card size="small" title={t('付款申请', 'Disbursements')}>
        <List
          dataSource={funds.data?.disbursements ?? []}
          renderItem={(d) => (
            <List.Item
              actions={
                isCourt && d.status === 'requested'
                  ? [
                      <Button key="a" size="small" type="primary" onClick={() => decide.mutate({ id: d.id, approve: true, version: d.version })}>
                        {t('批准', 'Approve')}
                      </Button>,
                      <Button key="r" size="small" danger onClick={() => decide.mutate({ id: d.id, approve: false, version: d.version })}>
                        {t('驳回', 'Reject')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta title={`${d.payee} · ${formatFen(d.amountFen)}`} description={d.purpose} />
              <Tag color={d.status === 'requested' ? 'orange' : d.status === 'rejected' ? 'red' : 'green'}>{d.status}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('账户流水', 'Movements')}>
        <Table
          size="small"
          rowKey="id"
          scroll={{ x: 560 }}
          dataSource={funds.data?.movements ?? []}
          columns={[
            { title: t('日期', 'Date'), dataIndex: 'occurredOn' },
            { title: t('收支', 'In/out'), dataIndex: 'direction', render: (d: string) => (d === 'in' ? t('收入', 'In') : t('支出', 'Out')) },
            { title: t('金额', 'Amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: t('对方', 'Counterparty'), dataIndex: 'counterparty' },
            { title: t('对账', 'Reconciled'), dataIndex: 'reconciled', render: (r: boolean) => (r ? '✓' : '') },
          ]}
        />
      </Card>
    </Flex>
  );
}

/** Distribution plans with their PDFs (a creditor sees its own amounts on the plan page). */
export function DistributionTab({ theCase }: { theCase: CaseView }) {
  const { t } = useI18n();
  const plans = useDistributionPlans(theCase.id, true);
  return (
    <Card size="small" title={t('破产财产分配方案', 'Distribution plans')}>
      <ProblemAlert error={plans.error} />
      <List
        dataSource={plans.data ?? []}
        locale={{ emptyText: t('暂无分配方案', 'No plan yet') }}
        renderItem={(p) => (
          <List.Item
            actions={[
              <a key="pdf" href={`/api/v1/bankruptcy/distribution-plans/${p.id}/pdf`} target="_blank" rel="noreferrer">
                <FilePdfOutlined /> PDF
              </a>,
            ]}
          >
            <List.Item.Meta
              title={t(`第 ${p.round} 次分配`, `Round ${p.round}`)}
              description={`${t('可分配', 'Estate')} ${formatFen(p.estateFen)} · ${t('分配', 'Distributed')} ${formatFen(p.distributedFen)} · ${t('存证', 'Leaf')} ${p.ledgerIndex ?? '—'}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
