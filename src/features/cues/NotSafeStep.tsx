import { STAFF_TEXT, packFor } from "../../content/packs/index";
import { useText } from "../../ui/staffLanguage";
import { StepSection, type HeadingRef, StepActions } from "../../ui/Step";

/** It is not safe to talk now: what to do instead, a closing line for the patient, nothing written. */
export function NotSafeStep({
  language,
  headingRef,
  onBack,
}: {
  language: string;
  headingRef: HeadingRef;
  onBack: () => void;
}) {
  const t = useText(STAFF_TEXT);
  return (
    <StepSection heading={t.notSafeHeading} headingRef={headingRef}>
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
      <StepActions onBack={onBack} backLabel={t.notSafeBack} />
    </StepSection>
  );
}
