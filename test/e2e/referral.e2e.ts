import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validateResource } from "../../fhir-profiles/validator";
import { usePlaywright } from "./browser";
import {
  axeViolations,
  ClickCounter,
  clearFaults,
  injectFault,
  launchApp,
  patientRecords,
  portalCounts,
  resetSandbox,
  securityCodes,
} from "./journey.helpers";

// The core journey through a real launch: the provider goes C → UE → S → referral, and the
// FHIR server then holds exactly one ServiceRequest, Task and Consent (plus the education
// Procedure), labelled and valid; retries after faults never duplicate; the portal never shows
// them; the whole journey works from the keyboard alone.

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls), context: { locale: "en-US" } },
);

const DSV_WORDS =
  /violen|abus|assault|traffick|domestic|intimate|advoca|shelter|sexual|\bdsv\b|\bipv\b|safe harbor|exploitation|hotline/i;

const step = () => page.locator("[data-step]").getAttribute("data-step");
const atStep = (name: string) => page.locator(`[data-step=${name}]`).waitFor();

/** Launch → review, with every click counted; axe on each step when asked. */
async function journeyToReview(
  patient: string,
  clicks: ClickCounter,
  opts: { axe?: boolean; remote?: boolean } = {},
): Promise<void> {
  const axe = async () => {
    if (opts.axe) expect(await axeViolations(page), (await step()) ?? "").toEqual([]);
  };
  await launchApp(page, urls, "prov-rivera", patient);
  await atStep("c");
  await axe();
  if (opts.remote) {
    for (const question of ["Is now a safe time to talk?", /alone, with no one able to hear/]) {
      clicks.count++;
      await page.getByRole("group", { name: question }).getByRole("radio", { name: "Yes" }).check();
    }
  }
  await clicks.check(/alone with me/);
  await clicks.check(/professional interpreter/);
  await clicks.check(/limits of confidentiality/);
  await clicks.click("button", "Continue", true);
  await atStep("ue");
  await axe();
  await clicks.click("button", /shared something/);
  await atStep("s");
  await clicks.answer(/Worried about children's safety/, "Yes");
  await clicks.answer(/Wants legal help/, "Yes");
  await expect(page.getByTestId("urgency").getAttribute("data-level")).resolves.toBe("soon");
  await clicks.check("Drop-in support and safety planning", true);
  await axe();
  await clicks.click("button", "Continue to referral");
  await atStep("partner");
  await page.getByRole("radio", { name: /Safe Harbor Family Violence Program/ }).waitFor();
  await axe();
  await clicks.check(/Safe Harbor Family Violence Program/);
  await clicks.check("Call the partner together now");
  await expect(page.getByTestId("call-script").innerText()).resolves.toMatch(/503-555-01\d\d/);
  await expect(page.getByTestId("hotline").innerText()).resolves.toContain("1-800-799-7233");
  await axe();
  await clicks.click("button", "Continue", true);
  await atStep("consent");
  await axe();
  await clicks.check(/The patient agrees to share this with Safe Harbor/);
  await clicks.fill("Safe phone number", "503-555-0199");
  await clicks.click("button", "Continue", true);
  await atStep("review");
  await axe();
}

async function expectExactlyOneReferral(patient: string) {
  const held = await patientRecords(urls, patient);
  expect(held.ServiceRequest).toHaveLength(1);
  expect(held.Task).toHaveLength(1);
  expect(held.Consent).toHaveLength(1);
  expect(held.Condition).toHaveLength(0);
  expect(held.DocumentReference).toHaveLength(0);
  const education = held.Procedure.filter((p) =>
    JSON.stringify(p).includes("wr-universal-education"),
  );
  expect(education).toHaveLength(1);
  for (const resource of [...held.ServiceRequest, ...held.Task, ...held.Consent, ...education]) {
    expect(securityCodes(resource), String(resource.resourceType)).toEqual(["R", "SDV", "NOPAT"]);
    const { issues } = validateResource(resource as never);
    expect(issues, String(resource.resourceType)).toEqual([]);
  }
  const [sr, task, consent] = [held.ServiceRequest[0], held.Task[0], held.Consent[0]] as Record<
    string,
    unknown
  >[];
  expect(sr?.patientInstruction).toBeUndefined();
  expect(task?.description).toBeUndefined();
  expect((task?.focus as { reference: string }).reference).toBe(`ServiceRequest/${sr?.id}`);
  expect((sr?.supportingInfo as { reference: string }[])[0]?.reference).toBe(
    `Consent/${consent?.id}`,
  );
  return held;
}

describe("warm referral", () => {
  it("a provider completes the whole journey: one ServiceRequest, Task and Consent (+ education), labelled and valid; nothing else", async () => {
    const clicks = new ClickCounter(page);
    const started = Date.now();
    await journeyToReview("pat-james", clicks, { axe: true });
    const review = await page.getByTestId("review-sent").innerText();
    expect(review).toContain("503-555-0199");
    expect(review).toContain("Drop-in support and safety planning");
    await expect(page.getByTestId("review-stays").innerText()).resolves.toMatch(/safety check/);
    await clicks.click("button", "Send referral");
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.getByTestId("partner-contact").innerText()).resolves.toMatch(
      /Safe Harbor.*503-555-01\d\d/,
    );
    // The printable card is discreet: no program name, no DSV words.
    const card = await page.getByTestId("print-card").textContent();
    expect(card).toContain("1-800-799-7233");
    expect(card).not.toMatch(DSV_WORDS);
    // Printing shows only the card.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("print-card").isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole("heading", { name: "Referral recorded" }).isVisible(),
    ).resolves.toBe(false);
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByTestId("print-card").isVisible()).resolves.toBe(false);

    console.log(`[journey] ${clicks.count} clicks, ${seconds.toFixed(1)} s (launch → recorded)`);
    expect(clicks.count).toBeLessThan(25);
    expect(seconds).toBeLessThan(120);

    const held = await expectExactlyOneReferral("pat-james");
    const sr = held.ServiceRequest[0] as Record<string, unknown>;
    expect(sr.priority).toBe("urgent");
    expect(JSON.stringify(sr.performer)).toContain("Organization/org-safe-harbor");
    const task = held.Task[0] as { status: string; restriction?: { period?: { end?: string } } };
    expect(task.status).toBe("requested");
    expect(task.restriction?.period?.end).toBeTruthy();
    const consent = held.Consent[0] as { provision: { period: { end: string } } };
    const days = (Date.parse(consent.provision.period.end) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(88);
    expect(days).toBeLessThan(92);

    // The clinic's local resource card is one click from the confirmation, and the
    // confirmation is still there when staff come back to the guide.
    await page.getByRole("button", { name: "Clinic resource card" }).click();
    await page.getByRole("heading", { name: "Local resource card" }).waitFor();
    await expect(page.locator(".resource-card-preview").innerText()).resolves.toContain(
      "1-800-799-7233",
    );
    await page.getByRole("button", { name: "Guide", exact: true }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();

    // The history shows it, with the Task's status, for the next visit's follow-up.
    await page.getByRole("button", { name: "Done — see history" }).click();
    const item = page.getByTestId("history-referral");
    await item.waitFor();
    await expect(item.getAttribute("data-task-status")).resolves.toBe("requested");
    await expect(item.innerText()).resolves.toContain("Safe Harbor");
    await expect(page.getByTestId("history-education-item").count()).resolves.toBe(1);
    await expect(item.getAttribute("data-consent-status")).resolves.toBe("active");
    expect(await axeViolations(page)).toEqual([]);

    // The patient portal: honouring labels shows none of it; label-blind (US Core) shows no
    // DSV words in the fields patients see, except the SDOHCC category code (docs/privacy.md).
    const honoured = await portalCounts(page, urls, "pat-james", "labels");
    expect(honoured).toMatchObject({
      ServiceRequest: 0,
      Task: 0,
      Consent: 0,
      Procedure: 0,
      Condition: 0,
      DocumentReference: 0,
    });
    const blind = await portalCounts(page, urls, "pat-james", "label-blind");
    expect(blind.ServiceRequest).toBe(1);
    const rows = await page.locator("[data-testid=portal-resource]").evaluateAll((items) =>
      items.flatMap((li) => {
        const type = li.getAttribute("data-resource-type");
        return Array.from(li.querySelectorAll("dd[data-field]")).map((dd) => ({
          type,
          field: dd.getAttribute("data-field"),
          text: dd.textContent ?? "",
        }));
      }),
    );
    const patientVisible = rows.filter(
      (r) => !(r.type === "ServiceRequest" && r.field === "Category"),
    );
    expect(patientVisible.length).toBeGreaterThan(0);
    for (const row of patientVisible)
      expect(row.text, `${row.type}.${row.field}`).not.toMatch(DSV_WORDS);
  });

  it("a 503 on submit keeps the draft; the retry sends the same identifiers: still one of each", async () => {
    const clicks = new ClickCounter(page);
    await journeyToReview("pat-emily", clicks);
    // Switching tabs and back returns to the open referral with the draft kept (in memory,
    // never storage).
    await page.getByRole("button", { name: "History", exact: true }).click();
    await page.getByTestId("history").waitFor();
    await page.getByRole("button", { name: "Guide", exact: true }).click();
    await atStep("review");
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe("{}");
    // Leaving with an unsaved referral asks first.
    const dialog = page.waitForEvent("dialog");
    void page.reload().catch(() => undefined);
    const asked = await dialog;
    expect(asked.type()).toBe("beforeunload");
    await asked.dismiss();
    await atStep("review");

    await injectFault(urls, "503");
    await page.getByRole("button", { name: "Send referral" }).click();
    const failure = page.getByTestId("write-failure");
    await failure.waitFor();
    await expect(failure.innerText()).resolves.toMatch(/Service unavailable/);
    await expect(failure.innerText()).resolves.toMatch(/Nothing was lost/);
    expect((await patientRecords(urls, "pat-emily")).ServiceRequest).toHaveLength(0);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    await expectExactlyOneReferral("pat-emily");

    // Later, the patient withdraws the consent (versioned update): sharing stops now.
    await page.getByRole("button", { name: "Done — see history" }).click();
    await page.getByRole("button", { name: "Withdraw consent" }).click();
    await page.getByRole("button", { name: "Yes, withdraw" }).click();
    await page.locator("[data-testid=history-referral][data-consent-status=inactive]").waitFor();
    const [consent] = (await patientRecords(urls, "pat-emily")).Consent;
    expect(consent?.status).toBe("inactive");
    expect(validateResource(consent as never).issues).toEqual([]);
    const period = (consent as { provision: { period: { end: string } } }).provision.period;
    expect(Date.parse(period.end)).toBeLessThanOrEqual(Date.now());
  });

  it("a response dropped after the commit: the retry finds the records already there — still one of each", async () => {
    const clicks = new ClickCounter(page);
    await journeyToReview("pat-carlos", clicks);
    // The browser itself may resend a POST whose connection closed before any answer (each
    // resend is committed and dropped too): keep dropping until the user sees the failure.
    await injectFault(urls, "drop-after-commit", 10);
    await page.getByRole("button", { name: "Send referral" }).click();
    const failure = page.getByTestId("write-failure");
    await failure.waitFor();
    await expect(failure.innerText()).resolves.toMatch(/cannot be reached/);
    // The server did commit — once, however many times the bundle arrived.
    expect((await patientRecords(urls, "pat-carlos")).ServiceRequest).toHaveLength(1);
    await clearFaults(urls);
    await page.getByRole("button", { name: "Try again" }).click();
    const recorded = page.getByRole("heading", { name: "Referral recorded" });
    await recorded.waitFor();
    await expectExactlyOneReferral("pat-carlos");
  });
});

