// Copies the few standard definitions the validator needs from the published FHIR packages into
// fhir-profiles/vendor/ (committed; a clone has no ../shared). Run only to refresh them:
//
//   tsx fhir-profiles/scripts/vendor.ts [dir with the package .tgz files]   (default ../shared/fhir-packages)
//
// Each definition is kept as published except for documentation that validation never reads
// (narrative, mappings, the differential, element definition/comment/requirements/alias text),
// so the files stay small. vendor/README.md says where each came from.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const here = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(here, "..");
const outDir = path.join(projectDir, "vendor");
const srcDir = path.resolve(
  process.argv[2] ?? path.join(projectDir, "..", "..", "shared", "fhir-packages"),
);

interface Source {
  tgz: string;
  /** Directory inside the unpacked tgz that holds the resources. */
  dir: string;
  files: string[];
  out: string;
}

const SOURCES: Source[] = [
  {
    tgz: "hl7.fhir.us.sdoh-clinicalcare-3.0.0-sushi-output.tgz",
    dir: "fsh-generated/resources",
    out: "hl7.fhir.us.sdoh-clinicalcare-3.0.0",
    files: [
      "StructureDefinition-SDOHCC-ServiceRequest.json",
      "StructureDefinition-SDOHCC-TaskForReferralManagement.json",
      "StructureDefinition-SDOHCC-Consent.json",
      "CodeSystem-SDOHCC-CodeSystemTemporaryCodes.json",
      "ValueSet-SDOHCC-ValueSetReferralTaskStatus.json",
      "ValueSet-SDOHCC-ValueSetSDOHCategory.json",
    ],
  },
  {
    tgz: "hl7.fhir.us.core-7.0.0.tgz",
    dir: "package",
    out: "hl7.fhir.us.core-7.0.0",
    files: [
      "StructureDefinition-us-core-patient.json",
      "StructureDefinition-us-core-practitioner.json",
      "StructureDefinition-us-core-practitionerrole.json",
      "StructureDefinition-us-core-organization.json",
      "StructureDefinition-us-core-servicerequest.json",
    ],
  },
];

/** Documentation keys of an ElementDefinition that no validator reads. */
const ELEMENT_DOC_KEYS = [
  "definition",
  "comment",
  "requirements",
  "alias",
  "mapping",
  "isModifierReason",
];

function trim(resource: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...resource };
  delete out.text;
  delete out.mapping;
  delete out.differential; // the validator reads the snapshot only
  for (const part of ["snapshot"] as const) {
    const holder = out[part] as { element?: Record<string, unknown>[] } | undefined;
    if (!holder?.element) continue;
    out[part] = {
      ...holder,
      element: holder.element.map((e) => {
        const copy = { ...e };
        for (const k of ELEMENT_DOC_KEYS) delete copy[k];
        return copy;
      }),
    };
  }
  return out;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wr-vendor-"));
  for (const source of SOURCES) {
    const tgz = path.join(srcDir, source.tgz);
    if (!fs.existsSync(tgz)) throw new Error(`${tgz} is missing`);
    const into = path.join(tmp, source.out);
    fs.mkdirSync(into, { recursive: true });
    const r = spawnSync("tar", ["xzf", tgz, "-C", into], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`tar failed on ${tgz}`);
    const dest = path.join(outDir, source.out);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(dest, { recursive: true });
    for (const file of source.files) {
      const json = JSON.parse(fs.readFileSync(path.join(into, source.dir, file), "utf8")) as Record<
        string,
        unknown
      >;
      const text = await prettier.format(JSON.stringify(trim(json)), { parser: "json" });
      fs.writeFileSync(path.join(dest, file), text);
    }
    console.log(`${source.out}: ${source.files.length} files`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

await main();
