// Does an EHR's FHIR server offer what the app needs? Compares the server's CapabilityStatement
// (GET [base]/metadata) with the app's requirements CapabilityStatement (kind = requirements,
// fhir-profiles/package/CapabilityStatement-wr-ehr-requirements.json). Pure: no I/O, no Node
// or DOM APIs; used by the IT diagnostics screen (in the browser) and by the sandbox's tests.
//
// Both arguments are raw JSON (unknown): whatever the server sent is read defensively, and a
// body that is not a CapabilityStatement is one failed check, never a crash.

/** Stable ids of the checks, in the order they are returned. */
export const CAPABILITY_CHECKS = [
  "capability-statement",
  "fhir-version",
  "json-format",
  "smart-security",
  "cors",
  "transaction",
  "system-interactions",
  "resource-types",
  "interactions",
  "versioned-update",
  "conditional-create",
  "search-params",
  "result-params",
  "include",
  "revinclude",
  "supported-profiles",
] as const;

export type CapabilityCheckId = (typeof CAPABILITY_CHECKS)[number];

export interface CapabilityCheck {
  /** Stable id (for tests, translations and links to the docs). */
  check: CapabilityCheckId;
  /** Short English title, e.g. "Conditional create (If-None-Exist)". */
  label: string;
  /** True when the server offers everything this check asks for. */
  ok: boolean;
  /** false = advisory: worth fixing, but the app works without it. */
  required: boolean;
  /** What is missing, e.g. ["Task", "ServiceRequest"] or ["Task: owner"]; empty when ok. */
  missing: string[];
  /** What the EHR's IT team can do about it (always set, so the screen can show it on demand). */
  fix: string;
}

// ---- defensive JSON readers ---------------------------------------------------------------

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

interface RestResource {
  type: string;
  interactions: Set<string>;
  versioning: string | undefined;
  conditionalCreate: boolean;
  searchParams: Set<string>;
  searchInclude: string[];
  searchRevInclude: string[];
  profiles: Set<string>;
}

interface Rest {
  interactions: Set<string>;
  searchParams: Set<string>;
  smart: boolean;
  cors: boolean;
  resources: Map<string, RestResource>;
}

interface Statement {
  fhirVersion: string | undefined;
  formats: string[];
  rest: Rest;
}

const codes = (list: unknown): Set<string> =>
  new Set(
    objects(list)
      .map((i) => str(i.code))
      .filter((c): c is string => !!c),
  );
const names = (list: unknown): Set<string> =>
  new Set(
    objects(list)
      .map((p) => str(p.name))
      .filter((n): n is string => !!n),
  );

function readResource(r: Json): RestResource | undefined {
  const type = str(r.type);
  if (!type) return undefined;
  return {
    type,
    interactions: codes(r.interaction),
    versioning: str(r.versioning),
    conditionalCreate: r.conditionalCreate === true,
    searchParams: names(r.searchParam),
    searchInclude: strings(r.searchInclude),
    searchRevInclude: strings(r.searchRevInclude),
    profiles: new Set([
      ...strings(r.supportedProfile),
      ...(str(r.profile) ? [r.profile as string] : []),
    ]),
  };
}

function readStatement(json: unknown): Statement | undefined {
  if (!isObject(json) || json.resourceType !== "CapabilityStatement") return undefined;
  const rests = objects(json.rest);
  const rest = rests.find((r) => r.mode === "server") ?? rests[0] ?? {};
  const security = isObject(rest.security) ? rest.security : {};
  const smart = objects(security.service).some((s) =>
    objects(s.coding).some((c) => c.code === "SMART-on-FHIR"),
  );
  const resources = new Map<string, RestResource>();
  for (const r of objects(rest.resource)) {
    const read = readResource(r);
    if (read) resources.set(read.type, read);
  }
  return {
    fhirVersion: str(json.fhirVersion),
    formats: strings(json.format),
    rest: {
      interactions: codes(rest.interaction),
      searchParams: names(rest.searchParam),
      smart,
      cors: security.cors === true,
      resources,
    },
  };
}

// ---- the comparison -----------------------------------------------------------------------

