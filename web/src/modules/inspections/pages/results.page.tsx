import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { api } from '../../../shared/api.js';
import { formatDate } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, type PublishedResult } from '../inspections.api.js';
import { districtLabels, outcomeLabels } from '../inspections.labels.js';

/** 一公开: published inspection results. */
export default function ResultsPage() {
  const { t, pick } = useI18n();
  const q = useQuery({ queryKey: ['inspections', 'results'], queryFn: () => api.get<{ items: PublishedResult[] }>(`${BASE}/public/results`, { limit: 100 }) });
  return (
    <div data-testid="insp-results">
      <PageHeader back="/inspections" title={t('抽查结果公示', 'Published results')} subtitle={t('检查结果自产生之日起 20 个工作日内公示', 'Published within 20 working days of the inspection')} />
      <ProblemAlert error={q.error} />
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('暂无公示结果', 'Nothing published yet')} /> }}
        renderItem={(r) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{r.target.name}</Typography.Text>
            <div style={{ margin: '4px 0' }}>
              <Tag color={r.outcome === 'compliant' ? 'green' : r.outcome === 'problems' ? 'red' : 'orange'}>{pick(outcomeLabels[r.outcome] ?? [r.outcome, r.outcome])}</Tag>
              <Tag>{pick(districtLabels[r.target.district] ?? [r.target.district, r.target.district])}</Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.plan.number} {r.plan.title} · {t('公示于', 'published')} {formatDate(r.publishedAt)}
            </Typography.Text>
          </Card>
        )}
      />
    </div>
  );
}
