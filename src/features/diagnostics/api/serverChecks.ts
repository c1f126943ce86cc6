import { useMutation, useQuery } from "@tanstack/react-query";
import * as z from "zod/mini";
import { useSession } from "../../../app/session";
import { FailureError } from "../../../fhir/failures";
import type { FhirHttp } from "../../../fhir/http";
import { probePartnerReach } from "../../../fhir/partnerReach";
import { isAllowed } from "../../../fhir/scopes";
import {
  capabilityChecks,
  isSandboxServer,
  scopeChecks,
  smartChecks,
  type DiagnosticCheck,
} from "../checks";
import { partnerReachChecks } from "../partnerChecks";

// The diagnostics' server reads and the optional test write: what IT runs against the server.

const anyJson = z.unknown();
const resourceSchema = z.looseObject({ resourceType: z.string(), id: z.optional(z.string()) });

async function fetchSmartConfiguration(serverUrl: string): Promise<unknown> {
  try {
    const r = await fetch(`${serverUrl}/.well-known/smart-configuration`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    return r.ok ? ((await r.json()) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function runChecks(
  http: FhirHttp,
  granted: readonly string[],
  partnerOrganization: string | null,
): Promise<{ checks: DiagnosticCheck[]; sandbox: boolean }> {
  const [smart, metadata, requirements, capability, partnerReach] = await Promise.all([
    fetchSmartConfiguration(http.serverUrl),
    http.request(anyJson, "metadata").then(
      (r) => r.body,
      () => undefined,
    ),
    import("../../../fhir/ehrRequirements").then((m) => m.EHR_REQUIREMENTS),
    import("../../../fhir/capability"),
    // A partner program's launch: what it can read, instead of the clinic's scope needs.
    partnerOrganization ? probePartnerReach(http, partnerOrganization) : null,
  ]);
  const checks = [
    ...smartChecks(smart),
    ...capabilityChecks(capability.compareCapabilities(metadata, requirements)),
    ...(partnerReach ? partnerReachChecks(partnerReach) : scopeChecks(granted)),
  ];
  return { checks, sandbox: isSandboxServer(metadata) };
}

/** Write one harmless test resource, read it back, compare. */
async function roundTrip(http: FhirHttp, granted: readonly string[]): Promise<DiagnosticCheck> {
  const marker = `wr-diagnostics-${Date.now().toString(36)}`;
  const base = {
    id: "roundtrip",
    group: "roundtrip" as const,
    label: "Write-and-read round trip",
  };
  // The harmless write: a test Endpoint (status "test", linked to nothing). Clinical record
  // types are never used for a test write.
  if (
    !isAllowed(granted, "Endpoint", "c", ["user"]) ||
    !isAllowed(granted, "Endpoint", "r", ["user"])
  ) {
    return {
      ...base,
      status: "skipped",
      detail: "This launch may not create Endpoint resources, the only thing the check writes.",
      fix: "Run it from a clinic-admin launch (in the sandbox: user admin-okafor).",
    };
  }
  const resource = {
    resourceType: "Endpoint",
    status: "test",
    name: marker,
    connectionType: {
      system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
      code: "hl7-fhir-rest",
    },
    payloadType: [{ text: "diagnostics" }],
    address: "https://example.org/fhir",
  };
  try {
    const created = await http.request(resourceSchema, resource.resourceType, {
      method: "POST",
      body: resource,
    });
    const id = created.body.id;
    if (!id) throw new Error("The server did not return the new resource's id.");
    const read = await http.request(anyJson, `${resource.resourceType}/${id}`);
    const ok = JSON.stringify(read.body).includes(marker);
    return {
      ...base,
      status: ok ? "pass" : "fail",
      detail: ok
        ? `Created ${resource.resourceType}/${id} (ETag ${created.etag ?? "none"}) and read it back.`
        : "The resource read back does not match what was written.",
      fix: "Check that the server stores resources as sent (no silent changes) and returns Location/ETag.",
    };
  } catch (error) {
    const message =
      error instanceof FailureError
        ? `${error.failure.kind}${"diagnostics" in error.failure ? `: ${error.failure.diagnostics.join("; ")}` : ""}`
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      ...base,
      status: "fail",
      detail: message,
      fix: "Check create and read on the server for this user's scopes; see the server's message.",
    };
  }
}

/** The server checks, run when the tab opens and again on demand (never served from cache). */
export function useServerChecks() {
  const { http, grantedScopes, partnerOrganization } = useSession();
  return useQuery({
    queryKey: ["diagnostics", http.serverUrl, grantedScopes.join(" "), partnerOrganization],
    queryFn: () => runChecks(http, grantedScopes, partnerOrganization),
    staleTime: 0,
    gcTime: 0,
  });
}

/** The harmless write-and-read round trip (a test Endpoint). */
export function useRoundTrip() {
  const { http, grantedScopes } = useSession();
  return useMutation({ mutationFn: () => roundTrip(http, grantedScopes) });
}