const LABELS: Record<CapabilityCheckId, string> = {
  "capability-statement": "CapabilityStatement (/metadata)",
  "fhir-version": "FHIR version R4",
  "json-format": "JSON format",
  "smart-security": "SMART on FHIR authorization",
  cors: "Cross-origin requests (CORS)",
  transaction: "Transaction Bundles",
  "system-interactions": "Other server-level interactions",
  "resource-types": "Resource types",
  interactions: "Interactions (read, search, create, update)",
  "versioned-update": "Versioned update (If-Match)",
  "conditional-create": "Conditional create (If-None-Exist)",
  "search-params": "Search parameters",
  "result-params": "_count and _summary",
  include: "_include",
  revinclude: "_revinclude",
  "supported-profiles": "Warm Referral profiles listed",
};

const FIXES: Record<CapabilityCheckId, string> = {
  "capability-statement":
    "The FHIR base URL did not return a CapabilityStatement at /metadata. Check that the issuer (iss) in the app's configuration is the FHIR R4 base URL, and that /metadata is reachable without a token.",
  "fhir-version":
    "Use the server's FHIR R4 (4.0.1) endpoint as the issuer (EHRs often serve several versions at different base URLs, e.g. …/FHIR/R4).",
  "json-format": "Enable JSON (application/fhir+json) on the FHIR API.",
  "smart-security":
    "Enable SMART on FHIR (App Launch 2: EHR launch, standalone launch, PKCE) for the FHIR API, and register the app with the values on the registration screen.",
  cors: "Allow cross-origin requests (CORS) from the app's origin: the app runs in the browser and calls the FHIR API directly.",
  transaction:
    "Enable transaction Bundles (POST a Bundle of type transaction to the FHIR base URL). The app writes a referral, its consent and its task in one all-or-nothing transaction, so security labels are never half-applied.",
  "system-interactions": "Enable these server-level interactions for the app's client.",
  "resource-types":
    "Expose these resource types on the FHIR API and grant the app's client scopes for them.",
  interactions:
    "Enable these interactions for the app's client (and grant the matching SMART scopes).",
  "versioned-update":
    "Enable version-aware updates (PUT with If-Match: the ETag), so that two people updating the same referral task never overwrite each other's change.",
  "conditional-create":
    "Enable conditional create (the If-None-Exist header, and request.ifNoneExist inside transaction Bundles). Without it, a submit retried after a network error could create a duplicate referral.",
  "search-params": "Enable these search parameters on the FHIR API.",
  "result-params":
    "Support _count (page size) and _summary=count on searches; the app pages its lists and counts for reports.",
  include:
    "Support _include on these searches (the app loads a referral's task, partner and services in one request).",
  revinclude:
    "Support _revinclude on these searches (the app loads each referral with its tracking task in one request).",
  "supported-profiles":
    "Optional: list the Warm Referral profiles in supportedProfile, or better, validate writes against them (fhir-profiles in the app's repository).",
};

function result(check: CapabilityCheckId, missing: string[], required = true): CapabilityCheck {
  return {
    check,
    label: LABELS[check],
    ok: missing.length === 0,
    required,
    missing,
    fix: FIXES[check],
  };
}

/** True when the server's list names the include (exactly, with a target type, or "*"). */
function listsInclude(list: string[], wanted: string): boolean {
  return list.some((i) => i === "*" || i === wanted || i.startsWith(`${wanted}:`));
}

/**
 * Compares a server's CapabilityStatement with the app's requirements. Returns one entry per
 * check in CAPABILITY_CHECKS order (checks the requirements do not ask for are ok). When the
 * server's document is not a CapabilityStatement, only the "capability-statement" check is
 * returned (failed).
 */
