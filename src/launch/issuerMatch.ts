import type { Failure } from "../fhir/failures";
import type { IssuerEntry, SmartConfig } from "../config/smartConfig";
import { MAX_ISS_LENGTH, exactIssuerIndex, issKey } from "./issuerExact";

// Which smart-config.json entry a launch's iss belongs to, without letting a regular
// expression hang the page. JavaScript's RegExp backtracks: a pattern such as `^(a+)+$` can take
// longer than the age of the universe on a 40-character URL. Patterns that are plainly linear
// (see isPlainPattern) are matched here; any other is matched in a Web Worker that is stopped
// after MATCH_LIMIT_MS, and the launch then shows the config error naming the pattern.

export const MATCH_LIMIT_MS = 500;

export type PatternRun = { match: number } | { hung: number };

/** Runs `patterns` in order against `iss`: the first that matches, or the one still running at the limit. */
export type PatternRunner = (patterns: string[], iss: string) => Promise<PatternRun>;

/**
 * True when a pattern's backtracking is bounded by its shape: no back-references, at most one
 * unbounded quantifier (`*`, `+`, `{n,}`), at most four quantifiers in all, and no repeated
 * group other than an optional one (`(…)?`). Such a pattern costs at most a few times the
 * square of the iss length. Anything else goes to the worker — that is not an error.
 */
export function isPlainPattern(source: string): boolean {
  let unbounded = 0;
  let quantifiers = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      if (/[1-9k]/.test(source[i + 1] ?? "")) return false; // a back-reference
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "*" || c === "+" || c === "?" || c === "{") {
      // `(?:`, `(?=`…: group syntax, not a quantifier; `+?`, `*?`: laziness, not another one.
      if (c === "?" && (source[i - 1] === "(" || /[*+?}]/.test(source[i - 1] ?? ""))) continue;
      if (c === "{" && !/^\{\d+(,\d*)?\}/.test(source.slice(i))) continue;
      quantifiers++;
      if (c === "*" || c === "+" || /^\{\d+,\}/.test(source.slice(i))) unbounded++;
      if (source[i - 1] === ")" && c !== "?") return false; // a repeated group
    }
  }
  return unbounded <= 1 && quantifiers <= 4;
}

export type IssuerMatch = { entry?: IssuerEntry } | { failure: Failure };

/** The first entry whose exact iss or pattern matches (trailing slashes ignored), as findIssuer. */
export async function matchIssuer(
  config: SmartConfig,
  iss: string,
  runner: PatternRunner = runInWorker,
): Promise<IssuerMatch> {
  const wanted = issKey(iss);
  if (wanted.length > MAX_ISS_LENGTH) return {};
  const entries = config.issuers;
  const exact = exactIssuerIndex(entries, wanted);
  const before = (exact === -1 ? entries : entries.slice(0, exact))
    .map((entry, index) => ({ entry, index }))
    .filter((c) => c.entry.issPattern);
  const plain = before.every((c) => isPlainPattern(c.entry.issPattern ?? ""));
  const run = plain
    ? { match: before.findIndex((c) => new RegExp(c.entry.issPattern ?? "$^").test(wanted)) }
    : await runner(
        before.map((c) => c.entry.issPattern ?? "$^"),
        wanted,
      );
  if ("hung" in run) {
    const index = before[run.hung]?.index ?? 0;
    return {
      failure: {
        kind: "config",
        file: "public/smart-config.json",
        problems: [
          {
            field: `issuers[${index}].issPattern`,
            message: `took longer than ${MATCH_LIMIT_MS} ms to match this server's address, so it can backtrack without end`,
            fix: "Use a simpler pattern: no repeated group such as (a+)+ or (a|ab)*, and few open-ended repeats (* or +)",
          },
        ],
      },
    };
  }
  const byPattern = before[run.match]?.entry;
  if (byPattern) return { entry: byPattern };
  return exact === -1 ? {} : { entry: entries[exact] as IssuerEntry };
}

/** The worker runner: stops the worker at the limit and reports the pattern it was on. */
export const runInWorker: PatternRunner = (patterns, iss) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL("./issuerMatch.worker.ts", import.meta.url), {
      type: "module",
    });
    let trying = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (run: PatternRun) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(run);
    };
    // Each pattern gets the limit from when the worker starts it (loading the worker is not counted).
    worker.onmessage = (event: MessageEvent<{ trying?: number; match?: number }>) => {
      if (event.data.trying !== undefined) {
        trying = event.data.trying;
        clearTimeout(timer);
        timer = setTimeout(() => done({ hung: trying }), MATCH_LIMIT_MS);
      }
      if (event.data.match !== undefined) done({ match: event.data.match });
    };
    // A worker that cannot start (an old browser, a CSP without workers): the limit reports it.
    worker.onerror = () => done({ hung: trying });
    worker.postMessage({ patterns, iss });
  });
