import type { CapabilityCheck } from "../../fhir/capability";
import { missingScopes } from "../../fhir/scopes";

// IT diagnostics: pure checks of what the connected server says about itself. Each check has a
// stable id, a status and — when it does not pass — the fix, in the words IT needs.

export type CheckStatus = "pass" | "fail" | "advisory" | "info" | "skipped";

export interface DiagnosticCheck {
  id: string;
  group: "smart" | "capability" | "scopes" | "partner" | "roundtrip";
  label: string;
  status: CheckStatus;
  /** What was found (missing items, values). */
  detail: string;
  /** What to do about it (shown unless the check passed). */
  fix: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];

/** A launch mode the server must (or should) list in its SMART capabilities. */
function advertised(
  capabilities: readonly string[],
  c: {
    id: string;
    label: string;
    wanted: readonly string[];
    whenMissing: CheckStatus;
    /** What a pass shows (default: the capabilities wanted). */
    passDetail?: string;
    fix: string;
  },
): DiagnosticCheck {
  const missing = c.wanted.filter((w) => !capabilities.includes(w));
  return {
    id: c.id,
    group: "smart",
    label: c.label,
    status: missing.length ? c.whenMissing : "pass",
    detail: missing.length
      ? `Not advertised: ${missing.join(", ")}`
      : (c.passDetail ?? c.wanted.join(", ")),
    fix: c.fix,
  };
}

/** `.well-known/smart-configuration`: PKCE S256, endpoints, scopes supported, launch modes. */
export function smartChecks(config: unknown): DiagnosticCheck[] {
  if (!isObject(config)) {
    return [
      {
        id: "smart-configuration",
        group: "smart",
        label: "SMART configuration (.well-known/smart-configuration)",
        status: "fail",
        detail: "The server did not answer with a SMART configuration document.",
        fix: "Publish [base]/.well-known/smart-configuration (SMART App Launch 2) as JSON, without authentication, with CORS allowed.",
      },
    ];
  }
  const out: DiagnosticCheck[] = [
    {
      id: "smart-configuration",
      group: "smart",
      label: "SMART configuration (.well-known/smart-configuration)",
      status: "pass",
      detail: "Published.",
      fix: "",
    },
  ];
  const endpoints = ["authorization_endpoint", "token_endpoint"].filter(
    (k) => typeof config[k] !== "string",
  );
  out.push({
    id: "smart-endpoints",
    group: "smart",
    label: "Authorization and token endpoints",
    status: endpoints.length ? "fail" : "pass",
    detail: endpoints.length ? `Missing: ${endpoints.join(", ")}` : "Both advertised.",
    fix: "Advertise authorization_endpoint and token_endpoint in the SMART configuration.",
  });
  const pkce = strings(config.code_challenge_methods_supported);
  out.push({
    id: "pkce-s256",
    group: "smart",
    label: "PKCE with S256",
    status: pkce.includes("S256") ? "pass" : "fail",
    detail: pkce.length
      ? `Methods: ${pkce.join(", ")}`
      : "code_challenge_methods_supported is missing.",
    fix: 'The app is a public client and uses PKCE. Enable PKCE with S256 on the authorization server and list "S256" in code_challenge_methods_supported (plain is not acceptable).',
  });
  const capabilities = strings(config.capabilities);
  const scopes = strings(config.scopes_supported);
  const wantedScopes = ["openid", "fhirUser", "launch"];
  const missingScopeNames = wantedScopes.filter((s) => scopes.length > 0 && !scopes.includes(s));
  const permission = capabilities.includes("permission-v2")
    ? "v2"
    : capabilities.includes("permission-v1")
      ? "v1"
      : undefined;
  out.push({
    id: "scopes-supported",
    group: "smart",
    label: "Scopes supported",
    status:
      scopes.length === 0 ? "advisory" : missingScopeNames.length || !permission ? "fail" : "pass",
    detail:
      scopes.length === 0
        ? "scopes_supported is not listed (optional in SMART 2)."
        : [
            missingScopeNames.length ? `Missing: ${missingScopeNames.join(", ")}` : "",
            permission
              ? `Resource scopes: SMART ${permission}`
              : "Neither permission-v2 nor permission-v1 is advertised",
          ]
            .filter(Boolean)
            .join(". "),
    fix: "Support openid, fhirUser and launch, and SMART v2 resource scopes (permission-v2; the app falls back to v1 with scopeVersion auto). List them in scopes_supported.",
  });
  out.push(
    advertised(capabilities, {
      id: "launch-ehr",
      label: "EHR launch with patient context",
      wanted: ["launch-ehr", "context-ehr-patient"],
      whenMissing: "fail",
      fix: "Register the app for EHR launch (launch-ehr) with patient context (context-ehr-patient); list both in capabilities.",
    }),
    advertised(capabilities, {
      id: "launch-standalone",
      label: "Standalone launch (clinic admins, partner advocates)",
      wanted: ["launch-standalone", "context-standalone-patient"],
      whenMissing: "advisory",
      passDetail: "launch-standalone",
      fix: "Optional: enable standalone launch (launch-standalone, context-standalone-patient) so admins can open the directory outside a chart.",
    }),
  );
  out.push({
    id: "client-public",
    group: "smart",
    label: "Public client",
    status: capabilities.includes("client-public") ? "pass" : "advisory",
    detail: capabilities.includes("client-public")
      ? "client-public"
      : "client-public is not advertised",
    fix: "The app has no backend and no secret: register it as a public client (client-public) with PKCE.",
  });
  return out;
}

