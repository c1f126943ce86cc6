import { describeFailure } from "../content/failures";
import type { UiLanguage } from "../content/lang";
import { FailureError } from "../fhir/failures";

/**
 * The one-line alert of a read that failed: the failure in plain language when it is one of
 * ours (a FailureError), else `fallback`; `what` (e.g. "The partners could not be loaded.")
 * leads it when given.
 */
export function QueryError({
  error,
  lang,
  what,
  fallback = "",
}: {
  error: unknown;
  lang: UiLanguage;
  what?: string;
  fallback?: string;
}) {
  const message =
    error instanceof FailureError ? describeFailure(error.failure, lang).message : fallback;
  return (
    <p role="alert" className="error">
      {what && `${what} `}
      {message}
    </p>
  );
}
