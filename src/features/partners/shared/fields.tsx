import { cloneElement, type ReactElement, type ReactNode } from "react";

// The one field set of the partner editor and the partnership forms: a labelled control wired
// to its hint and its error (aria-invalid / aria-describedby). Errors arrive as text already
// translated, so both forms' message keys (FieldError, UpkeepError) use the same controls.

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span id={`${id}-error`} className="field-error">
      {error}
    </span>
  ) : null;
}

/** A labelled control with its hint and its error. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactElement<Record<string, unknown>>;
}) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(id, Boolean(hint), Boolean(error)),
      })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <ErrorText id={id} error={error} />
    </p>
  );
}

/** A group of checkboxes (codes with their labels) with one error for the group. */
export function CheckGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: [string, string][];
  value: string[];
  onChange: (value: string[]) => void;
  error: string | undefined;
}) {
  return (
    <fieldset
      className="check-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map(([code, label]) => (
        <span key={code} className="check">
          <input
            id={`${id}-${code}`}
            type="checkbox"
            checked={value.includes(code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, code] : value.filter((v) => v !== code))
            }
          />
          <label htmlFor={`${id}-${code}`}>{label}</label>
        </span>
      ))}
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}
