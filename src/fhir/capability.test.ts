import { CAPABILITY_REQUIREMENTS } from "./canonical";
import {
  CAPABILITY_CHECKS,
  capabilityGaps,
  compareCapabilities,
  type CapabilityCheck,
  type CapabilityCheckId,
} from "./capability";
import { EHR_REQUIREMENTS } from "./ehrRequirements";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A server statement that offers exactly what is required (from the requirements themselves). */
function perfectServer(): Json {
  const cs = structuredClone(EHR_REQUIREMENTS) as Json;
  cs.kind = "instance";
  delete cs.url;
  return cs;
}

const rest = (cs: Json): Json => cs.rest[0];
const resource = (cs: Json, type: string): Json =>
  rest(cs).resource.find((r: Json) => r.type === type);

function byId(checks: CapabilityCheck[]): Record<CapabilityCheckId, CapabilityCheck> {
  return Object.fromEntries(checks.map((c) => [c.check, c])) as Record<
    CapabilityCheckId,
    CapabilityCheck
  >;
}

function failed(server: unknown): Partial<Record<CapabilityCheckId, string[]>> {
  return Object.fromEntries(
    compareCapabilities(server, EHR_REQUIREMENTS)
      .filter((c) => !c.ok)
      .map((c) => [c.check, c.missing]),
  );
}

