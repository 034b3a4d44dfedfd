import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { formatBp, formatDate, formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { labelText } from '../label-text.js';
import { EChart, type ChartOption } from '../../../shared/echart.js';
import { PageHeader } from '../components/page-header.js';
import { StateTag } from '../components/state-tag.js';
import { BASE, useDashboard, type LabelLike } from '../water-connection.api.js';
import { ratingLabels, stateLabels } from '../water-connection.labels.js';

/** GET /water-connection/dashboard (server/src/modules/water-connection/dashboard.service.ts UtilityDashboard). */
export interface DashboardData {
  generatedAt?: string;
  total?: number;
  totals?: { applications: number; open: number; completed: number; rejected: number; withdrawn: number; overdue: number };
  byState: { state: string; label?: LabelLike; count: number }[];
  steps: {
    step: string;
    label?: LabelLike;
    count?: number;
    averageDays: number | null;
    promisedDays: number | null;
    unit?: string;
    onTimeRateBp?: number | null;
    averageWithinPromise?: boolean | null;
    inProgress?: number;
  }[];
  averageTotalWorkingDays?: number | null;
  overdue: { id: string; number: string; state: string; stateLabel?: LabelLike; applicantName?: string; district?: string; dueDate: string | null; overdueWorkingDays?: number; managerName?: string | null }[];
  ratings: { count: number; average: number | null; byLevel: { level: number; count: number }[]; satisfactionRateBp?: number | null };
  rectifications?: { open: number; overdue: number; items: { id: string; applicationId: string; number: string; applicantName: string; level: number; dueDate: string; overdue: boolean; createdAt: string }[] };
  perMonth?: { month: string; submitted: number }[];
}

const RATING_COLORS: Record<number, string> = { 5: '#389e0d', 4: '#73d13d', 3: '#fadb14', 2: '#fa8c16', 1: '#f5222d' };

/**
 * The supervisor's dashboard: applications by state, average time per step against the promise, the overdue
 * list (escalated to the supervisor) and the ratings; CSV export of the applications.
 */
export default function DashboardPage() {
  const { t, lang, pick } = useI18n();
  const q = useDashboard<DashboardData>();
  const narrow = !Grid.useBreakpoint().md;
  const d = q.data;

  const stateOption = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    const rows = d.byState;
    return {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => labelText(lang, r.label, stateLabels[r.state], r.state)), axisLabel: { interval: 0, rotate: narrow || rows.length > 6 ? 30 : 0 } },
      grid: { left: 48, right: 16, top: 16, bottom: narrow ? 72 : 56 },
      yAxis: { type: 'value', name: t('件', 'apps'), minInterval: 1 },
      series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#13a8a8' }, label: { show: true, position: 'top' } }],
    };
  }, [d, lang, t, narrow]);

  const stepOption = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    const rows = d.steps;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: narrow ? 72 : 40 },
      xAxis: { type: 'category', data: rows.map((r) => labelText(lang, r.label, stateLabels[r.step], r.step)), axisLabel: { interval: 0, rotate: narrow ? 30 : 0 } },
      yAxis: { type: 'value', name: t('天', 'days') },
      series: [
        { name: t('平均用时', 'Average'), type: 'bar', data: rows.map((r) => (r.averageDays === null ? null : Math.round(r.averageDays * 10) / 10)), itemStyle: { color: '#1456d8' }, label: { show: true, position: 'top' } },
        { name: t('承诺时限', 'Promised'), type: 'bar', data: rows.map((r) => r.promisedDays), itemStyle: { color: '#d9d9d9' } },
      ],
    };
  }, [d, lang, t, narrow]);

  const ratingOption = useMemo<ChartOption | null>(() => {
    if (!d) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['50%', '42%'],
          label: { formatter: '{b}\n{c}' },
          data: [5, 4, 3, 2, 1].map((l) => {
            const value = d.ratings.byLevel.find((b) => b.level === l)?.count ?? 0;
            // Empty levels stay in the legend but get no label of their own.
            return { name: pick(ratingLabels[l]), value, itemStyle: { color: RATING_COLORS[l] }, label: { show: value > 0 }, labelLine: { show: value > 0 } };
          }),
        },
      ],
    };
  }, [d, pick]);

  const monthOption = useMemo<ChartOption | null>(() => {
    if (!d?.perMonth?.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: d.perMonth.map((m) => m.month) },
      yAxis: { type: 'value', name: t('件', 'apps'), minInterval: 1 },
      series: [{ type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: d.perMonth.map((m) => m.submitted), itemStyle: { color: '#13a8a8' } }],
    };
  }, [d, t]);

  const totals = d?.totals;
  const open = totals?.open ?? (d ? d.byState.filter((r) => !['completed', 'rejected', 'withdrawn'].includes(r.state)).reduce((n, r) => n + r.count, 0) : 0);
  const overdueCount = totals?.overdue ?? d?.overdue.length ?? 0;
  const unitText = (u?: string) => (u === 'natural' ? t('自然日', 'days') : t('工作日', 'working days'));
  return (
    <div data-testid="wc-dashboard">
      <PageHeader
        title={t('用水报装监管看板', 'Water connection dashboard')}
        subtitle={d?.generatedAt ? t(`数据时间 ${formatDateTime(d.generatedAt)}`, `As of ${formatDateTime(d.generatedAt)}`) : undefined}
        back="/water-connection/work"
        extra={
          // A plain download link: the browser keeps the file's bytes (UTF-8 BOM for Excel) and its name.
          <Button icon={<DownloadOutlined />} href={`/api/v1${BASE}/dashboard/export.csv`} download data-testid="export-csv">
            {t('导出 CSV', 'Export CSV')}
          </Button>
        }
      />
      <ProblemAlert error={q.error} />
      {q.isLoading && <Skeleton active />}
      {d && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={t('申请总数', 'Applications')} value={totals?.applications ?? d.total ?? d.byState.reduce((n, r) => n + r.count, 0)} /></Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={t('办理中', 'Open')} value={open} /></Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={t('已通水', 'Completed')} value={totals?.completed ?? d.byState.find((r) => r.state === 'completed')?.count ?? 0} /></Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={t('超期', 'Overdue')} value={overdueCount} styles={{ content: { color: overdueCount ? '#cf1322' : undefined } }} /></Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={t('平均办结（工作日）', 'Avg. to water on (working days)')} value={d.averageTotalWorkingDays ?? '—'} precision={d.averageTotalWorkingDays == null ? undefined : 1} /></Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small"><Statistic title={t('满意率', 'Satisfaction')} value={d.ratings.satisfactionRateBp == null ? '—' : formatBp(d.ratings.satisfactionRateBp)} /></Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('各环节申请数', 'Applications by step')}>
              {stateOption && <EChart option={stateOption} testId="chart-states" />}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('各环节平均用时与承诺时限', 'Average time per step vs promise')}>
              {stepOption && <EChart option={stepOption} testId="chart-steps" />}
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('环节时效', 'Timeliness per step')} data-testid="step-table">
              <Table
                size="small"
                rowKey="step"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={d.steps}
                columns={[
                  { title: t('环节', 'Step'), render: (_v, r) => labelText(lang, r.label, stateLabels[r.step], r.step) },
                  { title: t('承诺时限', 'Promise'), render: (_v, r) => (r.promisedDays == null ? t('待申请人办理', 'Up to the applicant') : `${r.promisedDays} ${unitText(r.unit)}`) },
                  { title: t('平均用时', 'Average'), render: (_v, r) => (r.averageDays == null ? '—' : <span style={{ color: r.averageWithinPromise === false ? '#cf1322' : undefined }}>{r.averageDays} {unitText(r.unit)}</span>) },
                  { title: t('按时办结率', 'On time'), render: (_v, r) => formatBp(r.onTimeRateBp ?? null) },
                  { title: t('已办结', 'Done'), dataIndex: 'count' },
                  { title: t('办理中', 'In progress'), dataIndex: 'inProgress' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card size="small" title={t(`超期督办（${overdueCount}）`, `Overdue, escalated (${overdueCount})`)} data-testid="overdue-list">
              <Table
                size="small"
                rowKey="id"
                dataSource={d.overdue}
                pagination={{ pageSize: 8, showSizeChanger: false }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无超期', 'Nothing overdue')} /> }}
                columns={[
                  { title: t('申请编号', 'Number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/water-connection/applications/${r.id}`}>{n}</Link> },
                  { title: t('申请人', 'Applicant'), dataIndex: 'applicantName' },
                  { title: t('当前环节', 'Step'), render: (_v, r) => <StateTag state={r.state} label={r.stateLabel} /> },
                  { title: t('承诺时限', 'Due'), dataIndex: 'dueDate', render: (v: string | null) => <span style={{ color: '#cf1322' }}>{formatDate(v)}</span> },
                  { title: t('超期（工作日）', 'Late (working days)'), dataIndex: 'overdueWorkingDays' },
                  { title: t('服务经理', 'Manager'), dataIndex: 'managerName' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t(`好差评（${d.ratings.count} 条，平均 ${d.ratings.average ?? '—'}）`, `Ratings (${d.ratings.count}, avg ${d.ratings.average ?? '—'})`)}>
              {ratingOption && <EChart option={ratingOption} height={260} testId="chart-ratings" />}
            </Card>
          </Col>
          {d.rectifications && (
            <Col xs={24} lg={12}>
              <Card size="small" title={t(`差评整改（待办 ${d.rectifications.open}，超期 ${d.rectifications.overdue}）`, `Rectifications (open ${d.rectifications.open}, overdue ${d.rectifications.overdue})`)} data-testid="rectifications">
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={d.rectifications.items}
                  pagination={{ pageSize: 5, showSizeChanger: false }}
                  scroll={{ x: 'max-content' }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无待整改', 'None open')} /> }}
                  columns={[
                    { title: t('申请编号', 'Number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/water-connection/applications/${r.applicationId}`}>{n}</Link> },
                    { title: t('评价', 'Rating'), dataIndex: 'level', render: (l: number) => <Tag color={RATING_COLORS[l]}>{pick(ratingLabels[l] ?? ['', ''])}</Tag> },
                    { title: t('整改期限', 'Due'), dataIndex: 'dueDate', render: (v: string, r) => <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{formatDate(v)}</span> },
                  ]}
                />
              </Card>
            </Col>
          )}
          {monthOption && (
            <Col xs={24} lg={12}>
              <Card size="small" title={t('每月申请量', 'Applications per month')}>
                <EChart option={monthOption} height={240} testId="chart-months" />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
