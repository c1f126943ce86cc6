import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { buildReferralBundle } from "../../src/fhir/builders/referral";
import { axeViolations, launchApp, patientRecords, portalCounts } from "./journey.helpers";
import { usePeople } from "./people";

// Closing the loop at the clinic (issue 11), through real launches: referrals of several ages
// and states (written through FHIR with the app's own token, then worked by Safe Harbor's
// advocate in their inbox) lead the clinic's worklist when overdue; the clinic cancels one
// with a reason; a relaunch into a patient with an open referral opens the guide with the
// provider's follow-up prompt, whose "connected" shows in the worklist and in the advocate's
// inbox; and none of it reaches the label-honouring patient portal.

const urls = inject("urls");
let page: Page;
const newPerson = usePeople(urls, (session) => {
  ({ page } = session);
});

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();

/** A transaction with the app's own token (read from fhirclient's sessionStorage state). */
async function postTransaction(p: Page, bundle: unknown): Promise<number> {
  return p.evaluate(async (body) => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? '""') as string;
    const state = JSON.parse(sessionStorage.getItem(key) ?? "{}") as {
      serverUrl: string;
      tokenResponse: { access_token: string };
    };
    const r = await fetch(state.serverUrl, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${state.tokenResponse.access_token}`,
        "Content-Type": "application/fhir+json",
        Accept: "application/fhir+json",
      },
      body: JSON.stringify(body),
    });
    return r.status;
  }, bundle);
}

/**
 * A referral to Safe Harbor made `ageDays` ago, written as the app writes one (the builder,
 * labels, one transaction) by the provider in the patient's chart.
 */
async function seedReferral(
  p: Page,
  patient: string,
  opts: { ageDays: number; followUpInDays: number; priority?: "routine" | "urgent" | "asap" },
): Promise<void> {
  await launchApp(p, urls, "prov-rivera", patient);
  const authoredAt = daysAgo(opts.ageDays);
  const bundle = buildReferralBundle({
    ids: { consent: randomUUID(), serviceRequest: randomUUID(), task: randomUUID() },
    patientId: patient,
    encounterId: null,
    requester: "Practitioner/prov-rivera",
    clinicOrganization: "Organization/clinic",
    partnerOrganizationId: "org-safe-harbor",
    services: ["legal-advocacy"],
    priority: opts.priority ?? "routine",
    handoff: "call-together",
    safeContact: { noContact: false, safePhone: "503-555-0142" },
    authoredAt,
    consentEnd: new Date(Date.now() + 60 * DAY).toISOString(),
    followUpDue: new Date(Date.now() + opts.followUpInDays * DAY).toISOString(),
    labelPolicy: { nopat: true },
  });
  expect(await postTransaction(p, bundle)).toBe(200);
}

async function taskOf(patient: string): Promise<{ id: string; status: string }> {
  const task = (await patientRecords(urls, patient)).Task[0] as
    { id: string; status: string } | undefined;
  if (!task) throw new Error(`no Task for ${patient}`);
  return task;
}

async function advocateSignsIn(p: Page): Promise<void> {
  await p.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}`);
  await p.getByLabel("User").selectOption("adv-santos");
  await p.getByRole("button", { name: /continue|sign in/i }).click();
  await p.getByTestId("partner-inbox").waitFor({ timeout: 20_000 });
  await p
    .getByTestId("inbox-count")
    .filter({ hasText: /^\d+ referrals?/ })
    .waitFor();
}

/** The advocate works one referral in the inbox, through its buttons. */
async function advocateDoes(p: Page, taskId: string, buttons: string[]): Promise<void> {
  await p.getByLabel(/^Show(?! the app)/).selectOption("all");
  for (const name of buttons) {
    const card = p.locator(`[data-testid=inbox-referral][data-task-id="${taskId}"]`);
    const before = await card.getAttribute("data-status");
    await card.getByRole("button", { name, exact: true }).click();
    if (name === "Completed: connected to services")
      await card.getByRole("button", { name: "Save" }).click();
    await p
      .locator(
        `[data-testid=inbox-referral][data-task-id="${taskId}"]:not([data-status="${before}"])`,
      )
      .waitFor();
  }
}

