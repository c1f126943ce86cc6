// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- free-form FHIR JSON fixtures */
// The sandbox EHR holds to the data contract: its seed meets the profiles, it validates every
// write against them by default (a write that breaks them gets a 400 OperationOutcome, also
// inside a transaction), and its /metadata satisfies the requirements CapabilityStatement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, OperationOutcome, Resource } from "fhir/r4";
import { PROFILE } from "../src/fhir/canonical";
import { capabilityGaps, compareCapabilities } from "../src/fhir/capability";
import { startSandbox, type Sandbox } from "../sandbox/server";
import { seedResources, buildSeedBundle } from "../sandbox/seed";
import { createFhirServer } from "../sandbox/fhir/index";
import { CookieJar, follow, pkcePair, postForm } from "../sandbox/auth/testkit";
import { loadContractPackage, loadRequirementsCapabilityStatement } from "./package-loader";
import { DEFAULT_REQUIRE_PROFILE_FOR, validateResource, warmUpValidator } from "./validator";

const APP = "http://127.0.0.1:5997";
const CLIENT_ID_SYSTEM = "https://warm-referral.org/fhir/NamingSystem/wr-client-id";
const requirements = loadRequirementsCapabilityStatement();

beforeAll(() => warmUpValidator(), 30_000);

// ---- the seed ------------------------------------------------------------------------------

