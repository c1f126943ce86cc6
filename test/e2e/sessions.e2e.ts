import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { usePlaywright } from "./browser";
import { axeViolations, launchApp, resetSandbox, sandboxRequests } from "./journey.helpers";

// Who gets which session (docs/ARCHITECTURE.md, "Sessions"), through real launches: patients
// signing in with the app's own client id get the neutral screen and the server sees no read;
// an admin works the directory from a standalone launch without a patient; a medical
// assistant whose fhirUser is a Practitioner stays on universal education.

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls) },
);

const DSV_TYPES = /^\/?(ServiceRequest|Task|Consent|Procedure)\b/;

async function standaloneSignIn(user: string, context?: "patient"): Promise<void> {
  const iss = encodeURIComponent(urls.fhirBaseUrl);
  await page.goto(`${urls.appLaunchUrl}?iss=${iss}${context ? `&context=${context}` : ""}`);
  await page.getByLabel("User").selectOption(user);
  await page.getByRole("button", { name: /continue|sign in/i }).click();
}

describe("only staff may use the app", () => {
  it("a patient-portal launch with this client id gets the neutral screen and nothing is read", async () => {
    await page.goto(`${urls.ehrUrl}portal/`);
    await page.getByLabel("Signed-in patient").selectOption("pat-maria");
    await page.getByRole("button", { name: "Open the clinic's app as this patient" }).click();
    const failure = page.locator("[data-failure]");
    await failure.waitFor({ timeout: 20_000 });
    expect(await failure.getAttribute("data-failure")).toBe("not-staff");
    const text = await page.locator("body").innerText();
    expect(text).toContain("This tool is for clinic and partner staff");
    expect(text).not.toMatch(/María|referral|violence|Safe Harbor/i);
    const log = await sandboxRequests(urls);
    expect(log.filter((r) => DSV_TYPES.test(r.url))).toEqual([]);
    expect(log.filter((r) => /^\/?Patient/.test(r.url))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a patient's standalone sign-in with this client id gets the same", async () => {
    await standaloneSignIn("Patient/pat-maria");
    const failure = page.locator("[data-failure]");
    await failure.waitFor({ timeout: 20_000 });
    expect(await failure.getAttribute("data-failure")).toBe("not-staff");
    expect(await page.locator("body").innerText()).not.toContain("María");
    expect((await sandboxRequests(urls)).filter((r) => DSV_TYPES.test(r.url))).toEqual([]);
  });
});

describe("the workspace", () => {
  it("an admin opens the directory from a standalone launch with no patient", async () => {
    await standaloneSignIn("admin-okafor");
    await page
      .locator("[data-testid=app-ready][data-session=workspace]")
      .waitFor({ timeout: 20_000 });
    const tabs = await page.getByRole("navigation").getByRole("button").allInnerTexts();
    expect(tabs).toEqual(["Partners", "Reports", "Settings", "Diagnostics"]);
    await page.getByRole("heading", { name: "Partner directory" }).waitFor();
    await expect(page.getByRole("button", { name: "Add partner" }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole("region", { name: "Patient" }).count()).toBe(0);
    const log = await sandboxRequests(urls);
    expect(log.filter((r) => /^\/?Patient/.test(r.url))).toEqual([]);
    expect(log.filter((r) => DSV_TYPES.test(r.url))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the staff language switch in the header changes the screens, and nothing is stored", async () => {
    await standaloneSignIn("admin-okafor");
    await page.getByRole("heading", { name: "Partner directory" }).waitFor({ timeout: 20_000 });
    await page.getByLabel("Show the app in").selectOption("es");
    await page.getByRole("heading", { name: "Directorio de aliados" }).waitFor();
    const stored = await page.evaluate(() => ({
      local: localStorage.length,
      cookies: document.cookie,
    }));
    expect(stored).toEqual({ local: 0, cookies: "" });
  });
});

describe("roles in the chart", () => {
  it("a medical assistant whose fhirUser is a Practitioner lands on universal education, with no way to refer or withdraw", async () => {
    await launchApp(page, urls, "ma-lopez", "pat-james");
    await page.locator("[data-step=ue]").waitFor();
    const full = page.getByRole("radio", { name: "Full guide" });
    await expect(full.isDisabled()).resolves.toBe(true);
    await expect(
      page.getByRole("radio", { name: "Universal education only" }).isChecked(),
    ).resolves.toBe(true);
    const tabs = await page.getByRole("navigation").getByRole("button").allInnerTexts();
    expect(tabs).toEqual(["Guide", "Partners"]);
    expect(await page.getByRole("button", { name: /shared something/i }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /withdraw/i }).count()).toBe(0);
    await expect(page.getByTestId("signed-in-as").innerText()).resolves.toContain("Casey Lopez");
    expect(await axeViolations(page)).toEqual([]);
  });
});
