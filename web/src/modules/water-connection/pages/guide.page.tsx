import { ClockCircleOutlined, FileTextOutlined, FormOutlined, PayCircleOutlined, SearchOutlined, ThunderboltOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Steps, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { labelText } from '../label-text.js';
import { PageHeader } from '../components/page-header.js';
import { useGuide, type TimeLimit } from '../water-connection.api.js';
import { materialLabels, ROLE_APPLICANT, ROLE_SUPERVISOR, UTILITY_ROLES, waterUseLabels, type MaterialKind, type WaterUse } from '../water-connection.labels.js';

function limitText(t: (zh: string, en: string) => string, l: TimeLimit | null): string {
  if (!l) return t('待申请人办理', 'Up to the applicant');
  if (l.unit === 'working') return t(`${l.days} 个工作日`, `${l.days} working day(s)`);
  return t(`${l.days} 个自然日`, `${l.days} calendar day(s)`);
}

/**
 * The public service guide (办事指南): the steps with their promised time limits, the materials, the fees and
 * when a project counts as simple low-risk; and the ways in: apply, track, my applications or the work list.
 */
export default function GuidePage() {
  const { t, lang, pick } = useI18n();
  const { user, hasRole } = useAuth();
  const guide = useGuide();
  const g = guide.data;
  const slr = g?.simpleLowRisk;
  return (
    <div data-testid="wc-guide">
      <PageHeader
        title={t('用水报装 · 办事指南', 'Water connection · Service guide')}
        subtitle={t('泉州市 · 线上申请，营商服务经理全程跟办，每一步可查可验', 'Quanzhou · apply online, a service manager follows every step, every step verifiable')}
      />
      <Card style={{ marginBottom: 16, background: 'linear-gradient(120deg,#e6fffb,#f0f5ff)' }} styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={8}>
          {(!user || hasRole(ROLE_APPLICANT)) && (
            <Link to="/water-connection/apply">
              <Button type="primary" size="large" icon={<FormOutlined />} data-testid="guide-apply">
                {t('我要报装', 'Apply now')}
              </Button>
            </Link>
          )}
          <Link to="/water-connection/track">
            <Button size="large" icon={<SearchOutlined />} data-testid="guide-track">
              {t('进度查询', 'Track an application')}
            </Button>
          </Link>
          {hasRole(ROLE_APPLICANT) && (
            <Link to="/water-connection/my">
              <Button size="large" icon={<UnorderedListOutlined />}>
                {t('我的申请', 'My applications')}
              </Button>
            </Link>
          )}
          {hasRole(...UTILITY_ROLES) && (
            <Link to="/water-connection/work">
              <Button size="large" icon={<UnorderedListOutlined />} data-testid="guide-work">
                {t('工作台', 'Work list')}
              </Button>
            </Link>
          )}
          {hasRole(ROLE_SUPERVISOR) && (
            <Link to="/water-connection/dashboard">
              <Button size="large">{t('监管看板', 'Dashboard')}</Button>
            </Link>
          )}
        </Flex>
      </Card>
      <ProblemAlert error={guide.error} />
      {guide.isLoading && <Skeleton active />}
      {g && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              title={
                <span>
                  <ClockCircleOutlined /> {t('办理流程与承诺时限', 'Steps and promised time limits')}
                </span>
              }
              size="small"
              data-testid="guide-steps"
            >
              <Steps
                orientation="vertical"
                size="small"
                items={(g.steps ?? []).map((s) => ({
                  status: 'process' as const,
                  title: labelText(lang, s.label, undefined, s.step),
                  content: (
                    <span>
                      <Tag color="blue">{s.step === 'submitted' ? t('即时分派', 'At once') : limitText(t, s.limit)}</Tag>
                    </span>
                  ),
                }))}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
                {t(
                  '时限自收到齐全材料的次日起按工作日计算（遇法定节假日顺延）；材料不全时一次性告知全部所缺材料。',
                  'Limits count working days from the day after complete materials arrive (holidays excluded); missing materials are listed all at once.',
                )}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <Card
                title={
                  <span>
                    <FileTextOutlined /> {t('申请材料', 'Materials')}
                  </span>
                }
                size="small"
                data-testid="guide-materials"
              >
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(m) => String(m.kind)}
                  dataSource={g.materials ?? []}
                  columns={[
                    { title: t('材料', 'Material'), render: (_v, m) => labelText(lang, m.label, materialLabels[m.kind as MaterialKind], String(m.kind)) },
                    { title: t('何时需要', 'When'), render: (_v, m) => labelText(lang, m.requiredFor, undefined, '') },
                  ]}
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                  {t('支持 PDF、PNG、JPEG、OFD 格式；电子营业执照与纸质执照具有同等效力（国务院令第716号第十一条）。', 'PDF, PNG, JPEG or OFD; an electronic licence is as valid as paper (State Council Decree 716 Art. 11).')}
                </Typography.Paragraph>
              </Card>
              {slr && (
                <Card
                  title={
                    <span>
                      <ThunderboltOutlined /> {t('简易低风险项目', 'Simple low-risk projects')}
                    </span>
                  }
                  size="small"
                  data-testid="guide-simple"
                >
                  <Alert type="success" showIcon style={{ marginBottom: 8 }} title={labelText(lang, slr.label, ['零上门、零审批、零投资', 'No visit, no approval, no cost'])} />
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'use', label: t('用水性质', 'Use'), children: (slr.uses ?? []).map((u) => pick(waterUseLabels[u as WaterUse] ?? [u, u])).join('、') || '—' },
                      { key: 'dn', label: t('接水管径', 'Pipe'), children: slr.maxPipeDiameterMm ? `≤ DN${slr.maxPipeDiameterMm}` : '—' },
                      { key: 'vol', label: t('日用水量', 'Daily volume'), children: slr.maxDailyVolumeM3 !== undefined ? `≤ ${slr.maxDailyVolumeM3} m³` : '—' },
                    ]}
                  />
                </Card>
              )}
              {g.fees && (
                <Card
                  title={
                    <span>
                      <PayCircleOutlined /> {t('收费标准', 'Fees')}
                    </span>
                  }
                  size="small"
                  data-testid="guide-fees"
                >
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{labelText(lang, g.fees)}</Typography.Paragraph>
                </Card>
              )}
            </Flex>
          </Col>
        </Row>
      )}
    </div>
  );
}
