import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { BusinessStatus } from "../../src/domain/taskLifecycle";
import { businessStatusConcept } from "../../src/fhir/businessStatus";
import { languageTable, settingTable, type Breakdowns } from "../../src/domain/reportBreakdowns";
import { cellText, type SuppressedTable } from "../../src/domain/reports";
import { buildCrossTrainingUpdate } from "../../src/fhir/builders/partnership";
import { CODES } from "../../src/fhir/codes";
import { usePlaywright } from "./browser";
import {
  axeViolations,
  clearSandboxRequests,
  heldOnServer,
  providerSendsReferral,
  putOnServer,
  resetSandbox,
  sandboxRequests,
} from "./journey.helpers";

// The de-identified report through real launches (invariant 11): a provider sends a warm
// referral through the guide; the partners' outcomes (which only their advocates could write)
// and an incoming referral are set up through the FHIR engine; the clinic admin opens Reports.
// The counts are the known ones, small cells suppressed (with a complementary cell), the
// chart's table matches the monthly table, the CSV export matches the screen, and no request
// the report made could return a patient record.

const urls = inject("urls");
let browser: Browser;
let page: Page;
const contexts: BrowserContext[] = [];

usePlaywright(
  (session) => {
    ({ browser, page } = session);
  },
  {
    beforeEachTest: async () => {
      for (const c of contexts.splice(0)) await c.close();
      await resetSandbox(urls);
    },
    context: { locale: "en-US", acceptDownloads: true },
  },
);

const SYSTEM = "https://warm-referral.org/fhir/CodeSystem";
const DAY = 86_400_000;
const SECURITY = [
  { system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "R" },
  { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "SDV" },
];

const setting = (code: string) => ({
  url: "https://warm-referral.org/fhir/StructureDefinition/wr-visit-setting",
  valueCoding: { system: `${SYSTEM}/wr-visit-setting`, code },
});
const cards = (language: string) => ({
  url: "https://warm-referral.org/fhir/StructureDefinition/wr-safety-card-types",
  extension: [
    { url: "type", valueCoding: { system: `${SYSTEM}/wr-safety-card-type`, code: "general" } },
    { url: "language", valueCode: language },
    { url: "count", valuePositiveInt: 1 },
  ],
});

/** Referral outcomes set up on the server, as the partner's advocate would have left them. */
function outcome(
  n: number,
  owner: string,
  status: string,
  business: BusinessStatus,
  sentAt: number,
  extra: Record<string, unknown> = {},
  serviceCode = "community-referral",
) {
  return Array.from({ length: n }, (_, i) => {
    const id = `rep-${owner}-${status}-${business}-${i}`;
    const at = new Date(sentAt).toISOString();
    return [
      {
        resourceType: "ServiceRequest",
        id: `${id}-sr`,
        meta: { security: SECURITY },
        status: "active",
        intent: "order",
        code: { coding: [{ system: `${SYSTEM}/wr-activity`, code: serviceCode }] },
        subject: { reference: "Patient/pat-james" },
        authoredOn: at,
        performer: [{ reference: `Organization/${owner}` }],
        extension: [setting(i % 3 === 0 ? "telephone" : "in-person")],
      },
      {
        resourceType: "Task",
        id,
        meta: { security: SECURITY },
        status,
        // As the app writes it: BSeR's code, with our refinement where BSeR has none.
        businessStatus: businessStatusConcept(business),
        intent: "order",
        priority: "routine",
        code: { coding: [{ system: "http://hl7.org/fhir/CodeSystem/task-code", code: "fulfill" }] },
        focus: { reference: `ServiceRequest/${id}-sr` },
        for: { reference: "Patient/pat-james" },
        authoredOn: at,
        requester: { reference: "Practitioner/prov-rivera" },
        owner: { reference: `Organization/${owner}` },
        ...extra,
      },
    ];
  }).flat();
}

/** The partner's affiliation as held, with one cross-training more (as the admin records it). */
async function withCrossTraining(org: string, at: number) {
  const all = (await held("OrganizationAffiliation", {})) as {
    id: string;
    meta?: { versionId?: string };
    participatingOrganization?: { reference?: string };
  }[];
  const aff = all.find((a) => a.participatingOrganization?.reference === `Organization/${org}`);
  if (!aff) throw new Error(`no affiliation for ${org}`);
  const training = {
    date: new Date(at).toISOString().slice(0, 10),
    direction: "clinic-at-program" as const,
    topic: "Warm referral workflow",
    attendees: 8,
  };
  return buildCrossTrainingUpdate(aff as never, training).resource as {
    resourceType: string;
    id: string;
  };
}

