import { useState } from "react";
import type { Transition } from "../../domain/taskLifecycle";
import type { TaskStepChange } from "./api/updateTask";
import { ADVOCATE_TEXT } from "./strings";
import { useText } from "../../ui/staffLanguage";

// The form of a lifecycle step that needs a reason (a code from the lifecycle table, words)
// or offers an output (what was provided); `draft` fills it again after a conflict.

export type StepExtra = Omit<TaskStepChange, "action">;

export function StepForm({
  transition,
  draft,
  busy,
  onCancel,
  onSave,
}: {
  transition: Transition;
  draft?: StepExtra;
  busy: boolean;
  onCancel: () => void;
  onSave: (extra: StepExtra) => void;
}) {
  const t = useText(ADVOCATE_TEXT);
  const reason = transition.reason;
  const [code, setCode] = useState(
    reason.kind === "choose" ? (draft?.reasonCode ?? reason.codes[0] ?? "") : "",
  );
  const [text, setText] = useState(draft?.reasonText ?? "");
  const [output, setOutput] = useState(draft?.output ?? "");
  const textRequired = reason.kind !== "none" && reason.text === "required";
  return (
    <form
      className="step-form"
      aria-label={t.action[transition.action]}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          ...(code ? { reasonCode: code } : {}),
          ...(text.trim() ? { reasonText: text } : {}),
          ...(output.trim() ? { output } : {}),
        });
      }}
    >
      <p>
        <strong>{t.action[transition.action]}</strong>
      </p>
      {reason.kind === "choose" && (
        <label>
          {t.reason}{" "}
          <select value={code} onChange={(e) => setCode(e.target.value)} required>
            {reason.codes.map((c) => (
              <option key={c} value={c}>
                {t.reasonLabel[c] ?? c}
              </option>
            ))}
          </select>
        </label>
      )}
      {reason.kind !== "none" && (
        <label>
          {textRequired ? t.reasonText : t.reasonTextOptional}{" "}
          <input
            type="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            required={textRequired}
            maxLength={500}
          />
        </label>
      )}
      {transition.output && (
        <label>
          {t.output}{" "}
          <textarea value={output} onChange={(e) => setOutput(e.target.value)} maxLength={1000} />
        </label>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.confirm}
      </button>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
