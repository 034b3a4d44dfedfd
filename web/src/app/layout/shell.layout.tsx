import { GlobalOutlined, IdcardOutlined, LoginOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useLogout } from '../../shared/auth.js';
import { useI18n } from '../../shared/i18n.js';
import { NotificationBell } from '../notifications/notification-bell.js';
import { useUnreadCount } from '../notifications/notifications.api.js';
import { PageSpinner } from '../pages/page-spinner.js';
import { buildMenu, openKeysFor, selectedKey } from './nav.js';

const SIDER_WIDTH = 232;

function Brand({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: 'inherit', minWidth: 0 }} aria-label={t('营商首页', 'Yingshang home')}>
      <img src="/favicon.svg" alt="" width={32} height={32} style={{ flex: 'none' }} />
      <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.2, minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 17, whiteSpace: 'nowrap' }}>
          {t('营商', 'Yingshang')}
        </Typography.Text>
        {!compact && (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('福建省企业服务平台', 'Fujian enterprise services')}
          </Typography.Text>
        )}
      </span>
    </Link>
  );
}

function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLang(next)}
      aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
      data-testid="lang-switch"
    >
      {lang === 'zh' ? 'EN' : '中文'}
    </Button>
  );
}

function UserMenu({ compact }: { compact: boolean }) {
  const { user } = useAuth();
  const logout = useLogout();
  const navigate = useNavigate();
  const { t } = useI18n();
  if (!user) {
    return (
      <Link to="/login">
        <Button type="primary" icon={<LoginOutlined />} data-testid="login-link">
          {t('登录', 'Sign in')}
        </Button>
      </Link>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div style={{ lineHeight: 1.4 }}>
                <div style={{ color: 'rgba(0,0,0,0.88)' }}>{user.displayName}</div>
                <div style={{ fontSize: 12 }}>{user.organization.name}</div>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'realname', icon: <IdcardOutlined />, label: t('实名认证', 'Real-name verification') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('退出登录', 'Sign out'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'realname') navigate('/realname');
          if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/') });
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ paddingInline: 6 }}>
        <Space size={6}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1456d8' }} />
          {!compact && <span style={{ maxWidth: 140, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.displayName}</span>}
        </Space>
      </Button>
    </Dropdown>
  );
}

/** The frame around every page: header, role-based side menu (a drawer on phones), content, footer. */
export function ShellLayout() {
  const screens = Grid.useBreakpoint();
  const desktop = screens.lg === true;
  const phone = !screens.sm;
  const { token } = theme.useToken();
  const { user } = useAuth();
  const { t, pick } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const unread = useUnreadCount(!!user).data ?? 0;

  const items = useMemo(() => buildMenu(user, pick, unread), [user, pick, unread]);
  const selected = selectedKey(items, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => openKeysFor(selected));
  // Arriving at a page inside a submenu (by link, not by the menu) opens that submenu too.
  useEffect(() => {
    const wanted = openKeysFor(selected);
    setOpenKeys((open) => (wanted.every((k) => open.includes(k)) ? open : [...open, ...wanted]));
  }, [selected]);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        if (key.startsWith('/')) navigate(key);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-nav"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          height: 56,
          lineHeight: 'normal',
          paddingInline: phone ? 8 : 20,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        {!desktop && (
          <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('打开菜单', 'Open menu')} data-testid="nav-toggle" />
        )}
        <Brand compact={phone} />
        <div style={{ flex: 1 }} />
        <Space size={phone ? 0 : 4} align="center">
          <LanguageSwitch />
          {user && <NotificationBell />}
          <UserMenu compact={phone} />
        </Space>
      </Layout.Header>
      <Layout hasSider={desktop}>
        {desktop && (
          <Layout.Sider
            width={SIDER_WIDTH}
            theme="light"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 56, height: 'calc(100vh - 56px)', overflow: 'auto' }}
          >
            {menu}
          </Layout.Sider>
        )}
        {!desktop && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={<Brand compact />}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout>
          <Layout.Content style={{ padding: phone ? 12 : 24, width: '100%', maxWidth: 1280, margin: '0 auto' }}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: token.colorTextSecondary, fontSize: 12, padding: phone ? '16px 12px' : '20px 24px' }}>
            {t('营商 · 福建省营商环境改革经验一站式服务平台（演示）', "Yingshang · one-stop services for Fujian's business-environment reforms (demo)")}
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
