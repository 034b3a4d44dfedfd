import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatDate } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, type Task } from '../inspections.api.js';
import { creditClassLabels, districtLabels, taskStateLabels } from '../inspections.labels.js';

/** The inspector's phone view: the visits they were drawn for. */
export default function TasksPage() {
  const { t, pick } = useI18n();
  const q = useQuery({ queryKey: ['inspections', 'tasks'], queryFn: () => api.get<{ items: Task[] }>(`${BASE}/tasks`) });
  return (
    <div data-testid="insp-tasks">
      <PageHeader back="/inspections" title={t('我的检查任务', 'My inspections')} subtitle={t('照单线上线下查', 'Inspect against the published checklist')} />
      <ProblemAlert error={q.error} />
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('暂无抽中的检查任务', 'No visits drawn for you')} /> }}
        renderItem={(task) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid={`task-${task.id}`}>
            <Link to={`/inspections/tasks/${task.id}`}>
              <Typography.Text strong>{task.target.name}</Typography.Text>
            </Link>
            <div style={{ marginTop: 4 }}>
              <Tag color={task.state === 'assigned' ? 'blue' : task.overdue ? 'red' : 'green'}>{pick(taskStateLabels[task.state])}</Tag>
              <Tag>{pick(districtLabels[task.target.district] ?? [task.target.district, task.target.district])}</Tag>
              <Tag>{pick(creditClassLabels[task.target.creditClass] ?? [task.target.creditClass, task.target.creditClass])}</Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.plan?.number} {task.plan?.title}
              {task.publishDeadline && ` · ${t('公示期限', 'publish by')} ${formatDate(task.publishDeadline)}`}
            </Typography.Text>
          </Card>
        )}
      />
    </div>
  );
}
