import { FailureError } from "./failures";
/* eslint-disable @typescript-eslint/no-explicit-any -- free-form FHIR JSON in assertions */
import { describe, expect, it } from "vitest";
import { buildReferralBundle } from "./builders/referral";
import { BSER_BUSINESS_STATUS, CODE_SYSTEM, SDOHCC_TEMP } from "./canonical";
import type { FhirHttp } from "./http";
import {
  addSecurityLabels,
  fetchPatientHistory,
  historyPaths,
  toReferralHistory,
  withdrawConsent,
} from "./referrals";
import { createdReferences } from "./schemas";

const bundle = buildReferralBundle({
  ids: { consent: "c-1", serviceRequest: "s-1", task: "t-1" },
  patientId: "pat-james",
  encounterId: null,
  requester: "Practitioner/prov-rivera",
  clinicOrganization: "Organization/clinic",
  partnerOrganizationId: "org-safe-harbor",
  services: ["legal-advocacy"],
  priority: "urgent",
  handoff: "hotline",
  safeContact: { noContact: true },
  authoredAt: "2026-11-20T10:00:00.000Z",
  consentEnd: "2027-02-18T10:00:00.000Z",
  followUpDue: "2026-12-20T10:00:00.000Z",
  labelPolicy: { nopat: true },
});
const [, sr, task] = (bundle.entry ?? []).map((e) => e.resource) as unknown as Record<
  string,
  unknown
>[];

function fakeHttp(answers: Record<string, unknown>): FhirHttp & { paths: string[] } {
  const paths: string[] = [];
  return {
    serverUrl: "https://ehr.example/fhir",
    paths,
    async request(schema, path) {
      paths.push(path);
      const key = Object.keys(answers).find((k) => path.startsWith(k));
      const parsed = schema.safeParse(key ? answers[key] : undefined);
      if (!parsed.success) throw new Error(`unexpected ${path}`);
      return { body: parsed.data, etag: null, status: 200 };
    },
  };
}

describe("patient history", () => {
  it("searches the patient's labelled records, with the Task and the partner included", () => {
    const paths = historyPaths("pat-james");
    expect(paths.procedures).toContain("subject=Patient%2Fpat-james");
    expect(paths.procedures).toContain("_security=");
    expect(paths.referrals).toContain("_revinclude=Task:focus");
    expect(paths.referrals).toContain("_include=ServiceRequest:performer");
  });

  it("maps referrals with their Task status and follow-up, and education with its cards", async () => {
    const http = fakeHttp({
      "ServiceRequest?": {
        resourceType: "Bundle",
        entry: [
          { resource: { ...sr, id: "sr1", supportingInfo: [{ reference: "Consent/c1" }] } },
          {
            resource: {
              ...task,
              id: "task1",
              status: "accepted",
              focus: { reference: "ServiceRequest/sr1" },
            },
          },
          {
            resource: { resourceType: "Organization", id: "org-safe-harbor", name: "Safe Harbor" },
          },
          // Someone else's ServiceRequest type is ignored.
          { resource: { resourceType: "ServiceRequest", id: "x", code: { text: "Lab" } } },
        ],
      },
      "Task?": { resourceType: "Bundle" },
      "Consent?": {
        resourceType: "Bundle",
        entry: [
          {
            resource: {
              resourceType: "Consent",
              id: "c1",
              status: "active",
              provision: { period: { start: "2026-11-20", end: "2027-02-18T10:00:00.000Z" } },
            },
          },
        ],
      },
      "Procedure?": {
        resourceType: "Bundle",
        entry: [
          {
            resource: {
              resourceType: "Procedure",
              id: "p1",
              performedDateTime: "2026-11-01T10:00:00Z",
              code: { coding: [{ system: CODE_SYSTEM.activity, code: "universal-education" }] },
              extension: [
                {
                  url: "https://warm-referral.org/fhir/StructureDefinition/wr-safety-card-types",
                  extension: [
                    {
                      url: "type",
                      valueCoding: {
                        system: CODE_SYSTEM.safetyCardType,
                        code: "teen-relationships",
                      },
                    },
                    { url: "language", valueCode: "en" },
                    { url: "count", valuePositiveInt: 2 },
                  ],
                },
              ],
            },
          },
        ],
      },
    });
    const history = await fetchPatientHistory(http, "pat-james");
    expect(history.referrals).toEqual([
      {
        id: "sr1",
        authoredOn: "2026-11-20T10:00:00.000Z",
        status: "active",
        priority: "urgent",
        partner: "Safe Harbor",
        services: ["legal-advocacy"],
        handoff: "hotline",
        noContact: true,
        unlabelled: ["Consent/c1"],
        consent: { id: "c1", status: "active", end: "2027-02-18T10:00:00.000Z" },
        task: {
          id: "task1",
          status: "accepted",
          businessStatus: "created",
          followUpDue: "2026-12-20T10:00:00.000Z",
          lastModified: "2026-11-20T10:00:00.000Z",
        },
      },
    ]);
    expect(history.education).toEqual([
      {
        id: "p1",
        date: "2026-11-01T10:00:00Z",
        what: "universal-education",
        cards: [{ type: "teen-relationships", language: "en", count: 2 }],
      },
    ]);
  });
});

