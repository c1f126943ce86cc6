// The contract between the sandbox's parts: the SMART authorization server (sandbox/auth),
// the FHIR server (sandbox/fhir), the simulated EHR and portal (sandbox/ehr) and the
// process that wires them together (sandbox/server.ts). Development and testing only.

/** What the FHIR server needs to know about a bearer token. */
export interface TokenContext {
  clientId: string;
  /** Granted scopes, space-separated in the token response, split here. */
  scopes: string[];
  /** Launch context bound to the token, when any. */
  patient?: string;
  encounter?: string;
  /** e.g. "Practitioner/prov-rivera" or "Patient/pat-maria" */
  fhirUser?: string;
  /** True for tokens issued to a patient-facing (portal) client. */
  patientFacing: boolean;
  /** True only for the "label-blind" portal client: the FHIR server then does not withhold labelled resources. */
  labelBlind: boolean;
}

/** Resolves a bearer token. `expired` means the token was valid but is no longer. */
export type Introspect = (
  bearer: string,
) => Promise<{ ok: true; context: TokenContext } | { ok: false; reason: "invalid" | "expired" }>;

/** Simulated failures a launch can ask for, chosen in the simulated EHR. */
export const LAUNCH_ERRORS = [
  "none",
  "invalid_client",
  "invalid_scope",
  "invalid_redirect",
  "token_failure",
  "expired_token",
] as const;
export type LaunchError = (typeof LAUNCH_ERRORS)[number];

