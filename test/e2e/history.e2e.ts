import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { expireTokens, injectFault, launchApp, providerSendsReferral } from "./journey.helpers";
import { usePeople } from "./people";

// Issue 14, the patient's History under faults, through real launches: a failed read names
// what failed and offers a retry (and, when the session ended, says so with its fix and offers
// to sign in again in place); a partly malformed answer says that some records could not be
// read instead of "Nothing recorded yet"; a lost race on withdrawing a consent shows the real
// state, never "Consent: active" for a consent another provider withdrew.

const urls = inject("urls");
let page: Page;
const newPerson = usePeople(urls, (session) => {
  ({ page } = session);
});

async function openHistory(p: Page): Promise<void> {
  await p.getByRole("navigation").getByRole("button", { name: "History" }).click();
  await p.getByTestId("history").waitFor();
}

describe("the patient's History", () => {
  it("a failed read names what failed and retries; an ended session has its title and fix", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-maria");
    await injectFault(urls, "503", 1, { match: "read", type: "Procedure" });
    await openHistory(page);
    const panel = page.getByTestId("read-failure");
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain("The patient's history could not be loaded.");
    // The server's own words follow "It said:"; never an empty quote.
    expect(text).toMatch(/It said:\s+Service unavailable/);
    expect(text).not.toContain('""');
    await panel.getByRole("button", { name: "Try again" }).click();
    await page.getByTestId("history-education").waitFor();
    await expect(page.getByTestId("read-failure").count()).resolves.toBe(0);

    // The EHR ends the session: History says so, with the fix, and offers to sign in again.
    expect(await expireTokens(urls, { endSessions: true })).toBeGreaterThan(0);
    await page.getByRole("navigation").getByRole("button", { name: "Guide" }).click();
    await openHistory(page);
    await page.getByTestId("read-failure").waitFor();
    const ended = await page.getByTestId("read-failure").innerText();
    expect(ended).toContain("The patient's history could not be loaded.");
    expect(ended).toContain("Your session has ended");
    expect(ended).toMatch(/Sign in again/);
  });

  it("a partly malformed answer says some records could not be read, never 'Nothing recorded yet'", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-maria");
    await injectFault(urls, "malformed-entry", 1, { match: "read", type: "Procedure" });
    await openHistory(page);
    await page.getByTestId("history-unreadable").waitFor();
    await expect(page.getByTestId("history-unreadable").innerText()).resolves.toMatch(
      /1 record\(s\) from the EHR could not be read/,
    );
    await expect(page.getByTestId("history").innerText()).resolves.not.toContain(
      "Nothing recorded yet",
    );
  });
});

describe("withdrawing a consent", () => {
  it("after another provider withdrew it first, the screen shows the real state", async () => {
    await providerSendsReferral(page, urls, "pat-maria");
    await openHistory(page);
    const mine = page.getByTestId("history-referral").first();
    await expect(mine.getAttribute("data-consent-status")).resolves.toBe("active");

    // A colleague, in their own session, withdraws it first.
    const colleague = await newPerson();
    await launchApp(colleague, urls, "prov-rivera", "pat-maria");
    await openHistory(colleague);
    const theirs = colleague.getByTestId("history-referral").first();
    await theirs.getByRole("button", { name: "Withdraw consent" }).click();
    await theirs.getByRole("button", { name: "Yes, withdraw" }).click();
    await colleague
      .locator('[data-testid=history-referral]:not([data-consent-status="active"])')
      .first()
      .waitFor();

    // This screen still shows it active; withdrawing now finds it withdrawn: nothing is
    // written, and the screen shows what the server holds.
    await mine.getByRole("button", { name: "Withdraw consent" }).click();
    await mine.getByRole("button", { name: "Yes, withdraw" }).click();
    await page.getByText(/Someone changed this referral while you were withdrawing/).waitFor();
    const after = page.getByTestId("history-referral").first();
    await expect(after.getAttribute("data-consent-status")).resolves.not.toBe("active");
    await expect(after.innerText()).resolves.not.toMatch(/Consent: active/i);
    await expect(after.getByRole("button", { name: "Withdraw consent" }).count()).resolves.toBe(0);
  });
});
