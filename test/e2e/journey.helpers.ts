import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";
import type { E2eUrls } from "./globalSetup";

// Shared helpers of the CUES / referral browser tests (cues*.e2e.ts, referral*.e2e.ts).

export const ENCOUNTERS: Record<string, string | undefined> = {
  "pat-maria": "enc-maria",
  "pat-james": "enc-james",
  "pat-linh": "enc-linh",
  "pat-aaliyah": "enc-aaliyah",
  "pat-sofia": "enc-sofia",
  "pat-carlos": "enc-carlos",
  "pat-emily": "enc-emily",
  "pat-amina": "enc-amina",
};

export async function resetSandbox(urls: E2eUrls): Promise<void> {
  const r = await fetch(`${urls.ehrUrl}sandbox/reset`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  if (!r.ok) throw new Error(`reset: ${r.status}`);
}

/** A fault in the sandbox's next matching requests (sandbox/contract.ts FaultRequest). */
export async function injectFault(
  urls: E2eUrls,
  kind: "503" | "drop-after-commit" | "hang" | "malformed-entry",
  count = 1,
  on: { match?: "transaction" | "read" | "any"; type?: string } = {},
): Promise<void> {
  const r = await fetch(`${urls.ehrUrl}sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ match: on.match ?? "transaction", kind, count, type: on.type }),
  });
  if (!r.ok) throw new Error(`fault: ${r.status}`);
}

export async function clearFaults(urls: E2eUrls): Promise<void> {
  const r = await fetch(`${urls.ehrUrl}sandbox/faults`, { method: "DELETE" });
  if (!r.ok) throw new Error(`clear faults: ${r.status}`);
}

export interface LaunchRequest {
  user?: string;
  patient?: string;
  encounter?: string;
  error?: string;
  display?: "iframe" | "window";
}

/** Creates a launch in the sandbox EHR, as its "Launch" button does, and returns the app URL. */
export async function createLaunch(urls: E2eUrls, request: LaunchRequest): Promise<string> {
  const response = await fetch(`${urls.ehrUrl}sandbox/launch`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ display: "window", ...request }),
  });
  if (!response.ok) throw new Error(`launch: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { url: string }).url;
}

/** Launches the app in its own window (as the EHR's "new window" launch) and waits for it. */
export async function launchApp(
  page: Page,
  urls: E2eUrls,
  user: "prov-rivera" | "ma-chen" | "ma-lopez",
  patient: string,
): Promise<void> {
  const encounter = ENCOUNTERS[patient];
  await page.goto(await createLaunch(urls, { user, patient, ...(encounter ? { encounter } : {}) }));
  await page.locator(`[data-testid=app-ready][data-patient-id=${patient}]`).waitFor({
    timeout: 20_000,
  });
}

/** A FHIR search with the app's own token (read from fhirclient's sessionStorage state). */
export async function fhirSearch(
  target: Page | Frame,
  path: string,
): Promise<{ status: number; resources: Record<string, unknown>[] }> {
  return target.evaluate(async (p) => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? '""') as string;
    const state = JSON.parse(sessionStorage.getItem(key) ?? "{}") as {
      serverUrl: string;
      tokenResponse: { access_token: string };
    };
    const r = await fetch(`${state.serverUrl}/${p}`, {
      headers: {
        Authorization: `Bearer ${state.tokenResponse.access_token}`,
        Accept: "application/fhir+json",
      },
    });
    const body = (await r.json()) as { entry?: { resource: Record<string, unknown> }[] };
    return { status: r.status, resources: (body.entry ?? []).map((e) => e.resource) };
  }, path);
}

/** What the FHIR server holds (the sandbox's test-only read endpoint: no auth, no label filter). */
export async function heldOnServer<T = Record<string, unknown>>(
  urls: E2eUrls,
  type: string,
  params: Record<string, string> = {},
): Promise<T[]> {
  const r = await fetch(`${urls.ehrUrl}sandbox/resources/${type}?${new URLSearchParams(params)}`);
  if (!r.ok) throw new Error(`${type}: ${r.status}`);
  return (await r.json()) as T[];
}

