import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from './paths.js';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

/** Let the page react to a resize (antd breakpoints re-render) and finish its transitions. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        void document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      }),
  );
  // antd motion (drawer, collapse) lasts 0.2–0.3 s.
  await page.waitForTimeout(350);
}

/**
 * Screenshots of the current page at 1280×800 and 375×812: e2e/screenshots/<name>-1280.png and -375.png.
 * The viewport is left at 1280×800 afterwards. Returns the two file paths.
 */
export async function screenshots(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const files: string[] = [];
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await settle(page);
    const file = join(screenshotDir, `${name}-${size.width}.png`);
    await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
    files.push(file);
  }
  await page.setViewportSize(DESKTOP);
  await settle(page);
  return files;
}

/** One screenshot at the current viewport: e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  await settle(page);
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}