describe("the sandbox seed meets the profiles", () => {
  const ours = (r: Resource) =>
    (r.meta?.profile ?? []).some((p) => p.startsWith("https://warm-referral.org/fhir/"));
  const checked = seedResources().filter(
    (r) => ours(r) || (DEFAULT_REQUIRE_PROFILE_FOR as readonly string[]).includes(r.resourceType),
  );

  it.each(checked.map((r) => [`${r.resourceType}/${r.id ?? ""}`, r] as const))(
    "%s is valid",
    (_name, resource) => {
      const result = validateResource(resource as never);
      expect(result.issues).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it("every partner resource names its partner profile", () => {
    const expected: Record<string, string> = {
      Organization: PROFILE.partnerOrganization,
      HealthcareService: PROFILE.partnerService,
      OrganizationAffiliation: PROFILE.partnerAffiliation,
      Endpoint: PROFILE.partnerEndpoint,
    };
    const partners = seedResources().filter(
      (r) =>
        r.resourceType in expected && !(r.resourceType === "Organization" && r.id === "clinic"),
    );
    expect(new Set(partners.map((r) => r.resourceType))).toEqual(new Set(Object.keys(expected)));
    for (const r of partners) {
      expect(r.meta?.profile, `${r.resourceType}/${r.id ?? ""}`).toEqual([
        expected[r.resourceType],
      ]);
    }
    // Covers every profile-bearing seed record: partners and the labelled education Procedure.
    expect(checked.map((r) => r.resourceType)).toContain("Procedure");
    expect(checked.length).toBe(partners.length + 1);
  });

  it("every other seed resource passes base R4 validation and our code/extension checks", () => {
    const failures = seedResources()
      .filter((r) => !checked.includes(r))
      .map((r) => ({ id: `${r.resourceType}/${r.id ?? ""}`, ...validateResource(r as never) }))
      .filter((r) => !r.valid);
    expect(failures).toEqual([]);
  });

  it("a sandbox FHIR server refuses to start on a seed that breaks its write validation", async () => {
    await expect(
      createFhirServer({
        baseUrl: "http://127.0.0.1:1/fhir",
        authorizeUrl: "http://127.0.0.1:1/auth/authorize",
        tokenUrl: "http://127.0.0.1:1/auth/token",
        introspect: async () => ({ ok: false, reason: "invalid" }),
        validateWrite: (r) => (r.resourceType === "Endpoint" ? ["Endpoint.name: drifted"] : []),
      }),
    ).rejects.toThrow(
      /Seed data breaks the write validation:\s+Endpoint\/endpoint-safe-harbor: Endpoint.name: drifted/,
    );
  });
});

// ---- a real sandbox, real SMART launch ----------------------------------------------------

/** An access token from a real EHR launch, asking for the app's registered scopes. */
async function launchToken(
  sb: Sandbox,
  user: "prov-rivera" | "admin-okafor" = "prov-rivera",
): Promise<string> {
  const { launch } = sb.createLaunch({ user, patient: "pat-maria", encounter: "enc-maria" });
  const { verifier, challenge } = pkcePair();
  const q = new URLSearchParams({
    response_type: "code",
    client_id: "warm-referral",
    redirect_uri: `${APP}/index.html`,
    scope: sb.registration.scopes,
    state: "st-conformance",
    aud: sb.fhirBaseUrl,
    code_challenge: challenge,
    code_challenge_method: "S256",
    launch,
  });
  const origin = new URL(sb.ehrUrl).origin;
  const a = await follow(`${sb.auth.authorizeUrl}?${q}`, origin, new CookieJar());
  const code = a.leftTo?.searchParams.get("code");
  if (!code) throw new Error(`launch failed: ${a.final.status} ${a.final.body.slice(0, 200)}`);
  const t = await postForm(sb.auth.tokenUrl, {
    grant_type: "authorization_code",
    code,
    code_verifier: verifier,
    redirect_uri: `${APP}/index.html`,
    client_id: "warm-referral",
  });
  const token = t.body.access_token;
  if (typeof token !== "string") throw new Error(`no token: ${JSON.stringify(t.body)}`);
  return token;
}

function fhir(sb: Sandbox, token: string | undefined, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (init.body) headers.set("Content-Type", "application/fhir+json");
  return fetch(`${sb.fhirBaseUrl}${path}`, { ...init, headers });
}

const example = (file: string): any => {
  const ex = loadContractPackage().examples.get(file);
  if (!ex) throw new Error(`no example ${file}`);
  return structuredClone(ex);
};

const URN = {
  consent: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c001",
  sr: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c002",
  task: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c003",
  proc: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c004",
  org: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c005",
  service: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c006",
  affiliation: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c007",
  endpoint: "urn:uuid:6f1c0e52-0000-4000-8000-00000000c008",
};

/** An example of the contract, pointed at the transaction's other entries and the seed. */
function fromExample(file: string, key: string, idSuffix?: string): any {
  const r = example(file);
  delete r.id;
  const json = JSON.stringify(r)
    .replaceAll("Consent/wr-example-consent", URN.consent)
    .replaceAll("ServiceRequest/wr-example-warm-referral", URN.sr)
    .replaceAll("Organization/wr-example-partner-org", URN.org)
    .replaceAll("HealthcareService/wr-example-partner-service", URN.service)
    .replaceAll("Endpoint/wr-example-partner-endpoint", URN.endpoint)
    .replaceAll("Organization/clinic-main", "Organization/clinic")
    .replaceAll("Encounter/enc-maria-1", "Encounter/enc-maria");
  const out = JSON.parse(json);
  for (const id of out.identifier ?? [])
    if (id.system === CLIENT_ID_SYSTEM) id.value = `${key}-${idSuffix ?? ""}`;
  return out;
}

function entry(fullUrl: string, resource: any, ifNoneExist?: string) {
  return {
    fullUrl,
    resource,
    request: {
      method: "POST" as const,
      url: resource.resourceType as string,
      ...(ifNoneExist ? { ifNoneExist: `identifier=${CLIENT_ID_SYSTEM}|${ifNoneExist}` } : {}),
    },
  };
}

/**
 * What the app writes for a warm referral, from the contract's examples, as one transaction:
 * Consent, ServiceRequest (to the seeded Safe Harbor program), Task and the universal-education
 * Procedure — conditional creates on the client-made identifier, urn:uuid references.
 */
function referralTransaction(key: string): Bundle {
  const sr = fromExample("ServiceRequest-wr-example-warm-referral.json", key, "sr");
  const consent = fromExample("Consent-wr-example-consent.json", key, "consent");
  const task = fromExample("Task-wr-example-referral-task.json", key, "task");
  const json = (r: any) =>
    JSON.parse(
      JSON.stringify(r)
        .replaceAll(URN.org, "Organization/org-safe-harbor")
        .replaceAll(URN.service, "HealthcareService/hs-safe-harbor-advocacy"),
    );
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      entry(URN.consent, json(consent), `${key}-consent`),
      entry(URN.sr, json(sr), `${key}-sr`),
      entry(URN.task, json(task), `${key}-task`),
      entry(
        URN.proc,
        fromExample("Procedure-wr-example-universal-education.json", key, "ue"),
        `${key}-ue`,
      ),
    ],
  };
}

