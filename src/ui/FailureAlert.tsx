import { useEffect, useState, type ReactNode } from "react";
import { failureOf, type Failure } from "../fhir/failures";
import { failureTextsIfLoaded, loadFailureTexts } from "../content/failureTexts";
import { useStaffLanguage, type TextSource } from "./staffLanguage";
import type { FailureTexts } from "../content/failureTexts";

// The one failure panel of the app's screens: what failed (`what`, e.g. "The history could not
// be loaded"), what happened, the server's words, what the user can do, and the controls that
// can help — a retry, and signing in again in place when the session ended. Its texts load
// after the first screen (src/content/failureTexts.ts); until then it says they are loading,
// and if they cannot load, it says so: the panel always says something besides its controls.

export function FailureAlert({
  failure,
  what,
  onRetry,
  retryLabel,
  onReauthorize,
  testId = "write-failure",
  children,
}: {
  failure: Failure;
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
  const lang = useStaffLanguage();
  const t = ACTIONS[lang];
  const texts = useFailureTexts(failure);
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
  const text = texts?.describeFailure(shown, lang) ?? null;
  const retry = onRetry && RETRYABLE.has(failure.kind) && !signIn;
  return (
    <div role="alert" className="error" data-testid={testId} data-failure={failure.kind}>
      {what && <p className="failure-what">{what}</p>}
      {text ? (
        <>
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
        </>
      ) : (
        <p>{texts === null ? t.unexplained : t.explaining}</p>
      )}
      {children}
      {(retry || signIn) && (
        <p className="actions">
          {retry && (
            <button type="button" onClick={onRetry}>
              {retryLabel ?? t.retry}
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
              {signingIn ? t.signingIn : t.signInAgain}
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

/**
 * The failure texts: at once when loaded (as they are soon after the first screen), else
 * `undefined` while they load and `null` when they could not be (tried again on the next failure).
 */
function useFailureTexts(failure: Failure): FailureTexts | null | undefined {
  const [texts, setTexts] = useState<FailureTexts | null | undefined>(
    () => failureTextsIfLoaded() ?? undefined,
  );
  const missing = !texts;
  useEffect(() => {
    if (!missing) return;
    let live = true;
    loadFailureTexts().then(
      (loaded) => live && setTexts(loaded),
      () => live && setTexts(null),
    );
    return () => {
      live = false;
    };
  }, [missing, failure]);
  return texts;
}

/** The panel's own words: its buttons, and the lines shown while the failure texts load or when they cannot. */
const ACTIONS = {
  en: {
    retry: "Try again",
    signInAgain: "Sign in again",
    signingIn: "Signing in…",
    explaining: "Loading the explanation…",
    unexplained:
      "The app could not load the explanation of this problem (the network may be down). Try again in a moment; if it keeps happening, tell the clinic's IT team.",
  },
  es: {
    retry: "Intentar de nuevo",
    signInAgain: "Iniciar sesión de nuevo",
    signingIn: "Iniciando sesión…",
    explaining: "Cargando la explicación…",
    unexplained:
      "La aplicación no pudo cargar la explicación de este problema (puede que no haya red). Vuelva a intentarlo en un momento; si sigue pasando, avise al equipo de TI de la clínica.",
  },
} satisfies TextSource<
  Record<"retry" | "signInAgain" | "signingIn" | "explaining" | "unexplained", string>
>;
