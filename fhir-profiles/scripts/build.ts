// Offline build of the Warm Referral FHIR profiles (fhir-profiles/).
//
//   tsx fhir-profiles/scripts/build.ts           compile FSH -> fhir-profiles/package/*.json
//   tsx fhir-profiles/scripts/build.ts --check   compile into a temp dir and fail if the
//                                                committed fhir-profiles/package/ differs
//
// packages.fhir.org is unreachable here, so the R4 core package SUSHI needs is assembled from
// the npm package hl7.fhir.r4.examples@4.0.1 (which holds every R4 core conformance resource)
// into a local FHIR package cache (fhir-profiles/.fhir-cache, gitignored) named
// hl7.fhir.r4.core#4.0.1. SUSHI runs with HOME pointing there, so it finds the cache and
// only warns about the automatic dependencies it cannot fetch.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const here = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(here, "..");
const repoRoot = path.resolve(projectDir, "..");
const cacheHome = path.join(projectDir, ".fhir-cache");
const corePkgDir = path.join(cacheHome, ".fhir", "packages", "hl7.fhir.r4.core#4.0.1", "package");
const examplesDir = path.join(repoRoot, "node_modules", "hl7.fhir.r4.examples");
const sushiApp = path.join(repoRoot, "node_modules", "fsh-sushi", "dist", "app.js");
const packageOut = path.join(projectDir, "package");
/** Display names of our codes for the app (en display + es designation), made from the CodeSystems. */
const codeDisplaysOut = path.join(repoRoot, "src", "fhir", "codeDisplays.json");

/** Conformance resource types copied into the core package (examples are left out). */
const CONFORMANCE_TYPES = new Set([
  "StructureDefinition",
  "ValueSet",
  "CodeSystem",
  "SearchParameter",
  "OperationDefinition",
  "CapabilityStatement",
  "CompartmentDefinition",
  "ConceptMap",
  "NamingSystem",
  "ImplementationGuide",
  "StructureMap",
  "GraphDefinition",
  "MessageDefinition",
]);

const CORE_MARKER = "warm-referral-core-cache.json";

function fail(message: string): never {
  console.error(`fhir-profiles build: ${message}`);
  process.exit(1);
}

