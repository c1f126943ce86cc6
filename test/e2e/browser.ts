import { chromium, type Browser, type Page, type Request } from "playwright-core";

export function chromePath(): string {
  return process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

/** The system Chromium, headless, without the background traffic this closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

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