/**
 * Puts records on the server directly, as another system would (no app, no profile checks):
 * PUTs in transactions of 30 entries (the sandbox's control routes take small bodies).
 */
export async function putOnServer<R extends { resourceType: string; id?: string }>(
  urls: E2eUrls,
  resources: readonly R[],
): Promise<void> {
  for (let i = 0; i < resources.length; i += 30) {
    const r = await fetch(`${urls.ehrUrl}sandbox/transaction`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        resourceType: "Bundle",
        type: "transaction",
        entry: resources.slice(i, i + 30).map((resource) => ({
          resource,
          request: { method: "PUT", url: `${resource.resourceType}/${resource.id}` },
        })),
      }),
    });
    if (!r.ok) throw new Error(`put: ${r.status} ${await r.text()}`);
  }
}

/** What the FHIR server holds for one patient (test-only read endpoint: no auth, no label filter). */
export async function patientRecords(urls: E2eUrls, patient: string) {
  const search = (type: string, param: string) =>
    heldOnServer(urls, type, { [param]: `Patient/${patient}` });
  return {
    ServiceRequest: await search("ServiceRequest", "subject"),
    Task: await search("Task", "subject"),
    Consent: await search("Consent", "patient"),
    Procedure: await search("Procedure", "subject"),
    Condition: await search("Condition", "subject"),
    DocumentReference: await search("DocumentReference", "subject"),
  };
}

export function securityCodes(resource: Record<string, unknown>): string[] {
  const meta = resource.meta as { security?: { code?: string }[] } | undefined;
  return (meta?.security ?? []).map((c) => c.code ?? "");
}

const require = createRequire(import.meta.url);
// Evaluated through DevTools, not added as a <script>: the app's Content-Security-Policy
// (rightly) refuses an inline script, and axe must not need the policy loosened.
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on the current page; returns the violations (id: nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  });
}

/** Answers one safety question (a Yes / No radio group named after the question, as asked). */
export function safetyAnswer(page: Page, question: string | RegExp, answer: "Yes" | "No" | "Sí") {
  return page
    .locator("[data-step=s]")
    .getByRole("group", { name: question })
    .getByRole("radio", { name: answer, exact: true });
}

/** Counts the user's clicks: every click in the journey goes through here. */
export class ClickCounter {
  count = 0;
  constructor(private readonly page: Page) {}
  async click(selector: Parameters<Page["getByRole"]>[0], name: string | RegExp, exact = false) {
    this.count++;
    await this.page.getByRole(selector, { name, exact }).click();
  }
  async answer(question: string | RegExp, answer: "Yes" | "No") {
    this.count++;
    await safetyAnswer(this.page, question, answer).check();
  }
  async check(name: string | RegExp, exact = false) {
    this.count++;
    await this.page.getByLabel(name, { exact }).check();
  }
  async fill(label: string | RegExp, value: string) {
    // Clicking into the field counts; typing does not.
    this.count++;
    await this.page.getByLabel(label).fill(value);
  }
}

/**
 * Opens the patient-portal simulator for a patient and returns the result page's counts.
 * "label-blind": what a label-blind US Core patient API returns; "compartment": the worst case,
 * the label-blind client reading the whole patient compartment.
 */
export async function portalCounts(
  page: Page,
  urls: E2eUrls,
  patient: string,
  mode: "labels" | "label-blind" | "compartment",
): Promise<Record<string, number>> {
  await page.goto(`${urls.ehrUrl}portal`);
  await page.locator("#portal-patient").selectOption(patient);
  await page.locator(`#mode-${mode}`).check();
  await page.locator("#portal-open").click();
  await page.locator("[data-testid=portal-results]").waitFor({ timeout: 20_000 });
  const counts: Record<string, number> = {};
  for (const type of [
    "ServiceRequest",
    "Task",
    "Consent",
    "Procedure",
    "Condition",
    "DocumentReference",
  ]) {
    counts[type] = Number(
      await page.locator(`[data-testid=portal-section-${type}]`).getAttribute("data-count"),
    );
  }
  return counts;
}