/** What a clinic admin writes for a new partner: Organization, service, affiliation, endpoint. */
function partnerTransaction(key: string): Bundle {
  const org = fromExample("Organization-wr-example-partner-org.json", key);
  org.name = `Partner ${key}`;
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      entry(URN.org, org),
      entry(URN.endpoint, fromExample("Endpoint-wr-example-partner-endpoint.json", key)),
      entry(URN.service, fromExample("HealthcareService-wr-example-partner-service.json", key)),
      entry(
        URN.affiliation,
        fromExample("OrganizationAffiliation-wr-example-partner-affiliation.json", key),
      ),
    ],
  };
}

const diagnostics = (oo: OperationOutcome) => oo.issue.map((i) => i.diagnostics ?? "").join("\n");

describe("the sandbox validates writes against the profiles (default)", () => {
  let sb: Sandbox;
  let provider: string;
  let admin: string;

  beforeAll(async () => {
    sb = await startSandbox({ port: 0, appUrl: APP });
    provider = await launchToken(sb, "prov-rivera");
    admin = await launchToken(sb, "admin-okafor");
  }, 30_000);
  afterAll(async () => {
    await sb?.close();
  });

  it("accepts the app's referral transaction (every entry valid)", async () => {
    const res = await fhir(sb, provider, "", {
      method: "POST",
      body: JSON.stringify(referralTransaction("ok-1")),
    });
    const body = (await res.json()) as Bundle;
    expect(res.status, JSON.stringify(body).slice(0, 2000)).toBe(200);
    expect(body.entry?.map((e) => e.response?.status)).toEqual(Array(4).fill("201 Created"));
    const task = body.entry?.[2]?.resource as any;
    expect(task.focus.reference).toMatch(/^ServiceRequest\//);
    const identifier = `${CLIENT_ID_SYSTEM}|ok-1-task`;
    expect(await sb.fhir.search("Task", { identifier })).toHaveLength(1);
  });

  it("refuses a transaction with one invalid entry: 400 OperationOutcome, nothing written", async () => {
    const bundle = referralTransaction("bad-1");
    delete (bundle.entry?.[2]?.resource as any).focus; // the Task
    const res = await fhir(sb, provider, "", { method: "POST", body: JSON.stringify(bundle) });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/fhir\+json/);
    const oo = (await res.json()) as OperationOutcome;
    expect(oo.resourceType).toBe("OperationOutcome");
    expect(diagnostics(oo)).toMatch(/Task\.focus/);
    for (const [type, suffix] of [
      ["Consent", "consent"],
      ["ServiceRequest", "sr"],
      ["Task", "task"],
      ["Procedure", "ue"],
    ] as const) {
      const identifier = `${CLIENT_ID_SYSTEM}|bad-1-${suffix}`;
      expect(await sb.fhir.search(type, { identifier }), type).toEqual([]);
    }
  });

  it("is liberal: a create that names none of our profiles is validated against what it claims (SDOHCC, US Core) or base R4", async () => {
    const base = referralTransaction("foreign-1").entry?.[1]?.resource as any;
    const post = (body: unknown) =>
      fhir(sb, provider, "/ServiceRequest", { method: "POST", body: JSON.stringify(body) });
    // No profile at all (a conformant system need not claim one): base R4.
    const plain = structuredClone(base);
    delete plain.meta;
    delete plain.supportingInfo;
    plain.identifier = [{ system: "urn:example:other-system", value: "foreign-1" }];
    expect((await post(plain)).status).toBe(201);
    // Claims SDOHCC ServiceRequest and meets it.
    const sdohcc = structuredClone(plain);
    sdohcc.meta = {
      profile: [
        "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest",
      ],
    };
    sdohcc.identifier = [{ system: "urn:example:other-system", value: "foreign-2" }];
    expect((await post(sdohcc)).status).toBe(201);
    // Claims it and breaks it (SDOHCC prohibits bodySite): refused, naming the profile.
    const broken = structuredClone(sdohcc);
    broken.identifier = [{ system: "urn:example:other-system", value: "foreign-3" }];
    broken.bodySite = [{ text: "arm" }];
    const res = await post(broken);
    expect(res.status).toBe(400);
    expect(diagnostics((await res.json()) as OperationOutcome)).toMatch(/SDOHCC-ServiceRequest/);
    // Malformed under base R4: still a 400 OperationOutcome.
    const malformed = structuredClone(plain);
    malformed.status = "not-a-status";
    malformed.identifier = [{ system: "urn:example:other-system", value: "foreign-4" }];
    const bad = await post(malformed);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as OperationOutcome).resourceType).toBe("OperationOutcome");
  });

  it("accepts a clinic admin's partner transaction; refuses it when one entry breaks its profile", async () => {
    const ok = await fhir(sb, admin, "", {
      method: "POST",
      body: JSON.stringify(partnerTransaction("p-ok")),
    });
    const body = (await ok.json()) as Bundle;
    expect(ok.status, JSON.stringify(body).slice(0, 2000)).toBe(200);
    expect(body.entry?.map((e) => e.response?.status)).toEqual(Array(4).fill("201 Created"));

    const bundle = partnerTransaction("p-bad");
    (bundle.entry?.[0]?.resource as any).type = [{ text: "Advocacy" }]; // no partner type
    const bad = await fhir(sb, admin, "", { method: "POST", body: JSON.stringify(bundle) });
    expect(bad.status).toBe(400);
    expect(diagnostics((await bad.json()) as OperationOutcome)).toMatch(/wr-org-1|partner type/i);
    expect(await sb.fhir.search("Organization", { name: "Partner p-bad" })).toEqual([]);
  });

  it("refuses an update of a seeded partner that breaks its profile, accepts a valid one", async () => {
    const read = await fhir(sb, admin, "/OrganizationAffiliation/aff-safe-harbor");
    expect(read.status).toBe(200);
    const aff = (await read.json()) as any;
    const etag = read.headers.get("etag") ?? "";
    const broken = { ...aff, code: [aff.code[0], aff.code[0], aff.code[1]] }; // two tiers
    const bad = await fhir(sb, admin, "/OrganizationAffiliation/aff-safe-harbor", {
      method: "PUT",
      headers: { "If-Match": etag },
      body: JSON.stringify(broken),
    });
    expect(bad.status).toBe(400);
    const good = await fhir(sb, admin, "/OrganizationAffiliation/aff-safe-harbor", {
      method: "PUT",
      headers: { "If-Match": etag },
      body: JSON.stringify({ ...aff, active: false }),
    });
    expect(good.status).toBe(200);
  });

  it("refuses a JSON Patch whose result breaks the profile", async () => {
    const res = await fhir(sb, admin, "/Endpoint/endpoint-safe-harbor", {
      method: "PATCH",
      headers: { "Content-Type": "application/json-patch+json" },
      body: JSON.stringify([{ op: "remove", path: "/managingOrganization" }]),
    });
    expect(res.status).toBe(400);
    expect(diagnostics((await res.json()) as OperationOutcome)).toMatch(/managingOrganization/);
    const [endpoint] = await sb.fhir.search("Endpoint", { _id: "endpoint-safe-harbor" });
    expect((endpoint as any).managingOrganization.reference).toBe("Organization/org-safe-harbor");
  });

  it("reloads the seed with validation on", async () => {
    await sb.fhir.reset();
    const orgs = await sb.fhir.search("Organization", { _id: "org-safe-harbor" });
    expect(orgs).toHaveLength(1);
    expect(buildSeedBundle().entry?.length).toBe(seedResources().length);
  });

  it("validates the referral's records and a partner Organization, and accepts the transaction", async () => {
    // What validation costs each write is measured in `npm run bench`, not here.
    const resources = [
      ...(referralTransaction("perf").entry ?? []),
      ...(partnerTransaction("perf").entry ?? []).slice(0, 1),
    ].map((e) => e.resource as Resource);
    expect(resources).toHaveLength(5);
    for (const r of resources) expect(validateResource(r as never).issues).toEqual([]);
    const res = await fhir(sb, provider, "", {
      method: "POST",
      body: JSON.stringify(referralTransaction("perf-0")),
    });
    expect(res.status).toBe(200);
  });
});

