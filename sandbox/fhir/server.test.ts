// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Bundle, OperationOutcome, Patient, ServiceRequest, Task } from "fhir/r4";
import { V3_ACT_CODE, V3_CONFIDENTIALITY } from "../../src/fhir/canonical";
import { buildSeedBundle, SEED_PATIENTS, seedResources } from "../seed";
import { startTestFhirServer } from "./testing";
import type { TestFhirServer, TokenTable } from "./testing";

const TOKENS: TokenTable = {
  provider: {
    scopes: ["openid", "fhirUser", "launch", "patient/*.cruds", "user/*.cruds"],
    patient: "pat-maria",
    fhirUser: "Practitioner/prov-rivera",
  },
  system: { scopes: ["system/*.cruds"] },
  readonly: { scopes: ["user/*.rs"] },
  v1: { scopes: ["user/*.read", "user/Task.write"] },
  "patient-scoped": { scopes: ["patient/*.cruds"], patient: "pat-maria" },
  "no-patient": { scopes: ["patient/*.rs"] },
  portal: {
    scopes: ["openid", "patient/*.rs"],
    patient: "pat-maria",
    patientFacing: true,
    fhirUser: "Patient/pat-maria",
  },
  "portal-blind": {
    scopes: ["patient/*.rs"],
    patient: "pat-maria",
    patientFacing: true,
    labelBlind: true,
  },
};

const SENSITIVE = [
  { system: V3_CONFIDENTIALITY, code: "R" },
  { system: V3_ACT_CODE, code: "SDV" },
];

let srv: TestFhirServer;

beforeAll(async () => {
  srv = await startTestFhirServer(TOKENS);
}, 30_000);
afterAll(() => srv.close());
beforeEach(async () => {
  srv.handle.clearFaults();
  await srv.handle.reset();
});

async function json<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

function diagnostics(oo: OperationOutcome): string {
  return oo.issue.map((i) => i.diagnostics ?? "").join(" | ");
}

function referralTransaction(identifier: string): Bundle {
  const srUrn = "urn:uuid:0c3f8a7e-1b2d-4c5e-8f90-123456789abc";
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      {
        fullUrl: srUrn,
        resource: {
          resourceType: "ServiceRequest",
          meta: { security: SENSITIVE },
          identifier: [
            {
              system: "https://warm-referral.org/fhir/NamingSystem/wr-client-id",
              value: identifier,
            },
          ],
          status: "active",
          intent: "order",
          subject: { reference: "Patient/pat-maria" },
          performer: [{ reference: "Organization/org-safe-harbor" }],
        } as ServiceRequest,
        request: {
          method: "POST",
          url: "ServiceRequest",
          ifNoneExist: `identifier=https://warm-referral.org/fhir/NamingSystem/wr-client-id|${identifier}`,
        },
      },
      {
        fullUrl: "urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
        resource: {
          resourceType: "Task",
          meta: { security: SENSITIVE },
          identifier: [
            {
              system: "https://warm-referral.org/fhir/NamingSystem/wr-client-id",
              value: `${identifier}-task`,
            },
          ],
          status: "requested",
          intent: "order",
          code: {
            coding: [{ system: "http://hl7.org/fhir/CodeSystem/task-code", code: "fulfill" }],
          },
          focus: { reference: srUrn },
          for: { reference: "Patient/pat-maria" },
          owner: { reference: "Organization/org-safe-harbor" },
        } as Task,
        request: {
          method: "POST",
          url: "Task",
          ifNoneExist: `identifier=https://warm-referral.org/fhir/NamingSystem/wr-client-id|${identifier}-task`,
        },
      },
    ],
  };
}

