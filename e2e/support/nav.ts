import type { Page } from 'playwright-core';

/**
 * The labels of the side navigation's items and submenus, as shown (desktop sider; on phones open the drawer
 * first). Submenus are expanded so their children are listed too.
 */
export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByTestId('main-nav').first();
  await nav.waitFor();
  // Open every closed submenu so its children are rendered.
  for (const title of await nav.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title').all()) {
    await title.click();
  }
  const texts = await nav.locator('.ant-menu-title-content').allInnerTexts();
  return texts.map((s) => s.trim()).filter(Boolean);
}