async function setUpOutcomes(): Promise<void> {
  // Two days ago, so every record is in this month (or the last, near a month's start: the
  // report's default period, the last 6 months, covers both).
  const sent = Date.now() - 2 * DAY;
  const connected = {
    executionPeriod: {
      start: new Date(sent + DAY).toISOString(),
      end: new Date(sent + 2 * DAY).toISOString(),
    },
  };
  const resources = [
    ...outcome(12, "org-safe-harbor", "completed", "fulfillment-completed", sent, connected),
    ...outcome(3, "org-safe-harbor", "rejected", "declined", sent, {
      statusReason: {
        coding: [{ system: `${SYSTEM}/wr-referral-status-reason`, code: "no-capacity" }],
      },
    }),
    ...outcome(2, "org-safe-harbor", "failed", "could-not-reach", sent),
    ...outcome(1, "org-safe-harbor", "cancelled", "fulfillment-cancelled", sent),
    ...outcome(2, "org-bridges-sa", "completed", "fulfillment-completed", sent, connected),
    // An incoming referral: requested by a partner, owned by the clinic.
    ...outcome(
      1,
      "clinic",
      "requested",
      "created",
      sent,
      { requester: { reference: "Organization/org-bridges-sa" } },
      "medical-appointment",
    ),
    ...Array.from({ length: 12 }, (_, i) => ({
      resourceType: "Procedure",
      id: `rep-edu-${i}`,
      meta: { security: SECURITY },
      status: "completed",
      code: { coding: [{ system: `${SYSTEM}/wr-activity`, code: "universal-education" }] },
      subject: { reference: "Patient/pat-james" },
      performedDateTime: new Date(sent).toISOString(),
      extension: [setting("in-person"), cards(i < 9 ? "es" : "en")],
    })),
    // Visits: 40 this month (or the last). The sign-in cannot search Encounters, so the report
    // must still say the share is not available (never count what it may not read).
    ...Array.from({ length: 40 }, (_, i) => ({
      resourceType: "Encounter",
      id: `rep-visit-${i}`,
      status: "finished",
      class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
      subject: { reference: "Patient/pat-james" },
      period: {
        start: new Date(sent).toISOString(),
        end: new Date(sent + 1_800_000).toISOString(),
      },
    })),
    // A cross-training with Safe Harbor (clinic staff at the program, 8 attended).
    await withCrossTraining("org-safe-harbor", sent),
  ];
  await putOnServer(urls, resources);
}

/** A table's body rows (and foot) as arrays of cell texts, the row header first. */
async function tableRows(p: Page, testId: string): Promise<string[][]> {
  return p
    .getByTestId(testId)
    .evaluate((t) =>
      Array.from(t.querySelectorAll("tbody tr, tfoot tr")).map((tr) =>
        Array.from(tr.children).map((c) => (c.textContent ?? "").trim()),
      ),
    );
}

const held = (type: string, params: Record<string, string>) =>
  heldOnServer<unknown>(urls, type, params);

type Held = {
  resourceType: string;
  authoredOn?: string;
  performedDateTime?: string;
  period?: { start?: string; end?: string };
  code?: { coding?: { code?: string }[] };
  extension?: {
    url: string;
    valueCoding?: { code?: string };
    extension?: { url: string; valueCode?: string }[];
  }[];
};
const settingOf = (r: Held) =>
  r.extension?.find((e) => e.url.endsWith("wr-visit-setting"))?.valueCoding?.code;
const languagesOf = (r: Held) =>
  (r.extension ?? [])
    .filter((e) => e.url.endsWith("wr-safety-card-types"))
    .flatMap((e) => e.extension ?? [])
    .filter((x) => x.url === "language")
    .map((x) => x.valueCode);
const texts = (t: SuppressedTable, label: (k: string) => string) => [
  ...t.rows.map((r) => [label(r.key), ...r.cells.map((c) => cellText(c, t.threshold))]),
  ["Total", ...t.totals.map((c) => cellText(c, t.threshold))],
];
const SETTING_NAMES: Record<string, string> = {
  "in-person": "In person",
  "telehealth-video": "Telehealth (video)",
  telephone: "Telephone",
  "mobile-unit": "Mobile unit",
  "school-based": "School-based",
  "not-recorded": "Not recorded",
};

