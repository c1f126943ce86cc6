import { useQuery } from "@tanstack/react-query";

// The configuration files as deployed next to the app (not FHIR: plain files, read fresh each
// time the settings screen opens, never from the HTTP cache), for the read-only settings screen.

export type DeployedFile = { ok: true; json: unknown } | { ok: false; why: string };

async function readJson(file: string): Promise<DeployedFile> {
  try {
    const r = await fetch(new URL(file, document.baseURI).href, { cache: "no-cache" });
    if (!r.ok) return { ok: false, why: `HTTP ${r.status}` };
    return { ok: true, json: JSON.parse(await r.text()) as unknown };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

export async function fetchDeployedConfig(): Promise<{
  clinic: DeployedFile;
  smart: DeployedFile;
}> {
  const [clinic, smart] = await Promise.all([
    readJson("clinic-config.json"),
    readJson("smart-config.json"),
  ]);
  return { clinic, smart };
}

export function useDeployedConfig() {
  return useQuery({
    queryKey: ["deployed-config"],
    queryFn: fetchDeployedConfig,
    staleTime: 0,
    gcTime: 0,
  });
}
