import { useEffect, useId, useRef, useState } from "react";
import { transitionOf } from "../../domain/taskLifecycle";
import type { WorklistRow } from "../../domain/worklist";
import { useCancelReferral } from "./api/requesterSteps";
import { StepFailure } from "./StepFailure";
import { WORKLIST_TEXT } from "./strings";
import { useText } from "../../ui/staffLanguage";

/** Cancel with a reason: the requester's transition, its reasons from the lifecycle module. */
export function CancelForm({
  row,
  onDone,
  onClose,
}: {
  row: WorklistRow;
  onDone: (message: string) => void;
  onClose: () => void;
}) {
  const t = useText(WORKLIST_TEXT);
  const headingId = useId();
  const reason = transitionOf("cancel").reason;
  const codes = reason.kind === "none" ? [] : reason.codes.filter((c) => c !== "consent-withdrawn");
  const [code, setCode] = useState(codes[0] ?? "");
  const [text, setText] = useState("");
  const cancel = useCancelReferral(row.patient);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <form
      className="step-form"
      aria-labelledby={headingId}
      data-testid="cancel-form"
      onSubmit={(e) => {
        e.preventDefault();
        cancel.mutate(
          {
            taskId: row.taskId,
            version: row.version,
            patient: row.patient,
            reasonCode: code,
            ...(text.trim() ? { reasonText: text } : {}),
          },
          { onSuccess: () => onDone(t.cancelled) },
        );
      }}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t.cancelHeading}: {row.partnerName ?? row.partner}
      </h2>
      <label>
        {t.cancelReason}{" "}
        <select value={code} onChange={(e) => setCode(e.target.value)} required>
          {codes.map((c) => (
            <option key={c} value={c}>
              {t.reasonLabel[c] ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.cancelText}{" "}
        <input type="text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
      </label>
      <StepFailure error={cancel.error} testId="cancel-failure" />
      <button type="submit" disabled={cancel.isPending}>
        {cancel.isPending ? t.cancelling : t.cancelConfirm}
      </button>
      <button type="button" onClick={onClose}>
        {t.cancelKeep}
      </button>
    </form>
  );
}
