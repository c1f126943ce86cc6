import type { ReactNode } from "react";

// The small form controls the flows repeat: a labelled checkbox, a labelled text input with an
// optional hint, and a Yes / No pair of radios. The markup is the one the screens used before
// (tests and the browser tests find the controls by their labels).

/** A checkbox inside its label (`className="inline"` by default; `null` for none). */
export function Checkbox({
  label,
  checked,
  onChange,
  disabled,
  describedBy,
  name,
  className = "inline",
  testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string;
  name?: string;
  className?: string | null;
  testId?: string;
}) {
  return (
    <label className={className ?? undefined} data-testid={testId}>
      <input
        type="checkbox"
        name={name}
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** A text-like input with its label (and a hint it is described by), never autocompleted. */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = "text",
  hint,
  min,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "tel" | "date";
  hint?: ReactNode;
  min?: string;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete="off"
        min={min}
        aria-describedby={hint ? hintId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Two radios, Yes and No, sharing `name`; `value` undefined when not answered yet. */
export function YesNo({
  name,
  value,
  onChange,
  yes,
  no,
}: {
  name: string;
  value: "yes" | "no" | undefined;
  onChange: (value: "yes" | "no") => void;
  yes: string;
  no: string;
}) {
  return (
    <>
      {(["yes", "no"] as const).map((answer) => (
        <label key={answer}>
          <input
            type="radio"
            name={name}
            value={answer}
            checked={value === answer}
            onChange={() => onChange(answer)}
          />
          {answer === "yes" ? yes : no}
        </label>
      ))}
    </>
  );
}
