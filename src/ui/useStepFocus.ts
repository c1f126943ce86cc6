import { useEffect, useRef } from "react";

/**
 * Moves keyboard and screen-reader focus to a step's heading when the step changes (not on
 * the first render, where focus stays where the user put it).
 */
export function useStepFocus(step: unknown) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);
  return headingRef;
}