describe("discovery (public)", () => {
  it("serves an R4 CapabilityStatement with the SMART security extension", async () => {
    const res = await srv.request(undefined, "/metadata");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/fhir+json");
    const cs = await json<{ kind: string; fhirVersion: string; rest: Record<string, unknown>[] }>(
      res,
    );
    expect(cs.kind).toBe("instance");
    expect(cs.fhirVersion).toBe("4.0.1");
    const rest = cs.rest[0] as {
      security: {
        service: { coding: { code: string }[] }[];
        extension: { url: string; extension: { url: string; valueUri: string }[] }[];
      };
      interaction: { code: string }[];
      resource: {
        type: string;
        conditionalCreate: boolean;
        interaction: { code: string }[];
        searchParam: { name: string }[];
      }[];
    };
    expect(rest.security.service[0]?.coding[0]?.code).toBe("SMART-on-FHIR");
    const oauth = rest.security.extension.find(
      (e) => e.url === "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
    );
    expect(oauth?.extension.map((e) => e.url).sort()).toEqual(["authorize", "token"]);
    expect(rest.interaction.map((i) => i.code)).toEqual(["transaction", "batch"]);
    const task = rest.resource.find((r) => r.type === "Task");
    expect(task?.conditionalCreate).toBe(true);
    expect(task?.interaction.map((i) => i.code)).toContain("search-type");
    expect(task?.searchParam.map((p) => p.name)).toContain("_security");
    expect(rest.resource.map((r) => r.type)).toContain("Consent");
  });

  it("serves /.well-known/smart-configuration", async () => {
    const res = await srv.request(undefined, "/.well-known/smart-configuration");
    expect(res.status).toBe(200);
    const cfg = await json<Record<string, string[] | string>>(res);
    expect(cfg.authorization_endpoint).toMatch(/\/auth\/authorize$/);
    expect(cfg.token_endpoint).toMatch(/\/auth\/token$/);
    expect(cfg.code_challenge_methods_supported).toEqual(["S256"]);
    expect(cfg.capabilities).toEqual(
      expect.arrayContaining([
        "launch-ehr",
        "launch-standalone",
        "context-ehr-patient",
        "permission-v2",
        "permission-v1",
        "sso-openid-connect",
      ]),
    );
    expect(cfg.scopes_supported).toEqual(
      expect.arrayContaining([
        "launch",
        "launch/patient",
        "openid",
        "fhirUser",
        "offline_access",
        "patient/*.rs",
        "user/*.cruds",
      ]),
    );
  });
});

describe("authentication", () => {
  it("401 without a token, with WWW-Authenticate and an OperationOutcome", async () => {
    const res = await srv.request(undefined, "/Patient/pat-maria");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('Bearer error="invalid_token"');
    expect((await json<OperationOutcome>(res)).resourceType).toBe("OperationOutcome");
  });

  it("401 for an unknown token", async () => {
    const res = await srv.request("nonsense", "/Patient/pat-maria");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it('401 with error_description "expired" for an expired token', async () => {
    const res = await srv.request("expired", "/Patient/pat-maria");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error_description="expired"');
    expect(diagnostics(await json<OperationOutcome>(res))).toMatch(/expired/);
  });
});

describe("scopes", () => {
  it("403 naming the missing scope (v2)", async () => {
    const res = await srv.request("readonly", "/Task", {
      method: "POST",
      json: { resourceType: "Task", status: "requested", intent: "order" },
    });
    expect(res.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(res))).toContain("user/Task.c");
  });

  it("understands v1 scopes: user/*.read reads, user/Task.write writes Tasks only", async () => {
    expect((await srv.request("v1", "/Patient/pat-james")).status).toBe(200);
    expect((await srv.request("v1", "/Patient?name=Walker")).status).toBe(200);
    const task = await srv.request("v1", "/Task", {
      method: "POST",
      json: { resourceType: "Task", status: "requested", intent: "order" },
    });
    expect(task.status).toBe(201);
    const obs = await srv.request("v1", "/Observation", {
      method: "POST",
      json: {
        resourceType: "Observation",
        status: "final",
        code: { text: "x" },
        subject: { reference: "Patient/pat-maria" },
      },
    });
    expect(obs.status).toBe(403);
  });

  it("patient/ scopes confine access to the patient compartment", async () => {
    expect((await srv.request("patient-scoped", "/Patient/pat-maria")).status).toBe(200);
    const other = await srv.request("patient-scoped", "/Patient/pat-james");
    expect(other.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(other))).toMatch(
      /outside the patient compartment/,
    );
    expect((await srv.request("patient-scoped", "/Encounter/enc-james")).status).toBe(403);

    const encounters = await json<Bundle>(await srv.request("patient-scoped", "/Encounter"));
    expect(encounters.entry?.map((e) => e.resource?.id)).toEqual(["enc-maria"]);
    const patients = await json<Bundle>(await srv.request("patient-scoped", "/Patient"));
    expect(patients.total).toBe(1);

    const write = await srv.request("patient-scoped", "/Observation", {
      method: "POST",
      json: {
        resourceType: "Observation",
        status: "final",
        code: { text: "x" },
        subject: { reference: "Patient/pat-james" },
      },
    });
    expect(write.status).toBe(403);
    const ok = await srv.request("patient-scoped", "/Observation", {
      method: "POST",
      json: {
        resourceType: "Observation",
        status: "final",
        code: { text: "x" },
        subject: { reference: "Patient/pat-maria" },
      },
    });
    expect(ok.status).toBe(201);
    // Directory resources outside any patient compartment stay readable.
    expect((await srv.request("patient-scoped", "/Organization/org-safe-harbor")).status).toBe(200);
    // patient/ scopes without a patient in context grant nothing.
    expect((await srv.request("no-patient", "/Patient/pat-maria")).status).toBe(403);
  });

  it("checks every entry of a transaction", async () => {
    const bundle = referralTransaction("scope-check");
    const res = await srv.request("readonly", "/", { method: "POST", json: bundle });
    expect(res.status).toBe(403);
    expect(await srv.handle.search("ServiceRequest", { identifier: "scope-check" })).toHaveLength(
      0,
    );
  });
});

