import type { IssuerEntry } from "../config/smartConfig";

/**
 * How the app was opened: from the EHR (`launch`), standalone to a patient's chart (the server
 * picks the patient: `launch/patient`), or standalone to the workspace (no patient context).
 */
export type LaunchContext = "ehr" | "patient" | "workspace";

/**
 * The scope string to request for that context. With scopeVersion "auto" the server's SMART
 * configuration decides between v2 and v1 scopes (v1 when it does not advertise v2).
 */
export async function chooseScopes(
  entry: IssuerEntry,
  iss: string,
  context: LaunchContext,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const version =
    entry.scopeVersion === "auto" ? await detectVersion(iss, fetchImpl) : entry.scopeVersion;
  const scopes = entry.scopes[version].split(/\s+/).filter(Boolean);
  const withoutLaunch = scopes.filter((s) => s !== "launch" && s !== "launch/patient");
  const launchScope = { ehr: ["launch"], patient: ["launch/patient"], workspace: [] }[context];
  return [...withoutLaunch, ...launchScope].join(" ");
}

/** `launch.html?iss=…&context=patient` opens a patient's chart; without it, the workspace. */
export function launchContextOf(params: URLSearchParams): LaunchContext {
  if (params.get("launch")) return "ehr";
  return params.get("context") === "patient" ? "patient" : "workspace";
}

async function detectVersion(iss: string, fetchImpl: typeof fetch): Promise<"v1" | "v2"> {
  try {
    const response = await fetchImpl(`${iss.replace(/\/+$/, "")}/.well-known/smart-configuration`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    const body = (await response.json()) as { capabilities?: unknown };
    return Array.isArray(body.capabilities) && body.capabilities.includes("permission-v2")
      ? "v2"
      : "v1";
  } catch {
    return "v1";
  }
}
