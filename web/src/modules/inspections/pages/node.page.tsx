import { Breadcrumb, Button, Card, Descriptions, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, type CheckPoint, type ChecklistCategory, type ChecklistDepartment, type ChecklistItem, type NodeView } from '../inspections.api.js';
import { levelLabels } from '../inspections.labels.js';

/** One node of the checklist at its own address, so every node of the mind map can be linked and shared. */
export default function NodePage() {
  const { code = '' } = useParams();
  const { t, pick } = useI18n();
  const q = useQuery({ queryKey: ['inspections', 'node', code], queryFn: () => api.get<NodeView>(`${BASE}/checklist/nodes/${encodeURIComponent(code)}`) });
  const v = q.data;
  const children: Array<{ code: string; name: string }> = !v
    ? []
    : v.level === 'department'
      ? (v.node as ChecklistDepartment).categories.map((c) => ({ code: c.code, name: c.name }))
      : v.level === 'category'
        ? (v.node as ChecklistCategory).items.map((i) => ({ code: i.code, name: i.name }))
        : v.level === 'item'
          ? (v.node as ChecklistItem).points.map((p) => ({ code: p.code, name: p.question }))
          : [];
  return (
    <div data-testid="insp-node">
      <PageHeader back="/inspections/checklist" title={v ? v.title : code} subtitle={v && `${pick(levelLabels[v.level])} · ${v.code}`} />
      <ProblemAlert error={q.error} />
      {!v ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <Breadcrumb style={{ marginBottom: 12 }} items={v.path.map((p) => ({ title: <Link to={`/inspections/checklist/${p.code}`}>{p.name}</Link> }))} />
          {v.level === 'checkPoint' && (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('检查内容及要点', 'Check point')}>{(v.node as CheckPoint).question}</Descriptions.Item>
              <Descriptions.Item label={t('检查依据', 'Legal basis')}>{(v.node as CheckPoint).basis}</Descriptions.Item>
              <Descriptions.Item label={t('提醒注意事项', 'Reminder')}>{(v.node as CheckPoint).reminder}</Descriptions.Item>
            </Descriptions>
          )}
          {v.level === 'item' && (
            <Typography.Paragraph>
              <Tag>{(v.node as ChecklistItem).method}</Tag>
              {(v.node as ChecklistItem).industries.map((i) => (
                <Tag key={i} color="blue">
                  {i}
                </Tag>
              ))}
              <Link to={`/inspections/self-check?items=${encodeURIComponent(v.code)}`}>
                <Button size="small" type="primary">
                  {t('按此事项自查', 'Self-check this item')}
                </Button>
              </Link>
            </Typography.Paragraph>
          )}
          {children.length > 0 && (
            <List
              size="small"
              dataSource={children}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/inspections/checklist/${c.code}`}>{c.name}</Link>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </div>
  );
}
