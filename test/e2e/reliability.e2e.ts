import type { Organization } from "fhir/r4";
import type { Locator, Page, Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { usePlaywright } from "./browser";
import {
  clearFaults,
  expireTokens,
  heldOnServer,
  injectFault,
  launchApp,
  patientRecords,
  putOnServer,
  resetSandbox,
  safetyAnswer,
} from "./journey.helpers";

// Reliability through a real launch (issue 14): an access token that ends while the user is on
// the review step is refreshed — fhirclient naming the public client, as real servers require —
// and the referral is sent once; a send that gets no answer at all ends after the app's
// timeout with a specific message, keeps the draft, and its retry records the referral once.

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls), context: { locale: "en-US" } },
);

const atStep = (name: string) => page.locator(`[data-step=${name}]`).waitFor();

/** Launch → the referral's review step, the shortest way. */
async function toReview(
  patient: string,
  goals = ["Drop-in support and safety planning"],
): Promise<void> {
  await launchApp(page, urls, "prov-rivera", patient);
  await atStep("c");
  await page.getByLabel(/alone with me/).check();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await atStep("ue");
  await page.getByRole("button", { name: /shared something/ }).click();
  await atStep("s");
  await safetyAnswer(page, /Wants legal help/, "Yes").check();
  for (const goal of goals) await page.getByLabel(goal, { exact: true }).check();
  await page.getByRole("button", { name: "Continue to referral" }).click();
  await atStep("partner");
  await page.getByRole("radio", { name: /Safe Harbor Family Violence Program/ }).check();
  await page.getByLabel("Call the partner together now").check();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await atStep("consent");
  await page.getByLabel(/The patient agrees to share this with Safe Harbor/).check();
  await page.getByLabel("Safe phone number").fill("503-555-0199");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await atStep("review");
}

async function expectOneReferral(patient: string): Promise<void> {
  const held = await patientRecords(urls, patient);
  expect(held.ServiceRequest).toHaveLength(1);
  expect(held.Task).toHaveLength(1);
  expect(held.Consent).toHaveLength(1);
}

function record(filter: (r: Request) => boolean): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (filter(r)) seen.push(r);
  });
  return seen;
}

describe("token refresh", () => {
  it("an access token that expires on the review step is refreshed with the client id, and the referral is sent once", async () => {
    await toReview("pat-james");
    const tokenUrl = `${urls.ehrUrl}auth/token`;
    const refreshes = record(
      (r) => r.url() === tokenUrl && (r.postData() ?? "").includes("grant_type=refresh_token"),
    );
    const base = `${urls.fhirBaseUrl}/`;
    const transactions = record((r) => r.url() === base && r.method() === "POST");
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.url() === base && r.request().method() === "POST") statuses.push(r.status());
    });

    // The EHR ends the token now (as when its lifetime runs out while staff talk with the patient).
    expect(await expireTokens(urls)).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Send referral" }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();

    // The first send met 401 "expired", fhirclient refreshed as a public client, the retry went through.
    expect(statuses).toEqual([401, 200]);
    expect(transactions).toHaveLength(2);
    expect(refreshes).toHaveLength(1);
    const form = new URLSearchParams(refreshes[0]?.postData() ?? "");
    expect(form.get("client_id")).toBe("warm-referral");
    expect(form.has("client_secret")).toBe(false);
    await expectOneReferral("pat-james");
    // The new token stays in fhirclient's sessionStorage state only.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe("{}");
  });
});

