// SMART scope narrowing for the sandbox authorization server. Development and testing only.
//
// Requested scopes are narrowed to what the user may have. A v2 clinical scope
// (`patient/Observation.rs`) keeps the requested permissions the user is allowed; a v1 scope
// (`patient/*.read`) is granted when the equivalent v2 permissions are allowed. `patient/`
// scopes need a patient in context. Unknown scopes are dropped.

const PERMISSION_ORDER = ["c", "r", "u", "d", "s"] as const;
type Permission = (typeof PERMISSION_ORDER)[number];

/** Non-clinical scopes the server knows. */
export const CONTEXT_SCOPES = [
  "openid",
  "fhirUser",
  "profile",
  "offline_access",
  "online_access",
  "launch",
  "launch/patient",
  "launch/encounter",
] as const;

export interface ClinicalScope {
  level: "patient" | "user" | "system";
  resourceType: string; // "*" or a resource type
  permissions: Set<Permission>;
  /** "v1" for .read/.write/.*, "v2" for cruds letters. */
  version: "v1" | "v2";
  v1Suffix?: "read" | "write" | "*";
  /** Granular query, e.g. "?category=laboratory" (v2 only), kept as is. */
  query: string;
}

const CLINICAL =
  /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?[^\s]*)?$/;

export function parseClinicalScope(scope: string): ClinicalScope | undefined {
  const m = CLINICAL.exec(scope);
  if (!m) return undefined;
  const level = m[1] as ClinicalScope["level"];
  const resourceType = m[2] ?? "*";
  const suffix = m[3] ?? "";
  const query = m[4] ?? "";
  if (suffix === "") return undefined;
  if (suffix === "read" || suffix === "write" || suffix === "*") {
    if (query) return undefined; // granular queries are v2 only
    const permissions = new Set<Permission>(
      suffix === "read" ? ["r", "s"] : suffix === "write" ? ["c", "u", "d"] : PERMISSION_ORDER,
    );
    return { level, resourceType, permissions, version: "v1", v1Suffix: suffix, query };
  }
  return {
    level,
    resourceType,
    permissions: new Set(suffix.split("") as Permission[]),
    version: "v2",
    query,
  };
}

function letters(perms: Set<Permission>): string {
  return PERMISSION_ORDER.filter((p) => perms.has(p)).join("");
}

/** Permissions the user may have for level/resourceType, from their allowed (v2) scopes. */
function allowedPermissions(
  allowed: readonly string[],
  level: string,
  resourceType: string,
): Set<Permission> {
  const out = new Set<Permission>();
  for (const a of allowed) {
    const p = parseClinicalScope(a);
    if (!p || p.level !== level || p.query) continue;
    // A wildcard request is only covered by wildcard rules; a typed request by either.
    if (p.resourceType !== "*" && p.resourceType !== resourceType) continue;
    for (const x of p.permissions) out.add(x);
  }
  return out;
}

function narrowClinical(
  scope: ClinicalScope,
  raw: string,
  allowed: readonly string[],
): string | undefined {
  const may = allowedPermissions(allowed, scope.level, scope.resourceType);
  const has = (perms: Iterable<Permission>) => [...perms].every((p) => may.has(p));
  const prefix = `${scope.level}/${scope.resourceType}`;
  if (scope.version === "v1") {
    if (has(scope.permissions)) return raw;
    if (scope.v1Suffix === "*") {
      if (has(["r", "s"])) return `${prefix}.read`;
      if (has(["c", "u", "d"])) return `${prefix}.write`;
    }
    return undefined;
  }
  const granted = new Set([...scope.permissions].filter((p) => may.has(p)));
  if (granted.size === 0) return undefined;
  return `${prefix}.${letters(granted)}${scope.query}`;
}

export interface NarrowInput {
  requested: string[];
  allowed: readonly string[];
  hasPatient: boolean;
  hasEncounter: boolean;
  /** True when the authorize request carried a SMART `launch` parameter (EHR launch). */
  ehrLaunch: boolean;
}

/** Returns the granted scopes, in request order, without duplicates. */
export function narrowScopes(input: NarrowInput): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s && !out.includes(s)) out.push(s);
  };
  for (const raw of input.requested) {
    switch (raw) {
      case "openid":
      case "fhirUser":
      case "profile":
      case "offline_access":
      case "online_access":
        add(raw);
        continue;
      case "launch":
        if (input.ehrLaunch) add(raw);
        continue;
      case "launch/patient":
        if (input.hasPatient) add(raw);
        continue;
      case "launch/encounter":
        if (input.hasEncounter) add(raw);
        continue;
      default:
        break;
    }
    const parsed = parseClinicalScope(raw);
    if (!parsed || parsed.level === "system") continue;
    if (parsed.level === "patient" && !input.hasPatient) continue;
    add(narrowClinical(parsed, raw, input.allowed));
  }
  return out;
}

/** Patient-facing (portal) users may read their own record. */
export const PATIENT_USER_ALLOWED_SCOPES = ["patient/*.rs"] as const;
