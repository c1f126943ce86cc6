import { describeFailure } from "../../content/failures";
import { FailureError } from "../../fhir/failures";
import { WorklistConflict } from "../../fhir/worklist";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { statusText, WORKLIST_TEXT } from "./strings";

/**
 * Why one of the clinic's steps on a referral (cancel, record what the patient said) was not
 * saved: someone moved the referral on since it was loaded (WorklistConflict, nothing written),
 * or the server's failure in words.
 */
export function StepFailure({ error, testId }: { error: Error | null; testId: string }) {
  const t = useText(WORKLIST_TEXT);
  const lang = useStaffLanguage();
  if (!error) return null;
  return (
    <p role="alert" className="error" data-testid={testId}>
      {error instanceof WorklistConflict
        ? t.conflict(error.current.by, statusText(t, error.current.status))
        : error instanceof FailureError
          ? describeFailure(error.failure, lang).message
          : t.writeFailed}
    </p>
  );
}
