import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, List, Result, Row, Skeleton, Statistic, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { apiUrl, BASE, type SelfCheckSummary, type SelfCheckView } from '../inspections.api.js';

/** A self-check report: points not met with basis and reminder, and the PDF. */
export default function SelfCheckReportPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['inspections', 'self-check', id], queryFn: () => api.get<SelfCheckView>(`${BASE}/self-checks/${id}`) });
  const r = q.data?.report;
  return (
    <div data-testid="insp-self-check-report">
      <PageHeader
        back="/inspections/self-check/history"
        title={t('自查报告', 'Self-check report')}
        subtitle={q.data && `${formatDateTime(q.data.createdAt)} · ${t('清单', 'Checklist')} ${q.data.checklistVersion}`}
        extra={
          <a href={apiUrl(`/self-checks/${id}/pdf`)} target="_blank" rel="noreferrer" data-testid="insp-self-check-pdf">
            <Button type="primary" icon={<FilePdfOutlined />}>
              {t('打开 PDF 报告', 'Open the PDF')}
            </Button>
          </a>
        }
      />
      <ProblemAlert error={q.error} />
      {!r ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('检查要点', 'Points')} value={r.pointCount} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('符合', 'Met')} value={r.met} valueStyle={{ color: '#389e0d' }} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card size="small">
                <Statistic title={t('不符合', 'Not met')} value={r.notMet.length} valueStyle={{ color: r.notMet.length ? '#cf1322' : undefined }} />
              </Card>
            </Col>
          </Row>
          {r.notMet.length === 0 ? (
            <Result status="success" title={t('所选事项均符合要求', 'Every point is met')} />
          ) : (
            <Card size="small" title={t('不符合的要点及整改提示', 'Points not met, with what to do')} data-testid="insp-not-met">
              <List
                dataSource={r.notMet}
                renderItem={(f) => (
                  <List.Item>
                    <Descriptions
                      column={1}
                      size="small"
                      title={<span style={{ whiteSpace: 'normal' }}>{f.question}</span>}
                      items={[
                        { label: t('抽查事项', 'Item'), children: `${f.itemName}（${f.departmentName}）` },
                        { label: t('检查依据', 'Basis'), children: f.basis },
                        { label: t('提醒注意', 'Reminder'), children: f.reminder },
                      ]}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )}
          {r.unanswered.length > 0 && (
            <Card size="small" style={{ marginTop: 12 }} title={t('未作答的要点', 'Unanswered points')}>
              {r.unanswered.map((c) => (
                <Tag key={c}>
                  <Link to={`/inspections/checklist/${c}`}>{c}</Link>
                </Tag>
              ))}
            </Card>
          )}
        </>
      )}
    </div>
  );
}

export function SelfCheckHistoryPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['inspections', 'self-checks'], queryFn: () => api.get<{ items: SelfCheckSummary[] }>(`${BASE}/self-checks`) });
  return (
    <div data-testid="insp-self-check-history">
      <PageHeader back="/inspections/self-check" title={t('自查记录', 'Self-check history')} />
      <ProblemAlert error={q.error} />
      <Card size="small">
        <List
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('还没有自查记录', 'No self-checks yet')} /> }}
          renderItem={(s) => (
            <List.Item extra={s.notMetCount > 0 ? <Tag color="red">{t(`${s.notMetCount} 项不符合`, `${s.notMetCount} not met`)}</Tag> : <Tag color="green">{t('全部符合', 'All met')}</Tag>}>
              <Link to={`/inspections/self-check/${s.id}`}>
                {formatDateTime(s.createdAt)} · {t(`${s.itemCount} 个事项 ${s.pointCount} 个要点`, `${s.itemCount} items, ${s.pointCount} points`)}
              </Link>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