describe("transactions", () => {
  it("conditional create (ifNoneExist) twice yields one resource; urn:uuid references are rewritten", async () => {
    const first = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-001"),
    });
    expect(first.status).toBe(200);
    const body = await json<Bundle>(first);
    expect(body.type).toBe("transaction-response");
    expect(body.entry?.map((e) => e.response?.status)).toEqual(["201 Created", "201 Created"]);
    const sr = body.entry?.[0]?.resource as ServiceRequest;
    const task = body.entry?.[1]?.resource as Task;
    expect(task.focus?.reference).toBe(`ServiceRequest/${sr.id}`);
    expect(body.entry?.[0]?.response?.etag).toBe('W/"1"');

    const again = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-001"),
    });
    expect(again.status).toBe(200);
    const againBody = await json<Bundle>(again);
    expect(againBody.entry?.map((e) => e.response?.status)).toEqual(["200 OK", "200 OK"]);
    expect(againBody.entry?.[0]?.resource?.id).toBe(sr.id);
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-001" })).toHaveLength(1);
    expect(await srv.handle.search("Task", { identifier: "ref-001-task" })).toHaveLength(1);
  });

  it("is all-or-nothing", async () => {
    const bundle = referralTransaction("ref-atomic");
    bundle.entry?.push({
      resource: { resourceType: "Patient", id: "pat-nobody", birthDate: "not-a-date" } as Patient,
      request: { method: "PUT", url: "Patient/pat-nobody" },
    });
    const res = await srv.request("provider", "/", { method: "POST", json: bundle });
    expect(res.status).toBe(400);
    expect((await json<OperationOutcome>(res)).resourceType).toBe("OperationOutcome");
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-atomic" })).toHaveLength(0);
    expect(await srv.handle.search("Task", { identifier: "ref-atomic-task" })).toHaveLength(0);
  });

  it("honours request.ifMatch inside a transaction", async () => {
    const patient = await json<Patient>(await srv.request("provider", "/Patient/pat-maria"));
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        {
          resource: { ...patient, active: false } as Patient,
          request: { method: "PUT", url: "Patient/pat-maria", ifMatch: 'W/"99"' },
        },
      ],
    };
    const res = await srv.request("provider", "/", { method: "POST", json: bundle });
    expect(res.status).toBe(412);
  });

  it("a batch keeps the good entries and reports the bad ones", async () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "batch",
      entry: [
        { request: { method: "GET", url: "Patient/pat-maria" } },
        { request: { method: "GET", url: "Patient/nope" } },
        {
          resource: { resourceType: "Task", status: "requested", intent: "order" } as Task,
          request: { method: "POST", url: "Task" },
        },
      ],
    };
    const res = await srv.request("provider", "/", { method: "POST", json: bundle });
    expect(res.status).toBe(200);
    const body = await json<Bundle>(res);
    expect(body.type).toBe("batch-response");
    expect(body.entry?.map((e) => e.response?.status.slice(0, 3))).toEqual(["200", "404", "201"]);
  });

  it("update-as-create answers 201; a plain POST ignores the client's id", async () => {
    const put = await srv.request("provider", "/Task/task-fixed", {
      method: "PUT",
      json: { resourceType: "Task", id: "task-fixed", status: "requested", intent: "order" },
    });
    expect(put.status).toBe(201);
    const post = await srv.request("provider", "/Patient", {
      method: "POST",
      json: { resourceType: "Patient", id: "pat-maria" },
    });
    expect(post.status).toBe(201);
    expect((await json<Patient>(post)).id).not.toBe("pat-maria");
    expect((await srv.handle.search("Patient", { _id: "pat-maria" }))[0]?.meta?.versionId).toBe(
      "1",
    );
  });

  it("If-None-Exist header on a plain POST", async () => {
    const body = {
      resourceType: "Task",
      status: "requested",
      intent: "order",
      identifier: [{ system: "urn:test", value: "hdr-1" }],
    };
    const init = {
      method: "POST",
      json: body,
      headers: { "If-None-Exist": "identifier=urn:test|hdr-1" },
    };
    const a = await srv.request("provider", "/Task", init);
    expect(a.status).toBe(201);
    expect(a.headers.get("location")).toMatch(/\/fhir\/Task\/[^/]+\/_history\/1$/);
    const b = await srv.request("provider", "/Task", init);
    expect(b.status).toBe(200);
    expect(await srv.handle.search("Task", { identifier: "urn:test|hdr-1" })).toHaveLength(1);
  });
});