/** Builds the local hl7.fhir.r4.core#4.0.1 package once (idempotent; re-done if the source changes). */
export function ensureCoreCache(): void {
  if (!fs.existsSync(examplesDir)) {
    fail(`${examplesDir} is missing: run npm ci (devDependency hl7.fhir.r4.examples@4.0.1)`);
  }
  const srcPkg = JSON.parse(fs.readFileSync(path.join(examplesDir, "package.json"), "utf8")) as {
    version: string;
  };
  const markerPath = path.join(corePkgDir, CORE_MARKER);
  if (fs.existsSync(markerPath)) {
    const marker = JSON.parse(fs.readFileSync(markerPath, "utf8")) as { source: string };
    if (marker.source === `hl7.fhir.r4.examples@${srcPkg.version}`) return;
  }
  fs.rmSync(corePkgDir, { recursive: true, force: true });
  fs.mkdirSync(corePkgDir, { recursive: true });
  let copied = 0;
  const index: {
    filename: string;
    resourceType: string;
    id?: string;
    url?: string;
    version?: string;
    kind?: string;
    type?: string;
  }[] = [];
  for (const name of fs.readdirSync(examplesDir)) {
    if (!name.endsWith(".json") || name === "package.json" || name.startsWith(".")) continue;
    const type = name.slice(0, name.indexOf("-"));
    if (!CONFORMANCE_TYPES.has(type)) continue;
    const text = fs.readFileSync(path.join(examplesDir, name), "utf8");
    const res = JSON.parse(text) as {
      resourceType?: string;
      id?: string;
      url?: string;
      version?: string;
      kind?: string;
      type?: string;
    };
    if (!res.resourceType || !CONFORMANCE_TYPES.has(res.resourceType)) continue;
    fs.writeFileSync(path.join(corePkgDir, name), text);
    index.push({
      filename: name,
      resourceType: res.resourceType,
      id: res.id,
      url: res.url,
      version: res.version,
      kind: res.kind,
      type: res.type,
    });
    copied++;
  }
  if (copied < 3000) fail(`only ${copied} conformance resources found in ${examplesDir}`);
  fs.writeFileSync(
    path.join(corePkgDir, "package.json"),
    JSON.stringify(
      {
        name: "hl7.fhir.r4.core",
        version: "4.0.1",
        type: "Core",
        fhirVersions: ["4.0.1"],
        license: "CC0-1.0",
        canonical: "http://hl7.org/fhir",
        url: "http://hl7.org/fhir/R4",
        title: "FHIR R4 core definitions (assembled offline from hl7.fhir.r4.examples@4.0.1)",
        dependencies: {},
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(corePkgDir, ".index.json"),
    JSON.stringify({ "index-version": 1, files: index }),
  );
  fs.writeFileSync(
    markerPath,
    JSON.stringify({ source: `hl7.fhir.r4.examples@${srcPkg.version}`, copied }),
  );
  console.log(`fhir-profiles build: core cache assembled (${copied} resources)`);
}

/** Runs SUSHI into outDir; returns the generated resources directory. Fails loudly on errors. */
function runSushi(outDir: string): string {
  const result = spawnSync(
    process.execPath,
    [sushiApp, "build", projectDir, "--snapshot", "--out", outDir, "--log-level", "warn"],
    {
      env: { ...process.env, HOME: cacheHome, USERPROFILE: cacheHome },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  // Expected noise: the automatic dependencies SUSHI cannot fetch offline.
  const lines = output
    .split("\n")
    .filter(
      (l) =>
        !/Failed to load automatically-provided|automatic dependenc|registry|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(
          l,
        ),
    );
  // eslint-disable-next-line no-control-regex -- strips ANSI colours from SUSHI output
  const errorCount = /(\d+) Errors?/i.exec(output.replace(/\u001b\[[0-9;]*m/g, ""));
  if (
    result.status !== 0 ||
    (errorCount && Number(errorCount[1]) > 0) ||
    /^error /im.test(output)
  ) {
    console.error(output);
    fail(`SUSHI failed (exit ${result.status})`);
  }
  const warnings = lines.filter((l) => /^warn /i.test(l.trim()));
  if (warnings.length > 0) {
    console.error(output);
    fail(
      `SUSHI reported ${warnings.length} warning(s); fix them (the contract must compile cleanly)`,
    );
  }
  return path.join(outDir, "fsh-generated", "resources");
}

export const SOURCES_HASH_FILE = "sources.sha256";

/** sha256 over sushi-config.yaml and input/fsh/*.fsh (names and contents), to detect a stale build cheaply. */
export function sourcesHash(dir: string = projectDir): string {
  const h = createHash("sha256");
  const files = [
    "sushi-config.yaml",
    ...fs
      .readdirSync(path.join(dir, "input", "fsh"))
      .filter((n) => n.endsWith(".fsh"))
      .sort()
      .map((n) => `input/fsh/${n}`),
  ];
  for (const f of files) {
    h.update(`${f}\n`);
    h.update(fs.readFileSync(path.join(dir, f), "utf8").replace(/\r\n/g, "\n"));
    h.update("\n");
  }
  return h.digest("hex");
}

/** Stable serialisation, formatted as the repo's prettier config would (so `prettier --check` passes). */
export async function formatJson(value: unknown, filepath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, filepath, parser: "json" });
}

/** Copies the generated resources into a compact package dir (ImplementationGuide left out). */
async function writePackage(resourcesDir: string, target: string): Promise<string[]> {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const names = fs
    .readdirSync(resourcesDir)
    .filter((n) => n.endsWith(".json") && !n.startsWith("ImplementationGuide-"))
    .sort();
  for (const name of names) {
    const res = JSON.parse(fs.readFileSync(path.join(resourcesDir, name), "utf8")) as unknown;
    // Format as if the file were in fhir-profiles/package (same prettier config either way).
    fs.writeFileSync(path.join(target, name), await formatJson(res, path.join(packageOut, name)));
  }
  fs.writeFileSync(path.join(target, SOURCES_HASH_FILE), `${sourcesHash()}\n`);
  return names;
}

interface CodeSystemJson {
  resourceType: string;
  id: string;
  url: string;
  concept?: {
    code: string;
    display?: string;
    designation?: { language?: string; value: string }[];
  }[];
}

/** The app's table of code display names: per CodeSystem id, its url and en/es per code. */
export async function codeDisplaysJson(pkgDir: string): Promise<string> {
  const table: Record<string, { url: string; codes: Record<string, Record<string, string>> }> = {};
  for (const name of fs.readdirSync(pkgDir).sort()) {
    if (!name.startsWith("CodeSystem-") || !name.endsWith(".json")) continue;
    const cs = JSON.parse(fs.readFileSync(path.join(pkgDir, name), "utf8")) as CodeSystemJson;
    const codes: Record<string, Record<string, string>> = {};
    for (const c of cs.concept ?? []) {
      const names: Record<string, string> = {};
      if (c.display) names.en = c.display;
      for (const d of c.designation ?? []) if (d.language) names[d.language] = d.value;
      codes[c.code] = names;
    }
    table[cs.id] = { url: cs.url, codes };
  }
  return formatJson(table, codeDisplaysOut);
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const started = performance.now();
  ensureCoreCache();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wr-sushi-"));
  try {
    const resourcesDir = runSushi(tmp);
    if (!check) {
      const names = await writePackage(resourcesDir, packageOut);
      fs.writeFileSync(codeDisplaysOut, await codeDisplaysJson(packageOut));
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `fhir-profiles build: ${names.length} resources -> ${path.relative(repoRoot, packageOut)} in ${secs}s`,
      );
      return;
    }
    const fresh = path.join(tmp, "package");
    const names = await writePackage(resourcesDir, fresh);
    names.push(SOURCES_HASH_FILE);
    const committed = fs.existsSync(packageOut)
      ? fs
          .readdirSync(packageOut)
          .filter((n) => n.endsWith(".json") || n === SOURCES_HASH_FILE)
          .sort()
      : [];
    const problems: string[] = [];
    for (const n of names) {
      if (!committed.includes(n)) problems.push(`missing from fhir-profiles/package: ${n}`);
      else if (
        fs.readFileSync(path.join(fresh, n), "utf8") !==
        fs.readFileSync(path.join(packageOut, n), "utf8")
      ) {
        problems.push(`out of date: fhir-profiles/package/${n}`);
      }
    }
    for (const n of committed)
      if (!names.includes(n))
        problems.push(`stale (no longer generated): fhir-profiles/package/${n}`);
    const displays = await codeDisplaysJson(fresh);
    if (!fs.existsSync(codeDisplaysOut) || fs.readFileSync(codeDisplaysOut, "utf8") !== displays)
      problems.push(`out of date: ${path.relative(repoRoot, codeDisplaysOut)}`);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    if (problems.length > 0) {
      console.error(problems.join("\n"));
      fail(
        `compiled package is not current (${problems.length} difference(s)); run: npm run profiles`,
      );
    }
    console.log(`fhir-profiles check: ${names.length} resources current (${secs}s)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// Run only as a script (tests import sourcesHash from here).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((err: unknown) =>
    fail(err instanceof Error ? (err.stack ?? err.message) : String(err)),
  );
