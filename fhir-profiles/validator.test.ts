// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- free-form FHIR JSON fixtures */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContractPackage } from "./package-loader";
import { profilesFor, validateResource, validateWrite, warmUpValidator } from "./validator";

const here = path.dirname(fileURLToPath(import.meta.url));
const invalidDir = path.join(here, "examples-invalid");
const expected = JSON.parse(
  fs.readFileSync(path.join(invalidDir, "expected-errors.json"), "utf8"),
) as Record<string, string>;
const readInvalid = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(invalidDir, name), "utf8"));

beforeAll(() => warmUpValidator(), 30_000);

describe("valid examples (compiled from FSH)", () => {
  const examples = [...loadContractPackage().examples];
  it("has an example of every profile", () => {
    const pkg = loadContractPackage();
    const profiles = [...pkg.structureDefinitions.values()]
      .filter((sd) => sd.kind === "resource")
      .map((sd) => sd.url);
    const covered = new Set(
      examples.flatMap(([, ex]) => (ex as { meta?: { profile?: string[] } }).meta?.profile ?? []),
    );
    expect(profiles.filter((p) => !covered.has(p))).toEqual([]);
    expect(profiles).toHaveLength(13);
  });
  it.each(examples)("%s passes", (_name, resource) => {
    const result = validateResource(resource as never);
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("invalid examples (fhir-profiles/examples-invalid)", () => {
  const files = fs
    .readdirSync(invalidDir)
    .filter((n) => n.endsWith(".json") && n !== "expected-errors.json")
    .sort();
  it("every invalid example has an expected error and vice versa", () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });
  it.each(files)("%s fails with the expected message", (file) => {
    const result = validateResource(readInvalid(file));
    expect(result.valid).toBe(false);
    const messages = result.issues.map((i) => `${i.path}: ${i.message}`);
    expect(
      messages.some((m) => m.includes(expected[file] as string)),
      messages.join("\n"),
    ).toBe(true);
  });
});

describe("validateResource rules", () => {
  const sr = () =>
    structuredClone(
      loadContractPackage().examples.get("ServiceRequest-wr-example-warm-referral.json"),
    ) as Record<string, any>;

  it("NOPAT is optional (clinic policy)", () => {
    const r = sr();
    r.meta.security = r.meta.security.filter((c: { code: string }) => c.code !== "NOPAT");
    expect(validateResource(r as never).issues).toEqual([]);
  });

  it("validates against an explicit profile option", () => {
    const r = sr();
    delete r.meta.profile;
    expect(
      validateResource(r as never, {
        profile: "https://warm-referral.org/fhir/StructureDefinition/wr-warm-referral",
      }).valid,
    ).toBe(true);
  });

  it("rejects an unknown profile in our namespace and a profile of another type", () => {
    const r = sr();
    r.meta.profile = ["https://warm-referral.org/fhir/StructureDefinition/wr-nope"];
    expect(validateResource(r as never).issues[0]?.message).toMatch(
      /Unknown Warm Referral profile/,
    );
    r.meta.profile = ["https://warm-referral.org/fhir/StructureDefinition/wr-referral-task"];
    expect(validateResource(r as never).issues[0]?.message).toMatch(
      /is for Task, not ServiceRequest/,
    );
  });

  it("validates resources outside the contract against base R4 only", () => {
    const patient = { resourceType: "Patient", id: "p1", name: [{ family: "Test" }] };
    expect(validateResource(patient as never)).toEqual({ valid: true, issues: [] });
    const clinic = { resourceType: "Organization", id: "clinic-main", name: "Clinic" };
    expect(validateResource(clinic as never).valid).toBe(true);
    const bad = { resourceType: "Patient", gender: "banana-shaped", foo: 1 };
    expect(validateResource(bad as never).valid).toBe(false);
  });

  it("accepts US Core and known core extensions, rejects unknown ones", () => {
    const patient = {
      resourceType: "Patient",
      extension: [
        { url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", valueCode: "F" },
        {
          url: "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
          valueAddress: { city: "X" },
        },
      ],
    };
    expect(validateResource(patient as never).issues).toEqual([]);
    const odd = {
      resourceType: "Patient",
      extension: [{ url: "http://example.org/x", valueString: "y" }],
    };
    expect(validateResource(odd as never).issues[0]?.message).toMatch(
      /not part of the Warm Referral contract/,
    );
    expect(
      validateResource(odd as never, { allowedExtensionPrefixes: ["http://example.org/"] }).valid,
    ).toBe(true);
    const fake = {
      resourceType: "Patient",
      extension: [{ url: "http://hl7.org/fhir/StructureDefinition/made-up", valueString: "y" }],
    };
    expect(validateResource(fake as never).issues[0]?.message).toMatch(
      /Unknown FHIR core extension/,
    );
  });

  it("rejects our extension on the wrong resource type", () => {
    const patient = {
      resourceType: "Patient",
      extension: [
        {
          url: "https://warm-referral.org/fhir/StructureDefinition/wr-mou-review-date",
          valueDate: "2025-01-01",
        },
      ],
    };
    expect(validateResource(patient as never).issues[0]?.message).toMatch(/is not allowed here/);
  });

  it("requires a reason for each of the reason-requiring statuses and accepts one with it", () => {
    const task = structuredClone(
      loadContractPackage().examples.get("Task-wr-example-referral-task.json"),
    ) as Record<string, any>;
    for (const status of ["rejected", "cancelled", "on-hold", "failed"]) {
      task.status = status;
      delete task.statusReason;
      expect(validateResource(task as never).valid).toBe(false);
      task.statusReason = {
        coding: [
          {
            system: "https://warm-referral.org/fhir/CodeSystem/wr-referral-status-reason",
            code: "could-not-contact",
          },
        ],
      };
      // SDOHCC TaskForReferralManagement: statusReason.text is required with a statusReason.
      expect(validateResource(task as never).valid).toBe(false);
      task.statusReason.text = "Could not contact";
      expect(validateResource(task as never).issues).toEqual([]);
    }
    task.status = "received";
    expect(validateResource(task as never).valid).toBe(false);
  });

  it("profilesFor lists our profiles of a type", () => {
    expect(profilesFor("Task").sort()).toEqual([
      "https://warm-referral.org/fhir/StructureDefinition/wr-incoming-referral-task",
      "https://warm-referral.org/fhir/StructureDefinition/wr-partner-referral-task",
      "https://warm-referral.org/fhir/StructureDefinition/wr-referral-task",
    ]);
  });

  it("validateWrite returns 'path: message' strings, empty when valid", () => {
    expect(validateWrite(sr() as never)).toEqual([]);
    const r = sr();
    r.intent = "plan";
    expect(validateWrite(r as never)).toEqual([
      "ServiceRequest.intent: Value did not match expected pattern",
    ]);
  });

  it("does not modify the resource", () => {
    const r = sr();
    const before = JSON.stringify(r);
    validateResource(r as never);
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe("SDOHCC 3.0.0 (vendored): every resource claiming one of our profiles also meets SDOHCC's", () => {
  const example = (name: string) =>
    structuredClone(loadContractPackage().examples.get(name)) as Record<string, any>;
  const messages = (r: unknown) => validateResource(r as never).issues.map((i) => i.message);

  it("Task: requester must be a PractitionerRole or an Organization", () => {
    const task = example("Task-wr-example-referral-task.json");
    task.requester = { reference: "Practitioner/prov-rivera" };
    expect(messages(task).join("\n")).toMatch(/reference to Practitioner is not allowed/);
    task.requester = { reference: "PractitionerRole/role-rivera" };
    expect(messages(task)).toEqual([]);
  });

  it("Task: status from SDOHCC's referral task statuses (entered-in-error allowed, ready not)", () => {
    const task = example("Task-wr-example-referral-task.json");
    task.status = "entered-in-error";
    expect(messages(task)).toEqual([]);
    task.status = "ready";
    expect(messages(task).join("\n")).toMatch(/SDOHCC-ValueSetReferralTaskStatus/);
  });

  it("Task: businessStatus needs a BSeR code; our refinement alone is refused", () => {
    const task = example("Task-wr-example-referral-task.json");
    task.businessStatus = {
      coding: [
        {
          system: "https://warm-referral.org/fhir/CodeSystem/wr-referral-outcome",
          code: "on-hold",
        },
      ],
    };
    expect(messages(task).join("\n")).toMatch(/TaskBusinessStatusVS/);
    task.businessStatus.coding.unshift({
      system: "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS",
      code: "3.0",
    });
    expect(messages(task)).toEqual([]);
    task.businessStatus.coding[0].code = "9.9";
    expect(messages(task).join("\n")).toMatch(/Unknown code "9.9"/);
  });

  it("Consent: source[x] is required", () => {
    const consent = example("Consent-wr-example-consent.json");
    delete consent.sourceAttachment;
    const issues = validateResource(consent as never).issues;
    expect(issues.map((i) => i.path)).toContain("Consent.source[x]");
  });

  it("ServiceRequest: a SNOMED CT coding next to ours; contacting-subject-prohibited allowed in orderDetail", () => {
    const sr = example("ServiceRequest-wr-example-warm-referral.json");
    sr.orderDetail.push({
      coding: [
        {
          system:
            "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
          code: "contacting-subject-prohibited",
        },
      ],
    });
    expect(messages(sr)).toEqual([]);
    sr.code.coding = sr.code.coding.filter((c: any) => c.system !== "http://snomed.info/sct");
    expect(messages(sr).join("\n")).toMatch(/wr-sr-3/);
  });

  it("a resource that claims SDOHCC alone is checked against it; a foreign one with no profile is base R4 in the sandbox", () => {
    const sr = example("ServiceRequest-wr-example-warm-referral.json");
    sr.meta = {
      profile: [
        "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest",
      ],
    };
    sr.bodySite = [{ text: "arm" }];
    expect(messages(sr).join("\n")).toMatch(/\[SDOHCC-ServiceRequest\]/);
    delete sr.meta;
    delete sr.bodySite;
    expect(validateWrite(sr as never)).toEqual([]);
  });
});