describe("bad writes are refused like a real server refuses them", () => {
  const endpoint = (status: string) => ({
    resourceType: "Endpoint",
    status,
    connectionType: {
      system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
      code: "hl7-fhir-rest",
    },
    payloadType: [{ text: "any" }],
    address: "https://partner.example/fhir",
  });

  it('a code outside a required core binding (Endpoint.status "bogus") is a 400 OperationOutcome; nothing is written', async () => {
    const before = (await srv.handle.search("Endpoint")).length;
    const res = await srv.request("provider", "/Endpoint", {
      method: "POST",
      json: endpoint("bogus"),
    });
    expect(res.status).toBe(400);
    const oo = await json<OperationOutcome>(res);
    expect(oo.resourceType).toBe("OperationOutcome");
    expect(diagnostics(oo)).toMatch(
      /Endpoint\.status: "bogus" is not a code of the required value set http:\/\/hl7\.org\/fhir\/ValueSet\/endpoint-status: one of active, suspended, error, off, entered-in-error, test/,
    );
    expect(await srv.handle.search("Endpoint")).toHaveLength(before);
    // The same Endpoint with a real status is fine.
    const ok = await srv.request("provider", "/Endpoint", {
      method: "POST",
      json: endpoint("test"),
    });
    expect(ok.status).toBe(201);
  });

  it("checks required bindings in data types, backbone elements and transaction entries", async () => {
    const telecom = await srv.request("provider", "/Patient", {
      method: "POST",
      json: { resourceType: "Patient", telecom: [{ system: "pager-ish", value: "1" }] },
    });
    expect(telecom.status).toBe(400);
    expect(diagnostics(await json<OperationOutcome>(telecom))).toContain(
      "Patient.telecom[0].system",
    );

    const bundle = referralTransaction("ref-bad-status");
    (bundle.entry?.[1]?.resource as Task).status = "sort-of-done" as Task["status"];
    const res = await srv.request("provider", "/", { method: "POST", json: bundle });
    expect(res.status).toBe(400);
    const text = diagnostics(await json<OperationOutcome>(res));
    expect(text).toMatch(/Bundle\.entry\[1\].*Task\.status: "sort-of-done"/);
    expect(
      await srv.handle.search("ServiceRequest", { identifier: "ref-bad-status" }),
    ).toHaveLength(0);
    expect(await srv.handle.search("Task", { identifier: "ref-bad-status-task" })).toHaveLength(0);
  });

  it("a transaction with an unresolvable urn:uuid reference is a 400 naming it; nothing is written", async () => {
    const bundle = referralTransaction("ref-dangling");
    const task = bundle.entry?.[1]?.resource as Task;
    task.focus = { reference: "urn:uuid:00000000-0000-4000-8000-000000000000" };
    const res = await srv.request("provider", "/", { method: "POST", json: bundle });
    expect(res.status).toBe(400);
    const oo = await json<OperationOutcome>(res);
    expect(oo.resourceType).toBe("OperationOutcome");
    expect(diagnostics(oo)).toMatch(
      /Bundle\.entry\[1\].*Task\.focus\.reference: urn:uuid:00000000-0000-4000-8000-000000000000 does not resolve/,
    );
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-dangling" })).toHaveLength(
      0,
    );
    expect(await srv.handle.search("Task", { identifier: "ref-dangling-task" })).toHaveLength(0);
    // Outside a Bundle a urn:uuid never resolves either.
    const single = await srv.request("provider", "/Task", {
      method: "POST",
      json: {
        resourceType: "Task",
        status: "requested",
        intent: "order",
        focus: { reference: "urn:uuid:0c3f8a7e-1b2d-4c5e-8f90-123456789abc" },
      },
    });
    expect(single.status).toBe(400);
  });

  it("the references a transaction does define still resolve", async () => {
    const res = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-defined"),
    });
    expect(res.status).toBe(200);
  });
});

