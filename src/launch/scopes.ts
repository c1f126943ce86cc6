import type { IssuerEntry } from "../config/smartConfig";
import type { Failure } from "../fhir/failures";

/**
 * How the app was opened: from the EHR (`launch`), standalone to a patient's chart (the server
 * picks the patient: `launch/patient`), or standalone to the workspace (no patient context).
 */
export type LaunchContext = "ehr" | "patient" | "workspace";

/**
 * The scope string to request for that context. With scopeVersion "auto" the server's SMART
 * configuration decides between v2 and v1 scopes (v1 when it does not advertise v2). A
 * standalone launch into a chart also asks for the visit (`launch/encounter`) when the server
 * advertises `context-standalone-encounter`, so that records are tied to the visit as in an
 * EHR launch; that reads the SMART configuration once (an EHR launch never does for this).
 */
export async function chooseScopes(
  entry: IssuerEntry,
  iss: string,
  context: LaunchContext,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const needsCapabilities = entry.scopeVersion === "auto" || context === "patient";
  const capabilities = needsCapabilities ? await smartCapabilities(iss, fetchImpl) : [];
  const version =
    entry.scopeVersion === "auto"
      ? capabilities.includes("permission-v2")
        ? "v2"
        : "v1"
      : entry.scopeVersion;
  const scopes = entry.scopes[version].split(/\s+/).filter(Boolean);
  const withoutLaunch = scopes.filter(
    (s) => s !== "launch" && s !== "launch/patient" && s !== "launch/encounter",
  );
  const launchScope = {
    ehr: ["launch"],
    patient: [
      "launch/patient",
      ...(capabilities.includes("context-standalone-encounter") ? ["launch/encounter"] : []),
    ],
    workspace: [],
  }[context];
  return [...withoutLaunch, ...launchScope].join(" ");
}

/**
 * The registration to sign in with: the entry itself, or — for `as=partner` — its partner
 * client and scopes, always for the workspace (partner staff have no chart and no EHR launch).
 */
export function registrationFor(
  entry: IssuerEntry,
  params: URLSearchParams,
  entries: readonly IssuerEntry[],
): { entry: IssuerEntry; context: LaunchContext } | { failure: Failure } {
  if (params.get("as") !== "partner") return { entry, context: launchContextOf(params) };
  if (!entry.partner) {
    return {
      failure: {
        kind: "config",
        file: "public/smart-config.json",
        problems: [
          {
            field: `issuers[${entries.indexOf(entry)}].partner`,
            message: "is not set, so partner programs' staff cannot sign in to this server",
            fix: "Register a client for partner programs at the EHR (partner scopes only) and add its clientId and scopes here",
          },
        ],
      },
    };
  }
  return {
    entry: { ...entry, clientId: entry.partner.clientId, scopes: entry.partner.scopes },
    context: "workspace",
  };
}

/** `launch.html?iss=…&context=patient` opens a patient's chart; without it, the workspace. */
export function launchContextOf(params: URLSearchParams): LaunchContext {
  if (params.get("launch")) return "ehr";
  return params.get("context") === "patient" ? "patient" : "workspace";
}

/** The server's SMART capabilities; none when its configuration cannot be read. */
async function smartCapabilities(iss: string, fetchImpl: typeof fetch): Promise<string[]> {
  try {
    const response = await fetchImpl(`${iss.replace(/\/+$/, "")}/.well-known/smart-configuration`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    const body = (await response.json()) as { capabilities?: unknown };
    return Array.isArray(body.capabilities)
      ? body.capabilities.filter((c): c is string => typeof c === "string")
      : [];
  } catch {
    return [];
  }
}