describe("createdReferences", () => {
  it("reads the transaction response's locations", () => {
    expect(
      createdReferences({
        resourceType: "Bundle",
        entry: [
          { response: { status: "201 Created", location: "Consent/a/_history/1" } },
          { response: { status: "200 OK" }, resource: { resourceType: "Task", id: "b" } },
        ],
      }),
    ).toEqual(["Consent/a", "Task/b"]);
  });
});

describe("withdrawConsent", () => {
  const consent = {
    resourceType: "Consent",
    id: "c1",
    meta: { versionId: "3" },
    status: "active",
    provision: {
      type: "permit",
      period: { start: "2026-11-01T00:00:00.000Z", end: "2027-01-30T00:00:00.000Z" },
      data: [{ meaning: "related", reference: { reference: "ServiceRequest/s1" } }],
    },
  };
  const referral = (taskStatus: string) => ({
    resourceType: "Bundle",
    entry: [
      { resource: { ...sr, id: "s1", meta: { versionId: "1" } } },
      {
        resource: {
          ...task,
          id: "t1",
          status: taskStatus,
          meta: { versionId: "5" },
          focus: { reference: "ServiceRequest/s1" },
        },
      },
    ],
  });
  function recordingHttp(taskStatus: string, consentStatus = "active") {
    const calls: { path: string; init?: { method?: string; body?: unknown } }[] = [];
    const http: FhirHttp = {
      serverUrl: "https://ehr.example/fhir",
      async request(schema, path, init) {
        calls.push({ path, ...(init ? { init } : {}) });
        const body = path.startsWith("Consent/")
          ? { ...consent, status: consentStatus }
          : path.startsWith("ServiceRequest?")
            ? referral(taskStatus)
            : { resourceType: "Bundle", type: "transaction-response", entry: [] };
        const parsed = schema.safeParse(body);
        if (!parsed.success) throw new Error(`bad ${path}`);
        return { body: parsed.data, etag: 'W/"3"', status: 200 };
      },
    };
    return { http, calls };
  }
  const now = new Date("2026-11-22T12:00:00.000Z");
  type Entry = {
    resource: Record<string, any>;
    request: { method: string; url: string; ifMatch?: string };
  };

  it("in one transaction: the consent inactive and ended now, the referral revoked, its Task cancelled, each with ifMatch", async () => {
    const { http, calls } = recordingHttp("accepted");
    await withdrawConsent(http, "c1", now, {
      reference: "Practitioner/prov-rivera",
      display: "Dr. Rivera",
    });
    expect(calls.map((c) => c.init?.method ?? "GET")).toEqual(["GET", "GET", "POST"]);
    expect(calls[1]?.path).toBe("ServiceRequest?_id=s1&_revinclude=Task:focus");
    const bundle = calls[2]?.init?.body as { type: string; entry: Entry[] };
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry.map((e) => [e.request.method, e.request.url, e.request.ifMatch])).toEqual([
      ["PUT", "Consent/c1", 'W/"3"'],
      ["PUT", "ServiceRequest/s1", 'W/"1"'],
      ["PUT", "Task/t1", 'W/"5"'],
    ]);
    const [c, s, t] = bundle.entry.map((e) => e.resource);
    expect(c).toMatchObject({
      status: "inactive",
      provision: { period: { start: "2026-11-01T00:00:00.000Z", end: "2026-11-22T12:00:00.000Z" } },
    });
    expect(s?.status).toBe("revoked");
    expect(t?.status).toBe("cancelled");
    expect(t?.businessStatus.coding).toEqual([{ system: BSER_BUSINESS_STATUS, code: "6.0" }]);
    expect(t?.statusReason.text).toBe("Consent withdrawn");
    expect(t?.statusReason.coding[0]).toEqual({
      system: CODE_SYSTEM.statusReason,
      code: "consent-withdrawn",
    });
    expect(t?.note.at(-1)).toEqual({
      authorReference: { reference: "Practitioner/prov-rivera", display: "Dr. Rivera" },
      time: "2026-11-22T12:00:00.000Z",
      text: "cancel",
    });
  });

  it("writes nothing when the consent is no longer active, and says so as a conflict", async () => {
    const { http, calls } = recordingHttp("cancelled", "inactive");
    const failure = await withdrawConsent(http, "c1", now).then(
      () => null,
      (e: unknown) => (e instanceof FailureError ? e.failure.kind : e),
    );
    expect(failure).toBe("conflict");
    expect(calls.map((c) => c.init?.method ?? "GET")).toEqual(["GET"]);
  });

  it("leaves a finished Task as it is", async () => {
    const { http, calls } = recordingHttp("completed");
    await withdrawConsent(http, "c1", now);
    const bundle = calls[2]?.init?.body as { entry: Entry[] };
    expect(bundle.entry.map((e) => e.request.url)).toEqual(["Consent/c1", "ServiceRequest/s1"]);
  });
});

