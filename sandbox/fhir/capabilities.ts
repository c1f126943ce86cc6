// What the server says it can do: the R4 CapabilityStatement (/metadata) and the SMART
// configuration (/.well-known/smart-configuration). `removeCapabilities` takes things out of
// both the statement and the server (the route wrappers refuse them), so the app's IT
// diagnostics can be tested against a "lesser" EHR.

import { getSearchParameters } from "@medplum/core";
import type { CapabilityStatement, CapabilityStatementRestResource } from "fhir/r4";

/**
 * Resource types this server serves. A curated list rather than all 145 R4 types keeps
 * /metadata small (it is fetched at every launch); other types get 404 not-supported.
 */
export const SUPPORTED_TYPES = [
  "AllergyIntolerance",
  "Appointment",
  "CarePlan",
  "CareTeam",
  "Communication",
  "CommunicationRequest",
  "Condition",
  "Consent",
  "Coverage",
  "DiagnosticReport",
  "DocumentReference",
  "Encounter",
  "Endpoint",
  "Goal",
  "HealthcareService",
  "Immunization",
  "List",
  "Location",
  "MedicationRequest",
  "Observation",
  "Organization",
  "OrganizationAffiliation",
  "Patient",
  "Practitioner",
  "PractitionerRole",
  "Procedure",
  "Provenance",
  "Questionnaire",
  "QuestionnaireResponse",
  "RelatedPerson",
  "ServiceRequest",
  "Task",
] as const;

/** Instance/type interactions, in CapabilityStatement order. */
export const TYPE_INTERACTIONS = [
  "read",
  "vread",
  "update",
  "patch",
  "delete",
  "history-instance",
  "create",
  "search-type",
] as const;

/** Names accepted in removeCapabilities besides resource types and interaction codes. */
export const CONDITIONAL_CAPABILITIES = [
  "conditional-create",
  "conditional-update",
  "conditional-delete",
] as const;

export class Capabilities {
  private readonly removed: Set<string>;

  constructor(removeCapabilities: readonly string[] = []) {
    this.removed = new Set(removeCapabilities);
  }

  has(name: string): boolean {
    return !this.removed.has(name);
  }

  /** Served resource type (in the curated list and not removed)? */
  supportsType(resourceType: string): boolean {
    return (SUPPORTED_TYPES as readonly string[]).includes(resourceType) && this.has(resourceType);
  }

  get types(): string[] {
    return SUPPORTED_TYPES.filter((t) => this.has(t));
  }
}

export interface EndpointUrls {
  baseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
}

export function capabilityStatement(caps: Capabilities, urls: EndpointUrls): CapabilityStatement {
  const types = caps.types;
  const resource: CapabilityStatementRestResource[] = types.map((type) => {
    const params = Object.values(getSearchParameters(type) ?? {});
    const referenceParams = params.filter((p) => p.type === "reference" && p.code);
    const revInclude: string[] = [];
    for (const other of types) {
      for (const p of Object.values(getSearchParameters(other) ?? {})) {
        if (p.type === "reference" && p.code && p.target?.includes(type as never))
          revInclude.push(`${other}:${p.code}`);
      }
    }
    return {
      type: type as CapabilityStatementRestResource["type"],
      profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
      interaction: TYPE_INTERACTIONS.filter((code) => caps.has(code)).map((code) => ({ code })),
      versioning: "versioned-update",
      readHistory: caps.has("vread"),
      updateCreate: caps.has("update"),
      conditionalCreate: caps.has("create") && caps.has("conditional-create"),
      conditionalUpdate: caps.has("update") && caps.has("conditional-update"),
      conditionalDelete:
        caps.has("delete") && caps.has("conditional-delete") ? "single" : "not-supported",
      searchInclude: referenceParams.map((p) => `${type}:${p.code}`),
      searchRevInclude: revInclude,
      searchParam: [
        ...params
          .filter((p) => p.code)
          .map((p) => ({ name: p.code as string, definition: p.url, type: p.type as "token" })),
        { name: "_count", type: "number", documentation: "Page size (default 50, max 1000)" },
        { name: "_summary", type: "token", documentation: "count: total only" },
      ],
    };
  });

  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-01-01",
    publisher: "Warm Referral sandbox",
    kind: "instance",
    software: { name: "Warm Referral sandbox FHIR server (Medplum fhir-router)", version: "0.1.0" },
    implementation: {
      description: "Sandbox EHR for development and testing only",
      url: urls.baseUrl,
    },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    patchFormat: ["application/json-patch+json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: true,
          service: [
            {
              coding: [
                {
                  system: "http://terminology.hl7.org/CodeSystem/restful-security-service",
                  code: "SMART-on-FHIR",
                },
              ],
              text: "OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)",
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: urls.authorizeUrl },
                { url: "token", valueUri: urls.tokenUrl },
              ],
            },
          ],
        },
        resource,
        interaction: (["transaction", "batch"] as const)
          .filter((code) => caps.has(code))
          .map((code) => ({ code })),
      },
    ],
  };
}

/** Scopes advertised in the SMART configuration (examples; any well-formed scope is accepted). */
export const SCOPES_SUPPORTED = [
  "openid",
  "fhirUser",
  "profile",
  "launch",
  "launch/patient",
  "launch/encounter",
  "offline_access",
  "online_access",
  "patient/*.rs",
  "patient/*.cruds",
  "patient/*.read",
  "patient/*.write",
  "patient/*.*",
  "user/*.rs",
  "user/*.cruds",
  "user/*.read",
  "user/*.write",
  "user/*.*",
  "system/*.rs",
  "system/*.cruds",
];

export const SMART_CAPABILITIES = [
  "launch-ehr",
  "launch-standalone",
  "client-public",
  "client-confidential-symmetric",
  "context-ehr-patient",
  "context-ehr-encounter",
  "context-standalone-patient",
  "context-standalone-encounter",
  "context-banner",
  "context-style",
  "permission-patient",
  "permission-user",
  "permission-offline",
  "permission-v1",
  "permission-v2",
  "sso-openid-connect",
];

export function smartConfiguration(urls: EndpointUrls): Record<string, unknown> {
  return {
    authorization_endpoint: urls.authorizeUrl,
    token_endpoint: urls.tokenUrl,
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    scopes_supported: SCOPES_SUPPORTED,
    capabilities: SMART_CAPABILITIES,
  };
}
