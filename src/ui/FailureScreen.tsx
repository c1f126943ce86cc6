import { useEffect } from "react";
import type { Failure } from "../fhir/failures";
import { describeFailure } from "../content/failures";
import type { UiLanguage } from "../content/lang";

/** A full-screen, plain-language explanation of a failure and what to do about it. */
export function FailureScreen({ failure, lang }: { failure: Failure; lang: UiLanguage }) {
  const text = describeFailure(failure, lang);
  useEffect(() => {
    document.title = text.title;
  }, [text.title]);
  return (
    <main className="failure" data-failure={failure.kind}>
      <h1>{text.title}</h1>
      <p>{text.message}</p>
      {text.details.length > 0 && (
        <ul className="failure-details">
          {text.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      <p className="fix">{text.fix}</p>
    </main>
  );
}
