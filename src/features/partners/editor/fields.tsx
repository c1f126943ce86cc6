import { cloneElement, type ReactElement } from "react";
import type { FieldError } from "../form";
import type { PartnerStrings } from "../strings";

// The editor's labelled controls, each wired to its error with aria-invalid / aria-describedby.

/** A labelled control with its error, wired with aria-invalid / aria-describedby. */
export function Field({
  id,
  label,
  error,
  t,
  children,
}: {
  id: string;
  label: string;
  error: FieldError | undefined;
  t: PartnerStrings;
  children: ReactElement<Record<string, unknown>>;
}) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {t.errors[error]}
        </span>
      )}
    </p>
  );
}

export function CheckGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  t,
}: {
  id: string;
  legend: string;
  options: [string, string][];
  value: string[];
  onChange: (value: string[]) => void;
  error: FieldError | undefined;
  t: PartnerStrings;
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
      {error && (
        <span id={`${id}-error`} className="field-error">
          {t.errors[error]}
        </span>
      )}
    </fieldset>
  );
}
