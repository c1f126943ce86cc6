import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validateResource } from "../../fhir-profiles/validator";
import { axeViolations, fhirSearch, portalCounts } from "./journey.helpers";
import { usePeople } from "./people";

// Referrals back (partner → clinic), through real standalone launches: Safe Harbor's advocate
// refers a client for a next-day appointment; the clinic's front desk (medical assistant, the
// workspace) accepts it, finds the patient in the EHR by name and birth date, books the
// appointment and completes it; the advocate sees each step; another program's advocate sees
// none of it; and the label-honouring portal shows nothing of it before or after.

const urls = inject("urls");
let page: Page;
const newPerson = usePeople(urls, (session) => {
  ({ page } = session);
});

/** Standalone launch without a patient (the workspace), as a SANDBOX_USERS id. */
async function signIn(p: Page, user: string): Promise<void> {
  await p.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}`);
  await p.getByLabel("User").selectOption(user);
  await p.getByRole("button", { name: /continue|sign in/i }).click();
  await p.locator("[data-testid=app-ready][data-session=workspace]").waitFor({ timeout: 20_000 });
}

/** The advocate asks for news and waits until the sent referral shows `text`. */
async function advocateSees(p: Page, text: RegExp): Promise<void> {
  await p.getByTestId("sent-check").click();
  await p.getByTestId("sent-status").filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

const clinicCard = (p: Page) => p.getByTestId("incoming-referral").first();

async function clinicStep(p: Page, name: string | RegExp): Promise<void> {
  await clinicCard(p).getByRole("button", { name }).click();
  await clinicCard(p).getByTestId("incoming-saved").waitFor();
}

describe("a referral back from a partner program", () => {
  it("the advocate refers a client for a next-day appointment; the clinic accepts, matches, books and completes it; the advocate sees each step; the portal shows nothing", async () => {
    const portal = await newPerson();
    const before = await portalCounts(portal, urls, "pat-maria", "labels");
    const blindBefore = await portalCounts(portal, urls, "pat-maria", "label-blind");

    // --- The advocate (Safe Harbor) ---------------------------------------------------
    await signIn(page, "adv-santos");
    await page
      .getByRole("navigation")
      .getByRole("button", { name: "Refer to the health center" })
      .click();
    const form = page.getByTestId("refer-to-clinic");
    await form.getByRole("heading", { name: "Refer to the health center" }).waitFor();
    // Nothing filled in: each problem is named, and nothing is sent.
    await form.getByTestId("refer-back-send").click();
    await form.getByTestId("refer-back-problems").waitFor();
    await expect(form.getByTestId("refer-back-problems").innerText()).resolves.toMatch(
      /Choose what the client is referred for[\s\S]*Ask the client/,
    );
    await form.getByLabel("Reason").selectOption("next-day-appointment");
    // A next-day appointment starts as "within a day".
    await expect(form.getByLabel("Within a day").isChecked()).resolves.toBe(true);
    await form.getByLabel("First name").fill("María");
    await form.getByLabel("Last name").fill("Hernández");
    await form.getByLabel("Date of birth", { exact: true }).fill("1991-03-14");
    await form.getByLabel("Preferred language", { exact: true }).selectOption("es");
    await form.getByLabel("Safe phone").fill("503-555-0142");
    await form.getByLabel("Do NOT leave a message").check();
    await form.getByLabel(/The client agrees that we share/).check();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByTestId("refer-back-send").click();
    await form.getByTestId("refer-back-sent").waitFor();
    await advocateSees(page, /Sent — waiting for the clinic/);

    // What was written: one Task the program requested, owned by the clinic, labelled.
    const written = await fhirSearch(page, "Task?requester=Organization/org-safe-harbor");
    expect(written.resources).toHaveLength(1);
    const task = written.resources[0] as {
      owner?: { reference?: string };
      meta?: { security?: { code?: string }[] };
    };
    expect(task.owner?.reference).toBe("Organization/clinic");
    expect((task.meta?.security ?? []).map((c) => c.code)).toEqual(["R", "SDV", "NOPAT"]);

    // --- The clinic's front desk (medical assistant, workspace) --------------------------
    const clinic = await newPerson();
    await signIn(clinic, "ma-lopez");
    await clinic.getByTestId("incoming-worklist").waitFor();
    await clinic.getByTestId("incoming-count").filter({ hasText: "1 open" }).waitFor();
    const card = clinicCard(clinic);
    await expect(card.getByTestId("incoming-client").innerText()).resolves.toBe("María Hernández");
    await expect(card.getByTestId("incoming-safe-contact").innerText()).resolves.toMatch(
      /503-555-0142[\s\S]*do NOT leave a message/,
    );
    expect(await axeViolations(clinic)).toEqual([]);
    await clinicStep(clinic, "Accept");
    await advocateSees(page, /Accepted by the clinic/);

    // Find the patient: name and birth date, prefilled from the referral.
    await card.getByTestId("find-patient-search").click();
    await card.getByTestId("find-patient-results").waitFor();
    await card
      .getByRole("button", { name: /This is the patient: María Hernández, 1991-03-14/ })
      .click();
    await card.getByTestId("incoming-matched").waitFor();
    // Matched: the partner-given identity is no longer shown (the EHR's record is the one).
    expect(await card.getByTestId("incoming-client").count()).toBe(0);

    await clinicStep(clinic, "Appointment booked");
    await expect(card.getByTestId("incoming-status").innerText()).resolves.toBe(
      "In progress — Appointment booked",
    );
    await advocateSees(page, /Appointment booked/);

    // Completed: the card shows it done (and offers nothing more to do).
    await card.getByRole("button", { name: "Completed: the client was seen" }).click();
    await clinic.getByTestId("incoming-count").filter({ hasText: "0 open" }).waitFor();
    await clinic.getByTestId("incoming-worklist").getByLabel("Show").selectOption("all");
    await expect(card.getByTestId("incoming-status").innerText()).resolves.toBe(
      "Completed — the client was seen",
    );
    expect(await card.getByRole("button").count()).toBe(0);
    await advocateSees(page, /Completed — the client was seen/);

    // What the server holds at the end passes our profiles and SDOHCC's (validateResource
    // checks the SDOHCC parent of each of ours).
    const held = [
      ...(await fhirSearch(page, "Task?requester=Organization/org-safe-harbor&_include=Task:focus"))
        .resources,
      ...(await fhirSearch(page, "Consent?organization=Organization/org-safe-harbor")).resources,
    ];
    expect(held.map((r) => r.resourceType).sort()).toEqual(["Consent", "ServiceRequest", "Task"]);
    for (const resource of held)
      expect(validateResource(resource as never).issues, String(resource.resourceType)).toEqual([]);

    // --- Another program sees none of it ---------------------------------------------------
    const other = await newPerson();
    await signIn(other, "adv-nguyen");
    const theirs = await fhirSearch(other, "Task?requester=Organization/org-safe-harbor");
    expect(theirs.resources).toEqual([]);

    // --- The label-honouring portal shows nothing of it (nor the label-blind one's ServiceRequests)
    expect(await portalCounts(portal, urls, "pat-maria", "labels")).toEqual(before);
    const blindAfter = await portalCounts(portal, urls, "pat-maria", "label-blind");
    expect(blindAfter.ServiceRequest).toBe(blindBefore.ServiceRequest);
  });
});
