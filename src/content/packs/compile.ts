import type { Failure } from "../../fhir/failures";
import { fullShape, type ContentPackJson } from "./schema";
import { fill, TEMPLATES } from "./templates";
import type { ContentPack } from "./types";

// Turns a validated pack file into the ContentPack the screens use: every entry the pack lacks
// is taken from English (and listed, so the clinician is told and `npm run content:check` can
// report it), and the templates become functions.

export interface LoadedPack {
  pack: ContentPack;
  /** Whether a native speaker has reviewed the patient-facing text. */
  reviewed: boolean;
  /** The entries taken from English ("patient.educationScript", …), in file order. */
  fallback: string[];
}

type Json = string | readonly string[] | { readonly [key: string]: Json | undefined };

/** The entries of `reference` that `pack` lacks, as dotted paths. */
export function missingKeys(reference: Json, pack: Json | undefined, path = ""): string[] {
  if (pack === undefined) return [path];
  if (typeof reference === "string" || Array.isArray(reference)) return [];
  const given = typeof pack === "object" && !Array.isArray(pack) ? pack : {};
  return Object.entries(reference).flatMap(([key, value]) =>
    value === undefined
      ? []
      : missingKeys(value, (given as Record<string, Json | undefined>)[key], join(path, key)),
  );
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function merge(reference: Json, pack: Json | undefined, path: string): unknown {
  if (pack === undefined) return templated(reference, path);
  if (typeof reference === "string" || Array.isArray(reference)) return templated(pack, path);
  const given = pack as Record<string, Json | undefined>;
  // Entries the pack has but English lacks (e.g. a setting check only this clinic uses).
  const keys = new Set([...Object.keys(reference), ...Object.keys(given)]);
  return Object.fromEntries(
    [...keys].map((key) => {
      const ref = (reference as Record<string, Json | undefined>)[key];
      const own = given[key];
      return [
        key,
        ref === undefined
          ? templated(own as Json, join(path, key))
          : merge(ref, own, join(path, key)),
      ];
    }),
  );
}

function templated(value: Json, path: string): unknown {
  const names = (TEMPLATES as Record<string, readonly string[] | undefined>)[path];
  if (!names) return value;
  const values = (args: unknown[]) =>
    Object.fromEntries(names.map((name, i) => [name, String(args[i] ?? "")]));
  if (typeof value === "string") return (...args: unknown[]) => fill(value, values(args));
  if (Array.isArray(value))
    return (...args: unknown[]) => value.map((line: string) => fill(line, values(args)));
  return value;
}

/** English, which must be complete: a missing entry there has nothing to fall back to. */
export function compileEnglish(
  json: ContentPackJson,
  file: string,
): { ok: true; value: LoadedPack } | { ok: false; failure: Failure } {
  const shape = fullShape() as Record<string, Json>;
  const own = { staff: json.staff ?? {}, patient: json.patient ?? {} } as unknown as Json;
  const missing = missingKeys({ staff: shape.staff ?? {}, patient: shape.patient ?? {} }, own);
  if (missing.length)
    return {
      ok: false,
      failure: {
        kind: "config",
        file,
        problems: missing.map((field) => ({
          field,
          message: "is missing",
          fix: `Add "${field}" to the English pack: English is what every other pack falls back to.`,
        })),
      },
    };
  return { ok: true, value: compilePack(json, json) };
}

/** A pack, completed from English. */
export function compilePack(json: ContentPackJson, english: ContentPackJson): LoadedPack {
  const reference = { staff: english.staff, patient: english.patient } as unknown as Json;
  const own = { staff: json.staff ?? {}, patient: json.patient ?? {} } as unknown as Json;
  const merged = merge(reference, own, "") as Omit<ContentPack, "lang">;
  return {
    pack: { lang: json.lang, ...merged },
    reviewed: json.review.status === "reviewed",
    fallback: missingKeys(reference, own),
  };
}
