import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { usePlaywright } from "./browser";
import {
  axeViolations,
  createLaunch,
  launchApp,
  clearSandboxRequests,
  resetSandbox,
  sandboxRequests,
} from "./journey.helpers";

// The partnership as a program (issue 15): the staff support page from a chart, a workspace
// and an error screen, leaving nothing on the server or in the browser; content packs loaded
// at start-up (a bad file named, an edited script shown without a rebuild, the Vietnamese
// script with its review note).

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls) },
);

/** Everything the page could leave behind: storage, cookies, the URL and the history. */
async function traces(): Promise<unknown> {
  return {
    ...(await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      url: location.href,
      history: history.length,
      title: document.title,
    }))),
    cookies: await page.context().cookies(),
  };
}

/** Opens staff support, checks it, closes it: nothing new on the server, nothing left behind. */
async function openStaffSupport(expectClinicContacts: boolean): Promise<void> {
  const before = await traces();
  await clearSandboxRequests(urls);
  await page.getByRole("button", { name: "Staff support" }).click();
  const support = page.getByTestId("staff-support");
  await support.getByRole("heading", { name: "Support for staff" }).waitFor();
  const text = await support.innerText();
  expect(text).toContain("1-800-799-7233");
  expect(text).toContain("After a hard disclosure");
  if (expectClinicContacts) {
    // From public/clinic-config.json "staffSupport".
    expect(text).toContain("Employee Assistance Program (Example EAP)");
    expect(text).toContain("Clinic safety officer");
    expect(text).toContain("5 days of paid safe leave");
    await support
      .getByRole("link", { name: "Domestic violence and the workplace policy" })
      .waitFor();
  }
  expect(await axeViolations(page)).toEqual([]);
  await support.getByRole("button", { name: "Back to the app" }).click();
  await support.waitFor({ state: "detached" });
  expect((await sandboxRequests(urls)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(await traces()).toEqual(before);
}

describe("staff support", () => {
  it("opens from a chart, keeps the guide as it was, and leaves no trace", async () => {
    await launchApp(page, urls, "ma-lopez", "pat-james");
    await page.locator("[data-step=ue]").waitFor();
    await page.locator("[data-step=ue] fieldset input[type=checkbox]").first().uncheck();
    await openStaffSupport(true);
    // What staff had done in the guide is still there.
    await expect(
      page.locator("[data-step=ue] fieldset input[type=checkbox]").first().isChecked(),
    ).resolves.toBe(false);
  });

  it("opens from a workspace", async () => {
    await page.goto(await createLaunch(urls, { user: "admin-okafor" }));
    await page
      .locator("[data-testid=app-ready][data-session=workspace]")
      .waitFor({ timeout: 20_000 });
    // The directory's own reads finish first: the log then shows only what staff support sends.
    await page.getByRole("heading", { name: "Partner directory" }).waitFor();
    await page.waitForLoadState("networkidle");
    await openStaffSupport(true);
    await page.getByRole("heading", { name: "Partner directory" }).waitFor();
  });

  it("opens from a launch error screen", async () => {
    await page.goto(`${urls.appUrl}/index.html`);
    await page.locator("[data-failure=no-state]").waitFor({ timeout: 20_000 });
    await openStaffSupport(true);
    await page.locator("[data-failure=no-state]").waitFor();
  });
});

describe("content packs", () => {
  it("a bad content file gets a screen naming the file, the key and the fix", async () => {
    const vi = JSON.parse(readFileSync("public/content/vi.json", "utf8")) as {
      patient: Record<string, unknown>;
    };
    vi.patient.educationScrpt = vi.patient.educationScript;
    await page.route("**/content/vi.json", (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify(vi) }),
    );
    await page.goto(await createLaunch(urls, { user: "ma-lopez", patient: "pat-james" }));
    await page.locator("[data-failure=config]").waitFor({ timeout: 20_000 });
    const text = await page.locator("main").innerText();
    expect(text).toContain("public/content/vi.json");
    expect(text).toContain("patient");
    expect(text).toContain('"educationScrpt"');
    expect(text).toMatch(/check the spelling/);
    // Staff support is offered here too.
    await page.getByRole("button", { name: "Staff support" }).waitFor();
  });

  it("a clinic's edited script shows without a rebuild", async () => {
    // The built app as deployed: IT edits the file next to index.html.
    const deployed = resolve(process.cwd(), "dist/content/en.json");
    const original = readFileSync(deployed, "utf8");
    const pack = JSON.parse(original) as { patient: { educationScript: string[] } };
    pack.patient.educationScript[0] =
      "At our clinic we talk with everyone about how relationships affect health.";
    writeFileSync(deployed, JSON.stringify(pack, null, 2));
    try {
      await launchApp(page, urls, "ma-lopez", "pat-james");
      await expect(page.getByTestId("education-script").innerText()).resolves.toContain(
        "At our clinic we talk with everyone about how relationships affect health.",
      );
    } finally {
      writeFileSync(deployed, original);
    }
  });

  it("a Vietnamese-speaking patient gets the Vietnamese script, with the review note", async () => {
    await launchApp(page, urls, "ma-lopez", "pat-linh");
    await page.locator("[data-step=ue]").waitFor();
    await expect(page.getByLabel("Script language").inputValue()).resolves.toBe("vi");
    const script = page.getByTestId("education-script");
    await expect(script.getAttribute("lang")).resolves.toBe("vi");
    await expect(script.innerText()).resolves.toContain(
      "Tôi chia sẻ điều này với tất cả bệnh nhân của tôi",
    );
    await expect(page.getByTestId("pack-review-note").innerText()).resolves.toContain(
      "has not yet been checked by a native speaker",
    );
    // The Vietnamese pack has no safety questions yet: English is used, and the note says so.
    await expect(page.getByTestId("pack-fallback-note").innerText()).resolves.toContain(
      "safetyQuestions",
    );
    expect(await axeViolations(page)).toEqual([]);
    // An English speaker's script carries no such note.
    await page.getByLabel("Script language").selectOption("en");
    await expect(page.getByTestId("pack-review-note").count()).resolves.toBe(0);
  });
});
