import {
  AuditOutlined,
  BellOutlined,
  HomeOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  VerifiedOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { hasAnyRole, type User } from '../../shared/auth.js';
import type { Bilingual } from '../../shared/i18n.js';
import { modules } from '../modules.js';

/**
 * The side navigation, computed from the user's roles. Everyone sees the portal, the eight services and the
 * public receipt check; signed-in users get the inbox; module items and the admin pages need their roles.
 */
type MenuItem = Required<MenuProps>['items'][number];

export const ADMIN_ROLE = 'platform-admin';

const adminItems: { path: string; label: Bilingual; icon: React.ReactNode }[] = [
  { path: '/admin/organizations', label: ['机构管理', 'Organizations'], icon: <TeamOutlined /> },
  { path: '/admin/users', label: ['用户管理', 'Users'], icon: <UserOutlined /> },
  { path: '/admin/roles', label: ['角色列表', 'Roles'], icon: <SafetyOutlined /> },
  { path: '/admin/audit', label: ['审计日志', 'Audit log'], icon: <AuditOutlined /> },
];

export function buildMenu(user: User | null, pick: (pair: Bilingual) => string, unread: number): MenuItem[] {
  const services: MenuItem[] = modules.map((m) => {
    const Icon = m.icon;
    const sub = (m.menu ?? []).filter((item) => hasAnyRole(user, item.roles));
    const label = pick(m.name);
    if (sub.length === 0) return { key: m.path, icon: <Icon />, label };
    return {
      key: `group:${m.path}`,
      icon: <Icon />,
      label,
      children: [
        { key: m.path, label: pick(['服务首页', 'Overview']) },
        ...sub.map((item) => ({ key: item.path, label: pick(item.label) })),
      ],
    };
  });

  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: pick(['首页', 'Home']) },
    { type: 'group', key: 'services', label: pick(['营商服务', 'Services']), children: services },
    { type: 'divider' },
    { key: '/verify', icon: <VerifiedOutlined />, label: pick(['存证核验', 'Verify a receipt']) },
  ];
  if (user) {
    items.push({
      key: '/notifications',
      icon: <BellOutlined />,
      label: unread > 0 ? `${pick(['消息中心', 'Inbox'])} (${unread > 99 ? '99+' : unread})` : pick(['消息中心', 'Inbox']),
    });
  }
  if (hasAnyRole(user, [ADMIN_ROLE])) {
    items.push({
      key: 'group:/admin',
      icon: <SettingOutlined />,
      label: pick(['系统管理', 'Administration']),
      children: adminItems.map((a) => ({ key: a.path, icon: a.icon, label: pick(a.label) })),
    });
  }
  return items;
}

/** Every navigable key in the menu (leaf paths), to pick the selected one for a location. */
function leafKeys(items: MenuItem[]): string[] {
  const keys: string[] = [];
  for (const item of items) {
    if (!item || !('key' in item) || item.key === undefined) continue;
    if ('children' in item && item.children) keys.push(...leafKeys(item.children as MenuItem[]));
    else if (typeof item.key === 'string' && item.key.startsWith('/')) keys.push(item.key);
  }
  return keys;
}

/** The longest menu path that is a prefix of the location: /water-connection/apps/1 selects /water-connection. */
export function selectedKey(items: MenuItem[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const key of leafKeys(items)) {
    const match = key === '/' ? pathname === '/' : pathname === key || pathname.startsWith(`${key}/`);
    if (match && (!best || key.length > best.length)) best = key;
  }
  return best;
}

/** The submenu keys to open so the selected item is visible. */
export function openKeysFor(selected: string | undefined): string[] {
  if (!selected) return [];
  if (selected.startsWith('/admin')) return ['group:/admin'];
  const m = modules.find((x) => selected === x.path || selected.startsWith(`${x.path}/`));
  return m?.menu?.length ? [`group:${m.path}`] : [];
}
