import type * as z from "zod/mini";
import type { Failure } from "../fhir/failures";

export type Loaded<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * Fetches a JSON config file that sits next to the HTML page and parses it with its schema.
 * Every way it can go wrong becomes a "config" failure naming the file, the field and the fix.
 */
export async function loadConfig<S extends z.ZodMiniType>(
  file: string,
  schema: S,
  fetchImpl: typeof fetch = fetch,
): Promise<Loaded<z.output<S>>> {
  const shown = `public/${file}`;
  let text: string;
  try {
    const response = await fetchImpl(new URL(file, document.baseURI).href);
    if (!response.ok) {
      return configFailure(
        shown,
        "(file)",
        `the server answered ${response.status}`,
        "Deploy the file next to index.html and launch.html.",
      );
    }
    text = await response.text();
  } catch {
    return configFailure(
      shown,
      "(file)",
      "could not be downloaded",
      "Check that the app's web server is running and serves the file.",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "syntax error";
    return configFailure(
      shown,
      "(file)",
      `is not valid JSON (${detail})`,
      "Fix the JSON syntax, for example a missing quote or a trailing comma.",
    );
  }
  return parseConfig(shown, schema, json);
}

export function parseConfig<S extends z.ZodMiniType>(
  shown: string,
  schema: S,
  json: unknown,
): Loaded<z.output<S>> {
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    failure: {
      kind: "config",
      file: shown,
      problems: result.error.issues.map((issue) => ({
        field: formatPath(issue.path),
        message: issue.message,
        fix: fixFor(issue),
      })),
    },
  };
}

function configFailure<T>(file: string, field: string, message: string, fix: string): Loaded<T> {
  return { ok: false, failure: { kind: "config", file, problems: [{ field, message, fix }] } };
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((part, i) =>
      typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

function fixFor(issue: z.core.$ZodIssue): string {
  const field = formatPath(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `Add "${field}" (${issue.expected}).`
        : `Change "${field}" to a value of type ${issue.expected}.`;
    case "unrecognized_keys":
      return `Remove or correct the unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling against the README.`;
    case "invalid_value":
      return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "invalid_format":
      return `Give "${field}" as a valid ${issue.format}.`;
    case "too_small":
      return `"${field}" must not be empty.`;
    default:
      return `Correct "${field}" as the README describes.`;
  }
}
