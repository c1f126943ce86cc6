import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validateResource } from "../../fhir-profiles/validator";
import { usePlaywright } from "./browser";
import {
  axeViolations,
  launchApp,
  patientRecords,
  resetSandbox,
  safetyAnswer,
  securityCodes,
} from "./journey.helpers";

// The CUES guide through real launches: universal education by a medical assistant, the
// confidentiality step's variants, the not-safe path, languages, the shield, accessibility.

const urls = inject("urls");
let browser: Browser;
let context: BrowserContext;
let page: Page;

usePlaywright(
  (session) => {
    ({ browser, context, page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls), context: { locale: "en-US" } },
);

const atStep = (name: string) => page.locator(`[data-step=${name}]`).waitFor();

describe("universal education", () => {
  it("a medical assistant lands on universal education and records it in one click: one labelled, valid Procedure", async () => {
    await launchApp(page, urls, "ma-chen", "pat-james");
    await atStep("ue");
    await expect(
      page.getByRole("radio", { name: "Universal education only" }).isChecked(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Two cards are offered by default.
    const checked = await page
      .locator("[data-step=ue] fieldset input[type=checkbox]:checked")
      .count();
    expect(checked).toBe(2);
    const before = await patientRecords(urls, "pat-james");
    await page.getByRole("button", { name: "Record: education offered" }).click();
    await page.getByTestId("education-recorded").waitFor();

    const after = await patientRecords(urls, "pat-james");
    expect(after.Procedure.length).toBe(before.Procedure.length + 1);
    const procedure = after.Procedure.find((p) => !before.Procedure.some((b) => b.id === p.id));
    expect(procedure).toBeDefined();
    expect(securityCodes(procedure!)).toEqual(["R", "SDV", "NOPAT"]);
    const { issues } = validateResource(procedure as never);
    expect(issues).toEqual([]);
    expect(
      (procedure as { performer: { actor: { reference: string } }[] }).performer[0]?.actor
        .reference,
    ).toBe("PractitionerRole/ma-chen-role");
    for (const type of [
      "ServiceRequest",
      "Task",
      "Consent",
      "Condition",
      "DocumentReference",
    ] as const)
      expect(after[type].length, type).toBe(before[type].length);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a Spanish-speaking patient gets the Spanish script, switchable to English", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-maria");
    await atStep("c");
    await page.getByRole("button", { name: "Continue" }).click();
    const script = page.getByTestId("education-script");
    await expect(script.getAttribute("lang")).resolves.toBe("es");
    await expect(script.innerText()).resolves.toContain("Todas las personas merecen relaciones");
    await page.getByLabel("Script language").selectOption("en");
    await expect(script.innerText()).resolves.toContain("Everyone deserves relationships");
  });

  it("a patient whose language has no script gets English with an interpreter note and cards in their language", async () => {
    // As at a clinic that lists Vietnamese (cards) without deploying content/vi.json.
    await page.route("**/content/vi.json", (route) => route.fulfill({ status: 404, body: "" }));
    await launchApp(page, urls, "ma-chen", "pat-linh");
    await expect(page.getByTestId("education-script").getAttribute("lang")).resolves.toBe("en");
    await expect(page.locator("[data-step=ue]").innerText()).resolves.toMatch(
      /no script in Vietnamese/i,
    );
    await expect(
      page.locator("[data-step=ue] fieldset input[type=checkbox]").count(),
    ).resolves.toBe(1);
  });
});

describe("confidentiality", () => {
  it("an adolescent gets the minors' confidentiality text; an adult the adult text", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-aaliyah");
    const limits = page.getByTestId("limits-text");
    await expect(limits.getAttribute("data-audience")).resolves.toBe("minor");
    await expect(limits.innerText()).resolves.toContain("Because you are under 18");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Continue" }).click();
    // The adolescent card comes first among the two offered.
    await expect(page.getByLabel(/Dating and you/).isChecked()).resolves.toBe(true);

    await launchApp(page, urls, "prov-rivera", "pat-james");
    await expect(page.getByTestId("limits-text").getAttribute("data-audience")).resolves.toBe(
      "adult",
    );
  });

  it("a telehealth visit asks whether it is safe to talk, with a yes/no mode; 'no' is the neutral path that writes nothing", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-sofia");
    // The visit's class (VR) makes telehealth the default once the Encounter is read.
    await page.getByTestId("remote-check").waitFor();
    await expect(page.getByRole("radio", { name: "Telehealth video" }).isChecked()).resolves.toBe(
      true,
    );
    const remote = page.getByTestId("remote-check");
    await expect(remote.innerText()).resolves.toContain("¿es un buen momento, y privado");
    await page.getByLabel("Yes/no question mode").check();
    await expect(remote.innerText()).resolves.toContain("Basta con sí o no");
    expect(await axeViolations(page)).toEqual([]);
    const before = await patientRecords(urls, "pat-sofia");
    await page
      .getByRole("group", { name: "Is now a safe time to talk?" })
      .getByRole("radio", { name: "No" })
      .click();
    expect(await page.locator("[data-step]").count()).toBe(0);
    await expect(
      page.getByRole("heading", { name: "Not a safe time to talk" }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByTestId("nothing-written").isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const after = await patientRecords(urls, "pat-sofia");
    expect(after).toEqual(before);
  });

  it("the telephone setting also asks first; in person the not-safe button is always there", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-emily");
    await expect(page.getByTestId("remote-check").count()).resolves.toBe(0);
    await page.getByRole("radio", { name: "Telephone" }).check();
    await expect(page.getByTestId("remote-check").isVisible()).resolves.toBe(true);
    await page.getByRole("radio", { name: "In person" }).check();
    const before = await patientRecords(urls, "pat-emily");
    await page.getByRole("button", { name: "Not safe to talk now" }).click();
    await expect(
      page.getByRole("heading", { name: "Not a safe time to talk" }).isVisible(),
    ).resolves.toBe(true);
    // Focus moved to the new step's heading.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      "Not a safe time to talk",
    );
    expect(await patientRecords(urls, "pat-emily")).toEqual(before);
  });
});

describe("staff language", () => {
  it("a Spanish-speaking staff member gets the guide in Spanish", async () => {
    await context.close();
    context = await browser.newContext({ locale: "es-ES" });
    page = await context.newPage();
    await launchApp(page, urls, "ma-chen", "pat-james");
    await expect(page.getByRole("heading", { level: 2 }).innerText()).resolves.toBe(
      "Educación universal",
    );
    await expect(
      page.getByRole("button", { name: "Registrar: educación ofrecida" }).count(),
    ).resolves.toBe(1);
    // The script stays in the patient's language.
    await expect(page.getByTestId("education-script").getAttribute("lang")).resolves.toBe("en");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("privacy shield", () => {
  it("Esc hides every step of the journey at once; coming back needs a click and keeps what was entered", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-maria");
    await page.getByLabel(/alone with me/).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: /shared something/ }).click();
    await safetyAnswer(page, /weapon/i, "Yes").check();
    await page.keyboard.press("Escape");
    await page.getByTestId("neutral-screen").waitFor();
    const visible = await page.locator("body").innerText();
    expect(visible).not.toMatch(/María|weapon|Support|Urgency|relationship/i);
    await expect(page.getByTestId("shielded-content").isHidden()).resolves.toBe(true);
    await page.keyboard.press("Enter"); // nothing focused to return with by accident
    await page.getByRole("button", { name: "Return to the app" }).click();
    await expect(safetyAnswer(page, /weapon/i, "Yes").isChecked()).resolves.toBe(true);
  });
});
