import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionContext, type Session } from "./session";
import { PatientBanner } from "../ui/PatientBanner";
import { PrivacyShield, ShieldButton } from "../ui/PrivacyShield";
import { StaffLanguageContext } from "../ui/staffLanguage";
import { StaffSupportButton } from "../ui/StaffSupportButton";
// Shown only when the staff language's pack lacks entries (in the first screen's chunk anyway).
import { StaffPackNote } from "../ui/PackNotes";
import { UI } from "../content/ui";
import { packStatus } from "../content/packs/index";
import { loadFailureTexts } from "../content/failureTexts";
import { pickUiLanguage, UI_LANGUAGES, type UiLanguage } from "../content/lang";
import { Screen } from "./Screen";
import { TABS, tabsFor, type View } from "./tabs";

// The shell: the header (user, staff language, staff support, shield), the tabs of this
// session (./tabs.ts) and the screen of the open tab (./Screen.tsx).

// Loaded when opened (from the app's own web server; no FHIR request).
const StaffSupport = lazy(() => import("../ui/StaffSupport"));

export function App({ session }: { session: Session }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
    [],
  );
  const [lang, setLang] = useState<UiLanguage>(() => pickUiLanguage());
  const t = UI[lang];
  const tabs = tabsFor(session);
  const [view, setView] = useState<View | null>(() => (tabs[0] ? { tab: tabs[0] } : null));
  // In memory only: opening staff support changes no URL and stores nothing.
  const [support, setSupport] = useState(false);

  // Before any child's passive effect (their reads start there): the first screen is in the
  // DOM, about to be painted. `npm run bench` counts the FHIR requests that started before it.
  useLayoutEffect(() => void performance.mark("wr:first-screen"), []);
  // The failure panel's texts, kept out of the first screen's code (src/content/failureTexts.ts).
  useEffect(() => void loadFailureTexts().catch(() => undefined), []);
  useEffect(() => {
    // Discreet: the window title is the configured display name, never patient data.
    document.title = session.clinic.displayName;
    const styleUrl = session.smartStyleUrl;
    if (styleUrl) void import("./smartStyle").then((m) => m.applySmartStyle(styleUrl));
  }, [session]);

  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={session}>
        <StaffLanguageContext.Provider value={lang}>
          <PrivacyShield displayName={session.clinic.displayName}>
            <div className="app" lang={lang}>
              <header className="app-header">
                <span className="app-name">{session.clinic.displayName}</span>
                <span className="app-user" data-testid="signed-in-as">
                  {t.signedInAs} {session.user.name ?? t.unknownUser}
                </span>
                <label className="app-lang">
                  {t.staffLanguage}{" "}
                  <select value={lang} onChange={(e) => setLang(e.target.value as UiLanguage)}>
                    {UI_LANGUAGES.map((l) => (
                      <option key={l} value={l} lang={l}>
                        {l === "en" ? "English" : "Español"}
                      </option>
                    ))}
                  </select>
                </label>
                <StaffSupportButton open={support} onOpen={() => setSupport(true)} />
                <ShieldButton />
              </header>
              {packStatus(lang)?.fallback.some((key) => key.startsWith("staff.")) && (
                <StaffPackNote />
              )}
              {session.kind === "chart" && session.needPatientBanner && (
                <PatientBanner patient={session.patient} />
              )}
              {tabs.length > 1 && (
                <nav className="app-nav" aria-label={t.navLabel}>
                  {tabs.map((tab) => (
                    <button
                      key={tab}
                      type="button"
                      aria-current={view?.tab === tab ? "page" : undefined}
                      // An unfinished referral stays open when staff look at another tab.
                      onClick={() =>
                        setView((v) => ({ tab, ...(v?.referral ? { referral: v.referral } : {}) }))
                      }
                    >
                      {TABS.find((x) => x.tab === tab)?.label(t)}
                    </button>
                  ))}
                </nav>
              )}
              {support && (
                // The one visible main landmark while open; the app's own stays mounted, hidden.
                <main className="app-main">
                  <Suspense fallback={<p role="status">{t.loading}</p>}>
                    <StaffSupport
                      config={session.clinic.staffSupport}
                      onClose={() => setSupport(false)}
                    />
                  </Suspense>
                </main>
              )}
              {/* Hidden, not unmounted: what staff entered stays while they read staff support. */}
              <main
                hidden={support}
                className="app-main"
                data-testid="app-ready"
                data-session={session.kind}
                data-patient-id={session.kind === "chart" ? session.patient.id : undefined}
              >
                {session.kind === "chart" && (
                  <p className="visually-hidden" data-testid="context-patient">
                    {session.patient.name}
                  </p>
                )}
                {!view ? (
                  <p data-testid="nothing-for-role">{t.nothingForRole}</p>
                ) : (
                  <Suspense fallback={<p role="status">{t.loading}</p>}>
                    <Screen view={view} setView={setView} />
                  </Suspense>
                )}
              </main>
            </div>
          </PrivacyShield>
        </StaffLanguageContext.Provider>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}
