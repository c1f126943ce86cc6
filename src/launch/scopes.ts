import type { IssuerEntry } from "../config/smartConfig";

/**
 * The scope string to request. EHR launches ask for `launch`; standalone launches ask the
 * server to pick a patient with `launch/patient` instead. With scopeVersion "auto" the server's
 * SMART configuration decides between v2 and v1 scopes (v1 when it does not advertise v2).
 */
export async function chooseScopes(
  entry: IssuerEntry,
  iss: string,
  ehrLaunch: boolean,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const version =
    entry.scopeVersion === "auto" ? await detectVersion(iss, fetchImpl) : entry.scopeVersion;
  const scopes = entry.scopes[version].split(/\s+/).filter(Boolean);
  const withoutLaunch = scopes.filter((s) => s !== "launch" && s !== "launch/patient");
  return [...withoutLaunch, ehrLaunch ? "launch" : "launch/patient"].join(" ");
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
