import type { ReactNode, RefObject } from "react";

// The frame every step of a long flow shares (the guide, the referral): a section named by its
// heading, which takes focus when the step changes (useStepFocus), and the one-line problem a
// refused "Continue" shows.

export type HeadingRef = RefObject<HTMLHeadingElement | null>;

/** What every step component of a flow gets from its shell (its text: useText). */
export interface StepProps<D> {
  draft: D;
  update: (fn: (d: D) => D) => void;
  headingRef: HeadingRef;
}

export function StepSection({
  step,
  heading,
  headingRef,
  children,
}: {
  /** `data-step`, for the browser tests; side steps have none. */
  step?: string;
  heading: ReactNode;
  headingRef: HeadingRef;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="step-heading" className="step" data-step={step}>
      <h2 id="step-heading" tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** Why the step cannot go on yet (nothing when there is no problem). */
export function ProblemText({ problem }: { problem: string | null }) {
  return problem ? (
    <p role="alert" className="error">
      {problem}
    </p>
  ) : null;
}

/**
 * A step's buttons: Back first, then `children` (e.g. "not safe to talk now"), then the
 * primary step forward. `disabled` holds them all while a write is under way.
 */
export function StepActions({
  onBack,
  backLabel,
  onNext,
  nextLabel,
  disabled,
  children,
}: {
  onBack?: (() => void) | undefined;
  backLabel?: string;
  onNext?: (() => void) | undefined;
  nextLabel?: string;
  disabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="actions">
      {onBack && (
        <button type="button" onClick={onBack} disabled={disabled}>
          {backLabel}
        </button>
      )}
      {children}
      {onNext && (
        <button type="button" className="primary" onClick={onNext} disabled={disabled}>
          {nextLabel}
        </button>
      )}
    </div>
  );
}