describe("opting out of / replacing the profile validation", () => {
  it("validateWrite: false accepts what the profiles would refuse; a custom one replaces them", async () => {
    const open = await startSandbox({ port: 0, appUrl: APP, validateWrite: false });
    const custom = await startSandbox({
      port: 0,
      appUrl: APP,
      validateWrite: (r) => (r.resourceType === "Task" && !r.meta ? ["Task.meta: custom"] : []),
    });
    try {
      // A Task without profile, labels, code or focus: refused by the profiles.
      const task = {
        resourceType: "Task",
        status: "requested",
        intent: "order",
        for: { reference: "Patient/pat-maria" },
      };
      const post = async (sb: Sandbox) =>
        fhir(sb, await launchToken(sb), "/Task", { method: "POST", body: JSON.stringify(task) });
      expect((await post(open)).status).toBe(201);
      const refused = await post(custom);
      expect(refused.status).toBe(400);
      expect(diagnostics((await refused.json()) as OperationOutcome)).toBe("Task.meta: custom");
    } finally {
      await Promise.all([open.close(), custom.close()]);
    }
  }, 30_000);
});

// ---- /metadata against the requirements ---------------------------------------------------

describe("the sandbox's /metadata satisfies the requirements CapabilityStatement", () => {
  async function metadata(sb: Sandbox): Promise<unknown> {
    const res = await fetch(`${sb.fhirBaseUrl}/metadata`);
    expect(res.status).toBe(200);
    return res.json();
  }

  it("has every required resource, interaction, search parameter, transaction and conditional create", async () => {
    const sb = await startSandbox({ port: 0, appUrl: APP });
    try {
      const checks = compareCapabilities(await metadata(sb), requirements);
      expect(capabilityGaps(checks)).toEqual([]);
      for (const id of [
        "resource-types",
        "interactions",
        "search-params",
        "transaction",
        "conditional-create",
        "versioned-update",
        "include",
        "revinclude",
        "result-params",
        "smart-security",
      ]) {
        expect(checks.find((c) => c.check === id)?.ok, id).toBe(true);
      }
    } finally {
      await sb.close();
    }
  });

  it('fails on conditional create with removeCapabilities: ["conditional-create"]', async () => {
    const sb = await startSandbox({
      port: 0,
      appUrl: APP,
      removeCapabilities: ["conditional-create"],
    });
    try {
      const gaps = capabilityGaps(compareCapabilities(await metadata(sb), requirements));
      expect(gaps.map((g) => g.check)).toEqual(["conditional-create"]);
      expect(gaps[0]?.missing).toEqual(
        expect.arrayContaining(["ServiceRequest", "Task", "Consent", "Procedure", "Organization"]),
      );
      expect(gaps[0]?.fix).toMatch(/If-None-Exist/);
    } finally {
      await sb.close();
    }
  });

  it("names what a lesser server lacks (no transaction, no Consent)", async () => {
    const sb = await startSandbox({
      port: 0,
      appUrl: APP,
      removeCapabilities: ["transaction", "Consent"],
    });
    try {
      const gaps = capabilityGaps(compareCapabilities(await metadata(sb), requirements));
      expect(Object.fromEntries(gaps.map((g) => [g.check, g.missing]))).toEqual({
        transaction: ["transaction"],
        "resource-types": ["Consent"],
      });
    } finally {
      await sb.close();
    }
  });
});