export function compareCapabilities(server: unknown, requirements: unknown): CapabilityCheck[] {
  const need = readStatement(requirements);
  if (!need) throw new Error("compareCapabilities: the requirements are not a CapabilityStatement");
  const have = readStatement(server);
  if (!have) return [result("capability-statement", ["CapabilityStatement"])];

  const out: CapabilityCheck[] = [result("capability-statement", [])];

  // Version: same major.minor (4.0.x).
  const wantVersion = need.fhirVersion?.split(".").slice(0, 2).join(".");
  const haveVersion = have.fhirVersion?.split(".").slice(0, 2).join(".");
  out.push(
    result(
      "fhir-version",
      wantVersion && haveVersion !== wantVersion
        ? [`FHIR ${need.fhirVersion ?? ""} (server: ${have.fhirVersion ?? "not stated"})`]
        : [],
    ),
  );

  const jsonWanted = need.formats.some((f) => /json/.test(f));
  const jsonOk = have.formats.some((f) => /json/.test(f));
  out.push(result("json-format", jsonWanted && !jsonOk ? ["application/fhir+json"] : []));
  out.push(result("smart-security", need.rest.smart && !have.rest.smart ? ["SMART-on-FHIR"] : []));
  out.push(result("cors", need.rest.cors && !have.rest.cors ? ["cors"] : []));

  const systemMissing = [...need.rest.interactions].filter((c) => !have.rest.interactions.has(c));
  out.push(
    result(
      "transaction",
      systemMissing.filter((c) => c === "transaction"),
    ),
  );
  out.push(
    result(
      "system-interactions",
      systemMissing.filter((c) => c !== "transaction"),
    ),
  );

  // Per resource type. Types the server lacks are reported once, under resource-types.
  const missingTypes: string[] = [];
  const missingInteractions: string[] = [];
  const notVersioned: string[] = [];
  const noConditionalCreate: string[] = [];
  const missingParams: string[] = [];
  const missingIncludes: string[] = [];
  const missingRevIncludes: string[] = [];
  const missingProfiles: string[] = [];
  for (const want of need.rest.resources.values()) {
    const got = have.rest.resources.get(want.type);
    if (!got) {
      missingTypes.push(want.type);
      continue;
    }
    for (const code of want.interactions)
      if (!got.interactions.has(code)) missingInteractions.push(`${want.type}: ${code}`);
    if (want.versioning === "versioned-update" && got.versioning !== "versioned-update")
      notVersioned.push(want.type);
    if (want.conditionalCreate && !got.conditionalCreate) noConditionalCreate.push(want.type);
    for (const name of want.searchParams)
      if (!got.searchParams.has(name) && !have.rest.searchParams.has(name))
        missingParams.push(`${want.type}: ${name}`);
    for (const inc of want.searchInclude)
      if (!listsInclude(got.searchInclude, inc)) missingIncludes.push(inc);
    for (const inc of want.searchRevInclude)
      if (!listsInclude(got.searchRevInclude, inc))
        missingRevIncludes.push(`${want.type} ← ${inc}`);
    for (const p of want.profiles)
      if (!got.profiles.has(p)) missingProfiles.push(`${want.type}: ${p.replace(/^.*\//, "")}`);
  }

  // Server-wide search parameters (_count, _summary, _include, _revinclude): declared at the
  // server level, or on every required type the server has. _include / _revinclude also count
  // as declared when the server lists any searchInclude / searchRevInclude.
  const missingResultParams: string[] = [];
  const presentTypes = [...need.rest.resources.keys()]
    .map((t) => have.rest.resources.get(t))
    .filter((r): r is RestResource => !!r);
  const declaredEverywhere = (name: string) =>
    have.rest.searchParams.has(name) || presentTypes.every((r) => r.searchParams.has(name));
  for (const name of need.rest.searchParams) {
    if (name === "_include") {
      const any = [...have.rest.resources.values()].some((r) => r.searchInclude.length > 0);
      if (!any && !declaredEverywhere(name)) missingIncludes.unshift("_include");
    } else if (name === "_revinclude") {
      const any = [...have.rest.resources.values()].some((r) => r.searchRevInclude.length > 0);
      if (!any && !declaredEverywhere(name)) missingRevIncludes.unshift("_revinclude");
    } else if (!declaredEverywhere(name)) {
      const lacking = presentTypes.filter((r) => !r.searchParams.has(name)).map((r) => r.type);
      missingResultParams.push(`${name} (${lacking.join(", ")})`);
    }
  }

  out.push(result("resource-types", missingTypes));
  out.push(result("interactions", missingInteractions));
  out.push(result("versioned-update", notVersioned));
  out.push(result("conditional-create", noConditionalCreate));
  out.push(result("search-params", missingParams));
  out.push(result("result-params", missingResultParams));
  out.push(result("include", missingIncludes));
  out.push(result("revinclude", missingRevIncludes));
  out.push(result("supported-profiles", missingProfiles, false));
  return out;
}

/** The required checks that failed (empty = the server has everything the app needs). */
export function capabilityGaps(checks: readonly CapabilityCheck[]): CapabilityCheck[] {
  return checks.filter((c) => c.required && !c.ok);
}
