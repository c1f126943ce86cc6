import { useRef, useState, type RefObject } from "react";
import { useStaffLanguage, useText, type TextSource } from "../../../ui/staffLanguage";
import { describeError, isConflict } from "../errors";

// What the partner editor and the partnership forms share around a save: the checks before
// anything is sent (an error summary that takes the focus), the save itself (a 412 becomes
// "someone else changed it", any other failure its message; the form keeps every entry), and
// reloading the colleague's version underneath the user's edits.

export type SaveStatus =
  | { kind: "ready" }
  | { kind: "conflict"; reloaded: boolean; clashes: string[] }
  | { kind: "failed"; message: string };

/** The words of the status panel, from the form's own strings (each form passes its source). */
export interface SaveStatusText {
  /** A heading for the conflict panel, where the form has one. */
  conflictTitle?: string;
  conflict: string;
  conflictReloaded: string;
  conflictDiffers: string;
  conflictReload: string;
  saveFailed: string;
  fixErrors: (count: number) => string;
}

export function useGuardedSave<E extends string>() {
  const lang = useStaffLanguage();
  const [status, setStatus] = useState<SaveStatus>({ kind: "ready" });
  const [errors, setErrors] = useState<Record<string, E>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  return {
    status,
    errors,
    setErrors,
    summaryRef,
    /** The error of a field, in words (`messages` are the form's translations of its keys). */
    errorOf(path: string, messages: Record<E, string>): string | undefined {
      const e = errors[path];
      return e && messages[e];
    },
    /** Shows the errors found; true when there are none (the summary takes the focus otherwise). */
    check(found: Record<string, E>): boolean {
      setErrors(found);
      const ok = Object.keys(found).length === 0;
      if (!ok) setTimeout(() => summaryRef.current?.focus(), 0);
      return ok;
    },
    async save(send: () => Promise<void>): Promise<void> {
      setStatus({ kind: "ready" });
      try {
        await send();
      } catch (e) {
        setStatus(
          isConflict(e)
            ? { kind: "conflict", reloaded: false, clashes: [] }
            : { kind: "failed", message: describeError(e, lang) },
        );
      }
    },
    /** `load` puts their version under the form and returns where both changed the same entry. */
    async reload(load: () => Promise<string[]>): Promise<void> {
      try {
        setStatus({ kind: "conflict", reloaded: true, clashes: await load() });
      } catch (e) {
        setStatus({ kind: "failed", message: describeError(e, lang) });
      }
    },
  };
}

/** The error summary above a form: how many fields need attention. */
function ErrorSummary({
  count,
  text,
  summaryRef,
}: {
  count: number;
  text: TextSource<SaveStatusText>;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const words = useText(text);
  if (count === 0) return null;
  return (
    <div role="alert" tabIndex={-1} ref={summaryRef} className="error-summary">
      {words.fixErrors(count)}
    </div>
  );
}

/** The one conflict panel (and failure line) of every directory form. */
function SaveStatusPanel({
  status,
  text,
  testId,
  onReload,
}: {
  status: SaveStatus;
  text: TextSource<SaveStatusText>;
  testId: string;
  onReload: (() => void) | undefined;
}) {
  const words = useText(text);
  if (status.kind === "failed")
    return (
      <div role="alert">
        <p>{words.saveFailed}</p>
        <p>{status.message}</p>
      </div>
    );
  if (status.kind !== "conflict") return null;
  return (
    <div role="alert" className="conflict" data-testid={testId}>
      {words.conflictTitle && <h2>{words.conflictTitle}</h2>}
      <p>{status.reloaded ? words.conflictReloaded : words.conflict}</p>
      {status.reloaded && status.clashes.length > 0 && (
        <p>
          {words.conflictDiffers} {status.clashes.join(", ")}
        </p>
      )}
      {!status.reloaded && onReload && (
        <button type="button" onClick={onReload}>
          {words.conflictReload}
        </button>
      )}
    </div>
  );
}

/** What the notices need of a form's useGuardedSave. */
export type SaveNoticesState = Pick<
  ReturnType<typeof useGuardedSave>,
  "status" | "errors" | "summaryRef"
>;

/** What goes above every directory form: the error summary, then the conflict or failure. */
export function SaveNotices({
  guard,
  text,
  testId,
  onReload,
}: {
  guard: SaveNoticesState;
  text: TextSource<SaveStatusText>;
  testId: string;
  onReload: (() => void) | undefined;
}) {
  return (
    <>
      <ErrorSummary
        count={Object.keys(guard.errors).length}
        text={text}
        summaryRef={guard.summaryRef}
      />
      <SaveStatusPanel status={guard.status} text={text} testId={testId} onReload={onReload} />
    </>
  );
}

/** Save and cancel, at the foot of every directory form. */
export function FormButtons({
  pending,
  save,
  saving,
  cancel,
  onCancel,
}: {
  pending: boolean;
  save: string;
  saving: string;
  cancel: string;
  onCancel: () => void;
}) {
  return (
    <div className="toolbar">
      <button type="submit" disabled={pending}>
        {pending ? saving : save}
      </button>
      <button type="button" onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
