import type { RefObject } from "react";
import { packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";

/** It is not safe to talk now: what to do instead, a closing line for the patient, nothing written. */
export function NotSafeStep({
  t,
  language,
  headingRef,
  onBack,
}: {
  t: StaffText;
  language: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
}) {
  return (
    <section aria-labelledby="step-heading" className="step">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.notSafeHeading}
      </h2>
      <ul>
        {t.notSafeSteps.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{t.notSafeClosing}</p>
      <blockquote className="say">{packFor(language).patient.notSafeClosing}</blockquote>
      <p role="status" data-testid="nothing-written">
        {t.notSafeNothingWritten}
      </p>
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t.notSafeBack}
        </button>
      </div>
    </section>
  );
}