describe("referrals another SDOHCC system wrote", () => {
  const foreignSr = {
    resourceType: "ServiceRequest",
    id: "f1",
    meta: { versionId: "1" },
    status: "active",
    intent: "order",
    category: [{ coding: [{ system: SDOHCC_TEMP, code: "intimate-partner-violence" }] }],
    code: { coding: [{ system: "http://snomed.info/sct", code: "306206005" }] },
    subject: { reference: "Patient/pat-james" },
    authoredOn: "2026-11-25T10:00:00Z",
    performer: [{ reference: "Organization/org-safe-harbor", display: "Safe Harbor" }],
  };
  const foreignTask = {
    resourceType: "Task",
    id: "ft1",
    meta: { versionId: "3" },
    status: "in-progress",
    businessStatus: { coding: [{ system: BSER_BUSINESS_STATUS, code: "5.1.1" }] },
    statusReason: { text: "Waiting for a safe time to call" },
    focus: { reference: "https://ehr.example/fhir/ServiceRequest/f1/_history/1" },
    output: [{ type: { text: "Result" }, valueString: "Safety plan made" }],
  };

  it("shows it by category, with BSeR status, reason text and output in words, and says it is unlabelled", () => {
    const [r] = toReferralHistory(
      [{ resource: foreignSr }, { resource: foreignTask }],
      [],
      "https://ehr.example/fhir",
    );
    expect(r).toMatchObject({
      id: "f1",
      partner: "Safe Harbor",
      unlabelled: ["ServiceRequest/f1", "Task/ft1"],
      task: {
        id: "ft1",
        status: "in-progress",
        businessStatus: "scheduled",
        reasonText: "Waiting for a safe time to call",
        outputs: ["Safety plan made"],
      },
    });
  });

  it("hides a referral entered in error, or whose only Task was", () => {
    expect(toReferralHistory([{ resource: { ...foreignSr, status: "entered-in-error" } }])).toEqual(
      [],
    );
    expect(
      toReferralHistory(
        [{ resource: foreignSr }, { resource: { ...foreignTask, status: "entered-in-error" } }],
        [],
        "https://ehr.example/fhir",
      ),
    ).toEqual([]);
  });

  it("adds the labels in one transaction, If-Match on each record, keeping labels already there", async () => {
    const posted: any[] = [];
    const http: FhirHttp = {
      serverUrl: "https://ehr.example/fhir",
      async request(schema, path, init) {
        if (init?.method === "POST") {
          posted.push(init.body);
          return {
            body: schema.parse({ resourceType: "Bundle", type: "transaction-response" }),
            etag: null,
            status: 200,
          };
        }
        const body =
          path === "ServiceRequest/f1"
            ? foreignSr
            : {
                ...foreignTask,
                meta: {
                  versionId: "3",
                  security: [
                    {
                      system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
                      code: "R",
                    },
                  ],
                },
              };
        return { body: schema.parse(body), etag: null, status: 200 };
      },
    };
    await addSecurityLabels(http, ["ServiceRequest/f1", "Task/ft1"], { nopat: true });
    expect(posted).toHaveLength(1);
    const entries = posted[0].entry;
    expect(entries.map((e: any) => [e.request.method, e.request.url, e.request.ifMatch])).toEqual([
      ["PUT", "ServiceRequest/f1", 'W/"1"'],
      ["PUT", "Task/ft1", 'W/"3"'],
    ]);
    for (const e of entries)
      expect(e.resource.meta.security.map((c: any) => c.code).sort()).toEqual([
        "NOPAT",
        "R",
        "SDV",
      ]);
  });
});