describe("versions", () => {
  it("ETag / Last-Modified on read; If-Match mismatch → 412; match → new version", async () => {
    const read = await srv.request("provider", "/Patient/pat-james");
    expect(read.headers.get("etag")).toBe('W/"1"');
    expect(read.headers.get("last-modified")).toMatch(/GMT$/);
    const patient = await json<Patient>(read);

    const stale = await srv.request("provider", "/Patient/pat-james", {
      method: "PUT",
      json: { ...patient, active: false },
      headers: { "If-Match": 'W/"7"' },
    });
    expect(stale.status).toBe(412);
    expect((await json<OperationOutcome>(stale)).resourceType).toBe("OperationOutcome");

    const ok = await srv.request("provider", "/Patient/pat-james", {
      method: "PUT",
      json: { ...patient, active: false },
      headers: { "If-Match": 'W/"1"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('W/"2"');

    const del = await srv.request("provider", "/Patient/pat-james", {
      method: "DELETE",
      headers: { "If-Match": 'W/"1"' },
    });
    expect(del.status).toBe(412);
    const patch = await srv.request("provider", "/Patient/pat-james", {
      method: "PATCH",
      headers: { "If-Match": 'W/"1"', "Content-Type": "application/json-patch+json" },
      body: JSON.stringify([{ op: "replace", path: "/active", value: true }]),
    });
    expect(patch.status).toBe(412);
  });
});

describe("search", () => {
  it("_security, _summary=count, bare-id reference parameters", async () => {
    await srv.request("provider", "/", { method: "POST", json: referralTransaction("ref-search") });
    const bySecurity = await json<Bundle>(
      await srv.request("provider", `/ServiceRequest?_security=${V3_ACT_CODE}|SDV`),
    );
    expect(bySecurity.total).toBe(1);
    const none = await json<Bundle>(
      await srv.request("provider", `/ServiceRequest?_security=${V3_ACT_CODE}|NOPAT`),
    );
    expect(none.total).toBe(0);

    const count = await json<Bundle>(await srv.request("provider", "/Patient?_summary=count"));
    expect(count.total).toBe(SEED_PATIENTS.length);
    expect(count.entry).toBeUndefined();

    const byBareId = await json<Bundle>(
      await srv.request("provider", "/Encounter?patient=pat-sofia"),
    );
    expect(byBareId.entry?.[0]?.resource?.id).toBe("enc-sofia");
  });

  it("_revinclude and _include", async () => {
    await srv.request("provider", "/", { method: "POST", json: referralTransaction("ref-inc") });
    const rev = await json<Bundle>(
      await srv.request("provider", "/ServiceRequest?identifier=ref-inc&_revinclude=Task:focus"),
    );
    expect(rev.entry?.map((e) => [e.resource?.resourceType, e.search?.mode])).toEqual([
      ["ServiceRequest", "match"],
      ["Task", "include"],
    ]);
    expect(rev.total).toBe(1);

    const inc = await json<Bundle>(
      await srv.request(
        "provider",
        "/OrganizationAffiliation?participating-organization=org-safe-harbor&_include=OrganizationAffiliation:participating-organization&_include=OrganizationAffiliation:service",
      ),
    );
    const included = inc.entry
      ?.filter((e) => e.search?.mode === "include")
      .map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
    expect(included).toEqual(
      expect.arrayContaining([
        "Organization/org-safe-harbor",
        "HealthcareService/hs-safe-harbor-hotline",
      ]),
    );
  });

  it("pages with absolute next/self links", async () => {
    const page1 = await json<Bundle>(await srv.request("provider", "/Patient?_count=4"));
    expect(page1.entry).toHaveLength(4);
    expect(page1.total).toBe(SEED_PATIENTS.length);
    const self = page1.link?.find((l) => l.relation === "self")?.url;
    const next = page1.link?.find((l) => l.relation === "next")?.url;
    expect(self).toBe(`${srv.baseUrl}/Patient?_count=4`);
    expect(next).toMatch(new RegExp(`^${srv.baseUrl}/Patient\\?`));
    const page2 = await json<Bundle>(await srv.request("provider", next as string));
    expect(page2.entry).toHaveLength(4);
    const ids = new Set(
      [...(page1.entry ?? []), ...(page2.entry ?? [])].map((e) => e.resource?.id),
    );
    expect(ids.size).toBe(8);
  });

  it("POST [type]/_search with a form body", async () => {
    const res = await srv.request("provider", "/Patient/_search", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=Walker",
    });
    expect(res.status).toBe(200);
    expect((await json<Bundle>(res)).entry?.map((e) => e.resource?.id)).toEqual(["pat-james"]);
  });

  it("rejects unknown search parameters with 400", async () => {
    const res = await srv.request("provider", "/Task?not-a-param=1");
    expect(res.status).toBe(400);
  });
});

describe("security labels for patient-facing tokens", () => {
  it("withholds NOPAT and SDV+R resources from the portal, not from a label-blind portal", async () => {
    await srv.request("provider", "/", { method: "POST", json: referralTransaction("ref-label") });
    const [sr] = await srv.handle.search("ServiceRequest", { identifier: "ref-label" });

    // Seeded: proc-maria-education-2026-05 (R, SDV, NOPAT) and obs-maria-weight (unlabelled).
    expect((await srv.request("portal", "/Procedure/proc-maria-education-2026-05")).status).toBe(
      404,
    );
    expect((await srv.request("portal", `/ServiceRequest/${sr?.id}`)).status).toBe(404);
    expect((await srv.request("portal", "/Observation/obs-maria-weight")).status).toBe(200);

    const procedures = await json<Bundle>(
      await srv.request("portal", "/Procedure?patient=pat-maria"),
    );
    expect(procedures.total).toBe(0);
    const count = await json<Bundle>(await srv.request("portal", "/ServiceRequest?_summary=count"));
    expect(count.total).toBe(0);

    expect(
      (await srv.request("portal-blind", "/Procedure/proc-maria-education-2026-05")).status,
    ).toBe(200);
    const blind = await json<Bundle>(
      await srv.request("portal-blind", "/ServiceRequest?_summary=count"),
    );
    expect(blind.total).toBe(1);
    // Clinician tokens see everything.
    expect((await srv.request("provider", "/Procedure/proc-maria-education-2026-05")).status).toBe(
      200,
    );
  });
});

describe("HTTP behaviour", () => {
  it("sends Cache-Control: no-store on every answer (reads, searches, errors, discovery, preflight)", async () => {
    const answers = [
      await srv.request("provider", "/Patient/pat-maria"),
      await srv.request("provider", "/Patient?name=Walker"),
      await srv.request("provider", "/Patient/does-not-exist"),
      await srv.request(undefined, "/Patient/pat-maria"),
      await srv.request(undefined, "/metadata"),
      await srv.request(undefined, "/.well-known/smart-configuration"),
      await srv.request(undefined, "/Task", { method: "OPTIONS" }),
      await srv.request("provider", "/", { method: "POST", json: referralTransaction("nostore") }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 401, 200, 200, 204, 200]);
    for (const r of answers) expect(r.headers.get("cache-control"), r.url).toBe("no-store");
  });

  it("answers CORS preflight without auth and echoes the Origin", async () => {
    const res = await srv.request(undefined, "/Task", {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "authorization,if-match",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/If-Match/);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/If-None-Exist/);
    const read = await srv.request("provider", "/Patient/pat-maria", {
      headers: { Origin: "http://localhost:5173" },
    });
    expect(read.headers.get("access-control-expose-headers")).toMatch(/ETag/);
  });

  it("errors are OperationOutcomes with the right status", async () => {
    const badJson = await srv.request("provider", "/Task", {
      method: "POST",
      headers: { "Content-Type": "application/fhir+json" },
      body: "{not json",
    });
    expect(badJson.status).toBe(400);
    expect((await json<OperationOutcome>(badJson)).resourceType).toBe("OperationOutcome");

    const invalid = await srv.request("provider", "/Patient", {
      method: "POST",
      json: { resourceType: "Patient", gender: 42 },
    });
    expect(invalid.status).toBe(400);

    const missing = await srv.request("provider", "/Patient/does-not-exist");
    expect(missing.status).toBe(404);
    expect((await json<OperationOutcome>(missing)).resourceType).toBe("OperationOutcome");

    const unknownType = await srv.request("provider", "/Spaceship/1");
    expect(unknownType.status).toBe(404);

    const wrongMethod = await srv.request("provider", "/Patient/pat-maria", {
      method: "POST",
      json: {},
    });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("content-type")).toContain("application/fhir+json");
  });
});

describe("fault injection", () => {
  it('"503" answers without doing anything, once', async () => {
    srv.handle.injectFault({ match: "transaction", kind: "503" });
    const read = await srv.request("provider", "/Patient/pat-maria");
    expect(read.status).toBe(200); // not a transaction
    const res = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-503"),
    });
    expect(res.status).toBe(503);
    expect((await json<OperationOutcome>(res)).resourceType).toBe("OperationOutcome");
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-503" })).toHaveLength(0);
    const retry = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-503"),
    });
    expect(retry.status).toBe(200);
  });

  it('"drop-after-commit" commits, then hangs up; the retry does not duplicate', async () => {
    srv.handle.injectFault({ match: "transaction", kind: "drop-after-commit" });
    await expect(
      srv.request("provider", "/", { method: "POST", json: referralTransaction("ref-drop") }),
    ).rejects.toThrow();
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-drop" })).toHaveLength(1);
    const retry = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-drop"),
    });
    expect(retry.status).toBe(200);
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-drop" })).toHaveLength(1);
  });

  it('"hang" commits, then never answers; the client gives up; the retry does not duplicate', async () => {
    srv.handle.injectFault({ match: "transaction", kind: "hang" });
    const started = Date.now();
    await expect(
      srv.request("provider", "/", {
        method: "POST",
        json: referralTransaction("ref-hang"),
        signal: AbortSignal.timeout(400),
      }),
    ).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-hang" })).toHaveLength(1);
    const retry = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-hang"),
    });
    expect(retry.status).toBe(200);
    expect((await json<Bundle>(retry)).entry?.map((e) => e.response?.status)).toEqual([
      "200 OK",
      "200 OK",
    ]);
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-hang" })).toHaveLength(1);
    expect(await srv.handle.search("Task", { identifier: "ref-hang-task" })).toHaveLength(1);
  });

  it('"malformed" commits, then answers half the JSON; "read" faults only GETs', async () => {
    srv.handle.injectFault({ match: "transaction", kind: "malformed" });
    const res = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-cut"),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(await srv.handle.search("ServiceRequest", { identifier: "ref-cut" })).toHaveLength(1);
    srv.handle.injectFault({ match: "read", kind: "503" });
    const write = await srv.request("provider", "/", {
      method: "POST",
      json: referralTransaction("ref-cut"),
    });
    expect(write.status).toBe(200);
    expect((await srv.request("provider", "/Patient/pat-maria")).status).toBe(503);
    expect((await srv.request("provider", "/Patient/pat-maria")).status).toBe(200);
  });

  it('"any" with a count, and clearFaults()', async () => {
    srv.handle.injectFault({ match: "any", kind: "503", count: 2 });
    expect((await srv.request("provider", "/Patient/pat-maria")).status).toBe(503);
    expect((await srv.request("provider", "/Patient/pat-maria")).status).toBe(503);
    expect((await srv.request("provider", "/Patient/pat-maria")).status).toBe(200);
    srv.handle.injectFault({ match: "any", kind: "503", count: 5 });
    srv.handle.clearFaults();
    expect((await srv.request("provider", "/Patient/pat-maria")).status).toBe(200);
  });
});

