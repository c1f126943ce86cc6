import type { RefObject } from "react";
import type { StaffText } from "../../content/packs/types";

/** The patient wants nothing now: what to leave them with. */
export function NothingNowStep({
  t,
  headingRef,
  onBack,
}: {
  t: StaffText;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
}) {
  return (
    <section aria-labelledby="step-heading" className="step">
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {t.nothingNowHeading}
      </h2>
      <ul>
        {t.nothingNowSteps.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
      </div>
    </section>
  );
}
