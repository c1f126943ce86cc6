import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { UiStrings } from "../content/ui";

const ShieldContext = createContext<() => void>(() => {});

/**
 * The privacy shield (docs/ARCHITECTURE.md, privacy invariant 5): Esc or the visible button swaps the whole screen
 * for a neutral one at once. The app underneath is hidden, not unmounted, so nothing entered is
 * lost; coming back needs a deliberate click, never a key that could be pressed by accident.
 */
export function PrivacyShield({
  t,
  displayName,
  children,
}: {
  t: UiStrings;
  displayName: string;
  children: ReactNode;
}) {
  const [shielded, setShielded] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setShielded(true);
    };
    // Capture phase: nothing in the app can stop the shield.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);

  return (
    <ShieldContext.Provider value={() => setShielded(true)}>
      <div hidden={shielded} data-testid="shielded-content">
        {children}
      </div>
      {shielded && (
        <main className="neutral-screen" data-testid="neutral-screen">
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
export function ShieldButton({ t }: { t: UiStrings }) {
  const hide = useContext(ShieldContext);
  return (
    <button type="button" className="shield-button" onClick={hide} title={t.shieldHint}>
      {t.shieldButton}
    </button>
  );
}