/**
 * What the breakdowns must show, counted here from the records the sandbox holds (not through
 * its searches), then suppressed by the same rules as the app.
 */
async function expectedBreakdowns(periodStart: number) {
  const inPeriod = (iso: string | undefined) => !!iso && Date.parse(iso) >= periodStart;
  const education = ((await held("Procedure", { code: "universal-education" })) as Held[]).filter(
    (p) => inPeriod(p.performedDateTime),
  );
  const offered = ((await held("ServiceRequest", {})) as Held[]).filter(
    (r) =>
      inPeriod(r.authoredOn) &&
      r.code?.coding?.some((c) =>
        ["community-referral", "dsv-advocacy-referral"].includes(c.code ?? ""),
      ),
  );
  const bySetting = (list: Held[]) =>
    Object.fromEntries(
      CODES.visitSetting.map((s) => [s, list.filter((r) => settingOf(r) === s).length]),
    );
  // The clinic's languages (the report counts education in each).
  const config = JSON.parse(await readFile("public/clinic-config.json", "utf8")) as {
    languages: string[];
  };
  const languages = config.languages;
  const counts: Breakdowns = {
    setting: { education: bySetting(education), offered: bySetting(offered) },
    language: Object.fromEntries(
      languages.map((l) => [l, education.filter((r) => languagesOf(r).includes(l)).length]),
    ),
  };
  const setting = settingTable(
    counts.setting as NonNullable<Breakdowns["setting"]>,
    CODES.visitSetting,
    { education: education.length, offered: offered.length },
    11,
  );
  const language = languageTable(counts.language ?? {}, languages, education.length, 11);
  return {
    setting: texts(setting, (k) => SETTING_NAMES[k] ?? k),
    language: texts(language, (k) => (k === "not-recorded" ? "Not recorded" : k)),
  };
}