/** The provider's standalone launch without a patient: the clinic's workspace. */
async function providerWorkspace(p: Page): Promise<void> {
  await p.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}`);
  await p.getByLabel("User").selectOption("prov-rivera");
  await p.getByRole("button", { name: /continue|sign in/i }).click();
  await p.locator("[data-testid=app-ready][data-session=workspace]").waitFor({ timeout: 20_000 });
  await p.getByTestId("worklist-table").waitFor();
}

const rowIds = (p: Page) =>
  p
    .getByTestId("worklist-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-task-id")));

describe("the clinic's referral worklist", () => {
  it("overdue referrals lead the worklist; the clinic cancels one with a reason and the partner sees it", async () => {
    const clinic = await newPerson();
    // Several ages and states.
    await seedReferral(clinic, "pat-james", { ageDays: 40, followUpInDays: -10 }); // accepted, late
    await seedReferral(clinic, "pat-linh", { ageDays: 5, followUpInDays: 2, priority: "asap" }); // no answer
    await seedReferral(clinic, "pat-aaliyah", { ageDays: 1, followUpInDays: 29 }); // on time
    await seedReferral(clinic, "pat-sofia", { ageDays: 20, followUpInDays: -5 }); // connected
    const james = await taskOf("pat-james");
    const linh = await taskOf("pat-linh");
    const aaliyah = await taskOf("pat-aaliyah");
    const sofia = await taskOf("pat-sofia");

    const advocate = await newPerson();
    await advocateSignsIn(advocate);
    await advocateDoes(advocate, james.id, ["Accept"]);
    await advocateDoes(advocate, aaliyah.id, ["Accept"]);
    await advocateDoes(advocate, sofia.id, ["Accept", "Completed: connected to services"]);

    await providerWorkspace(page);
    const tabs = await page.getByRole("navigation").getByRole("button").allInnerTexts();
    expect(tabs[0]).toBe("Worklist");
    expect(await rowIds(page)).toEqual([james.id, linh.id, aaliyah.id]);
    const first = page.getByTestId("worklist-row").first();
    await expect(first.innerText()).resolves.toMatch(/James Walker/);
    await expect(first.innerText()).resolves.toMatch(/Overdue: follow-up date passed/);
    await expect(first.innerText()).resolves.toMatch(/Accepted by the partner/);
    await expect(first.innerText()).resolves.toMatch(/by Rosa Santos/);
    await expect(page.getByTestId("worklist-row").nth(1).innerText()).resolves.toMatch(
      /Overdue: no answer from the partner/,
    );
    await expect(page.getByTestId("worklist-count").innerText()).resolves.toMatch(
      /3 of 4 referrals, 2 overdue/,
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("combobox", { name: /^Status/ }).selectOption("closed");
    expect(await rowIds(page)).toEqual([sofia.id]);
    await expect(page.getByTestId("worklist-row").innerText()).resolves.toMatch(
      /Completed — connected to services/,
    );
    await page.getByRole("combobox", { name: /^Status/ }).selectOption("open");

    // The clinic cancels Aaliyah's referral with a reason: the requester's transition.
    await page
      .locator(`[data-testid=worklist-row][data-task-id="${aaliyah.id}"]`)
      .getByRole("button", { name: "Cancel referral…" })
      .click();
    await page
      .getByTestId("cancel-form")
      .getByRole("combobox", { name: /^Reason/ })
      .selectOption("got-help");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Cancel the referral" }).click();
    await page.getByTestId("worklist-notice").waitFor();
    await page.locator(`[data-testid=worklist-row][data-task-id="${aaliyah.id}"]`).waitFor({
      state: "detached",
    });
    const held = await taskOf("pat-aaliyah");
    expect(held.status).toBe("cancelled");
    expect(
      (held as unknown as { statusReason: { coding: { code: string }[] } }).statusReason.coding[0]
        ?.code,
    ).toBe("got-help");

    await advocate.reload();
    await advocate.getByTestId("partner-inbox").waitFor({ timeout: 20_000 });
    await advocate.getByLabel(/^Show(?! the app)/).selectOption("all");
    await advocate
      .locator(`[data-testid=inbox-referral][data-task-id="${aaliyah.id}"][data-status=cancelled]`)
      .waitFor();
  });

  it('a relaunch into a patient with an open referral opens the follow-up prompt; "connected" shows in the worklist and the partner\'s inbox, and nowhere in the portal', async () => {
    await seedReferral(page, "pat-maria", { ageDays: 12, followUpInDays: -2 });
    const maria = await taskOf("pat-maria");
    const advocate = await newPerson();
    await advocateSignsIn(advocate);
    await advocateDoes(advocate, maria.id, ["Accept"]);

    // The next visit: a fresh launch from María's chart.
    await launchApp(page, urls, "prov-rivera", "pat-maria");
    const prompt = page.getByTestId("follow-up-prompt");
    await prompt.waitFor({ timeout: 20_000 });
    // Discreet until opened: a neutral heading, nothing about the program.
    await expect(prompt.innerText()).resolves.not.toMatch(/Safe Harbor/);
    await prompt.getByRole("button", { name: "Show the follow-up" }).click();
    await expect(prompt.getByTestId("follow-up-so-far").innerText()).resolves.toMatch(
      /Referred on .* to Safe Harbor Family Violence Program\. Accepted by the partner/,
    );
    await expect(prompt.getByTestId("follow-up-script").innerText()).resolves.toMatch(
      /\(Spanish\)[\s\S]*¿cómo le fue\?/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await prompt.getByLabel("Connected with the program").check();
    await prompt.getByRole("button", { name: "Record" }).click();
    await prompt.getByTestId("follow-up-saved").waitFor();

    const held = (await patientRecords(urls, "pat-maria")).Task[0] as {
      status: string;
      note: { text: string; authorReference: { reference: string } }[];
    };
    expect(held.status).toBe("accepted");
    expect(held.note.at(-1)).toMatchObject({
      text: "patient-report:connected",
      authorReference: { reference: "Practitioner/prov-rivera" },
    });

    // The chart's worklist tab: this patient's referrals only, with what she said.
    await page.getByRole("button", { name: "Worklist", exact: true }).click();
    const row = page.locator(`[data-testid=worklist-row][data-task-id="${maria.id}"]`);
    await row.getByTestId("row-report").waitFor();
    await expect(row.getByTestId("row-report").innerText()).resolves.toBe(
      "Patient says: connected",
    );
    // Connected, so no longer overdue although the follow-up date passed.
    await expect(row.getAttribute("data-overdue")).resolves.toBe("no");
    expect(await page.getByTestId("worklist-row").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The partner's workspace shows it.
    await advocate.reload();
    await advocate.getByTestId("partner-inbox").waitFor({ timeout: 20_000 });
    const card = advocate.locator(`[data-testid=inbox-referral][data-task-id="${maria.id}"]`);
    await expect(card.getByTestId("clinic-report").innerText()).resolves.toMatch(
      /the patient told the clinic.*They connected with your program/,
    );

    // The clinic's workspace worklist shows it too.
    const clinic = await newPerson();
    await providerWorkspace(clinic);
    await expect(
      clinic
        .locator(`[data-testid=worklist-row][data-task-id="${maria.id}"]`)
        .getByTestId("row-report")
        .innerText(),
    ).resolves.toBe("Patient says: connected");

    // The label-honouring portal shows none of it.
    const portal = await newPerson();
    const counts = await portalCounts(portal, urls, "pat-maria", "labels");
    expect(counts).toMatchObject({ ServiceRequest: 0, Task: 0, Consent: 0 });
    const text = await portal.locator("body").innerText();
    expect(text).not.toMatch(/patient-report|Safe Harbor/i);
  });
});
