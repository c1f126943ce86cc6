import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Session } from "./boot";
import { SessionContext } from "./session";
import { applySmartStyle } from "./smartStyle";
import { PatientBanner } from "../ui/PatientBanner";
import { PrivacyShield, ShieldButton } from "../ui/PrivacyShield";
import { UI, type UiStrings } from "../content/ui";
import { pickUiLanguage } from "../content/lang";
import type { SupportSummary } from "../domain/journey";

// Features load on demand so the first screen stays small. This is the composition root:
// features never import each other; they hand over through props set here.
const loadGuide = () => import("../features/cues/CuesGuide");
const CuesGuide = lazy(loadGuide);
const ReferralFlow = lazy(() => import("../features/referrals/ReferralFlow"));
const PatientHistory = lazy(() => import("../features/referrals/PatientHistory"));
const PartnerDirectory = lazy(() => import("../features/partners/PartnerDirectory"));
const ClinicSettings = lazy(() => import("../features/partners/ClinicSettings"));
const Diagnostics = lazy(() => import("../features/diagnostics/Diagnostics"));

/** Starts loading the first screen's code while the launch completes (called from main.tsx). */
export function preloadFirstScreen(): void {
  void loadGuide();
}

type Tab = "guide" | "history" | "partners" | "settings" | "diagnostics";
type View = { tab: Tab; referral?: SupportSummary; resourceCard?: boolean };

const TABS: { tab: Tab; label: (t: UiStrings) => string }[] = [
  { tab: "guide", label: (t) => t.tabGuide },
  { tab: "history", label: (t) => t.tabHistory },
  { tab: "partners", label: (t) => t.tabPartners },
  { tab: "settings", label: (t) => t.tabSettings },
  { tab: "diagnostics", label: (t) => t.tabDiagnostics },
];

export function App({ session }: { session: Session }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
    [],
  );
  const lang = pickUiLanguage();
  const t = UI[lang];
  const [view, setView] = useState<View>({ tab: "guide" });

  useEffect(() => {
    // Discreet: the window title is the configured display name, never patient data.
    document.title = session.clinic.displayName;
    if (session.smartStyleUrl) void applySmartStyle(session.smartStyleUrl);
  }, [session]);

  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={session}>
        <PrivacyShield t={t} displayName={session.clinic.displayName}>
          <div className="app">
            <header className="app-header">
              <span className="app-name">{session.clinic.displayName}</span>
              <span className="app-user" data-testid="signed-in-as">
                {t.signedInAs} {session.user?.name ?? t.unknownUser}
              </span>
              <ShieldButton t={t} />
            </header>
            {session.needPatientBanner && <PatientBanner patient={session.patient} t={t} />}
            <nav className="app-nav" aria-label={t.navLabel}>
              {TABS.map(({ tab, label }) => (
                <button
                  key={tab}
                  type="button"
                  aria-current={view.tab === tab ? "page" : undefined}
                  // An unfinished referral stays open when staff look at another tab.
                  onClick={() =>
                    setView((v) => ({ tab, ...(v.referral ? { referral: v.referral } : {}) }))
                  }
                >
                  {label(t)}
                </button>
              ))}
            </nav>
            <main className="app-main" data-testid="app-ready" data-patient-id={session.patient.id}>
              <p className="visually-hidden" data-testid="context-patient">
                {session.patient.name}
              </p>
              <Suspense fallback={<p role="status">{t.loading}</p>}>
                {view.tab === "guide" && !view.referral && (
                  <CuesGuide
                    onReferral={(support) => setView({ tab: "guide", referral: support })}
                  />
                )}
                {view.tab === "guide" && view.referral && (
                  <ReferralFlow
                    support={view.referral}
                    onDone={() => setView({ tab: "history" })}
                    onOpenResourceCard={() =>
                      setView({ tab: "partners", resourceCard: true, referral: view.referral })
                    }
                  />
                )}
                {view.tab === "history" && <PatientHistory />}
                {view.tab === "partners" && (
                  <PartnerDirectory initialView={view.resourceCard ? "card" : "list"} />
                )}
                {view.tab === "settings" && <ClinicSettings />}
                {view.tab === "diagnostics" && <Diagnostics />}
              </Suspense>
            </main>
          </div>
        </PrivacyShield>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}