/** A partner program's user signs in (standalone, the partner client) and reaches the inbox. */
export async function partnerSignsIn(
  page: Page,
  urls: E2eUrls,
  user: "adv-santos" | "adv-nguyen",
): Promise<void> {
  await page.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}&as=partner`);
  await page.getByLabel("User").selectOption(user);
  await page.getByRole("button", { name: /continue|sign in/i }).click();
  await page
    .locator("[data-testid=app-ready][data-session=workspace]")
    .waitFor({ timeout: 20_000 });
  await page.getByTestId("partner-inbox").waitFor();
  await page
    .getByTestId("inbox-count")
    .filter({ hasText: /^\d+ referrals?/ })
    .waitFor();
}

/**
 * Expires every access token the sandbox issued (and, with `endSessions`, revokes the refresh
 * tokens too, as when the EHR ends the sign-in); returns how many were expired.
 */
export async function expireTokens(urls: E2eUrls, opts: { endSessions?: boolean } = {}) {
  const r = await fetch(`${urls.ehrUrl}sandbox/expire-tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ endSessions: opts.endSessions === true }),
  });
  if (!r.ok) throw new Error(`expire-tokens: ${r.status}`);
  return ((await r.json()) as { expired: number }).expired;
}

/** Empties the sandbox's FHIR request log, so what follows can be checked on its own. */
export async function clearSandboxRequests(urls: E2eUrls): Promise<void> {
  const r = await fetch(`${urls.ehrUrl}sandbox/requests`, { method: "DELETE" });
  if (!r.ok) throw new Error(`requests: ${r.status}`);
}

/** The FHIR requests the sandbox received since the last reset (test-only log). */
export async function sandboxRequests(urls: E2eUrls): Promise<{ method: string; url: string }[]> {
  const r = await fetch(`${urls.ehrUrl}sandbox/requests`);
  if (!r.ok) throw new Error(`requests: ${r.status}`);
  return (await r.json()) as { method: string; url: string }[];
}

/** The provider records a warm referral to Safe Harbor for the patient, through the guide. */
export async function providerSendsReferral(
  p: Page,
  urls: E2eUrls,
  patient: string,
  opts: { noContact?: boolean } = {},
): Promise<void> {
  await launchApp(p, urls, "prov-rivera", patient);
  await p.locator("[data-step=c]").waitFor();
  await p.getByLabel(/alone with me/).check();
  await p.getByLabel(/professional interpreter/).check();
  await p.getByLabel(/limits of confidentiality/).check();
  await p.getByRole("button", { name: "Continue", exact: true }).click();
  await p.locator("[data-step=ue]").waitFor();
  await p.getByRole("button", { name: /shared something/ }).click();
  await p.locator("[data-step=s]").waitFor();
  await safetyAnswer(p, /Wants legal help/, "Yes").check();
  await p.getByLabel("Drop-in support and safety planning", { exact: true }).check();
  await p.getByRole("button", { name: "Continue to referral" }).click();
  await p.locator("[data-step=partner]").waitFor();
  await p.getByLabel(/Safe Harbor Family Violence Program/).check();
  await p.getByLabel("Call the partner together now").check();
  await p.getByRole("button", { name: "Continue", exact: true }).click();
  await p.locator("[data-step=consent]").waitFor();
  await p.getByLabel(/The patient agrees to share this with Safe Harbor/).check();
  if (opts.noContact) {
    await p.getByLabel(/No contact at all/).check();
  } else {
    await p.getByLabel("Safe phone number").fill("503-555-0199");
  }
  await p.getByRole("button", { name: "Continue", exact: true }).click();
  await p.locator("[data-step=review]").waitFor();
  await p.getByRole("button", { name: "Send referral" }).click();
  await p.getByRole("heading", { name: "Referral recorded" }).waitFor();
}