describe("seed", () => {
  it("has the people, programs and affiliations the sandbox needs", async () => {
    expect(SEED_PATIENTS.length).toBeGreaterThanOrEqual(8);
    const resources = seedResources();
    const ids = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    for (const ref of [
      "Organization/clinic",
      "Practitioner/prov-rivera",
      "Practitioner/admin-okafor",
      "Practitioner/adv-santos",
      "Practitioner/ma-chen",
      "PractitionerRole/ma-chen-role",
      "Organization/org-safe-harbor",
    ]) {
      expect(ids).toContain(ref);
    }
    expect(
      resources.filter((r) => r.resourceType === "OrganizationAffiliation").length,
    ).toBeGreaterThanOrEqual(5);
    const vr = await srv.handle.search("Encounter", { class: "VR" });
    expect(vr).toHaveLength(1);
    const aaliyah = SEED_PATIENTS.find((p) => p.id === "pat-aaliyah");
    expect(aaliyah?.birthDate.startsWith("2011")).toBe(true);
  });

  it("is idempotent: loading it again changes nothing", async () => {
    const before = await srv.handle.search("Patient");
    const res = await srv.request("system", "/", { method: "POST", json: buildSeedBundle() });
    expect(res.status).toBe(200);
    const after = await srv.handle.search("Patient");
    expect(after).toHaveLength(before.length);
    expect(after.every((p) => p.meta?.versionId === "1")).toBe(true);
    const orgs = await srv.handle.search("Organization");
    expect(orgs.every((o) => o.meta?.versionId === "1")).toBe(true);
  });

  it("reset() drops what was written", async () => {
    await srv.request("provider", "/", { method: "POST", json: referralTransaction("ref-reset") });
    expect(await srv.handle.search("ServiceRequest")).toHaveLength(1);
    await srv.handle.reset();
    expect(await srv.handle.search("ServiceRequest")).toHaveLength(0);
  });
});

