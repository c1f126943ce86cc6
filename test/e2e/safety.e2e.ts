import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validateResource } from "../../fhir-profiles/validator";
import { usePlaywright } from "./browser";
import {
  launchApp,
  patientRecords,
  portalCounts,
  resetSandbox,
  safetyAnswer,
  securityCodes,
} from "./journey.helpers";

// Survivor safety and privacy (issue 13), through real launches, asserting on screen and on
// the FHIR server: a single lethality sign means "connect now" (with the strangulation
// prompt); after hours the 24/7 lines come first and no three-way call is offered on a closed
// line; partners are ranked by the needs they meet; a hotline-only handoff with no partner is
// recorded; label-blind portals (US Core) see no DSV words, safe phone or cover story; the
// shield returns focus; the resource card is in the patient's language with discreet labels.

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  {
    beforeEachTest: () => resetSandbox(urls),
    context: { locale: "en-US", timezoneId: "America/Los_Angeles" },
  },
);

const DSV_WORDS =
  /violen|abus|assault|traffick|domestic|intimate|advoca|shelter|sexual|\bdsv\b|\bipv\b|safe harbor|exploitation|hotline|strangl|chok/i;

const atStep = (name: string) => page.locator(`[data-step=${name}]`).waitFor();

/** Launch → support step (C and UE passed). */
async function toSupport(patient: string): Promise<void> {
  await launchApp(page, urls, "prov-rivera", patient);
  await atStep("c");
  await page.getByLabel(/alone with me/).check();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await atStep("ue");
  await page.getByRole("button", { name: /shared something/ }).click();
  await atStep("s");
}

/** The partner radios' names, in the order shown. */
async function partnerOrder(): Promise<string[]> {
  return page
    .locator("[data-step=partner] .choices.partners input[type=radio]")
    .evaluateAll((inputs) =>
      inputs.map(
        (i) => (i as HTMLInputElement).closest("label")?.querySelector("strong")?.textContent ?? "",
      ),
    );
}

async function handoffOptions(): Promise<string[]> {
  return page
    .getByRole("group", { name: "How will the patient connect?" })
    .getByRole("radio")
    .evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).closest("label")?.textContent?.trim() ?? ""),
    );
}

