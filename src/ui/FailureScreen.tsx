import { lazy, Suspense, useEffect, useState } from "react";
import type { StaffSupportConfig } from "../config/clinicConfig";
import { StaffSupportButton } from "./StaffSupportButton";
import { StaffLanguageContext } from "./staffLanguage";

const StaffSupport = lazy(() => import("./StaffSupport"));
import type { Failure } from "../fhir/failures";
import { describeFailure } from "../content/failures";
import type { UiLanguage } from "../content/lang";

/** A full-screen, plain-language explanation of a failure and what to do about it. */
export function FailureScreen({
  failure,
  lang,
  staffSupport,
}: {
  failure: Failure;
  lang: UiLanguage;
  /** The clinic's staff support contacts, when its config could be read. */
  staffSupport?: StaffSupportConfig | undefined;
}) {
  const text = describeFailure(failure, lang);
  const [support, setSupport] = useState(false);
  useEffect(() => {
    document.title = text.title;
  }, [text.title]);
  // Rendered outside the app (nothing else has started), so it provides the staff language.
  return (
    <StaffLanguageContext.Provider value={lang}>
      {support ? (
        <main className="failure">
          <Suspense fallback={<p role="status">…</p>}>
            <StaffSupport config={staffSupport} onClose={() => setSupport(false)} />
          </Suspense>
        </main>
      ) : (
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
          <p>
            <StaffSupportButton open={false} onOpen={() => setSupport(true)} />
          </p>
        </main>
      )}
    </StaffLanguageContext.Provider>
  );
}
