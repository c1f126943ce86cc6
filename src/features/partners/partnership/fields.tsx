import { cloneElement, type ReactElement, type ReactNode } from "react";
import type { PartnershipText } from "../../../content/packs/types";
import type { UpkeepError } from "../../../domain/partnership";

// A labelled control of the upkeep forms, wired to its hint and error (aria-describedby).

export function UpkeepField({
  id,
  label,
  hint,
  error,
  t,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error: UpkeepError | undefined;
  t: PartnershipText;
  children: ReactElement<Record<string, unknown>>;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described.length ? described.join(" ") : undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {t.errors[error]}
        </span>
      )}
    </p>
  );
}

/** The conflict notice both upkeep forms show after a 412. */
export function ConflictNotice({
  t,
  reloaded,
  clashes,
  onReload,
}: {
  t: PartnershipText;
  reloaded: boolean;
  clashes: string[];
  onReload: () => void;
}) {
  return (
    <div role="alert" className="conflict" data-testid="upkeep-conflict">
      <p>{reloaded ? t.conflictReloaded : t.conflict}</p>
      {reloaded && clashes.length > 0 && (
        <p>
          {t.conflictDiffers} {clashes.join(", ")}
        </p>
      )}
      {!reloaded && (
        <button type="button" onClick={onReload}>
          {t.conflictReload}
        </button>
      )}
    </div>
  );
}
