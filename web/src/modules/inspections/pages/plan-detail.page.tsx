import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatBp, formatDate, formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { apiUrl, BASE, type Plan, type Task } from '../inspections.api.js';
import { flagLabels, outcomeLabels, planStateLabels, taskStateLabels } from '../inspections.labels.js';

/**
 * One plan through its auditable draw: publish the commitment (roster hashes, parameters, the future public
 * random value) → enter the value once public → draw → the transcript anyone can re-run
 * (`yingshang draw verify`) → visits, withdrawals, results and their publication deadline.
 */
export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const key = ['inspections', 'plan', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Plan>(`${BASE}/plans/${id}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const commit = useMutation({
    mutationFn: (v: { kind: string; reference: string; availableAfter: Dayjs }) =>
      api.post<Plan>(`${BASE}/plans/${id}/commit`, { randomSource: { kind: v.kind, reference: v.reference, availableAfter: v.availableAfter.toDate().toISOString().replace(/\.\d+Z$/, 'Z') } }),
    onSuccess: refresh,
  });
  const enter = useMutation({ mutationFn: (v: { value: string }) => api.post<Plan>(`${BASE}/plans/${id}/random-value`, v), onSuccess: refresh });
  const draw = useMutation({ mutationFn: () => api.post<Plan>(`${BASE}/plans/${id}/draw`), onSuccess: refresh });
  const publish = useMutation({ mutationFn: (taskId: string) => api.post<Task>(`${BASE}/tasks/${taskId}/publish`), onSuccess: refresh });
  const withdraw = useMutation({ mutationFn: (v: { targetId: string; inspectorId: string; reason: string }) => api.post<Plan>(`${BASE}/plans/${id}/withdrawals`, v), onSuccess: refresh });
  const p = q.data;
  const step = !p ? 0 : p.state === 'draft' ? 0 : p.state === 'committed' ? (p.randomValue ? 2 : 1) : 3;
  return (
    <div data-testid="insp-plan">
      <PageHeader back="/inspections/plans" title={p?.title ?? ''} subtitle={p && `${p.number} · ${pick(planStateLabels[p.state])}`} />
      <ProblemAlert error={q.error} />
      {p && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Steps
              size="small"
              current={step}
              responsive
              items={[
                { title: t('公布承诺', 'Commit') },
                { title: t('录入随机数', 'Random value') },
                { title: t('抽取', 'Draw') },
                { title: t('公示抽取记录', 'Transcript') },
              ]}
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('抽查参数', 'Parameters')}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('抽查事项', 'Items')}>{p.parameters.items.join('、')}</Descriptions.Item>
                  <Descriptions.Item label={t('抽查比例', 'Ratios')}>
                    <Flex wrap gap={4}>
                      {Object.entries(p.parameters.ratioBp).map(([k, v]) => (
                        <Tag key={k}>
                          {k} {formatBp(v)}
                        </Tag>
                      ))}
                    </Flex>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('提高比例', 'Raised')}>
                    <Flex wrap gap={4}>
                      {Object.entries(p.parameters.flagRatioBp).map(([k, v]) => (
                        <Tag key={k}>
                          {pick(flagLabels[k] ?? [k, k])} {formatBp(v)}
                        </Tag>
                      ))}
                    </Flex>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('每户检查人员', 'Inspectors per visit')}>{p.parameters.inspectorsPerTarget}</Descriptions.Item>
                  <Descriptions.Item label={t('区域', 'Districts')}>{p.parameters.targetFilter.districts.join('、') || t('全市', 'All')}</Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('承诺与随机数', 'Commitment and random value')}>
                {p.state === 'draft' && (
                  <Form layout="vertical" onFinish={(v: { kind: string; reference: string; availableAfter: Dayjs }) => commit.mutate(v)} initialValues={{ kind: 'lottery', availableAfter: dayjs().add(1, 'day').hour(21).minute(30).second(0) }}>
                    <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('承诺一经公布，名录库和参数即被固定；所用随机数必须在公布之后才产生。', 'Once published, the rosters and parameters are fixed; the random value must come into being afterwards.')} />
                    <Form.Item name="kind" label={t('随机数来源', 'Source')}>
                      <Select options={[{ value: 'lottery', label: t('彩票开奖号码', 'Lottery draw') }, { value: 'drand', label: 'drand' }, { value: 'other', label: t('其他公开随机数', 'Other') }]} />
                    </Form.Item>
                    <Form.Item name="reference" label={t('具体随机数（写明期号/轮次）', 'Exactly which value')} rules={[{ required: true }]}>
                      <Input placeholder={t('如：中国福利彩票3D 第2026061期开奖号码', 'e.g. drand quicknet round 1234567')} data-testid="plan-reference" />
                    </Form.Item>
                    <Form.Item name="availableAfter" label={t('公布时间（此后方可录入）', 'Public after')} rules={[{ required: true }]}>
                      <DatePicker showTime style={{ width: '100%' }} data-testid="plan-available-after" />
                    </Form.Item>
                    <ProblemAlert error={commit.error} />
                    <Button type="primary" htmlType="submit" loading={commit.isPending} data-testid="plan-commit">
                      {t('公布承诺', 'Publish the commitment')}
                    </Button>
                  </Form>
                )}
                {p.commitment && (
                  <Descriptions column={1} size="small" style={{ marginBottom: 8 }}>
                    <Descriptions.Item label={t('承诺哈希', 'Commitment hash')}>
                      <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="plan-commitment-hash">
                        {p.commitmentHash}
                      </Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('检查对象名录', 'Target roster')}>
                      {p.commitment.targetRoster.count} · <Typography.Text code>{p.commitment.targetRoster.sha256.slice(0, 16)}…</Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('检查人员名录', 'Inspector roster')}>
                      {p.commitment.inspectorRoster.count} · <Typography.Text code>{p.commitment.inspectorRoster.sha256.slice(0, 16)}…</Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('随机数', 'Random value')}>
                      {p.commitment.randomSource.reference}（{formatDateTime(p.commitment.randomSource.availableAfter)} {t('后公布', 'or later')}）
                    </Descriptions.Item>
                    {p.randomValue && <Descriptions.Item label={t('已录入', 'Entered')}>{p.randomValue.value}</Descriptions.Item>}
                    {p.seed && (
                      <Descriptions.Item label={t('种子', 'Seed')}>
                        <Typography.Text code style={{ wordBreak: 'break-all' }}>
                          {p.seed}
                        </Typography.Text>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                )}
                {p.state === 'committed' && !p.randomValue && (
                  <Form layout="inline" onFinish={(v: { value: string }) => enter.mutate(v)}>
                    <Form.Item name="value" rules={[{ required: true }]}>
                      <Input placeholder={t('公布的随机数', 'The published value')} data-testid="plan-random-value" />
                    </Form.Item>
                    <Button htmlType="submit" loading={enter.isPending} data-testid="plan-enter-value">
                      {t('录入', 'Enter')}
                    </Button>
                  </Form>
                )}
                {p.state === 'committed' && (
                  <Space direction="vertical" style={{ marginTop: 8 }}>
                    <ProblemAlert error={enter.error ?? draw.error} />
                    <Button type="primary" onClick={() => draw.mutate()} loading={draw.isPending} data-testid="plan-draw">
                      {t('抽取', 'Draw')}
                    </Button>
                  </Space>
                )}
                {p.state === 'drawn' && (
                  <Space wrap>
                    <a href={apiUrl(`/public/plans/${id}/transcript`)} target="_blank" rel="noreferrer" data-testid="plan-transcript">
                      <Button>{t('抽取记录（JSON，可复核）', 'Transcript (JSON)')}</Button>
                    </a>
                    <Typography.Text type="secondary">yingshang draw verify &lt;file&gt;</Typography.Text>
                  </Space>
                )}
              </Card>
            </Col>
          </Row>
          {p.strata.length > 0 && (
            <Card size="small" title={t('分层抽取结果', 'Strata')} style={{ marginTop: 12 }}>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={p.strata}
                columns={[
                  { title: t('信用分类', 'Class'), dataIndex: 'creditClass' },
                  { title: t('比例', 'Ratio'), dataIndex: 'ratioBp', render: formatBp },
                  { title: t('名录户数', 'Population'), dataIndex: 'population' },
                  { title: t('抽取户数', 'Drawn'), dataIndex: 'sampleSize' },
                ]}
              />
            </Card>
          )}
          {(p.tasks ?? []).length > 0 && (
            <Card size="small" title={t(`检查任务（${p.tasks!.length} 户）`, `Visits (${p.tasks!.length})`)} style={{ marginTop: 12 }}>
              <ProblemAlert error={publish.error ?? withdraw.error} />
              <Table<Task>
                rowKey="id"
                size="small"
                scroll={{ x: 'max-content' }}
                dataSource={p.tasks}
                data-testid="plan-tasks"
                columns={[
                  { title: t('检查对象', 'Target'), render: (_, r) => r.target.name },
                  { title: t('分层', 'Stratum'), dataIndex: 'stratum' },
                  {
                    title: t('检查人员', 'Inspectors'),
                    render: (_, r) =>
                      r.assignments.map((a) => (
                        <div key={a.department}>
                          {a.inspectors.map((i) => (
                            <Tag key={i}>{i}</Tag>
                          ))}
                          {a.withdrawn.map((w) => (
                            <Tag key={w.inspectorId} color="orange">
                              {w.inspectorId} {t('回避', 'withdrew')}
                            </Tag>
                          ))}
                        </div>
                      )),
                  },
                  { title: t('状态', 'State'), render: (_, r) => <Tag color={r.overdue ? 'red' : undefined}>{pick(taskStateLabels[r.state])}</Tag> },
                  { title: t('结果', 'Outcome'), render: (_, r) => (r.outcome ? pick(outcomeLabels[r.outcome]) : '') },
                  { title: t('公示期限', 'Publish by'), render: (_, r) => (r.publishDeadline ? formatDate(r.publishDeadline) : '') },
                  {
                    title: '',
                    render: (_, r) =>
                      r.state === 'recorded' ? (
                        <Button size="small" type="primary" onClick={() => publish.mutate(r.id)} data-testid={`publish-${r.id}`}>
                          {t('公示', 'Publish')}
                        </Button>
                      ) : r.state === 'assigned' && r.assignments[0]?.inspectors[0] ? (
                        <Button
                          size="small"
                          onClick={() => {
                            const reason = window.prompt(t('回避原因', 'Reason for the withdrawal'));
                            if (reason) withdraw.mutate({ targetId: r.target.id, inspectorId: r.assignments[0].inspectors[0], reason });
                          }}
                        >
                          {t(`${r.assignments[0].inspectors[0]} 回避`, `${r.assignments[0].inspectors[0]} withdraws`)}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
