import type { IssuerEntry } from "../config/smartConfig";

// The cheap half of matching a launch's iss to a smart-config.json entry: exact addresses.
// Kept apart from issuerMatch.ts so that launch.html loads the pattern matcher (and its
// worker) only when a pattern could decide the entry.

/** Longer iss values are refused before any pattern sees them. */
export const MAX_ISS_LENGTH = 2048;

/** An iss without its trailing slashes, as entries are compared. */
export const issKey = (iss: string): string => iss.replace(/\/+$/, "");

/** The index of the first entry whose exact iss is this one, or -1. */
export function exactIssuerIndex(entries: readonly IssuerEntry[], iss: string): number {
  const wanted = issKey(iss);
  return entries.findIndex((e) => e.iss !== undefined && issKey(e.iss) === wanted);
}

/**
 * The entry an exact address picks when no pattern can come first: patterns are tried only on
 * the entries before the exact match, so with none of those this is the answer. `undefined`
 * means a pattern must decide (load issuerMatch.ts).
 */
export function issuerWithoutPatterns(
  entries: readonly IssuerEntry[],
  iss: string,
): { entry?: IssuerEntry } | undefined {
  if (issKey(iss).length > MAX_ISS_LENGTH) return {};
  const exact = exactIssuerIndex(entries, iss);
  const before = exact === -1 ? entries : entries.slice(0, exact);
  if (before.some((e) => e.issPattern)) return undefined;
  return exact === -1 ? {} : { entry: entries[exact] as IssuerEntry };
}
