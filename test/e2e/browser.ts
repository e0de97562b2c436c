import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { build } from '../helper.js';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean) as string[];

export function chromiumPath(): string | null {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

interface T {
  teardown(fn: () => unknown): void;
}

/** Starts the real app on a random loopback port and a headless Debian chromium page. */
export async function startBrowser(
  t: T,
): Promise<{ app: FastifyInstance; page: Page; base: string; browser: Browser }> {
  const { app } = await build(t);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath()!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  t.teardown(() => browser.close());
  const page = await browser.newPage({ locale: 'ja-JP' });
  page.setDefaultTimeout(15000);
  return { app, page, base, browser };
}

/** Completes first-run setup in the browser as an administrator (leaves the admin logged in). */
export async function setupAdmin(page: Page, base: string): Promise<void> {
  await page.goto(base + '/');
  await page.fill('input[name=loginId]', 'admin');
  await page.fill('input[name=displayName]', '事務局 花子');
  await page.fill('input[name=password]', 'browser-password-1');
  await page.fill('input[name=password2]', 'browser-password-1');
  await page.click('button:has-text("管理者アカウントを作成")');
  await page.waitForURL(/\/members/);
}

export const ADMIN_PASSWORD = 'browser-password-1';
