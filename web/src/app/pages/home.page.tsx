import { ArrowRightOutlined, ClockCircleOutlined, LoginOutlined, SafetyCertificateOutlined, VerifiedOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Grid, Row, Space, Tag, Typography, theme } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../shared/auth.js';
import { useI18n } from '../../shared/i18n.js';
import { modules, type ModuleEntry } from '../modules.js';

function ServiceCard({ m }: { m: ModuleEntry }) {
  const { t, pick } = useI18n();
  const { token } = theme.useToken();
  const Icon = m.icon;
  return (
    <Link to={m.path} data-testid={`service-card-${m.id}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%', borderTop: `3px solid ${m.color}` }} styles={{ body: { padding: 18, height: '100%', display: 'flex', flexDirection: 'column' } }}>
        <Flex align="center" gap={12} style={{ marginBottom: 10 }}>
          <span
            style={{
              flex: 'none',
              width: 44,
              height: 44,
              borderRadius: 12,
              display: 'grid',
              placeItems: 'center',
              background: `${m.color}14`,
              color: m.color,
              fontSize: 22,
            }}
          >
            <Icon />
          </span>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {pick(m.reform)}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {pick(m.name)}
            </Typography.Text>
          </div>
        </Flex>
        <Typography.Paragraph style={{ color: token.colorTextSecondary, fontSize: 13, flex: 1, marginBottom: 12 }} ellipsis={{ rows: 3 }}>
          {pick(m.summary)}
        </Typography.Paragraph>
        <Flex justify="space-between" align="center">
          <Space size={4}>
            <Tag color={m.color} style={{ marginInlineEnd: 0 }}>
              {pick(m.city)}
            </Tag>
            {!m.page && <Tag>{t('建设中', 'Under construction')}</Tag>}
          </Space>
          <span style={{ color: m.color, fontSize: 13 }}>
            {t('进入', 'Open')} <ArrowRightOutlined />
          </span>
        </Flex>
      </Card>
    </Link>
  );
}

const features = [
  { icon: <SafetyCertificateOutlined />, title: ['全程存证 可验证', 'Verifiable records'], text: ['关键环节写入防篡改存证账本，任何人可离线核验。', 'Key steps go into a tamper-evident log anyone can check.'] },
  { icon: <ClockCircleOutlined />, title: ['承诺时限 工作日计', 'Deadlines in working days'], text: ['按法定节假日与调休自动计算办理时限。', 'Time limits count statutory holidays and make-up days.'] },
  { icon: <VerifiedOutlined />, title: ['一次告知 一网通办', 'One visit, online'], text: ['材料一次性告知，线上申请、线上签约、结果推送。', 'Missing materials listed once; apply, sign and get results online.'] },
] as const;

/** The public portal: what the platform offers, with the eight services as cards. No login needed. */
export default function HomePage() {
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const screens = Grid.useBreakpoint();
  const phone = !screens.sm;
  return (
    <div>
      <section
        style={{
          borderRadius: 16,
          padding: phone ? '24px 18px' : '40px 40px',
          marginBottom: 24,
          color: '#fff',
          background: 'linear-gradient(120deg, #0b3d91 0%, #1456d8 50%, #13a8a8 100%)',
        }}
      >
        <Typography.Title level={phone ? 3 : 2} style={{ color: '#fff', margin: 0 }}>
          {t('福建营商环境一站式服务平台', 'Fujian one-stop business services')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: phone ? 14 : 16, margin: '10px 0 20px', maxWidth: 720 }}>
          {t(
            '汇集福州、厦门、漳州、泉州、三明、莆田、南平、龙岩八地营商环境改革经验，企业办事一网通办、全程可查。',
            'Eight reforms from eight Fujian cities in one place: enterprises apply online and can follow every step.',
          )}
        </Typography.Paragraph>
        {user ? (
          <div data-testid="welcome" style={{ color: '#fff' }}>
            <div style={{ fontSize: 16, fontWeight: 600 }}>{t(`您好，${user.displayName}`, `Welcome, ${user.displayName}`)}</div>
            <div style={{ fontSize: 13, opacity: 0.85 }}>{user.organization.name}</div>
          </div>
        ) : (
          <Space wrap>
            <Link to="/login">
              <Button size="large" icon={<LoginOutlined />} style={{ color: '#0b3d91', fontWeight: 600 }}>
                {t('登录办事', 'Sign in')}
              </Button>
            </Link>
            <Link to="/verify">
              <Button size="large" ghost icon={<VerifiedOutlined />}>
                {t('存证核验', 'Verify a receipt')}
              </Button>
            </Link>
          </Space>
        )}
      </section>

      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('营商服务', 'Services')}
      </Typography.Title>
      <Row gutter={[16, 16]} data-testid="service-cards">
        {modules.map((m) => (
          <Col key={m.id} xs={24} sm={12} xl={6}>
            <ServiceCard m={m} />
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 24 }}>
        {features.map((f) => (
          <Col key={f.title[0]} xs={24} md={8}>
            <Flex gap={12} align="flex-start" style={{ padding: '4px 4px' }}>
              <span style={{ fontSize: 22, color: '#1456d8' }}>{f.icon}</span>
              <div>
                <Typography.Text strong>{pick(f.title)}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                  {pick(f.text)}
                </Typography.Paragraph>
              </div>
            </Flex>
          </Col>
        ))}
      </Row>
    </div>
  );
}
