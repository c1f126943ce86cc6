import { describeFailure } from "../../content/failures";
import type { UiLanguage } from "../../content/lang";
import { FailureError, type OutcomeIssue } from "../../fhir/failures";

/** One line for an error: the failure screen's title, message and server details. */
export function describeError(error: unknown, lang: UiLanguage): string {
  if (error instanceof FailureError) {
    const text = describeFailure(error.failure, lang);
    return [text.title, text.message, ...text.details].join(" ");
  }
  return error instanceof Error ? error.message : String(error);
}

/** The server's issues about a failed request (for per-entry messages), or []. */
export function issuesOf(error: unknown): OutcomeIssue[] {
  if (error instanceof FailureError) {
    const f = error.failure;
    if (f.kind === "operation-outcome" || f.kind === "forbidden") return f.issues ?? [];
  }
  return [];
}

export function isConflict(error: unknown): boolean {
  return error instanceof FailureError && error.failure.kind === "conflict";
}
