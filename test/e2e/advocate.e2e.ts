import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import {
  axeViolations,
  fhirSearch,
  partnerSignsIn,
  providerSendsReferral,
} from "./journey.helpers";
import { usePeople } from "./people";

// The partner program's side (invariant 10), through real launches: a provider sends a warm
// referral to Safe Harbor; Safe Harbor's advocate (standalone launch, no patient) sees it with
// the safe-contact instructions first and works it through the lifecycle while the provider's
// History follows; another program's advocate never sees it, in the UI or the raw API; a
// withdrawn consent hides the details; two advocates updating the same Task: the second is
// told and nothing is lost; a "no contact" referral offers no call.

const urls = inject("urls");
let page: Page;
const newPerson = usePeople(urls, (session) => {
  ({ page } = session);
});

/**
 * Standalone launch without a patient through the partner programs' own registration
 * (smart-config `partner`, `as=partner`), as a SANDBOX_USERS id; waits for the inbox. The token
 * carries only partner scopes: none of the clinic's (patient/…, directory edits, Procedure).
 */
async function advocateSignsIn(p: Page, user: "adv-santos" | "adv-nguyen"): Promise<void> {
  await partnerSignsIn(p, urls, user);
  const token = await p.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? '""') as string;
    const state = JSON.parse(sessionStorage.getItem(key) ?? "{}") as {
      clientId?: string;
      tokenResponse?: { scope?: string };
    };
    return { clientId: state.clientId, scopes: (state.tokenResponse?.scope ?? "").split(" ") };
  });
  expect(token.clientId).toBe("warm-referral-partner");
  expect(token.scopes).toContain("user/Task.crus");
  expect(
    token.scopes.filter((s) => /^patient\/|Procedure|Organization\.c|Endpoint/.test(s)),
  ).toEqual([]);
}

const card = (p: Page) => p.getByTestId("inbox-referral").first();

async function taskStatusIs(p: Page, status: string): Promise<void> {
  await p.locator(`[data-testid=inbox-referral][data-status=${status}]`).first().waitFor();
}

/** The provider's History (reloaded on opening) comes to show the referral's Task status. */
async function historyShows(p: Page, status: string): Promise<void> {
  await p.getByRole("button", { name: "Guide", exact: true }).click();
  await p.getByRole("button", { name: "History", exact: true }).click();
  await p.locator(`[data-testid=history-referral][data-task-status=${status}]`).waitFor();
}

