import { useState, type ReactNode } from "react";
import { failureOf, type Failure } from "../fhir/failures";
import { FAILURE_ACTIONS, describeFailure } from "../content/failures";
import type { UiLanguage } from "../content/lang";

// The one failure panel of the app's screens: what failed (`what`, e.g. "The history could not
// be loaded"), what happened, the server's words, what the user can do, and the controls that
// can help — a retry, and signing in again in place when the session ended.

export function FailureAlert({
  failure,
  lang,
  what,
  onRetry,
  retryLabel,
  onReauthorize,
  testId = "write-failure",
  children,
}: {
  failure: Failure;
  lang: UiLanguage;
  /** What failed, in the screen's words; it leads the panel. */
  what?: string;
  /** A retry where one can help (not for "not allowed", a wrong patient or a bad config). */
  onRetry?: () => void;
  retryLabel?: string;
  /**
   * Sign in again in place (a small window) and carry on, e.g. send the draft; offered when the
   * session ended. Rejects with a FailureError when the sign-in did not work.
   */
  onReauthorize?: () => Promise<void>;
  testId?: string;
  /** Extra lines, e.g. that the entered data is kept. */
  children?: ReactNode;
}) {
  const actions = FAILURE_ACTIONS[lang];
  const [signingIn, setSigningIn] = useState(false);
  // A sign-in again that did not work is shown here, in place of the ended session.
  const [signInFailure, setSignInFailure] = useState<Failure | null>(null);
  if (signInFailure && failure.kind === "session-expired") failure = signInFailure;
  const signIn =
    onReauthorize &&
    (failure.kind === "session-expired" ||
      (failure.kind === "sign-in-again" && failure.reason !== "other-patient"));
  const shown: Failure =
    failure.kind === "session-expired" && signIn ? { ...failure, signInAgain: true } : failure;
  const text = describeFailure(shown, lang);
  const retry = onRetry && RETRYABLE.has(failure.kind) && !signIn;
  return (
    <div role="alert" className="error" data-testid={testId} data-failure={failure.kind}>
      {what && <p className="failure-what">{what}</p>}
      <p>
        <strong>{text.title}</strong> {text.message}
      </p>
      {text.details.length > 0 && (
        <ul>
          {text.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      <p>{text.fix}</p>
      {children}
      {(retry || signIn) && (
        <p className="actions">
          {retry && (
            <button type="button" onClick={onRetry}>
              {retryLabel ?? actions.retry}
            </button>
          )}
          {signIn && (
            <button
              type="button"
              disabled={signingIn}
              onClick={() => {
                setSigningIn(true);
                void onReauthorize()
                  .then(
                    () => setSignInFailure(null),
                    (error: unknown) => setSignInFailure(failureOf(error)),
                  )
                  .finally(() => setSigningIn(false));
              }}
            >
              {signingIn ? actions.signingIn : actions.signInAgain}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** Failures a retry can help with. */
const RETRYABLE = new Set<Failure["kind"]>([
  "unreachable",
  "no-answer",
  "operation-outcome",
  "bad-response",
  "conflict",
  "unexpected",
]);
