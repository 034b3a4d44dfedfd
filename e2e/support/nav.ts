import type { Page } from 'playwright-core';

/**
 * The labels of the side navigation's items and submenus, as shown (desktop sider; on phones open the drawer
 * first). Submenus are expanded so their children are listed too.
 */
export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByTestId('main-nav').first();
  await nav.waitFor();
  // Open every closed submenu so its children are rendered.
  // Re-query after each click: opening one submenu re-renders the menu, so earlier handles go stale.
  const closed = nav.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  const labels = new Set<string>();
  for (let i = 0; i < 20 && (await closed.count()) > 0; i++) {
    for (const t of await nav.locator('.ant-menu-title-content').allInnerTexts()) labels.add(t.trim());
    await closed.first().click();
  }
  const texts = [...labels, ...(await nav.locator('.ant-menu-title-content').allInnerTexts())];
  return [...new Set(texts.map((s) => s.trim()).filter(Boolean))];
}