/** The server's CapabilityStatement against the app's requirements (compareCapabilities). */
export function capabilityChecks(checks: readonly CapabilityCheck[]): DiagnosticCheck[] {
  return checks.map((c) => ({
    id: c.check,
    group: "capability" as const,
    label: c.label,
    status: c.ok ? "pass" : c.required ? "fail" : "advisory",
    detail: c.ok ? "Offered." : `Missing: ${c.missing.join("; ")}`,
    fix: c.fix,
  }));
}

/** Scopes each part of the app needs. */
export const NEEDED_SCOPES = {
  read: [
    "patient/Patient.rs",
    "patient/Encounter.rs",
    "user/Practitioner.rs",
    "user/PractitionerRole.rs",
    "user/Organization.rs",
    "user/HealthcareService.rs",
    "user/OrganizationAffiliation.rs",
    "user/Endpoint.rs",
  ],
  write: [
    "patient/ServiceRequest.crus",
    "patient/Task.crus",
    "patient/Consent.crus",
    "patient/Procedure.crs",
  ],
  admin: [
    "user/Organization.crus",
    "user/HealthcareService.crus",
    "user/OrganizationAffiliation.crus",
    "user/Endpoint.crus",
  ],
} as const;

/** Granted scopes against the scopes each part of the app needs. */
export function scopeChecks(granted: readonly string[]): DiagnosticCheck[] {
  const missingRead = missingScopes(NEEDED_SCOPES.read, granted);
  const missingWrite = missingScopes(NEEDED_SCOPES.write, granted);
  const missingAdmin = missingScopes(NEEDED_SCOPES.admin, granted);
  const out: DiagnosticCheck[] = [
    {
      id: "scopes-read",
      group: "scopes",
      label: "Scopes to read the chart context and the partner directory",
      status: missingRead.length ? "fail" : "pass",
      detail: missingRead.length ? `Not granted: ${missingRead.join(" ")}` : "All granted.",
      fix: "Add the missing scopes to the app's registration and to public/smart-config.json (scopes.v2 / scopes.v1); the user must be allowed them.",
    },
    {
      id: "scopes-write",
      group: "scopes",
      label: "Scopes to record universal education and make referrals",
      status: missingWrite.length
        ? missingWrite.length === NEEDED_SCOPES.write.length
          ? "info"
          : "fail"
        : "pass",
      detail: missingWrite.length
        ? `Not granted: ${missingWrite.join(" ")}${missingWrite.length === NEEDED_SCOPES.write.length ? " (a read-only launch: fine for admins and IT)" : ""}`
        : "All granted.",
      fix: "For clinical users, grant create/read/update/search on ServiceRequest, Task, Consent and Procedure in the patient context.",
    },
    {
      id: "scopes-admin",
      group: "scopes",
      label: "Scopes to edit the partner directory (clinic admins only)",
      status: missingAdmin.length ? "info" : "pass",
      detail: missingAdmin.length
        ? `Not granted: ${missingAdmin.join(" ")} — the directory is read-only in this launch.`
        : "Granted: this launch can edit the partner directory.",
      fix: "Only clinic admins should edit partners: grant user/Organization, HealthcareService, OrganizationAffiliation and Endpoint create/update to admin users only (see the README, 'Partner directory editing').",
    },
  ];
  const offline = granted.includes("offline_access") || granted.includes("online_access");
  out.push({
    id: "scopes-refresh",
    group: "scopes",
    label: "Refresh token (offline_access / online_access)",
    status: offline ? "pass" : "advisory",
    detail: offline ? "Granted." : "No refresh scope granted: long visits may need a new launch.",
    fix: "Allow offline_access (or online_access) for the app so entered data survives a token expiry.",
  });
  return out;
}

/** Is this the repository's sandbox EHR (where a test write is harmless)? */
export function isSandboxServer(metadata: unknown): boolean {
  if (!isObject(metadata)) return false;
  const software = isObject(metadata.software) ? metadata.software : {};
  return typeof software.name === "string" && /Warm Referral sandbox/i.test(software.name);
}
