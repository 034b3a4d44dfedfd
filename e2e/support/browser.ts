import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The browser for every e2e test: Debian's chromium driven by playwright-core (no downloaded browser builds).
 * playwright-core gives each launch a new, empty temporary profile (--user-data-dir) and deletes it on close;
 * it refuses a --user-data-dir in args, so that one is not listed here.
 */
export const CHROMIUM_PATH = process.env.YS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`chromium not found at ${CHROMIUM_PATH}: apt-get install chromium poppler-utils`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  baseURL: string;
  /** Default 1280×800; screenshots switch widths themselves. */
  viewport?: { width: number; height: number };
  /** 'zh' (default) or 'en': written to localStorage before any page script runs. */
  lang?: 'zh' | 'en';
}

/**
 * A fresh context (own cookies, own localStorage) and a page in it. Page errors and failed console messages are
 * collected on `errors` so a test can assert the app ran without uncaught exceptions.
 */
export async function newPage(browser: Browser, opts: PageOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: opts.baseURL,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.lang === 'en' ? 'en-US' : 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (opts.lang === 'en') await context.addInitScript(() => localStorage.setItem('ys.lang', 'en'));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { context, page, errors };
}
