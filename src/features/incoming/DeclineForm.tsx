import { useState } from "react";
import { REFERRAL_BACK_WORDS } from "../../content/referralBack";
import type { Transition } from "../../domain/taskLifecycle";
import { useText } from "../../ui/staffLanguage";
import { INCOMING_TEXT } from "./strings";

// A step that needs a reason (a code from the lifecycle table, and words the partner sees).

export function DeclineForm({
  transition,
  label,
  busy,
  onCancel,
  onSave,
}: {
  transition: Transition;
  label: string;
  busy: boolean;
  onCancel: () => void;
  onSave: (code: string, text: string) => void;
}) {
  const t = useText(INCOMING_TEXT);
  const w = useText(REFERRAL_BACK_WORDS);
  const codes = transition.reason.kind === "choose" ? transition.reason.codes : [];
  const [code, setCode] = useState<string>(codes[0] ?? "");
  const [text, setText] = useState("");
  const required = transition.reason.kind === "choose" && transition.reason.text === "required";
  return (
    <form
      className="step-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(code, text);
      }}
    >
      <label>
        {t.declineReason}{" "}
        <select value={code} onChange={(e) => setCode(e.target.value)} required>
          {codes.map((c) => (
            <option key={c} value={c}>
              {w.declineReason[c] ?? c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.declineText}{" "}
        <input
          type="text"
          value={text}
          required={required}
          maxLength={300}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t.saving : t.save}
      </button>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
