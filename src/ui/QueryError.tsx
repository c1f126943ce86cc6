import { failureOf } from "../fhir/failures";
import { FailureAlert } from "./FailureAlert";

/**
 * The panel of a read that failed: `what` failed (e.g. "The partner list could not be
 * loaded."), the failure in plain language with its fix, and the controls that can help — a
 * retry, and signing in again in place when the session ended.
 */
export function QueryError({
  error,
  what,
  onRetry,
  onReauthorize,
}: {
  error: unknown;
  what: string;
  onRetry?: () => void;
  onReauthorize?: () => Promise<void>;
}) {
  return (
    <FailureAlert
      failure={failureOf(error, what)}
      what={what}
      testId="read-failure"
      {...(onRetry ? { onRetry } : {})}
      {...(onReauthorize ? { onReauthorize } : {})}
    />
  );
}
