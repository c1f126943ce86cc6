// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- free-form FHIR JSON fixtures */
// The compiled package (fhir-profiles/package) must match the FSH sources and the canonical
// URLs/codes the app uses. A full recompile check is `tsx fhir-profiles/scripts/build.ts --check`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CAPABILITY_REQUIREMENTS,
  CODE_SYSTEM,
  EXTENSION,
  PROFILE,
  VALUE_SET,
} from "../src/fhir/canonical";
import { CODES } from "../src/fhir/codes";
import { loadContractPackage, loadRequirementsCapabilityStatement } from "./package-loader";
import { SOURCES_HASH_FILE, sourcesHash } from "./scripts/build";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("compiled package", () => {
  it("was built from the current FSH sources (else run: npm run profiles)", () => {
    const committed = fs.readFileSync(path.join(here, "package", SOURCES_HASH_FILE), "utf8").trim();
    expect(committed).toBe(sourcesHash());
  });

  it("defines every canonical profile and extension, with snapshots", () => {
    const { structureDefinitions } = loadContractPackage();
    for (const url of [...Object.values(PROFILE), ...Object.values(EXTENSION)]) {
      const sd = structureDefinitions.get(url);
      expect(sd, url).toBeDefined();
      expect(sd?.snapshot?.element.length, url).toBeGreaterThan(0);
    }
  });

  it("code systems hold exactly the codes in src/fhir/canonical.ts", () => {
    const { codeSystems } = loadContractPackage();
    const { identifier: _namingSystem, ...systems } = CODE_SYSTEM;
    for (const [key, url] of Object.entries(systems)) {
      const cs = codeSystems.get(url);
      expect(cs, url).toBeDefined();
      expect(
        cs?.concept?.map((c) => c.code),
        key,
      ).toEqual([...(CODES as Record<string, readonly string[]>)[key]!]);
    }
  });

  it("value sets exist for every VALUE_SET url", () => {
    const { valueSets } = loadContractPackage();
    for (const url of Object.values(VALUE_SET)) expect(valueSets.get(url), url).toBeDefined();
  });

  it("the requirements CapabilityStatement covers what the app needs", () => {
    const cs = loadRequirementsCapabilityStatement() as any;
    expect(cs.url).toBe(CAPABILITY_REQUIREMENTS);
    expect(cs.kind).toBe("requirements");
    const rest = cs.rest[0];
    expect(rest.interaction.map((i: { code: string }) => i.code)).toContain("transaction");
    expect(rest.security.service[0].coding[0].code).toBe("SMART-on-FHIR");
    const types = rest.resource.map((r: { type: string }) => r.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "Patient",
        "Practitioner",
        "PractitionerRole",
        "Encounter",
        "Organization",
        "HealthcareService",
        "OrganizationAffiliation",
        "Endpoint",
        "ServiceRequest",
        "Task",
        "Consent",
        "Procedure",
      ]),
    );
    for (const r of rest.resource) {
      const codes = r.interaction.map((i: { code: string }) => i.code);
      expect(codes).toEqual(expect.arrayContaining(["read", "search-type"]));
      if (codes.includes("create")) {
        expect(r.conditionalCreate, r.type).toBe(true);
        expect(r.versioning, r.type).toBe("versioned-update");
      }
    }
    const task = rest.resource.find((r: { type: string }) => r.type === "Task");
    expect(task.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        "_id",
        "_security",
        "patient",
        "status",
        "owner",
        "requester",
        "focus",
      ]),
    );
  });
});
