import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../shared/auth.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { DueTag, StateTag } from '../components/state-tag.js';
import { useApplications, type ApplicationSummary } from '../water-connection.api.js';
import { ROLE_CREW, ROLE_MANAGER, ROLE_SUPERVISOR, stateLabels, waterUseLabels } from '../water-connection.labels.js';

const OPEN_STATES = ['survey', 'contract', 'countersign', 'construction', 'water-on'];

/** The states in which each utility role has something to do. */
function myStates(hasRole: (...r: string[]) => boolean): string[] {
  const s = new Set<string>();
  if (hasRole(ROLE_MANAGER)) ['survey', 'countersign'].forEach((x) => s.add(x));
  if (hasRole(ROLE_CREW)) ['construction', 'water-on'].forEach((x) => s.add(x));
  if (hasRole(ROLE_SUPERVISOR)) OPEN_STATES.forEach((x) => s.add(x));
  return [...s];
}

function dueOf(a: ApplicationSummary) {
  return { dueDate: a.currentDue?.dueDate ?? null, overdue: a.currentDue?.overdue ?? false };
}

/** The utility's work list (1280 px): my tasks first, any state on demand, overdue ones flagged. */
export default function WorkListPage() {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('mine');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const serverState = filter !== 'mine' && filter !== 'all' ? filter : undefined;
  const list = useApplications({ state: serverState, limit: 200 });
  const mine = myStates(hasRole);
  const rows = (list.data ?? [])
    .filter((a) => filter !== 'mine' || mine.includes(a.state))
    .filter((a) => !overdueOnly || dueOf(a).overdue);
  const overdueCount = (list.data ?? []).filter((a) => dueOf(a).overdue).length;
  // The deadline column and the overdue filter appear once the list carries due dates.
  const hasDue = (list.data ?? []).some((a) => dueOf(a).dueDate);
  return (
    <div data-testid="wc-work">
      <PageHeader
        title={t('用水报装工作台', 'Water connection work list')}
        subtitle={t('泉州市自来水有限公司 · 按承诺时限办理', 'Handle each step within its promised limit')}
        extra={
          <>
            {hasRole(ROLE_MANAGER) && (
              <Link to="/water-connection/assisted">
                <Button icon={<FormOutlined />}>{t('帮代办申请', 'Assisted filing')}</Button>
              </Link>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('刷新', 'Refresh')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(String(v))}
            options={[
              { value: 'mine', label: t('待我办理', 'My tasks') },
              { value: 'all', label: t('全部', 'All') },
              ...OPEN_STATES.map((s) => ({ value: s, label: pick(stateLabels[s]) })),
              { value: 'completed', label: pick(stateLabels.completed) },
            ]}
            data-testid="work-filter"
          />
          {hasDue && (
            <span>
              <Switch size="small" checked={overdueOnly} onChange={setOverdueOnly} /> {t('仅看超期', 'Overdue only')}
              {overdueCount > 0 && <Tag color="red" style={{ marginInlineStart: 6 }}>{overdueCount}</Tag>}
            </span>
          )}
        </Flex>
        <ProblemAlert error={list.error} />
        <Table<ApplicationSummary>
          size="middle"
          rowKey="id"
          loading={list.isLoading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          onRow={(a) => ({ onClick: () => navigate(`/water-connection/applications/${a.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('申请编号', 'Number'),
              dataIndex: 'number',
              render: (n: string, a) => (
                <Link to={`/water-connection/applications/${a.id}`} data-testid="work-row-link" onClick={(e) => e.stopPropagation()}>
                  {n}
                </Link>
              ),
            },
            { title: t('申请人', 'Applicant'), dataIndex: 'applicantName' },
            {
              title: t('用水地址', 'Site'),
              render: (_v, a) => (
                <div style={{ maxWidth: 260 }}>
                  <Typography.Text ellipsis style={{ display: 'block' }}>{`${a.district ?? ''} ${a.siteAddress ?? ''}`}</Typography.Text>
                  {a.waterUse && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{pick(waterUseLabels[a.waterUse])}</Typography.Text>}
                </div>
              ),
            },
            { title: t('当前环节', 'Step'), render: (_v, a) => <Flex gap={4} wrap><StateTag state={a.state} label={a.stateLabel} />{a.simpleLowRisk && <Tag color="green">{t('简易', 'Simple')}</Tag>}</Flex> },
            ...(hasDue ? [{ title: t('承诺时限', 'Due'), render: (_v: unknown, a: ApplicationSummary) => <DueTag {...dueOf(a)} /> }] : []),
            { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </div>
  );
}
