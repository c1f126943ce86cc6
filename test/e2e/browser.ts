import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export function chromePath(): string {
  return process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

/** The system Chromium, headless, without the background traffic this closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: CHROMIUM_ARGS });
}

/** The same Chromium with a profile on disk (`userDataDir`), as a clinic workstation keeps one. */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Records every request to the FHIR server made by the page (and its frames). */
export function recordFhirRequests(page: Page, fhirBaseUrl: string): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => {
    if (request.url().startsWith(fhirBaseUrl)) requests.push(request);
  });
  return requests;
}

export interface LaunchOptions {
  user: string;
  patient?: string;
  encounter?: string;
  error?: string;
  needPatientBanner?: boolean;
}

export interface PlaywrightSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * One browser per test file, a fresh context and page per test, as vitest hooks. `expose`
 * hands each new session to the file's own variables; `beforeEachTest` runs before the page
 * opens (a sandbox reset, say).
 */
export function usePlaywright(
  expose: (session: PlaywrightSession) => void,
  options: { beforeEachTest?: () => Promise<unknown>; context?: BrowserContextOptions } = {},
): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("no browser");
    await options.beforeEachTest?.();
    context = await browser.newContext(options.context);
    expose({ browser, context, page: await context.newPage() });
  });
  afterEach(async () => {
    await context?.close();
  });
}