describe("the partner advocate's inbox", () => {
  it("Safe Harbor's advocate sees the referral with the safe contact first, accepts, makes first contact, completes it; the provider's History follows", async () => {
    const provider = await newPerson();
    await providerSendsReferral(provider, urls, "pat-maria");
    await historyShows(provider, "requested");

    await advocateSignsIn(page, "adv-santos");
    await page.getByRole("heading", { name: "Referrals to your program" }).waitFor();
    // Its tabs: the inbox, the referral back to the clinic and the diagnostics of what this
    // account can read (partnerAccess.e2e.ts); nothing of the clinic's.
    await expect(page.getByRole("navigation").getByRole("button").allInnerTexts()).resolves.toEqual(
      ["Referrals", "Refer to the health center", "Diagnostics"],
    );
    await expect(page.getByTestId("inbox-count").innerText()).resolves.toMatch(/1 referral, 1 new/);
    const referral = card(page);
    await expect(referral.getByTestId("new-mark").count()).resolves.toBe(1);
    // The safe-contact instructions come first: before any other detail of the referral.
    const order = await referral.evaluate((el) =>
      Array.from(el.querySelectorAll("[data-testid=safe-contact], dl")).map((n) =>
        n.getAttribute("data-testid") === "safe-contact" ? "safe" : "details",
      ),
    );
    expect(order).toEqual(["safe", "details"]);
    const text = await referral.innerText();
    expect(text).toContain("María");
    expect(text).toContain("503-555-0199");
    expect(text).toMatch(/Drop-in support/);
    expect(text).not.toMatch(/Hernández/); // only the first name
    await expect(referral.getByTestId("call-action").count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await referral.getByRole("button", { name: "Accept" }).click();
    await taskStatusIs(page, "accepted");
    await historyShows(provider, "accepted");

    await card(page).getByRole("button", { name: "First contact made" }).click();
    await taskStatusIs(page, "in-progress");
    await historyShows(provider, "in-progress");

    await card(page).getByRole("button", { name: "Completed: connected to services" }).click();
    await card(page).getByLabel("What was provided (optional)").fill("Safety plan; legal clinic");
    expect(await axeViolations(page)).toEqual([]);
    await card(page).getByRole("button", { name: "Save" }).click();
    await page.getByLabel(/^Show(?! the app)/).selectOption("all");
    await taskStatusIs(page, "completed");
    await expect(card(page).innerText()).resolves.toContain("connected to services");
    await historyShows(provider, "completed");
  });

  it("another program's advocate never sees it: not in the inbox, 404 from the API", async () => {
    const provider = await newPerson();
    await providerSendsReferral(provider, urls, "pat-maria");
    const held = (await (
      await fetch(`${urls.ehrUrl}sandbox/resources/Task?subject=Patient/pat-maria`)
    ).json()) as { id: string; focus: { reference: string } }[];
    const task = held[0];
    expect(task).toBeDefined();

    await advocateSignsIn(page, "adv-nguyen");
    await expect(page.getByTestId("inbox-count").innerText()).resolves.toMatch(/^0 referrals/);
    expect(await page.getByTestId("inbox-referral").count()).toBe(0);
    for (const path of [
      `Task/${task?.id ?? ""}`,
      task?.focus.reference ?? "",
      "Patient/pat-maria",
    ]) {
      const r = await fhirSearch(page, path);
      expect(r.status, path).toBe(404);
    }
    const search = await fhirSearch(page, "Task?owner=Organization/org-safe-harbor");
    expect(search.resources).toEqual([]);
    const procedures = await fhirSearch(page, "Procedure");
    expect(procedures.status).toBe(403);
  });

  it("a withdrawn consent hides the details and shows only that it was withdrawn; the Task is cancelled", async () => {
    const provider = await newPerson();
    await providerSendsReferral(provider, urls, "pat-maria");
    await historyShows(provider, "requested");
    await provider
      .getByRole("button", { name: /Withdraw consent/ })
      .first()
      .click();
    await provider.getByRole("button", { name: "Yes, withdraw" }).click();
    await provider
      .locator("[data-testid=history-referral][data-consent-status=inactive]")
      .waitFor();
    await expect(
      provider.getByTestId("history-referral").getAttribute("data-task-status"),
    ).resolves.toBe("cancelled");

    await advocateSignsIn(page, "adv-santos");
    await page.getByLabel(/^Show(?! the app)/).selectOption("all");
    const referral = card(page);
    await referral.getByTestId("consent-ended").waitFor();
    await expect(referral.getAttribute("data-consent")).resolves.toBe("withdrawn");
    const text = await referral.innerText();
    expect(text).toMatch(/withdrew consent/);
    expect(text).not.toMatch(/María|503-555-0199|Drop-in/);
    expect(await referral.getByRole("button").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("two advocates update the same Task: the second is told who changed it, and nothing is lost", async () => {
    const provider = await newPerson();
    await providerSendsReferral(provider, urls, "pat-maria");
    const other = await newPerson();
    await advocateSignsIn(page, "adv-santos");
    await advocateSignsIn(other, "adv-santos");
    await card(other).getByRole("button", { name: "Accept" }).click();
    await taskStatusIs(other, "accepted");

    // The first tab still shows the old version: its decline must not overwrite the accept.
    await card(page).getByRole("button", { name: "Decline" }).click();
    await card(page).getByLabel("Reason in words").fill("No space this week");
    await card(page).getByRole("button", { name: "Save" }).click();
    const conflict = page.getByTestId("task-conflict");
    await conflict.waitFor();
    await expect(conflict.getByTestId("conflict-theirs").innerText()).resolves.toMatch(
      /Rosa Santos set it to: Accepted \(.*\d{4}.*\)\./,
    );
    await expect(conflict.getByTestId("conflict-yours").innerText()).resolves.toMatch(/Decline/);
    // The advocate's own words are shown beside theirs, not lost; a decline no longer applies.
    await expect(conflict.getByTestId("conflict-yours-details").innerText()).resolves.toMatch(
      /No space this week/,
    );
    await expect(conflict.innerText()).resolves.toMatch(/no longer applies/);
    expect(await axeViolations(page)).toEqual([]);
    const held = (await (
      await fetch(`${urls.ehrUrl}sandbox/resources/Task?subject=Patient/pat-maria`)
    ).json()) as { status: string }[];
    expect(held.map((t) => t.status)).toEqual(["accepted"]);
    await taskStatusIs(page, "accepted");
    await conflict.getByRole("button", { name: "Keep their change" }).click();
    expect(await page.getByTestId("task-conflict").count()).toBe(0);
    await card(page).getByRole("button", { name: "First contact made" }).waitFor();
  });

  it('a "no contact" referral offers no call action', async () => {
    const provider = await newPerson();
    await providerSendsReferral(provider, urls, "pat-maria", { noContact: true });
    await advocateSignsIn(page, "adv-santos");
    const referral = card(page);
    await referral.getByTestId("no-contact").waitFor();
    expect(await referral.getByTestId("call-action").count()).toBe(0);
    expect(await referral.locator("a[href^='tel:']").count()).toBe(0);
    await expect(referral.getByTestId("safe-contact").innerText()).resolves.toMatch(
      /Do NOT contact/,
    );
  });
});