describe("the session ends on the review step and refresh is refused", () => {
  it("the user signs in again in a small window, from the same launch, and the draft in memory is sent once", async () => {
    await toReview("pat-james");
    // The sign-in window's requests are the context's, not the page's.
    const authorizes: Request[] = [];
    page.context().on("request", (r) => {
      if (r.url().startsWith(`${urls.ehrUrl}auth/authorize?`)) authorizes.push(r);
    });
    // The EHR ends the session: the access token is expired and its refresh token revoked.
    expect(await expireTokens(urls, { endSessions: true })).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Send referral" }).click();
    const failure = page.getByTestId("write-failure");
    await failure.waitFor();
    const text = await failure.innerText();
    expect(text).toContain("Your session has ended");
    expect(text).toMatch(/Sign in again/);
    expect(text).not.toMatch(/Launch the app again/);
    expect((await patientRecords(urls, "pat-james")).ServiceRequest).toHaveLength(0);

    const popupOpened = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Sign in again" }).click();
    const popup = await popupOpened;
    await popup.waitForEvent("close", { timeout: 20_000 });
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();

    // The same EHR launch (the user was not asked who they are), with PKCE.
    expect(authorizes).toHaveLength(1);
    const asked = new URL(authorizes[0]?.url() ?? "").searchParams;
    expect(asked.get("launch")).toBeTruthy();
    expect(asked.get("code_challenge_method")).toBe("S256");

    const held = await patientRecords(urls, "pat-james");
    expect(held.ServiceRequest).toHaveLength(1);
    expect(held.Task).toHaveLength(1);
    expect(held.Consent).toHaveLength(1);
    const all = JSON.stringify(held);
    expect(all).toContain("503-555-0199");
    expect(JSON.stringify(held.ServiceRequest[0]?.performer)).toContain("org-safe-harbor");
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe("{}");
  });
});

describe("a send with no answer", () => {
  it("the app stops waiting after 30 s, says the referral may or may not be recorded, keeps the draft; the retry records it once", async () => {
    await toReview("pat-emily");
    // The server commits the transaction, then never answers (a stuck server or gateway).
    await injectFault(urls, "hang");
    const started = Date.now();
    await page.getByRole("button", { name: "Send referral" }).click();
    const sending = page.getByRole("button", { name: "Sending…" });
    await sending.waitFor();
    expect(await sending.isDisabled()).toBe(true);

    const failure = page.getByTestId("write-failure");
    await failure.waitFor({ timeout: 45_000 });
    const waited = (Date.now() - started) / 1000;
    expect(waited).toBeGreaterThanOrEqual(29);
    expect(waited).toBeLessThan(40);
    const text = await failure.innerText();
    expect(text).toContain("No answer from the EHR");
    expect(text).toMatch(/did not answer within 30 seconds/);
    expect(text).toMatch(/may or may not have been recorded/);
    expect(text).toMatch(/Nothing was lost/);
    // Still on the review, with everything entered.
    await atStep("review");
    await expect(page.getByTestId("review-sent").innerText()).resolves.toContain("503-555-0199");
    // It was in fact committed, once.
    expect((await patientRecords(urls, "pat-emily")).ServiceRequest).toHaveLength(1);

    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    await expectOneReferral("pat-emily");
  }, 120_000);
});

