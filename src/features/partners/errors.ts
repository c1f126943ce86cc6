import { describeFailure } from "../../content/failures";
import type { UiLanguage } from "../../content/lang";
import { FailureError } from "../../fhir/failures";

/** One line for an error: the failure screen's title, message and server details. */
export function describeError(error: unknown, lang: UiLanguage): string {
  if (error instanceof FailureError) {
    const text = describeFailure(error.failure, lang);
    return [text.title, text.message, ...text.details].join(" ");
  }
  return error instanceof Error ? error.message : String(error);
}

/** Diagnostics of a failed request (for per-entry messages), or [] when there are none. */
export function diagnosticsOf(error: unknown): string[] {
  if (error instanceof FailureError) {
    const f = error.failure;
    if (f.kind === "operation-outcome" || f.kind === "forbidden") return f.diagnostics;
  }
  return [];
}

export function isConflict(error: unknown): boolean {
  return (
    error instanceof FailureError &&
    error.failure.kind === "operation-outcome" &&
    error.failure.status === 412
  );
}