/** Tab until the focused control's label or text matches, as a keyboard user would. */
async function tabTo(name: string | RegExp, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "";
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
        const label = (el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? "").trim();
        // A safety question's Yes / No radio: "<question> → Yes".
        const legend = el.closest("fieldset.yes-no")?.querySelector("legend")?.textContent;
        return legend ? `${legend.trim()} → ${label}` : label;
      }
      return (el.textContent ?? "").trim();
    });
    if (typeof name === "string" ? label === name : name.test(label)) return;
  }
  throw new Error(`could not reach ${String(name)} with Tab`);
}

/** In a radio group: arrow keys until the wanted option is focused (and so selected). */
async function arrowTo(name: RegExp, max = 10): Promise<void> {
  for (let i = 0; i < max; i++) {
    const label = await page.evaluate(
      () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "",
    );
    if (name.test(label)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`could not reach ${String(name)} with the arrow keys`);
}

describe("telehealth", () => {
  it("a Spanish-speaking patient on a video visit: safe-time questions, Spanish script, partner serving in Spanish", async () => {
    const clicks = new ClickCounter(page);
    await journeyToReview("pat-sofia", clicks, { remote: true });
    await clicks.click("button", "Send referral");
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    await expect(page.getByTestId("print-card").getAttribute("lang")).resolves.toBe("es");
    await expect(page.getByTestId("print-card").textContent()).resolves.toContain(
      "Recursos de bienestar",
    );
    await expectExactlyOneReferral("pat-sofia");
  });
});

describe("keyboard only", () => {
  it("the whole journey, from launch to the recorded referral, without the mouse; Esc shields at any step", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-amina");
    await tabTo(/alone with me/);
    await page.keyboard.press("Space");
    await tabTo("Continue");
    await page.keyboard.press("Enter");
    await atStep("ue");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("step-heading");
    await tabTo(/shared something/);
    await page.keyboard.press("Enter");
    await atStep("s");
    await tabTo(/In danger right now.* → Yes$/);
    await page.keyboard.press("Space");
    await expect(page.getByTestId("urgency").getAttribute("data-level")).resolves.toBe("now");
    await tabTo("24-hour hotline");
    await page.keyboard.press("Space");
    await tabTo("Continue to referral");
    await page.keyboard.press("Enter");
    await atStep("partner");
    await page.getByRole("radio", { name: /Safe Harbor/ }).waitFor();
    await tabTo(/Safe Harbor|Bridges/);
    await arrowTo(/Safe Harbor/);
    // Ranked first (it meets the need at a higher tier), it may already have focus without
    // being chosen: Space selects it.
    await page.keyboard.press("Space");
    await tabTo(/An advocate comes to the clinic/);
    await arrowTo(/National DV Hotline/);
    await tabTo("Continue");
    await page.keyboard.press("Enter");
    await atStep("consent");
    // The shield: Esc hides everything at once; coming back is a deliberate action.
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shielded-content").isHidden()).resolves.toBe(true);
    await expect(page.locator("body").innerText()).resolves.not.toMatch(
      /Amina|consent|Safe Harbor/i,
    );
    await tabTo("Return to the app");
    await page.keyboard.press("Enter");
    await tabTo(/The patient agrees/);
    await page.keyboard.press("Space");
    await tabTo(/No contact at all/);
    await page.keyboard.press("Space");
    await tabTo("Continue");
    await page.keyboard.press("Enter");
    await atStep("review");
    await tabTo("Send referral");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    const held = await expectExactlyOneReferral("pat-amina");
    const sr = held.ServiceRequest[0] as Record<string, unknown>;
    expect(sr.priority).toBe("asap");
    // Safe contact lives on the Task (patient-access APIs do not return it), never the request.
    const task = held.Task[0] as Record<string, unknown>;
    expect(JSON.stringify(task.extension)).toContain('"noContact"');
    expect(JSON.stringify(task.extension)).not.toContain("safePhone");
    expect(JSON.stringify(sr)).not.toContain("wr-safe-contact-preferences");
    // ...and SDOHCC's standard flag is on the server, so a standard partner system sees it too.
    expect(sr.orderDetail).toContainEqual({
      coding: [
        {
          system:
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
          code: "contacting-subject-prohibited",
        },
      ],
    });
  });
});
