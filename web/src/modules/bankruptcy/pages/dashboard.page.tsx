import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { useStatistics } from '../bankruptcy.api.js';
import { deadlineLabels, deadlineStatusLabels, procedureLabels, stageLabels } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';
import { EChart, type ChartOption } from '../../../shared/echart.js';

/** The court's view: volumes, cases by stage and procedure (ECharts), and the deadlines at risk. */
export default function DashboardPage() {
  const { t, pick, lang } = useI18n();
  const stats = useStatistics(true);
  const s = stats.data;
  const stageChart = useMemo<ChartOption | null>(() => {
    if (!s) return null;
    const entries = Object.entries(s.byStage);
    return {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['40%', '70%'], data: entries.map(([k, v]) => ({ name: pick(stageLabels[k] ?? [k, k]), value: v })) }],
    };
  }, [s, pick]);
  const procedureChart = useMemo<ChartOption | null>(() => {
    if (!s) return null;
    const entries = Object.entries(s.byProcedure);
    return {
      tooltip: {},
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: entries.map(([k]) => pick(procedureLabels[k] ?? [k, k])) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: entries.map(([, v]) => v), itemStyle: { color: '#722ed1' } }],
    };
  }, [s, pick]);
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }} data-testid="bk-dashboard">
      <BkHeader back="/bankruptcy" title={t('破产审判看板', 'Court dashboard')} />
      <ProblemAlert error={stats.error} />
      {s && (
        <>
          <Row gutter={[12, 12]}>
            {[
              [t('案件', 'Cases'), s.cases],
              [t('公告', 'Announcements'), s.announcements],
              [t('债权申报', 'Claim filings'), s.claimFilings],
              [t('资金监管', 'Fund actions'), s.fundSupervisionActions],
              [t('债权人会议', 'Meetings'), s.meetings],
              [t('参会人次', 'Attendees'), s.attendees],
            ].map(([label, value]) => (
              <Col key={String(label)} xs={12} sm={8} md={4}>
                <Card size="small">
                  <Statistic title={label} value={value as number} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('案件阶段', 'Cases by stage')}>{stageChart && <EChart option={stageChart} height={240} testId="bk-chart-stage" />}</Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('程序类型', 'Cases by procedure')} extra={s.averageDurationDays !== null && <span>{t('平均审理天数', 'Average days')} {s.averageDurationDays}</span>}>
                {procedureChart && <EChart option={procedureChart} height={240} />}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('期限预警', 'Deadlines at risk')} style={{ marginTop: 12 }}>
            <Table
              size="small"
              rowKey={(r) => `${r.caseId}-${r.code}`}
              scroll={{ x: 640 }}
              dataSource={s.deadlinesAtRisk}
              columns={[
                { title: t('案号', 'Case'), dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/bankruptcy/cases/${r.caseId}`}>{v}</Link> },
                { title: t('债务人', 'Debtor'), dataIndex: 'debtorName' },
                { title: t('期限', 'Deadline'), dataIndex: 'code', render: (c: string) => pick(deadlineLabels[c] ?? [c, c]) },
                { title: t('届满日', 'Due'), dataIndex: 'dueOn' },
                {
                  title: t('状态', 'Status'),
                  dataIndex: 'status',
                  render: (st: string) => {
                    const l = deadlineStatusLabels[st] ?? [st, st, 'default'];
                    return <Tag color={l[2]}>{lang === 'en' ? l[1] : l[0]}</Tag>;
                  },
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
