import type { ReactNode } from "react";
import type { Failure } from "../fhir/failures";
import { describeFailure } from "../content/failures";
import type { UiLanguage } from "../content/lang";

/** A failed write, in place: what happened, the server's words, and what to do. */
export function FailureAlert({
  failure,
  lang,
  children,
}: {
  failure: Failure;
  lang: UiLanguage;
  /** Extra lines, e.g. that the entered data is kept. */
  children?: ReactNode;
}) {
  const text = describeFailure(failure, lang);
  return (
    <div role="alert" className="error" data-testid="write-failure">
      <p>
        <strong>{text.title}</strong> {text.message}
      </p>
      {text.details.length > 0 && (
        <ul>
          {text.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      <p>{text.fix}</p>
      {children}
    </div>
  );
}