describe("compareCapabilities", () => {
  it("the requirements are the data contract's", () => {
    expect((EHR_REQUIREMENTS as Json).url).toBe(CAPABILITY_REQUIREMENTS);
    expect((EHR_REQUIREMENTS as Json).kind).toBe("requirements");
  });

  it("a server with everything passes every check, in CAPABILITY_CHECKS order", () => {
    const checks = compareCapabilities(perfectServer(), EHR_REQUIREMENTS);
    expect(checks.map((c) => c.check)).toEqual([...CAPABILITY_CHECKS]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(capabilityGaps(checks)).toEqual([]);
    for (const c of checks) {
      expect(c.label, c.check).not.toBe("");
      expect(c.fix, c.check).not.toBe("");
      expect(c.missing).toEqual([]);
    }
  });

  it("a body that is not a CapabilityStatement is one failed check, not a crash", () => {
    for (const body of [
      null,
      undefined,
      "<html>login</html>",
      42,
      [],
      { resourceType: "OperationOutcome", issue: [] },
    ]) {
      const checks = compareCapabilities(body, EHR_REQUIREMENTS);
      expect(checks).toHaveLength(1);
      expect(checks[0]).toMatchObject({ check: "capability-statement", ok: false, required: true });
      expect(checks[0]?.fix).toMatch(/metadata/);
    }
  });

  it("a malformed CapabilityStatement fails checks instead of throwing", () => {
    const f = failed({ resourceType: "CapabilityStatement", rest: "nope", format: 3 });
    expect(f["resource-types"]).toContain("Task");
    expect(f.transaction).toEqual(["transaction"]);
    expect(f["smart-security"]).toEqual(["SMART-on-FHIR"]);
    expect(f["fhir-version"]?.[0]).toMatch(/not stated/);
  });

  it("throws when the requirements are not a CapabilityStatement (a programming error)", () => {
    expect(() => compareCapabilities(perfectServer(), {})).toThrow(/requirements/);
  });

  it("conditional create missing on the written types", () => {
    const cs = perfectServer();
    for (const r of rest(cs).resource) r.conditionalCreate = false;
    const checks = byId(compareCapabilities(cs, EHR_REQUIREMENTS));
    expect(checks["conditional-create"].ok).toBe(false);
    expect(checks["conditional-create"].missing).toEqual([
      "Organization",
      "HealthcareService",
      "OrganizationAffiliation",
      "Endpoint",
      "ServiceRequest",
      "Task",
      "Consent",
      "Procedure",
    ]);
    expect(checks["conditional-create"].fix).toMatch(/If-None-Exist/);
    expect(Object.keys(failed(cs))).toEqual(["conditional-create"]);
  });

  it("transaction, versioned update, interactions", () => {
    const cs = perfectServer();
    rest(cs).interaction = [{ code: "batch" }];
    resource(cs, "Task").versioning = "versioned";
    resource(cs, "Consent").interaction = [{ code: "read" }, { code: "search-type" }];
    expect(failed(cs)).toEqual({
      transaction: ["transaction"],
      "versioned-update": ["Task"],
      interactions: ["Consent: create", "Consent: update"],
    });
  });

  it("a missing resource type is reported once, under resource-types", () => {
    const cs = perfectServer();
    rest(cs).resource = rest(cs).resource.filter((r: Json) => r.type !== "Consent");
    expect(failed(cs)).toEqual({ "resource-types": ["Consent"] });
  });

  it("search parameters: per type, or declared for the whole server", () => {
    const cs = perfectServer();
    const task = resource(cs, "Task");
    task.searchParam = task.searchParam.filter((p: Json) => !["owner", "focus"].includes(p.name));
    expect(failed(cs)).toEqual({ "search-params": ["Task: owner", "Task: focus"] });
    rest(cs).searchParam.push({ name: "owner", type: "reference" });
    expect(failed(cs)).toEqual({ "search-params": ["Task: focus"] });
  });

  it("_count and _summary: at server level or on every required type", () => {
    const cs = perfectServer();
    rest(cs).searchParam = [];
    for (const r of rest(cs).resource) {
      r.searchParam.push({ name: "_count", type: "number" });
      if (r.type !== "Task") r.searchParam.push({ name: "_summary", type: "token" });
      r.searchInclude ??= ["*"];
      r.searchRevInclude ??= ["*"];
    }
    expect(failed(cs)).toEqual({ "result-params": ["_summary (Task)"] });
  });

  it("_include / _revinclude: the listed includes (with a target type, or *), or any at all", () => {
    const cs = perfectServer();
    resource(cs, "Task").searchInclude = ["Task:focus:ServiceRequest", "Task:subject"];
    resource(cs, "ServiceRequest").searchRevInclude = ["*"];
    expect(failed(cs)).toEqual({ include: ["Task:owner"] });

    const none = perfectServer();
    rest(none).searchParam = rest(none).searchParam.filter(
      (p: Json) => !["_include", "_revinclude"].includes(p.name),
    );
    for (const r of rest(none).resource) {
      delete r.searchInclude;
      delete r.searchRevInclude;
    }
    const f = failed(none);
    expect(f.include?.[0]).toBe("_include");
    expect(f.include).toContain("Task:focus");
    expect(f.revinclude).toEqual(["_revinclude", "ServiceRequest ← Task:focus"]);
  });

  it("FHIR version, JSON, SMART and CORS", () => {
    const cs = perfectServer();
    cs.fhirVersion = "3.0.2";
    cs.format = ["xml"];
    rest(cs).security = { cors: false, service: [{ coding: [{ code: "OAuth" }] }] };
    expect(failed(cs)).toEqual({
      "fhir-version": ["FHIR 4.0.1 (server: 3.0.2)"],
      "json-format": ["application/fhir+json"],
      "smart-security": ["SMART-on-FHIR"],
      cors: ["cors"],
    });
    const r4 = perfectServer();
    r4.fhirVersion = "4.0.0";
    r4.format = ["application/fhir+json"];
    expect(failed(r4)).toEqual({});
  });

  it("supported profiles are advisory: reported, but not a gap", () => {
    const cs = perfectServer();
    delete resource(cs, "Task").supportedProfile;
    const checks = compareCapabilities(cs, EHR_REQUIREMENTS);
    const profiles = byId(checks)["supported-profiles"];
    expect(profiles).toMatchObject({ ok: false, required: false });
    expect(profiles.missing).toEqual(["Task: wr-referral-task", "Task: wr-incoming-referral-task"]);
    expect(capabilityGaps(checks)).toEqual([]);
  });
});
