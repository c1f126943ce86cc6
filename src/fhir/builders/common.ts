import type { BundleEntry, Coding, Identifier, Resource } from "fhir/r4";
import { CODE_SYSTEM, V3_ACT_CODE, V3_CONFIDENTIALITY } from "../canonical";

// Shared pieces of every DSV record the app writes: security labels (docs/ARCHITECTURE.md, privacy invariant 1),
// the client-made identifier and the conditional-create entry of a transaction Bundle.

export interface LabelPolicy {
  nopat: boolean;
}

/** R + SDV always; NOPAT unless the clinic's policy turns it off. */
export function dsvSecurity(policy: LabelPolicy): Coding[] {
  // Codes only: the labels' display texts name the sensitivity in words, and a label-blind
  // reader would show them.
  return [
    { system: V3_CONFIDENTIALITY, code: "R" },
    { system: V3_ACT_CODE, code: "SDV" },
    ...(policy.nopat ? [{ system: V3_ACT_CODE, code: "NOPAT" }] : []),
  ];
}

export function clientIdentifier(value: string): Identifier {
  return { system: CODE_SYSTEM.identifier, value };
}

/** The If-None-Exist query of a conditional create on the client-made identifier. */
export function ifNoneExist(clientId: string): string {
  return `identifier=${encodeURIComponent(`${CODE_SYSTEM.identifier}|${clientId}`)}`;
}

/** The bundle-local address of a record: its client-made identifier as a urn:uuid. */
export function fullUrl(clientId: string): string {
  return `urn:uuid:${clientId}`;
}

/** A conditional-create entry: POST, `ifNoneExist` on the client-made identifier. */
export function createEntry(resource: Resource, clientId: string): BundleEntry {
  return {
    fullUrl: fullUrl(clientId),
    resource,
    request: { method: "POST", url: resource.resourceType, ifNoneExist: ifNoneExist(clientId) },
  };
}

/** "Patient/123" for an id or an already-typed reference. */
export function ref(type: string, idOrRef: string): string {
  return idOrRef.includes("/") ? idOrRef : `${type}/${idOrRef}`;
}