describe("options", () => {
  it("removeCapabilities: left out of /metadata and refused", async () => {
    const lesser = await startTestFhirServer(TOKENS, {
      removeCapabilities: ["conditional-create", "transaction", "Consent"],
    });
    try {
      const cs = await json<{
        rest: {
          interaction: { code: string }[];
          resource: { type: string; conditionalCreate: boolean }[];
        }[];
      }>(await lesser.request(undefined, "/metadata"));
      const rest = cs.rest[0];
      expect(rest?.interaction.map((i) => i.code)).toEqual(["batch"]);
      expect(rest?.resource.map((r) => r.type)).not.toContain("Consent");
      expect(rest?.resource.every((r) => r.conditionalCreate === false)).toBe(true);

      expect(
        (await lesser.request("provider", "/", { method: "POST", json: referralTransaction("x") }))
          .status,
      ).toBe(400);
      expect((await lesser.request("provider", "/Consent")).status).toBe(404);
      const cond = await lesser.request("provider", "/Task", {
        method: "POST",
        json: { resourceType: "Task", status: "requested", intent: "order" },
        headers: { "If-None-Exist": "identifier=a|b" },
      });
      expect(cond.status).toBe(400);
      expect(diagnostics(await json<OperationOutcome>(cond))).toMatch(/Conditional create/);
    } finally {
      await lesser.close();
    }
  });

  it("validateWrite: one issue per message; a transaction writes nothing", async () => {
    const strict = await startTestFhirServer(TOKENS, {
      validateWrite: (r) =>
        r.resourceType === "Task" ? ["Task.owner: missing", "Task.code: missing"] : [],
    });
    try {
      const res = await strict.request("provider", "/", {
        method: "POST",
        json: referralTransaction("ref-invalid"),
      });
      expect(res.status).toBe(400);
      const oo = await json<OperationOutcome>(res);
      expect(oo.issue).toHaveLength(2);
      expect(
        await strict.handle.search("ServiceRequest", { identifier: "ref-invalid" }),
      ).toHaveLength(0);
      const single = await strict.request("provider", "/Task", {
        method: "POST",
        json: { resourceType: "Task", status: "requested", intent: "order" },
      });
      expect(single.status).toBe(400);
      expect((await json<OperationOutcome>(single)).issue.map((i) => i.diagnostics)).toEqual([
        "Task.owner: missing",
        "Task.code: missing",
      ]);
    } finally {
      await strict.close();
    }
  });
});
