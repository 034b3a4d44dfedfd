import { AuditOutlined, BankOutlined, FileSearchOutlined, FundOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, List, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { useAnnouncements } from '../bankruptcy.api.js';
import { ALL_ROLES, announcementKindLabels, ROLE_ASSIST, ROLE_JUDGE } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';

/** 易破 portal: public announcements with search, and the way in for each role. */
export default function PortalPage() {
  const { t, pick } = useI18n();
  const { user, hasRole } = useAuth();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const list = useAnnouncements({ q, kind, limit: 30 });
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }} data-testid="bk-portal">
      <BkHeader
        title={t('易破 · 智慧破产', 'Easy Bankruptcy')}
        subtitle={t('法院、管理人、债权人、债务人与投资人在线协同办理破产案件', 'Court, administrator, creditors, debtor and investors working on a bankruptcy case online')}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {user && hasRole(...ALL_ROLES) && (
          <Col xs={24} sm={12} md={6}>
            <Link to="/bankruptcy/cases">
              <Card hoverable size="small">
                <SolutionOutlined /> {t('我的案件', 'My cases')}
              </Card>
            </Link>
          </Col>
        )}
        {hasRole(ROLE_JUDGE) && (
          <Col xs={24} sm={12} md={6}>
            <Link to="/bankruptcy/dashboard">
              <Card hoverable size="small">
                <FundOutlined /> {t('审判看板', 'Court dashboard')}
              </Card>
            </Link>
          </Col>
        )}
        {hasRole(ROLE_ASSIST, ROLE_JUDGE) && (
          <Col xs={24} sm={12} md={6}>
            <Link to="/bankruptcy/registry">
              <Card hoverable size="small">
                <BankOutlined /> {t('危困企业与预重整', 'Distressed & pre-reorganization')}
              </Card>
            </Link>
          </Col>
        )}
        <Col xs={24} sm={12} md={6}>
          <Link to="/bankruptcy/cases?scope=public">
            <Card hoverable size="small">
              <AuditOutlined /> {t('破产案件查询', 'Find a case')}
            </Card>
          </Link>
        </Col>
      </Row>
      {!user && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex wrap gap={8} align="center" justify="space-between">
            <Typography.Text>{t('债权人登录后可在线申报债权、参加债权人会议并网络投票。', 'Sign in to file claims, attend meetings and vote online.')}</Typography.Text>
            <Link to="/login?next=/bankruptcy">
              <Button type="primary">{t('登录', 'Sign in')}</Button>
            </Link>
          </Flex>
        </Card>
      )}
      <Card title={<span><FileSearchOutlined /> {t('公告', 'Announcements')}</span>} size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('债务人、案号或标题', 'Debtor, case number or title')} onSearch={setQ} style={{ maxWidth: 360 }} data-testid="bk-ann-search" />
          <Select
            allowClear
            placeholder={t('公告类型', 'Kind')}
            style={{ minWidth: 160 }}
            value={kind}
            onChange={setKind}
            options={Object.entries(announcementKindLabels).map(([value, label]) => ({ value, label: pick(label) }))}
          />
        </Flex>
        <ProblemAlert error={list.error} />
        {list.data && list.data.length === 0 && <Empty description={t('暂无公告', 'No announcements')} />}
        <List
          dataSource={list.data ?? []}
          loading={list.isLoading}
          renderItem={(a) => (
            <List.Item data-testid="bk-announcement">
              <List.Item.Meta
                title={<Link to={`/bankruptcy/announcements/${a.id}`}>{a.title}</Link>}
                description={
                  <Flex wrap gap={6}>
                    <Tag>{pick(announcementKindLabels[a.kind] ?? [a.kind, a.kind])}</Tag>
                    <span>{a.caseNumber}</span>
                    <span>{a.issuerName}</span>
                    <span>{formatDateTime(a.publishedAt)}</span>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
