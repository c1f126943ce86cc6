// SMART App Launch scopes, v2 (`patient/Observation.rs`) and v1 (`patient/*.read`), turned
// into a yes/no per (resource type, permission). Pure functions, no I/O.
//
// http://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html

/** SMART v2 permissions: create, read, update, delete, search. */
export type Permission = "c" | "r" | "u" | "d" | "s";

export type ScopeContext = "patient" | "user" | "system";

export interface ResourceScope {
  context: ScopeContext;
  /** A resource type, or "*". */
  resourceType: string;
  permissions: Set<Permission>;
  /** The scope as granted, for messages. */
  raw: string;
}

const SCOPE_RE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([^?]+)(\?.*)?$/;
const V2_RE = /^c?r?u?d?s?$/;

/**
 * Parses one scope string. Returns undefined for scopes that are not resource scopes
 * (`openid`, `launch`, `fhirUser`, `offline_access`, …) or are malformed.
 *
 * Granular v2 scopes with a query (`patient/Observation.rs?category=…`) are treated as the
 * scope without the query: wider than the spec, noted as a known gap of the sandbox.
 */
export function parseResourceScope(raw: string): ResourceScope | undefined {
  const m = SCOPE_RE.exec(raw.trim());
  if (!m) return undefined;
  const [, context, resourceType, perms] = m as unknown as [string, ScopeContext, string, string];
  let permissions: Permission[];
  if (perms === "read")
    permissions = ["r", "s"]; // v1
  else if (perms === "write")
    permissions = ["c", "u", "d"]; // v1
  else if (perms === "*")
    permissions = ["c", "r", "u", "d", "s"]; // v1
  else if (perms.length > 0 && V2_RE.test(perms)) permissions = perms.split("") as Permission[];
  else return undefined;
  return { context, resourceType, permissions: new Set(permissions), raw };
}

export function parseScopes(scopes: readonly string[]): ResourceScope[] {
  const out: ResourceScope[] = [];
  for (const s of scopes) {
    const parsed = parseResourceScope(s);
    if (parsed) out.push(parsed);
  }
  return out;
}

/**
 * How much a token may do for one resource type and permission:
 * - "all": a `user/` or `system/` scope grants it (the server's own rules still apply);
 * - "patient": only a `patient/` scope grants it, so access is confined to the patient
 *   compartment of the token's patient;
 * - undefined: not granted.
 * A `patient/` scope without a patient in the token grants nothing.
 */
export type AccessLevel = "all" | "patient";

export function accessFor(
  scopes: readonly ResourceScope[],
  resourceType: string,
  permission: Permission,
  patient: string | undefined,
): AccessLevel | undefined {
  let level: AccessLevel | undefined;
  for (const s of scopes) {
    if (s.resourceType !== "*" && s.resourceType !== resourceType) continue;
    if (!s.permissions.has(permission)) continue;
    if (s.context === "user" || s.context === "system") return "all";
    if (patient) level = "patient";
  }
  return level;
}

/** The scopes that would grant a permission, for the 403 message ("needs patient/Task.u or user/Task.u"). */
export function neededScopes(resourceType: string, permission: Permission): string {
  return `patient/${resourceType}.${permission}, user/${resourceType}.${permission} or system/${resourceType}.${permission}`;
}

export const PERMISSION_NAMES: Record<Permission, string> = {
  c: "create",
  r: "read",
  u: "update",
  d: "delete",
  s: "search",
};
