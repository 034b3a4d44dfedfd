import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/auth.js';
import { buildMenu, openKeysFor, selectedKey } from './nav.js';

const pick = (pair: readonly [string, string]) => pair[0];

function user(roles: string[]): User {
  return { id: 'u', username: 'u', displayName: '用户', organization: { id: 'o', name: '机构', kind: 'enterprise' }, roles };
}

function keysOf(items: ReturnType<typeof buildMenu>): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (!item || !('key' in item)) continue;
    out.push(String(item.key));
    if ('children' in item && Array.isArray(item.children)) out.push(...keysOf(item.children as ReturnType<typeof buildMenu>));
  }
  return out;
}

describe('navigation by role', () => {
  it('gives anonymous visitors the portal, the services and the receipt check only', () => {
    const keys = keysOf(buildMenu(null, pick, 0));
    expect(keys).toContain('/');
    expect(keys).toContain('/water-connection');
    expect(keys).toContain('/verify');
    expect(keys).not.toContain('/notifications');
    expect(keys).not.toContain('/admin/users');
  });

  it('adds the inbox for any signed-in user and the admin pages for platform-admin only', () => {
    const enterprise = keysOf(buildMenu(user(['enterprise-user']), pick, 0));
    expect(enterprise).toContain('/notifications');
    expect(enterprise).not.toContain('/admin/users');
    const admin = keysOf(buildMenu(user(['platform-admin']), pick, 3));
    for (const k of ['/admin/organizations', '/admin/users', '/admin/roles', '/admin/audit']) expect(admin).toContain(k);
  });

  it('shows the unread count on the inbox item', () => {
    const inbox = buildMenu(user(['enterprise-user']), pick, 5).find((i) => i && 'key' in i && i.key === '/notifications');
    expect(inbox && 'label' in inbox ? inbox.label : '').toBe('消息中心 (5)');
  });
});

describe('selected item', () => {
  const items = buildMenu(user(['platform-admin']), pick, 0);

  it('picks the longest menu path that prefixes the location', () => {
    expect(selectedKey(items, '/')).toBe('/');
    expect(selectedKey(items, '/water-connection/applications/WS-1')).toBe('/water-connection');
    expect(selectedKey(items, '/admin/users')).toBe('/admin/users');
    expect(selectedKey(items, '/water-connectionx')).toBeUndefined();
  });

  it('opens the admin submenu for an admin page', () => {
    expect(openKeysFor('/admin/audit')).toEqual(['group:/admin']);
    expect(openKeysFor('/')).toEqual([]);
  });
});