describe("an edit after a lost answer", () => {
  it("the server committed the first send but its answer was lost; a changed partner and safe phone end up on the server as shown", async () => {
    // Support groups: Bridges is among the matched programs too.
    await toReview("pat-james", ["Drop-in support and safety planning", "Support groups"]);
    // Chromium resends a POST whose connection was reset, so the fault covers its retries too.
    await injectFault(urls, "drop-after-commit", 10);
    await page.getByRole("button", { name: "Send referral" }).click();
    await page.getByTestId("write-failure").waitFor();
    expect((await patientRecords(urls, "pat-james")).ServiceRequest).toHaveLength(1);
    await clearFaults(urls);

    // The patient switches program and gives another safe number before the retry.
    await page.getByRole("button", { name: "Back" }).click();
    await atStep("consent");
    await page.getByRole("button", { name: "Back" }).click();
    await atStep("partner");
    await page.getByRole("radio", { name: /Bridges Sexual Assault Resource Center/ }).check();
    await page.getByLabel("Call the partner together now").check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("consent");
    const agree = page.getByLabel(/The patient agrees to share this with Bridges/);
    if (!(await agree.isChecked())) await agree.check();
    await page.getByLabel("Safe phone number").fill("503-555-0142");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("review");
    await page.getByRole("button", { name: /Try again|Send referral/ }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    const notice = await page.getByTestId("updated-on-server").innerText();
    expect(notice).toMatch(/partner program/);
    expect(notice).toMatch(/safe-contact instructions/);

    const held = await patientRecords(urls, "pat-james");
    expect(held.ServiceRequest).toHaveLength(1);
    expect(held.Task).toHaveLength(1);
    expect(held.Consent).toHaveLength(1);
    const text = JSON.stringify(held);
    expect(text).toContain("503-555-0142");
    expect(text).not.toContain("503-555-0199");
    expect(text).not.toMatch(/org-safe-harbor/);
  }, 90_000);
});

async function renamePartner(id: string, rename: (name: string) => string): Promise<void> {
  const [org] = await heldOnServer<Organization>(urls, "Organization", { _id: id });
  if (!org) throw new Error(`no ${id}`);
  await putOnServer(urls, [{ ...org, name: rename(org.name ?? "") }]);
}

/** The characters of a phone number's text, as laid out: each one right of the one before. */
function laidOutLeftToRight(phone: Locator): Promise<{ text: string; ltr: boolean }> {
  return phone.evaluate((el) => {
    const node = el.firstChild as Text;
    const xs: number[] = [];
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      xs.push(range.getBoundingClientRect().left);
    }
    return { text: node.data, ltr: xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? 0)) };
  });
}

const noSideways = () =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("hostile names from another system", () => {
  it("a right-to-left override in a partner's name leaves its phone number readable; a 10,000-character name wraps", async () => {
    // An unterminated override at the end of the name would reverse what follows it.
    await renamePartner("org-safe-harbor", (name) => `${name}\u202E`);
    await renamePartner("org-bridges-sa", (name) => `${name} ${"A".repeat(10_000)}`);
    await launchApp(page, urls, "prov-rivera", "pat-james");
    await atStep("c");
    await page.getByLabel(/alone with me/).check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("ue");
    await page.getByRole("button", { name: /shared something/ }).click();
    await atStep("s");
    await safetyAnswer(page, /Wants legal help/, "Yes").check();
    await page.getByLabel("Drop-in support and safety planning", { exact: true }).check();
    await page.getByLabel("Support groups", { exact: true }).check();
    await page.getByRole("button", { name: "Continue to referral" }).click();
    await atStep("partner");
    expect(await noSideways()).toBe(true);
    await page.getByRole("radio", { name: /Safe Harbor Family Violence Program/ }).check();
    await page.getByLabel("Call the partner together now").check();

    // The three-way call script: "Call <name> at <phone> …" with the name isolated.
    const script = page.getByTestId("call-script").locator("li").first();
    await expect(script.innerText()).resolves.toMatch(/^Call Safe Harbor/);
    const scriptPhone = await laidOutLeftToRight(script.locator(".phone"));
    expect(scriptPhone.text).toMatch(/^503-555-01\d\d$/);
    expect(scriptPhone.ltr).toBe(true);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("consent");
    await page.getByLabel(/The patient agrees to share this with Safe Harbor/).check();
    await page.getByLabel("Safe phone number").fill("503-555-0199");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("review");
    await page.getByRole("button", { name: "Send referral" }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    const contact = await laidOutLeftToRight(page.getByTestId("partner-contact").locator(".phone"));
    expect(contact.text).toMatch(/^503-555-01\d\d$/);
    expect(contact.ltr).toBe(true);
    expect(await noSideways()).toBe(true);

    // The clinic's resource card: every number left to right.
    await page.getByRole("button", { name: "Clinic resource card" }).click();
    await page.getByRole("heading", { name: "Local resource card" }).waitFor();
    const phones = page.locator(".resource-card-preview article.resource-card .phone");
    expect(await phones.count()).toBeGreaterThan(1);
    for (const phone of await phones.all())
      expect((await laidOutLeftToRight(phone)).ltr).toBe(true);
    await expect(page.locator(".resource-card-preview").innerText()).resolves.toContain(
      "503-555-0151",
    );
  });
});