describe("triage, after hours, matching and a handoff without a partner", () => {
  it("Sunday night, strangulation alone: connect now with the delayed-injury prompt; 24/7 lines first; best-matching partner first; no three-way call on a closed line; a hotline-only handoff is recorded", async () => {
    // Sunday 23:30 in the clinic's time zone: every daytime service is closed.
    await page.clock.setFixedTime(new Date("2026-11-30T07:30:00Z"));
    await toSupport("pat-maria");

    // Triage: one lethality sign (strangulation) → connect now, and the provider prompt.
    await safetyAnswer(page, /Ever choked or strangled/, "Yes").check();
    const urgency = page.getByTestId("urgency");
    await expect(urgency.getAttribute("data-level")).resolves.toBe("now");
    const prompt = page.getByTestId("strangulation-prompt");
    await expect(prompt.innerText()).resolves.toMatch(/hours to days later/);
    await expect(prompt.innerText()).resolves.toMatch(/airway/);
    await expect(prompt.innerText()).resolves.toMatch(/stroke/);
    // The built-in protocol (public/clinic-config.json sets none).
    await expect(page.getByTestId("strangulation-protocol").innerText()).resolves.toMatch(
      /CT angiography/,
    );
    // The question as asked: "Has a safe place to stay tonight?" — Yes raises nothing.
    await safetyAnswer(page, /Has a safe place to stay tonight/, "Yes").check();
    await expect(urgency.innerText()).resolves.not.toMatch(/No safe place/);

    for (const goal of ["Housing help", "Support groups", "Case management"])
      await page.getByLabel(goal, { exact: true }).check();
    await page.getByRole("button", { name: "Continue to referral" }).click();
    await atStep("partner");
    await page.getByRole("radio", { name: /Safe Harbor/ }).waitFor();

    // After hours: the 24/7 lines lead, the National DV Hotline among them.
    const afterHours = page.getByTestId("after-hours");
    await afterHours.waitFor();
    const lines = await afterHours.innerText();
    expect(lines).toContain("503-555-0151");
    expect(lines).toContain("503-555-0171");
    expect(lines).toContain("1-800-799-7233");
    const box = await afterHours.boundingBox();
    const list = await page.locator(".choices.partners").boundingBox();
    expect(box && list && box.y < list.y).toBe(true);
    const phone = afterHours.locator(".phone").first();
    await expect(phone.evaluate((el) => getComputedStyle(el).whiteSpace)).resolves.toBe("nowrap");
    await expect(phone.getAttribute("dir")).resolves.toBe("ltr");

    // Ranking: the partner meeting all three needs first (not alphabetical: Bridges would be).
    expect(await partnerOrder()).toEqual([
      "Safe Harbor Family Violence Program",
      "Freedom Path Anti-Trafficking Coalition",
      "Bridges Sexual Assault Resource Center",
      "No partner: hotline or card only",
    ]);

    // A partner whose lines are all closed: no three-way call offered.
    await page.getByRole("radio", { name: /Freedom Path/ }).check();
    expect(await handoffOptions()).not.toContain("Call the partner together now");
    await page.getByTestId("call-together-closed").waitFor();
    // A partner with a 24/7 line: the three-way call uses that open line, not the closed one.
    await page.getByRole("radio", { name: /Safe Harbor/ }).check();
    await page.getByRole("radio", { name: "Call the partner together now" }).check();
    const script = await page.getByTestId("call-script").innerText();
    expect(script).toContain("503-555-0151");
    expect(script).not.toContain("503-555-0152");

    // No partner: only the hotline or a card; nothing shared.
    await page.getByRole("radio", { name: /No partner: hotline or card only/ }).check();
    expect(await handoffOptions()).toEqual(["National DV Hotline", "Card only"]);
    await page.getByRole("radio", { name: "National DV Hotline" }).check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("review");
    await expect(page.getByTestId("review-sent").innerText()).resolves.toMatch(
      /Nothing is sent outside the clinic/,
    );
    await page.getByRole("button", { name: "Send referral" }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();
    await expect(page.getByTestId("recorded").innerText()).resolves.toMatch(/nothing shared/);

    // On the server: one labelled, valid ServiceRequest with no performer and a hotline
    // handoff, the clinic's own follow-up Task, no Consent, nothing else.
    const held = await patientRecords(urls, "pat-maria");
    expect(held.ServiceRequest).toHaveLength(1);
    expect(held.Task).toHaveLength(1);
    expect(held.Consent).toHaveLength(0);
    expect(held.Condition).toHaveLength(0);
    expect(held.DocumentReference).toHaveLength(0);
    const sr = held.ServiceRequest[0] as Record<string, unknown>;
    const task = held.Task[0] as Record<string, unknown>;
    expect(sr.performer).toBeUndefined();
    expect(sr.supportingInfo).toBeUndefined();
    expect(sr.priority).toBe("asap");
    expect(JSON.stringify(sr.extension)).toContain('"code":"hotline"');
    expect(task.owner).toEqual({ reference: "Organization/clinic" });
    expect(task.extension).toBeUndefined();
    for (const r of [sr, task]) {
      expect(securityCodes(r)).toEqual(["R", "SDV", "NOPAT"]);
      expect(validateResource(r as never).issues, String(r.resourceType)).toEqual([]);
    }

    // The clinic resource card opens in the patient's language (Spanish), with discreet
    // labels and unbreakable phone numbers.
    await page.getByRole("button", { name: "Clinic resource card" }).click();
    const card = page.locator(".resource-card-preview article.resource-card");
    await card.waitFor();
    await card.getByText("Línea de apoyo familiar").waitFor();
    await expect(card.getAttribute("lang")).resolves.toBe("es");
    const cardText = await card.innerText();
    expect(cardText).toContain("Línea de apoyo familiar");
    expect(cardText).toContain("1-800-799-7233");
    expect(cardText).not.toMatch(/Safe Harbor|Bridges|Sexual|Violence/i);
    await expect(
      card
        .locator(".phone")
        .evaluateAll((els) =>
          els.map((el) => [getComputedStyle(el).whiteSpace, el.getAttribute("dir")]),
        ),
    ).resolves.toEqual(expect.arrayContaining([["nowrap", "ltr"]]));
  });
});

describe("label-blind portals and the shield", () => {
  it("US Core label-blind view: no DSV words, safe phone or cover story; the worst case (whole compartment) shows the Task; the shield returns focus", async () => {
    await toSupport("pat-james");
    await safetyAnswer(page, /Worried about children's safety/, "Yes").check();
    await page.getByLabel("Drop-in support and safety planning", { exact: true }).check();
    await page.getByRole("button", { name: "Continue to referral" }).click();
    await atStep("partner");
    await page.getByRole("radio", { name: /Safe Harbor/ }).check();
    await page.getByRole("radio", { name: "An advocate comes to the clinic" }).check();
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("consent");
    await page.getByLabel(/The patient agrees to share this with Safe Harbor/).check();
    const safePhone = page.getByLabel("Safe phone number");
    await safePhone.fill("503-555-0188");
    await page.getByLabel("Safe times to call").fill("Weekdays 9-11");
    await page.getByLabel("What the caller says instead").fill("Calling about your library books");

    // The shield: Esc from the safe-phone field; coming back puts focus back there.
    await safePhone.focus();
    await page.keyboard.press("Escape");
    await page.getByTestId("neutral-screen").waitFor();
    await expect(page.evaluate(() => document.activeElement?.id ?? "")).resolves.not.toBe(
      "safe-phone",
    );
    await page.getByRole("button", { name: "Return to the app" }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("safe-phone");
    await expect(safePhone.inputValue()).resolves.toBe("503-555-0188");

    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await atStep("review");
    await page.getByRole("button", { name: "Send referral" }).click();
    await page.getByRole("heading", { name: "Referral recorded" }).waitFor();

    // On the server: the safe contact is on the Task, not on the ServiceRequest.
    const held = await patientRecords(urls, "pat-james");
    const srJson = JSON.stringify(held.ServiceRequest);
    const taskJson = JSON.stringify(held.Task);
    for (const secret of ["503-555-0188", "library books", "Weekdays 9-11"]) {
      expect(srJson).not.toContain(secret);
      expect(taskJson).toContain(secret);
    }

    // A portal that honours labels: nothing.
    expect(await portalCounts(page, urls, "pat-james", "labels")).toMatchObject({
      ServiceRequest: 0,
      Task: 0,
      Consent: 0,
      Procedure: 0,
    });

    // Label-blind US Core patient API: ServiceRequest and Procedure come back, Task and Consent
    // are never requested.
    const blind = await portalCounts(page, urls, "pat-james", "label-blind");
    expect(blind.ServiceRequest).toBe(1);
    expect(blind.Procedure).toBe(1);
    for (const type of ["Task", "Consent"]) {
      const section = page.locator(`[data-testid=portal-section-${type}]`);
      await expect(section.getAttribute("data-requested")).resolves.toBe("false");
      expect(blind[type]).toBe(0);
    }
    const rows = await page.locator("[data-testid=portal-resource]").evaluateAll((items) =>
      items.flatMap((li) =>
        Array.from(li.querySelectorAll("dd[data-field]")).map((dd) => ({
          type: li.getAttribute("data-resource-type"),
          field: dd.getAttribute("data-field"),
          text: dd.textContent ?? "",
        })),
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    // The one written exception (docs/privacy.md): the SDOHCC category code, shown as a code.
    const category = rows.filter((r) => r.type === "ServiceRequest" && r.field === "Category");
    expect(category.map((r) => r.text)).toEqual(["intimate-partner-violence"]);
    for (const row of rows.filter((r) => !category.includes(r)))
      expect(row.text, `${row.type}.${row.field}`).not.toMatch(DSV_WORDS);
    const everything = (await page.getByTestId("portal-results").textContent()) ?? "";
    for (const secret of ["503-555-0188", "library books", "Weekdays 9-11"])
      expect(everything).not.toContain(secret);
    // What the app wrote (the ServiceRequest and the education Procedure): codes only.
    const raw = (
      await page
        .locator(
          "[data-testid=portal-resource]:is([data-resource-type=ServiceRequest], [data-resource-type=Procedure]) [data-testid=portal-raw]",
        )
        .allTextContents()
    ).join("\n");
    expect(raw).toContain("community-referral");
    expect(raw).not.toContain('"display"');
    expect(raw).not.toContain('"text"');
    expect(raw).not.toContain("wr-safe-contact-preferences");

    // Worst case: the same label-blind client reading the whole patient compartment sees the
    // Task, safe contact included. That is why the labels (R, SDV, NOPAT) must still be
    // honoured by the EHR; docs/privacy.md documents it.
    const worst = await portalCounts(page, urls, "pat-james", "compartment");
    expect(worst.Task).toBe(1);
    expect(worst.Consent).toBe(1);
    const worstRaw = (await page.getByTestId("portal-raw").allTextContents()).join("\n");
    expect(worstRaw).toContain("503-555-0188");
  });
});