export const FAULT_KINDS = [
  "503",
  "drop-after-commit",
  "hang",
  "malformed",
  "malformed-entry",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults the FHIR server can inject into its next matching requests (POST /sandbox/faults). */
export interface FaultRequest {
  /**
   * Which requests: "transaction" = POST of a transaction/batch Bundle to the base; "read" =
   * every GET (reads and searches); "any" = every FHIR request.
   */
  match: "transaction" | "read" | "any";
  /**
   * "503": answer 503 without doing anything; "drop-after-commit": do the work, then destroy
   * the socket without answering; "hang": do the work, then never answer — the connection
   * stays open and silent until the client gives up (a stuck server or gateway); "malformed":
   * do the work, then answer with the first half of the JSON body only (a truncated answer);
   * "malformed-entry": answer a search as usual but with its first entry's resource broken (its
   * `id` a number), as a server bug in one record would.
   */
  kind: FaultKind;
  /** Only requests for this resource type (e.g. "ServiceRequest"); default every type. */
  type?: string;
  /** How many matching requests to affect (default 1). */
  count?: number;
}

/** Synthetic users of the simulated EHR. Ids are fixed so the seed, auth and tests agree. */
export const SANDBOX_USERS = [
  {
    id: "prov-rivera",
    label: "Dr. Alex Rivera (provider)",
    fhirUser: "Practitioner/prov-rivera",
    role: "provider",
    // Scopes this user may be granted; requested scopes are narrowed to these. Clinical
    // records yes; the partner directory (Organization, HealthcareService,
    // OrganizationAffiliation, Endpoint) read-only: only clinic admins edit it.
    allowedScopes: [
      "patient/*.cruds",
      "user/*.rs",
      "user/ServiceRequest.cruds",
      "user/Task.cruds",
      "user/Consent.cruds",
      "user/Procedure.cruds",
      "user/Communication.cruds",
      "user/Appointment.cruds",
    ],
  },
  {
    id: "ma-chen",
    label: "Jordan Chen (medical assistant)",
    fhirUser: "PractitionerRole/ma-chen-role",
    role: "medical-assistant",
    allowedScopes: ["patient/*.cruds", "user/*.rs", "user/Procedure.c"],
  },
  {
    // A medical assistant whose fhirUser is the Practitioner (her role is found by search).
    id: "ma-lopez",
    label: "Casey Lopez (medical assistant)",
    fhirUser: "Practitioner/ma-lopez",
    role: "medical-assistant",
    // user/Task.u: the front desk works the referrals back (accept, match, book, complete).
    allowedScopes: ["patient/*.cruds", "user/*.rs", "user/Procedure.c", "user/Task.rus"],
  },
  {
    id: "admin-okafor",
    label: "Sam Okafor (clinic admin)",
    fhirUser: "Practitioner/admin-okafor",
    role: "clinic-admin",
    allowedScopes: [
      "patient/*.rs",
      "user/*.rs",
      "user/Organization.cruds",
      "user/HealthcareService.cruds",
      "user/OrganizationAffiliation.cruds",
      "user/Endpoint.cruds",
      "user/Location.cruds",
    ],
  },
  {
    id: "adv-santos",
    label: "Rosa Santos (partner advocate, Safe Harbor)",
    fhirUser: "Practitioner/adv-santos",
    role: "partner-advocate",
    // What the scopes allow is narrowed again by the FHIR server's partner rules
    // (sandbox/fhir/partnerAccess.ts): only their program's Tasks, while the consent holds.
    // Creates: the referrals back (ServiceRequest + Task + Consent), nothing else.
    allowedScopes: [
      "user/ServiceRequest.crus",
      "user/Task.crus",
      "user/Organization.rs",
      "user/HealthcareService.rs",
      "user/Consent.crs",
      "user/Patient.rs",
      "user/Practitioner.rs",
      "user/PractitionerRole.rs",
    ],
  },
  {
    // Another program's advocate: never sees Safe Harbor's referrals (isolation tests).
    id: "adv-nguyen",
    label: "Lan Nguyen (partner advocate, Bridges)",
    fhirUser: "Practitioner/adv-nguyen",
    role: "partner-advocate",
    allowedScopes: [
      "user/ServiceRequest.crs",
      "user/Task.crus",
      "user/Organization.rs",
      "user/HealthcareService.rs",
      "user/Consent.crs",
      "user/Patient.rs",
      "user/Practitioner.rs",
      "user/PractitionerRole.rs",
    ],
  },
] as const;

export type SandboxUser = (typeof SANDBOX_USERS)[number];

/** Registered OAuth clients. Redirect URIs are exact matches. */
export interface SandboxClient {
  clientId: string;
  redirectUris: string[];
  /** Patient-facing clients get patient-facing tokens (portal). */
  patientFacing?: boolean;
  labelBlind?: boolean;
  /** Confidential clients (the portal simulator) have a secret; public clients use PKCE only. */
  clientSecret?: string;
  /**
   * The scopes registered for this client: a token never carries more, whoever signs in (as
   * real servers limit each registration). Absent: the user's own limits only.
   */
  allowedScopes?: readonly string[];
}

/** What sandbox/fhir exports as `createFhirServer(options)`. */
export interface FhirServerOptions {
  /** Absolute base URL the server is reachable at, e.g. http://127.0.0.1:4010/fhir */
  baseUrl: string;
  /** SMART endpoints advertised in /metadata and /.well-known/smart-configuration. */
  authorizeUrl: string;
  tokenUrl: string;
  introspect: Introspect;
  /** Profile validation of incoming writes (fhir-profiles); returns error messages, empty when valid. */
  validateWrite?: (resource: import("fhir/r4").Resource) => string[];
  /** Capabilities to leave out of /metadata and refuse, for the IT-diagnostics tests (e.g. "conditional-create"). */
  removeCapabilities?: string[];
}

export interface FhirServerHandle {
  /** Mount at the path of baseUrl (e.g. app.use("/fhir", handle.router)). */
  router: import("express").Router;
  /** Direct reads for the simulated EHR's pickers and for tests (no auth, no labels). */
  search(
    resourceType: string,
    params?: Record<string, string>,
  ): Promise<import("fhir/r4").Resource[]>;
  injectFault(fault: FaultRequest): void;
  clearFaults(): void;
  /**
   * False: partner users get what their scopes allow, as on a server configured with scopes
   * only (the misconfiguration the diagnostics' partner checks catch). A reset turns it back on.
   */
  enforcePartnerPolicy(enforced: boolean): void;
  /** Drops everything and loads the seed bundle again. */
  reset(): Promise<void>;
  /** Adds N synthetic referrals with Tasks across states and months (sandbox/seed/load.ts). */
  loadSynthetic(count: number, options?: { now?: Date; prefix?: string }): number;
  /** Test setup: a transaction Bundle through the FHIR engine as the seed loads (trusted). */
  loadBundle(bundle: import("fhir/r4").Bundle): Promise<import("fhir/r4").Bundle>;
}
