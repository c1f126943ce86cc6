import type { Frame, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { validateResource } from "../../fhir-profiles/validator";
import { usePlaywright } from "./browser";
import { launchApp, patientRecords, resetSandbox, securityCodes } from "./journey.helpers";

// Speaking Gravity (issue 9), through a real launch: another SDOHCC system writes a referral
// for a sandbox patient the way such a system would (no labels, no profile of ours, a SNOMED CT
// code, a BSeR business status, a status reason in words only, an output, a Task whose focus is
// an absolute URL); the sandbox accepts it; History shows it with its status in words and the
// warning that it is unlabelled; the provider adds the labels and every record then has them.

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls), context: { locale: "en-US" } },
);

const SDOHCC_TEMP =
  "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
const SDOHCC_SD = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/";

/** A transaction POSTed to the FHIR server with the launched session's token. */
async function postTransaction(
  target: Page | Frame,
  bundle: unknown,
): Promise<{ status: number; body: unknown }> {
  return target.evaluate(async (b) => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? '""') as string;
    const state = JSON.parse(sessionStorage.getItem(key) ?? "{}") as {
      serverUrl: string;
      tokenResponse: { access_token: string };
    };
    const r = await fetch(`${state.serverUrl}/`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${state.tokenResponse.access_token}`,
        "Content-Type": "application/fhir+json",
        Accept: "application/fhir+json",
      },
      body: JSON.stringify(b),
    });
    return { status: r.status, body: (await r.json()) as unknown };
  }, bundle);
}

async function serverUrlOf(target: Page | Frame): Promise<string> {
  return target.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? '""') as string;
    return (JSON.parse(sessionStorage.getItem(key) ?? "{}") as { serverUrl: string }).serverUrl;
  });
}

/** Another SDOHCC system's referral: SDOHCC profiles, no labels, nothing of ours. */
function foreignReferral(patient: string, serverUrl: string) {
  const consent = {
    resourceType: "Consent",
    meta: { profile: [`${SDOHCC_SD}SDOHCC-Consent`] },
    status: "active",
    scope: {
      coding: [
        { system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" },
      ],
    },
    category: [
      { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "IDSCL" }] },
    ],
    patient: { reference: `Patient/${patient}` },
    dateTime: "2026-11-28T09:00:00Z",
    organization: [{ reference: "Organization/clinic" }],
    sourceAttachment: { title: "Signed form" },
    policyRule: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN" }],
    },
    provision: {
      type: "permit",
      period: { start: "2026-11-28T09:00:00Z", end: "2027-02-28T09:00:00Z" },
      actor: [
        {
          role: {
            coding: [
              {
                system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                code: "IRCP",
              },
            ],
          },
          reference: { reference: "Organization/org-safe-harbor" },
        },
      ],
    },
  };
  const sr = {
    resourceType: "ServiceRequest",
    meta: { profile: [`${SDOHCC_SD}SDOHCC-ServiceRequest`] },
    identifier: [{ system: "urn:example:gravity-platform", value: "ref-1" }],
    status: "active",
    intent: "order",
    category: [{ coding: [{ system: SDOHCC_TEMP, code: "intimate-partner-violence" }] }],
    code: { coding: [{ system: "http://snomed.info/sct", code: "306206005" }] },
    subject: { reference: `Patient/${patient}` },
    authoredOn: "2026-11-28T09:00:00Z",
    requester: { reference: "Organization/clinic" },
    performer: [{ reference: "Organization/org-safe-harbor" }],
    supportingInfo: [{ reference: "urn:uuid:f0000000-0000-4000-8000-000000000001" }],
  };
  const task = {
    resourceType: "Task",
    meta: { profile: [`${SDOHCC_SD}SDOHCC-TaskForReferralManagement`] },
    // A requester creates a Task as requested (the sandbox enforces SDOHCC's who-may-set-what).
    status: "requested",
    businessStatus: {
      coding: [
        { system: "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS", code: "2.0" },
      ],
    },
    statusReason: { text: "Waiting for a safe time to call" },
    intent: "order",
    code: { coding: [{ system: "http://hl7.org/fhir/CodeSystem/task-code", code: "fulfill" }] },
    for: { reference: `Patient/${patient}` },
    authoredOn: "2026-11-28T09:05:00Z",
    requester: { reference: "Organization/clinic" },
    owner: { reference: "Organization/org-safe-harbor" },
    output: [
      {
        type: { coding: [{ system: SDOHCC_TEMP, code: "resulting-activity" }] },
        valueCodeableConcept: { text: "Safety plan made with the advocate" },
      },
    ],
  };
  return {
    bundle: {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        {
          fullUrl: "urn:uuid:f0000000-0000-4000-8000-000000000001",
          resource: consent,
          request: { method: "POST", url: "Consent" },
        },
        {
          fullUrl: "urn:uuid:f0000000-0000-4000-8000-000000000002",
          resource: sr,
          request: { method: "POST", url: "ServiceRequest" },
        },
      ],
    },
    // The Task is written afterwards with focus as an absolute URL to the ServiceRequest.
    task: (srId: string) => ({
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        {
          resource: { ...task, focus: { reference: `${serverUrl}/ServiceRequest/${srId}` } },
          request: { method: "POST", url: "Task" },
        },
      ],
    }),
  };
}

describe("referrals another SDOHCC system wrote", () => {
  it("are accepted by the sandbox, shown in the worklist, and in History with status in words and an unlabelled warning; adding the labels labels every record", async () => {
    await launchApp(page, urls, "prov-rivera", "pat-james");
    const serverUrl = await serverUrlOf(page);
    const foreign = foreignReferral("pat-james", serverUrl);
    const first = await postTransaction(page, foreign.bundle);
    expect(first.status, JSON.stringify(first.body).slice(0, 1500)).toBe(200);
    const srLocation = (first.body as { entry: { response: { location: string } }[] }).entry[1]
      ?.response.location;
    const srId = srLocation?.split("/")[1] ?? "";
    const second = await postTransaction(page, foreign.task(srId));
    expect(second.status, JSON.stringify(second.body).slice(0, 1500)).toBe(200);

    // The chart's worklist finds it too (by category; it carries no code of ours).
    await page.getByRole("button", { name: "Worklist", exact: true }).click();
    const row = page.getByTestId("worklist-row");
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await expect(row.getAttribute("data-status")).resolves.toBe("requested");
    await expect(row.innerText()).resolves.toContain("Safe Harbor");

    await page.getByRole("button", { name: "History", exact: true }).click();
    const item = page.locator(`[data-testid=history-referral]`).first();
    await item.waitFor();
    await expect(item.getAttribute("data-task-status")).resolves.toBe("requested");
    await expect(item.getAttribute("data-business-status")).resolves.toBe("created");
    const text = await item.innerText();
    expect(text).toContain("sent, waiting for the program (sent)");
    expect(text).toContain("Waiting for a safe time to call");
    expect(text).toContain("Safety plan made with the advocate");
    const warning = item.getByTestId("history-unlabelled");
    await expect(warning.innerText()).resolves.toMatch(/patient portal may show/);

    await warning.getByRole("button", { name: "Add confidentiality labels" }).click();
    await page.locator("[data-testid=history-referral]:not([data-unlabelled])").first().waitFor();
    await expect(page.getByTestId("history-unlabelled").count()).resolves.toBe(0);

    const held = await patientRecords(urls, "pat-james");
    const mine = [
      ...held.ServiceRequest.filter((r) => r.id === srId),
      ...held.Task.filter((t) =>
        String((t.focus as { reference?: string } | undefined)?.reference).endsWith(srId),
      ),
      ...held.Consent.filter((c) => JSON.stringify(c).includes("Signed form")),
    ];
    expect(mine.map((r) => r.resourceType).sort()).toEqual(["Consent", "ServiceRequest", "Task"]);
    for (const r of mine) {
      expect(securityCodes(r), String(r.resourceType)).toEqual(["R", "SDV", "NOPAT"]);
      // Each still meets the SDOHCC profile it claims (the labels changed nothing else).
      expect(validateResource(r as never).issues, String(r.resourceType)).toEqual([]);
    }
  });
});