describe("the partnership report", () => {
  it("after known journeys shows the expected counts, small cells suppressed; the chart's table and the CSV match the screen; nothing of a patient is read", async () => {
    const providerContext = await browser.newContext({ locale: "en-US" });
    contexts.push(providerContext);
    await providerSendsReferral(await providerContext.newPage(), urls, "pat-maria");
    await setUpOutcomes();
    // Education the guide recorded on its way (if any), and the seed's, count too when in the
    // report's default period (the last 6 months).
    const now = new Date();
    const periodStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1);
    const education = (await held("Procedure", { code: "universal-education" })).filter(
      (p) =>
        Date.parse((p as { performedDateTime?: string }).performedDateTime ?? "") >= periodStart,
    ).length;

    await clearSandboxRequests(urls);
    // The manager's workspace: a standalone launch with no patient (user-level access only).
    await page.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}`);
    await page.getByLabel("User").selectOption("admin-okafor");
    await page.getByRole("button", { name: /continue|sign in/i }).click();
    await page
      .locator("[data-testid=app-ready][data-session=workspace]")
      .waitFor({ timeout: 20_000 });
    await page.getByRole("navigation").getByRole("button", { name: "Reports" }).click();
    await page
      .locator("[data-testid=report], [data-testid=write-failure]")
      .first()
      .waitFor({ timeout: 20_000 });
    if (await page.getByTestId("write-failure").count())
      throw new Error(`the report failed: ${await page.getByTestId("write-failure").innerText()}`);
    expect(await page.getByTestId("report-mismatch").count()).toBe(0);

    // By month: only this month (or the last) has records; columns: education, offered, sent,
    // accepted, connected, declined, could not reach, withdrawn.
    const monthly = await tableRows(page, "table-monthly");
    const total = monthly[monthly.length - 1] ?? [];
    const eduText = education < 11 ? "<11" : String(education);
    // Sent 19 to Safe Harbor (18 set up + 1 through the UI) and 2 to Bridges: 21.
    // Offered: the 20 set up and the UI's, 21 (the incoming referral is not an offer).
    expect(total).toEqual(["Total", eduText, "21", "21", "16", "14", "<11", "<11", "<11"]);
    // The chart's table holds the monthly table's sent and connected, month by month.
    const chart = await tableRows(page, "chart-table");
    expect(chart).toEqual(monthly.slice(0, -1).map((r) => [r[0], r[3], r[5]]));

    // By partner: Bridges' 2 is small, so Safe Harbor's 19 is hidden too (else 21 − 19 = 2).
    const partners = await tableRows(page, "table-partners");
    expect(partners).toEqual([
      ["Bridges Sexual Assault Resource Center", "<11", "<11", "<11", "0", "0", "0"],
      ["Safe Harbor Family Violence Program", "<11", "<11", "<11", "<11", "<11", "<11"],
      ["Total", "21", "16", "14", "<11", "<11", "<11"],
    ]);
    const timings = await tableRows(page, "table-timings");
    expect(timings).toEqual([
      ["Days to first contact", "14", "1", "1"],
      ["Days to connection", "14", "2", "2"],
      ["Connection rate", "66.7%"],
    ]);
    const single = await tableRows(page, "table-single");
    expect(single.find((r) => r[0] === "Incoming referrals received")).toEqual([
      "Incoming referrals received",
      "<11",
    ]);

    // By setting and by language (the sandbox lists both SearchParameters), counted from the
    // records held, suppressed as the app does.
    const expected = await expectedBreakdowns(periodStart);
    await page.getByTestId("table-setting").waitFor({ timeout: 20_000 });
    const settingRows = await tableRows(page, "table-setting");
    expect(settingRows).toEqual(expected.setting);
    expect(settingRows.find((r) => r[0] === "In person")?.[1]).not.toBe("0");
    const languageRows = await tableRows(page, "table-language");
    expect(languageRows).toEqual(expected.language);
    // The share of visits: the sandbox lists Encounter search, but the app's sign-in has no
    // user-level Encounter scope, so the server cannot count visits for it: "not available",
    // never a number.
    await expect(page.getByTestId("unavailable-share").innerText()).resolves.toContain(
      "Not available on this server",
    );
    expect(await page.getByTestId("table-share").count()).toBe(0);
    // Cross-trainings: the one recorded with Safe Harbor, exactly (staff, not patients).
    const trainings = await tableRows(page, "table-trainings");
    expect(trainings.find((r) => r[0] === "Safe Harbor Family Violence Program")).toEqual([
      "Safe Harbor Family Violence Program",
      "1",
      "0",
      "8",
    ]);

    // The CSV export says what the screen says.
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-csv").click(),
    ]);
    const csv = await readFile((await csvDownload.path()) ?? "", "utf8");
    const lines = csv.split("\r\n");
    const start = lines.indexOf("# By month") + 2;
    const csvMonthly = lines.slice(start, start + monthly.length).map((l) => l.split(","));
    expect(csvMonthly).toEqual(monthly);
    const ps = lines.indexOf("# By partner program") + 2;
    expect(lines.slice(ps, ps + 3).map((l) => l.split(","))).toEqual(partners);
    const csvSection = (title: string, n: number) => {
      const at = lines.indexOf(`# ${title}`) + 2;
      return lines.slice(at, at + n).map((l) => l.split(","));
    };
    expect(csvSection("By visit setting", settingRows.length)).toEqual(settingRows);
    expect(csvSection("Universal education by card language", languageRows.length)).toEqual(
      languageRows,
    );
    // No table under the share's title, only what the screen says.
    expect(lines[lines.indexOf("# Share of visits with universal education") + 1]).toBe(
      "Not available on this server",
    );
    expect(csvSection("Cross-trainings", trainings.length)).toEqual(trainings);

    // Nothing of a patient: counts and trimmed Tasks only; no Patient, no full Task.
    const log = await sandboxRequests(urls);
    const reportRequests = log.filter((r) =>
      /\/(Task|ServiceRequest|Procedure|Patient)/.test(r.url),
    );
    expect(reportRequests.length).toBeGreaterThan(0);
    // The breakdowns: one batch Bundle (its entries are `_summary=count` searches).
    expect(log.filter((r) => r.method === "POST")).toHaveLength(1);
    for (const r of reportRequests) {
      expect(r.url, r.url).toMatch(
        /_summary=count|_elements=status%2CbusinessStatus%2CauthoredOn%2Cowner%2Cpriority%2CexecutionPeriod/,
      );
    }
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
