// Loads the compiled Warm Referral package (fhir-profiles/package/*.json, produced by
// scripts/build.ts) synchronously, once. Node only (uses fs).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "package");

export interface ElementDefinitionLite {
  id: string;
  path: string;
  min?: number;
  max?: string;
  type?: { code: string; profile?: string[]; targetProfile?: string[] }[];
  binding?: { strength: string; valueSet?: string };
  fixedUri?: string;
  sliceName?: string;
}

export interface StructureDefinitionLite {
  resourceType: "StructureDefinition";
  url: string;
  name: string;
  type: string;
  kind: string;
  derivation?: string;
  baseDefinition?: string;
  context?: { type: string; expression: string }[];
  snapshot?: { element: ElementDefinitionLite[] };
}

export interface CodeSystemLite {
  resourceType: "CodeSystem";
  url: string;
  concept?: { code: string; display?: string; concept?: CodeSystemLite["concept"] }[];
}

export interface ValueSetLite {
  resourceType: "ValueSet";
  url: string;
  compose?: {
    include: {
      system?: string;
      concept?: { code: string }[];
      valueSet?: string[];
      filter?: unknown[];
    }[];
    exclude?: { system?: string; concept?: { code: string }[] }[];
  };
}

export interface ContractPackage {
  structureDefinitions: Map<string, StructureDefinitionLite>;
  codeSystems: Map<string, CodeSystemLite>;
  valueSets: Map<string, ValueSetLite>;
  /** Example instances (compiled from FSH), by file name. */
  examples: Map<string, Record<string, unknown> & { resourceType: string; id?: string }>;
}

let cached: ContractPackage | undefined;

export function loadContractPackage(): ContractPackage {
  if (cached) return cached;
  if (!fs.existsSync(PACKAGE_DIR)) {
    throw new Error(
      `fhir-profiles/package is missing: run "npm run profiles" (tsx fhir-profiles/scripts/build.ts)`,
    );
  }
  const pkg: ContractPackage = {
    structureDefinitions: new Map(),
    codeSystems: new Map(),
    valueSets: new Map(),
    examples: new Map(),
  };
  for (const name of fs.readdirSync(PACKAGE_DIR).sort()) {
    if (!name.endsWith(".json")) continue;
    const res = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, name), "utf8")) as {
      resourceType: string;
      url?: string;
    };
    switch (res.resourceType) {
      case "StructureDefinition":
        pkg.structureDefinitions.set(res.url as string, res as unknown as StructureDefinitionLite);
        break;
      case "CodeSystem":
        pkg.codeSystems.set(res.url as string, res as unknown as CodeSystemLite);
        break;
      case "ValueSet":
        pkg.valueSets.set(res.url as string, res as unknown as ValueSetLite);
        break;
      case "CapabilityStatement":
        break;
      default:
        pkg.examples.set(
          name,
          res as ContractPackage["examples"] extends Map<string, infer V> ? V : never,
        );
    }
  }
  cached = pkg;
  return pkg;
}

/** The requirements CapabilityStatement (what the app needs from an EHR's FHIR server). */
export function loadRequirementsCapabilityStatement(): Record<string, unknown> {
  const file = path.join(PACKAGE_DIR, "CapabilityStatement-wr-ehr-requirements.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

export const VENDOR_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "vendor");

export interface VendorPackage {
  /** SDOHCC and US Core profiles (snapshots), by URL. */
  structureDefinitions: Map<string, StructureDefinitionLite>;
  /** SDOHCC temporary codes, BSeR task business status, by URL. */
  codeSystems: Map<string, CodeSystemLite>;
  valueSets: Map<string, ValueSetLite>;
}

let vendorCached: VendorPackage | undefined;

/** The standard definitions vendored in fhir-profiles/vendor/ (see vendor/README.md). */
export function loadVendorPackage(): VendorPackage {
  if (vendorCached) return vendorCached;
  const pkg: VendorPackage = {
    structureDefinitions: new Map(),
    codeSystems: new Map(),
    valueSets: new Map(),
  };
  for (const dir of fs.readdirSync(VENDOR_DIR).sort()) {
    const full = path.join(VENDOR_DIR, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const name of fs.readdirSync(full).sort()) {
      if (!name.endsWith(".json")) continue;
      const res = JSON.parse(fs.readFileSync(path.join(full, name), "utf8")) as {
        resourceType: string;
        url: string;
      };
      if (res.resourceType === "StructureDefinition")
        pkg.structureDefinitions.set(res.url, res as unknown as StructureDefinitionLite);
      else if (res.resourceType === "CodeSystem")
        pkg.codeSystems.set(res.url, res as unknown as CodeSystemLite);
      else if (res.resourceType === "ValueSet")
        pkg.valueSets.set(res.url, res as unknown as ValueSetLite);
    }
  }
  vendorCached = pkg;
  return pkg;
}
