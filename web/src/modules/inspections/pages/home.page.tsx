import { ApartmentOutlined, AuditOutlined, BarChartOutlined, CarryOutOutlined, FileDoneOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api.js';
import { useAuth } from '../../../shared/auth.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { PageHeader } from '../components/page-header.js';
import { apiUrl, BASE, type PlanSummary } from '../inspections.api.js';
import { planStateLabels, ROLE_CHECKLIST_ADMIN, ROLE_INSPECTOR, ROLE_PLANNER } from '../inspections.labels.js';

function Entry({ to, icon, title, text, testId }: { to: string; icon: ReactNode; title: string; text: string; testId: string }) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Link to={to} data-testid={testId}>
        <Card hoverable size="small" style={{ height: '100%' }}>
          <Card.Meta avatar={<span style={{ fontSize: 28, color: '#2f54eb' }}>{icon}</span>} title={title} description={text} />
        </Card>
      </Link>
    </Col>
  );
}

/** 莆田 自己管 网上查: the module's front page, public. */
export default function InspectionsHomePage() {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const plans = useQuery({ queryKey: ['inspections', 'public-plans'], queryFn: () => api.get<{ items: PlanSummary[] }>(`${BASE}/public/plans`, { limit: 10 }) });
  return (
    <div data-testid="insp-home">
      <PageHeader
        title={t('双随机、一公开', 'Random inspections')}
        subtitle={t('莆田“自己管 网上查”：企业照单自己管，部门照单线上线下查', 'Putian: firms check themselves against the list, departments inspect against it')}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Entry to="/inspections/checklist" icon={<ApartmentOutlined />} title={t('抽查事项清单导图', 'Checklist mind map')} text={t('34 个部门的抽查事项，逐级展开、中文检索', 'Every department’s checklist, level by level, searchable')} testId="insp-entry-map" />
        <Entry to="/inspections/self-check" icon={<FileDoneOutlined />} title={t('企业自查', 'Self-check')} text={t('选择事项逐项自查，生成自查报告', 'Answer the points, get a report with basis and reminders')} testId="insp-entry-self-check" />
        <Entry to="/inspections/results" icon={<NotificationOutlined />} title={t('抽查结果公示', 'Published results')} text={t('检查结果依法向社会公示', 'Inspection results, published')} testId="insp-entry-results" />
        {hasRole(ROLE_INSPECTOR) && <Entry to="/inspections/tasks" icon={<CarryOutOutlined />} title={t('我的检查任务', 'My inspections')} text={t('手机上逐项记录检查结果', 'Record each point on your phone')} testId="insp-entry-tasks" />}
        {hasRole(ROLE_PLANNER) && <Entry to="/inspections/plans" icon={<AuditOutlined />} title={t('抽查计划', 'Plans')} text={t('承诺、随机数、抽取、公示', 'Commit, random value, draw, publish')} testId="insp-entry-plans" />}
        {hasRole(ROLE_PLANNER, ROLE_CHECKLIST_ADMIN) && <Entry to="/inspections/dashboard" icon={<BarChartOutlined />} title={t('统计', 'Dashboard')} text={t('覆盖面与检查结果', 'Coverage and outcomes')} testId="insp-entry-dashboard" />}
      </Row>
      <Card size="small" title={t('抽查计划公示（承诺与抽取记录）', 'Plans: commitments and transcripts')}>
        <List
          loading={plans.isPending}
          dataSource={plans.data?.items ?? []}
          renderItem={(p) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{p.title}</Typography.Text> <Tag>{pick(planStateLabels[p.state])}</Tag>
                <div style={{ fontSize: 12 }}>
                  {p.number} · {t('承诺', 'Commitment')} <Typography.Text code>{p.commitment_hash?.slice(0, 16)}…</Typography.Text> {p.committed_at && formatDateTime(p.committed_at)}
                </div>
                {p.state === 'drawn' && (
                  <a href={apiUrl(`/public/plans/${p.id}/transcript`)} target="_blank" rel="noreferrer">
                    {t('下载抽取记录，自行复核', 'Download the transcript and check it yourself')}
                  </a>
                )}
              </div>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
