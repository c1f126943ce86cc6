import { readFileSync } from "node:fs";
import type { Resource } from "fhir/r4";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validateResource } from "../../fhir-profiles/validator";
import { recordFhirRequests, usePlaywright } from "./browser";
import { readPartnership } from "../../src/fhir/partnership";
import { axeViolations, createLaunch, heldOnServer, resetSandbox } from "./journey.helpers";

// The partner directory through real launches: a read-only provider, and the clinic admin
// (admin-okafor) adding, editing and deactivating partners, two tabs editing the same partner,
// importing a bundle with a bad entry, and printing the resource card.

const urls = inject("urls");
let context: BrowserContext;
let page: Page;

usePlaywright(
  (session) => {
    ({ context, page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls) },
);

async function launch(target: Page, user: "prov-rivera" | "admin-okafor"): Promise<void> {
  await target.goto(await createLaunch(urls, { user, patient: "pat-maria" }));
  await target.locator("[data-testid=app-ready]").waitFor({ timeout: 20_000 });
  await target.getByRole("navigation").getByRole("button", { name: "Partners" }).click();
  await target.getByRole("heading", { name: "Partner directory" }).waitFor();
}

/** The admin's workspace: a standalone launch, no patient. */
async function launchWorkspace(target: Page): Promise<void> {
  await target.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}`);
  await target.getByLabel("User").selectOption("admin-okafor");
  await target.getByRole("button", { name: /continue|sign in/i }).click();
  await target
    .locator("[data-testid=app-ready][data-session=workspace]")
    .waitFor({ timeout: 20_000 });
  await target.getByRole("heading", { name: "Partner directory" }).waitFor();
}

const held = (type: string, params: Record<string, string> = {}) =>
  heldOnServer<Resource>(urls, type, params);

/** The partner's four kinds of resources on the server, each valid against its profile. */
async function partnerOnServer(name: string) {
  const org = (await held("Organization", { name })).find(
    (o) => (o as { name?: string }).name === name,
  );
  expect(org, `Organization "${name}" on the server`).toBeDefined();
  const ref = `Organization/${org?.id ?? ""}`;
  const services = await held("HealthcareService", { organization: ref });
  const affiliations = await held("OrganizationAffiliation", { "participating-organization": ref });
  const endpoints = await held("Endpoint", { organization: ref });
  for (const resource of [org as Resource, ...services, ...affiliations, ...endpoints]) {
    const result = validateResource(resource as Parameters<typeof validateResource>[0]);
    expect(result.issues, `${resource.resourceType}/${resource.id}`).toEqual([]);
  }
  return { org: org as unknown as Record<string, unknown>, services, affiliations, endpoints };
}

describe("partner directory", () => {
  it("a read-only launch browses and filters, but sees no edit controls", async () => {
    const requests = recordFhirRequests(page, urls.fhirBaseUrl);
    await launch(page, "prov-rivera");
    await expect(page.getByTestId("partners-read-only").textContent()).resolves.toContain(
      "user/Organization.cruds",
    );
    await expect(page.getByRole("button", { name: "Add partner" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Import a bundle" }).count()).resolves.toBe(0);
    await expect(page.getByTestId("partner-count").textContent()).resolves.toMatch(/^5 of 5/);

    await page.getByLabel("Language").selectOption("vi");
    await expect.poll(() => page.getByTestId("partner-count").textContent()).toMatch(/^2 of 5/);
    await page.getByLabel("Language").selectOption("");
    // Tier and collaboration level also go to the server (role token search).
    await page.getByLabel("Participation tier").selectOption("2");
    await expect.poll(() => page.getByTestId("partner-count").textContent()).toMatch(/^2 of 5/);
    await expect
      .poll(() => requests.some((r) => r.url().includes("role=") && r.url().includes("%7C2")))
      .toBe(true);
    await page.getByLabel("Participation tier").selectOption("");
    await page.getByLabel("Search").fill("protective order");
    await expect.poll(() => page.getByTestId("partner-count").textContent()).toMatch(/^1 of 5/);
    await expect(page.getByTestId("partner-list").textContent()).resolves.toContain("Eastside");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Eastside Legal Advocacy Project" }).click();
    await page.getByTestId("partner-page").waitFor();
    await expect(page.getByTestId("mou-status").textContent()).resolves.toContain("MOU review due");
    await expect(page.getByTestId("referral-routes").textContent()).resolves.toContain(
      "503-555-0161",
    );
    await expect(page.getByRole("button", { name: "Edit" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Deactivate" }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the admin adds, edits and deactivates a partner; the server holds valid profiled resources after each", async () => {
    const requests = recordFhirRequests(page, urls.fhirBaseUrl);
    await launch(page, "admin-okafor");
    await page.getByRole("button", { name: "Add partner" }).click();
    await page.getByRole("heading", { name: "Add a partner" }).waitFor();

    // Field-level errors before anything is sent.
    await page.getByRole("button", { name: "Save partner" }).click();
    await expect(page.getByRole("alert").first().textContent()).resolves.toMatch(
      /fields need attention/,
    );
    await expect(
      page.getByLabel("Name", { exact: true }).getAttribute("aria-invalid"),
    ).resolves.toBe("true");
    expect(requests.filter((r) => r.method() === "POST")).toHaveLength(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Name", { exact: true }).fill("Harbor Light Center");
    await page.getByLabel("Domestic violence program").check();
    await page.getByLabel("Phone", { exact: true }).first().fill("503-555-0300");
    await page.getByLabel("Participation tier").selectOption("2");
    await page.getByLabel("Collaboration level").selectOption("collaborative");
    await page.getByLabel("MOU start").fill("2026-01-01");
    await page.getByLabel("MOU end").fill("2028-12-31");
    await page.getByLabel("MOU review date").fill("2027-12-01");
    await page.getByLabel("FHIR base URL").fill("https://fhir.harbor-light.example.org/r4");
    await page.getByLabel("Service name").fill("Harbor Light hotline");
    await page.getByLabel("24-hour hotline").check();
    await page.getByLabel("Languages (codes").fill("en, es");
    await page.getByLabel("Open 24/7").check();
    await page.getByRole("group", { name: "Service 1" }).getByLabel("Phone").fill("503-555-0301");
    await page.getByRole("button", { name: "Save partner" }).click();
    await page.getByTestId("partner-page").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Harbor Light Center",
    );

    const added = await partnerOnServer("Harbor Light Center");
    expect(added.services).toHaveLength(1);
    expect(added.affiliations).toHaveLength(1);
    expect(added.endpoints).toHaveLength(1);
    // One transaction for the four resources.
    const posts = requests.filter((r) => r.method() === "POST");
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]?.postData() ?? "{}").type).toBe("transaction");

    // Edit: If-Match on every update.
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Harbor Light Family Center");
    await page.getByRole("button", { name: "Save partner" }).click();
    await page.getByRole("heading", { name: "Harbor Light Family Center" }).waitFor();
    const edit = JSON.parse(
      requests
        .filter((r) => r.method() === "POST")
        .at(-1)
        ?.postData() ?? "{}",
    );
    for (const entry of edit.entry) {
      expect(entry.request.method).toBe("PUT");
      expect(entry.request.ifMatch).toMatch(/^W\/"\d+"$/);
    }
    const edited = await partnerOnServer("Harbor Light Family Center");
    expect((edited.org.meta as { versionId: string }).versionId).toBe("2");

    // Deactivate: nothing deleted, everything inactive.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByText("Partner deactivated.").waitFor();
    const deactivated = await partnerOnServer("Harbor Light Family Center");
    expect(deactivated.org.active).toBe(false);
    expect(deactivated.services.map((s) => (s as { active?: boolean }).active)).toEqual([false]);
    expect(deactivated.affiliations.map((s) => (s as { active?: boolean }).active)).toEqual([
      false,
    ]);
    expect(requests.some((r) => r.method() === "DELETE")).toBe(false);
    // The list re-filters after render: poll rather than read once.
    const listText = () => page.getByTestId("partner-list").textContent();
    await expect.poll(listText).not.toContain("Harbor Light");
    await page.getByLabel("Show deactivated partners").check();
    await expect.poll(listText).toContain("Harbor Light Family Center");

    // Reactivate: the partner and its listed services are back.
    await page.getByRole("button", { name: "Harbor Light Family Center" }).click();
    await page.getByRole("button", { name: "Reactivate" }).click();
    await page.getByText("Partner reactivated.").waitFor();
    const reactivated = await partnerOnServer("Harbor Light Family Center");
    expect(reactivated.org.active).toBe(true);
    expect(reactivated.services.map((s) => (s as { active?: boolean }).active)).toEqual([true]);
  });

  it("two tabs edit the same partner: the second is told, nothing is lost", async () => {
    const second = await context.newPage();
    await launch(page, "admin-okafor");
    await launch(second, "admin-okafor");
    for (const tab of [page, second]) {
      await tab
        .getByRole("button", { name: "Eastside Legal Advocacy Project", exact: true })
        .click();
      await tab.getByRole("button", { name: "Edit" }).click();
      await tab.getByLabel("Name", { exact: true }).waitFor();
    }
    await page.getByLabel("Phone", { exact: true }).first().fill("503-555-0401");
    await page.getByRole("button", { name: "Save partner" }).click();
    await page.getByTestId("partner-page").waitFor();

    await second.getByLabel("Partnership point of contact").fill("legal-mou@eastside.example.org");
    await second.getByRole("button", { name: "Save partner" }).click();
    const conflict = second.getByTestId("edit-conflict");
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain("Someone else changed this partner");
    // Nothing was overwritten; the edit is still in the form.
    const [org] = await held("Organization", { _id: "org-eastside-legal" });
    expect(JSON.stringify(org)).toContain("503-555-0401");
    await expect(second.getByLabel("Partnership point of contact").inputValue()).resolves.toBe(
      "legal-mou@eastside.example.org",
    );

    await second
      .getByRole("button", { name: "Load their latest version and keep my edits" })
      .click();
    await second.getByText("Their latest version is loaded.", { exact: false }).waitFor();
    // Their phone number underneath, my contact on top.
    await expect
      .poll(() => second.getByLabel("Phone", { exact: true }).first().inputValue())
      .toBe("503-555-0401");
    await expect(second.getByLabel("Partnership point of contact").inputValue()).resolves.toBe(
      "legal-mou@eastside.example.org",
    );
    await second.getByRole("button", { name: "Save partner" }).click();
    await second.getByTestId("partner-page").waitFor();
    const after = await partnerOnServer("Eastside Legal Advocacy Project");
    expect(JSON.stringify(after.org)).toContain("503-555-0401");
    expect(JSON.stringify(after.affiliations[0])).toContain("legal-mou@eastside.example.org");
  });

  it("an imported bundle with one bad entry is refused, naming it, and nothing is written", async () => {
    await launch(page, "admin-okafor");
    const before = (await held("Organization")).length;
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          fullUrl: "urn:uuid:org-1",
          resource: {
            resourceType: "Organization",
            name: "Northside Housing Justice",
            type: [
              {
                coding: [
                  {
                    system: "https://warm-referral.org/fhir/CodeSystem/wr-partner-type",
                    code: "legal-services",
                  },
                ],
              },
            ],
          },
        },
        {
          fullUrl: "urn:uuid:hs-1",
          resource: {
            resourceType: "HealthcareService",
            name: "Tenant advocacy",
            providedBy: { reference: "urn:uuid:org-1" },
            type: [
              {
                coding: [
                  {
                    system: "https://warm-referral.org/fhir/CodeSystem/wr-dsv-services",
                    code: "knitting-circle",
                  },
                ],
              },
            ],
            communication: [{ coding: [{ system: "urn:ietf:bcp:47", code: "en" }] }],
          },
        },
      ],
    };
    await page.getByRole("button", { name: "Import a bundle" }).click();
    await page.getByLabel("Bundle file (.json)").setInputFiles({
      name: "coalition.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bundle)),
    });
    const refused = page.getByTestId("import-refused");
    await refused.waitFor();
    const text = (await refused.textContent()) ?? "";
    expect(text).toContain("Nothing was written");
    expect(text).toContain('Entry 2: HealthcareService "Tenant advocacy"');
    expect(text).toContain('"knitting-circle" is not a wr-dsv-services code');
    await expect(page.getByRole("button", { name: /^Import \d/ }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await held("Organization")).toHaveLength(before);

    // Fixed, the same bundle previews one add and imports in one transaction.
    bundle.entry[1]!.resource.type[0]!.coding[0]!.code = "housing-advocacy";
    await page.getByLabel("Bundle file (.json)").setInputFiles({
      name: "coalition.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bundle)),
    });
    await page.getByTestId("import-preview").waitFor();
    await expect(page.getByTestId("import-preview").textContent()).resolves.toContain(
      "Northside Housing Justice",
    );
    await page.getByRole("button", { name: "Import 1 partner" }).click();
    await page.getByText("Imported 1 partner.").waitFor();
    const imported = await partnerOnServer("Northside Housing Justice");
    expect(imported.services).toHaveLength(1);
    expect(imported.affiliations).toHaveLength(1);
  });

  it("the admin keeps a partnership (standalone workspace): an onboarding step and a cross-training, one If-Match PUT each, surviving export and import", async () => {
    const requests = recordFhirRequests(page, urls.fhirBaseUrl);
    await launchWorkspace(page);
    const reminders = page.getByTestId("partnership-reminders");
    const freedomQuiet = reminders.locator("li[data-kind=no-cross-training]", {
      hasText: "Freedom Path",
    });
    await freedomQuiet.waitFor();
    // The referral check runs when asked, and is counts only.
    await reminders.getByTestId("check-referrals").click();
    await expect
      .poll(() => requests.filter((r) => r.url().includes("/Task?")).length)
      .toBeGreaterThan(0);
    for (const r of requests.filter((x) => x.url().includes("/Task?")))
      expect(r.url()).toContain("_summary=count");
    expect(await axeViolations(page)).toEqual([]);

    await freedomQuiet.getByRole("button").click();
    const record = page.getByTestId("partnership-record");
    await record.waitFor();
    await record.getByRole("button", { name: "Update the partnership record" }).click();
    await page.getByLabel("Referral flow mapped").fill("2026-11-20");
    await page.getByLabel("Meeting cadence").selectOption("quarterly");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save partnership record" }).click();
    await expect(page.getByTestId("partnership-notice").textContent()).resolves.toBe(
      "Partnership record saved.",
    );
    await expect(
      page.locator("[data-step=referral-flow-mapping]").textContent(),
    ).resolves.toContain("Done 2026-11-20");

    await record.getByRole("button", { name: "Record a cross-training" }).click();
    await page.getByLabel("Date", { exact: true }).fill("2026-11-18");
    await page.getByLabel("Who trained whom").selectOption("program-at-clinic");
    await page.getByLabel("Topic").fill("Recognizing labor trafficking");
    await page.getByLabel("How many attended").fill("12");
    await page.getByRole("button", { name: "Save cross-training" }).click();
    await page.getByText("Cross-training recorded.").waitFor();
    await expect(page.getByTestId("cross-trainings").textContent()).resolves.toContain(
      "Recognizing labor trafficking",
    );

    // One PUT of the affiliation per save, each with If-Match.
    const puts = requests.filter((r) => r.method() === "PUT");
    expect(puts.map((r) => r.url().replace(/^.*\/fhir\//, ""))).toEqual([
      "OrganizationAffiliation/aff-freedom-path",
      "OrganizationAffiliation/aff-freedom-path",
    ]);
    for (const r of puts) expect(r.headers()["if-match"]).toMatch(/^W\/"\d+"$/);
    const expected = {
      onboarding: { "referral-flow-mapping": "2026-11-20" },
      meetingCadence: "quarterly",
      crossTrainings: [
        {
          date: "2026-11-18",
          direction: "program-at-clinic",
          topic: "Recognizing labor trafficking",
          attendees: 12,
        },
      ],
    };
    const before = await partnerOnServer("Freedom Path Anti-Trafficking Coalition");
    expect(readPartnership(before.affiliations[0] as never)).toEqual(expected);

    // Export, start again from the seed, import the export: the record is back.
    await page.getByRole("button", { name: "Back to the directory" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export directory (FHIR Bundle)" }).click(),
    ]);
    const exported = readFileSync((await download.path()) ?? "", "utf8");
    await resetSandbox(urls);
    const wiped = await partnerOnServer("Freedom Path Anti-Trafficking Coalition");
    expect(readPartnership(wiped.affiliations[0] as never).crossTrainings).toEqual([]);

    await launchWorkspace(page);
    await page.getByRole("button", { name: "Import a bundle" }).click();
    await page.getByLabel("Bundle file (.json)").setInputFiles({
      name: "directory.json",
      mimeType: "application/json",
      buffer: Buffer.from(exported),
    });
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain("partnership");
    await page.getByRole("button", { name: "Import 1 partner" }).click();
    await page.getByText("Imported 1 partner.").waitFor();
    const after = await partnerOnServer("Freedom Path Anti-Trafficking Coalition");
    expect(readPartnership(after.affiliations[0] as never)).toEqual(expected);

    await page
      .getByTestId("partner-list")
      .getByRole("button", { name: "Freedom Path Anti-Trafficking Coalition" })
      .click();
    await expect(
      page.locator("[data-step=referral-flow-mapping]").textContent(),
    ).resolves.toContain("Done 2026-11-20");
    await expect(page.getByTestId("cross-trainings").textContent()).resolves.toContain(
      "Recognizing labor trafficking",
    );
  });

  it("prints the wallet card: partners' hotlines and the national hotline, no patient", async () => {
    await launch(page, "prov-rivera");
    await page.getByRole("button", { name: "Resource card" }).click();
    await page.getByLabel("Card language").selectOption("es");
    await expect(
      page.getByRole("article", { name: "Apoyo, a cualquier hora" }).count(),
    ).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const pdf = await page.pdf({ width: "4in", height: "3in", printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // One page: the card and nothing else.
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);

    // What the printout holds: the print-media rendering of the page.
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => document.body.innerText);
    expect(printed).toContain("Apoyo, a cualquier hora");
    expect(printed).toContain("1-800-799-7233");
    // Discreet labels (clinic-config resourceCard.partnerLabels), never the programs' names.
    expect(printed).toContain("Línea de apoyo familiar");
    expect(printed).toContain("Línea de apoyo de salud");
    expect(printed).not.toMatch(/Safe Harbor|Bridges|Sexual Assault|Violence/i);
    expect(printed).toContain("503-555-0151");
    expect(printed).toContain("503-555-0171");
    expect(printed).not.toContain("María");
    expect(printed).not.toContain("Hernández");
    expect(printed).not.toContain("Partner directory");
  });
});
