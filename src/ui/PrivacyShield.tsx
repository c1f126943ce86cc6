import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { UI } from "../content/ui";
import { useText } from "./staffLanguage";

const ShieldContext = createContext<() => void>(() => {});

/**
 * The privacy shield (docs/ARCHITECTURE.md, privacy invariant 5): Esc or the visible button swaps the whole screen
 * for a neutral one at once. The app underneath is hidden, not unmounted, so nothing entered is
 * lost; coming back needs a deliberate click, never a key that could be pressed by accident.
 * Focus returns to where it was (the control staff were on), so work picks up in place.
 */
export function PrivacyShield({
  displayName,
  children,
}: {
  displayName: string;
  children: ReactNode;
}) {
  const t = useText(UI);
  const [shielded, setShielded] = useState(false);
  // The element that had focus when the shield went up (kept in memory only).
  const returnTo = useRef<HTMLElement | null>(null);
  const shield = useCallback(() => {
    setShielded((already) => {
      if (!already) {
        const active = document.activeElement;
        returnTo.current =
          active instanceof HTMLElement && active !== document.body ? active : null;
      }
      return true;
    });
  }, []);
  const wasShielded = useRef(false);
  const neutral = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (shielded) {
      wasShielded.current = true;
      // Move focus off the hidden app, so nothing typed now can land in a hidden field; the
      // neutral screen (not its button) takes it, so Enter or Space cannot come back by accident.
      neutral.current?.focus();
      return;
    }
    if (!wasShielded.current) return;
    wasShielded.current = false;
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  }, [shielded]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") shield();
    };
    // Capture phase: nothing in the app can stop the shield.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [shield]);

  return (
    <ShieldContext.Provider value={shield}>
      <div hidden={shielded} data-testid="shielded-content">
        {children}
      </div>
      {shielded && (
        <main className="neutral-screen" data-testid="neutral-screen" tabIndex={-1} ref={neutral}>
          <h1>{displayName}</h1>
          <p>{t.neutralText}</p>
          <button type="button" onClick={() => setShielded(false)}>
            {t.shieldReturn}
          </button>
        </main>
      )}
    </ShieldContext.Provider>
  );
}

/** The visible shield button; place it where staff can always reach it (the header). */
export function ShieldButton() {
  const t = useText(UI);
  const hide = useContext(ShieldContext);
  return (
    <button type="button" className="shield-button" onClick={hide} title={t.shieldHint}>
      {t.shieldButton}
    </button>
  );
}
