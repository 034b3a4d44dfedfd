import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { api } from '../../../shared/api.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { EChart, type ChartOption } from '../../../shared/echart.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, type Dashboard } from '../inspections.api.js';
import { districtLabels, outcomeLabels } from '../inspections.labels.js';

function coverageBars(rows: Dashboard['coverage']['district'], label: (k: string) => string, t: (zh: string, en: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('名录户数', 'Roster'), t('抽中户数', 'Drawn')] },
    grid: { left: 48, right: 12, bottom: 40, top: 36 },
    xAxis: { type: 'category', data: rows.map((r) => label(r.key)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 40 : 0 } },
    yAxis: [{ type: 'log', name: t('户', 'firms') }],
    series: [
      { name: t('名录户数', 'Roster'), type: 'bar', data: rows.map((r) => Math.max(1, r.roster)) },
      { name: t('抽中户数', 'Drawn'), type: 'bar', data: rows.map((r) => Math.max(1, r.drawn)) },
    ],
  };
}

/** Plans, coverage by district, industry and credit class, outcomes. */
export default function DashboardPage() {
  const { t, pick } = useI18n();
  const q = useQuery({ queryKey: ['inspections', 'dashboard'], queryFn: () => api.get<Dashboard>(`${BASE}/dashboard`) });
  const d = q.data;
  return (
    <div data-testid="insp-dashboard">
      <PageHeader back="/inspections" title={t('双随机抽查统计', 'Inspection dashboard')} />
      <ProblemAlert error={q.error} />
      {d && (
        <Row gutter={[12, 12]}>
          {[
            [t('抽查计划', 'Plans'), Object.values(d.plans).reduce((a, b) => a + b, 0)],
            [t('检查任务', 'Visits'), Object.values(d.tasks).reduce((a, b) => a + b, 0)],
            [t('已公示', 'Published'), d.tasks.published ?? 0],
            [t('逾期未公示', 'Overdue'), d.overdue],
          ].map(([label, value]) => (
            <Col xs={12} md={6} key={String(label)}>
              <Card size="small">
                <Statistic title={label} value={value as number} />
              </Card>
            </Col>
          ))}
          <Col xs={24} lg={12}>
            <Card size="small" title={t('按区域覆盖', 'Coverage by district')}>
              <EChart option={coverageBars(d.coverage.district, (k) => pick(districtLabels[k] ?? [k, k]), t)} testId="dash-district" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('按信用风险分类覆盖', 'Coverage by credit class')}>
              <EChart option={coverageBars(d.coverage.creditClass, (k) => `${k} 类`, t)} testId="dash-class" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('按行业覆盖', 'Coverage by industry')}>
              <EChart option={coverageBars(d.coverage.industry, (k) => k, t)} testId="dash-industry" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('检查结果', 'Outcomes')}>
              <EChart
                testId="dash-outcomes"
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [{ type: 'pie', radius: ['35%', '65%'], data: Object.entries(d.outcomes).map(([k, v]) => ({ name: pick(outcomeLabels[k] ?? [k, k]), value: v })) }],
                }}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
