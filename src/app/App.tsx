import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionContext, type Session } from "./session";
import { PatientBanner } from "../ui/PatientBanner";
import { PrivacyShield, ShieldButton } from "../ui/PrivacyShield";
import { StaffLanguageContext } from "../ui/staffLanguage";
import { StaffSupportButton } from "../ui/StaffSupportButton";
import { UI, type UiStrings } from "../content/ui";
import { packStatus } from "../content/packs/index";
import { pickUiLanguage, UI_LANGUAGES, type UiLanguage } from "../content/lang";
import type { SupportSummary } from "../domain/journey";
import { can, type Capability, type SessionKind } from "../domain/roles";

// Features load on demand so the first screen stays small. This is the composition root:
// features never import each other; they hand over through props set here. One shell per
// session kind: its tabs are the ones the user's role may use (src/domain/roles.ts).
const loadGuide = () => import("../features/cues/CuesGuide");
const CuesGuide = lazy(loadGuide);
const ReferralFlow = lazy(() => import("../features/referrals/ReferralFlow"));
const PatientHistory = lazy(() => import("../features/referrals/PatientHistory"));
const PartnerDirectory = lazy(() => import("../features/partners/PartnerDirectory"));
const ClinicSettings = lazy(() => import("../features/partners/ClinicSettings"));
const Diagnostics = lazy(() => import("../features/diagnostics/Diagnostics"));
const PartnerInbox = lazy(() => import("../features/advocate/PartnerInbox"));
const ReferToClinic = lazy(() => import("../features/advocate/ReferToClinic"));
const IncomingWorklist = lazy(() => import("../features/incoming/IncomingWorklist"));
const Worklist = lazy(() => import("../features/worklist/Worklist"));
const FollowUpPrompt = lazy(() => import("../features/worklist/FollowUpPrompt"));
// Loaded when opened (from the app's own web server; no FHIR request).
const StaffSupport = lazy(() => import("../ui/StaffSupport"));
const ReportsTab = lazy(() => import("../features/reports/ReportsTab"));
// Shown only when the staff language's pack lacks entries; the EHR's style only when it sends one.
const StaffPackNote = lazy(() =>
  import("../ui/PackNotes").then((m) => ({ default: m.StaffPackNote })),
);

/** Starts loading the first screen's code while the launch completes (called from render.tsx). */
export function preloadFirstScreen(): void {
  void loadGuide();
}

type Tab =
  | "guide"
  | "history"
  | "worklist"
  | "inbox"
  | "refer-back"
  | "incoming"
  | "partners"
  | "reports"
  | "settings"
  | "diagnostics";
type View = { tab: Tab; referral?: SupportSummary; resourceCard?: boolean };

const TABS: { tab: Tab; label: (t: UiStrings) => string; needs: Capability; in: SessionKind[] }[] =
  [
    { tab: "guide", label: (t) => t.tabGuide, needs: "record-education", in: ["chart"] },
    { tab: "history", label: (t) => t.tabHistory, needs: "view-patient-history", in: ["chart"] },
    {
      tab: "worklist",
      label: (t) => t.tabWorklist,
      needs: "view-worklist",
      in: ["chart", "workspace"],
    },
    { tab: "inbox", label: (t) => t.tabInbox, needs: "work-partner-inbox", in: ["workspace"] },
    {
      tab: "refer-back",
      label: (t) => t.tabReferBack,
      needs: "refer-to-clinic",
      in: ["workspace"],
    },
    {
      tab: "incoming",
      label: (t) => t.tabIncoming,
      needs: "work-incoming-referrals",
      in: ["workspace"],
    },
    {
      tab: "partners",
      label: (t) => t.tabPartners,
      needs: "view-directory",
      in: ["chart", "workspace"],
    },
    { tab: "reports", label: (t) => t.tabReports, needs: "view-reports", in: ["workspace"] },
    {
      tab: "settings",
      label: (t) => t.tabSettings,
      needs: "view-settings",
      in: ["chart", "workspace"],
    },
    {
      tab: "diagnostics",
      label: (t) => t.tabDiagnostics,
      needs: "run-diagnostics",
      in: ["chart", "workspace"],
    },
  ];

/** The tabs this session's user may open, in the order shown. */
export function tabsFor(session: Session): Tab[] {
  return TABS.filter((x) => x.in.includes(session.kind) && can(session.access, x.needs)).map(
    (x) => x.tab,
  );
}

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
          <PrivacyShield t={t} displayName={session.clinic.displayName}>
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
                <StaffSupportButton lang={lang} open={support} onOpen={() => setSupport(true)} />
                <ShieldButton t={t} />
              </header>
              {packStatus(lang)?.fallback.some((key) => key.startsWith("staff.")) && (
                <Suspense fallback={null}>
                  <StaffPackNote />
                </Suspense>
              )}
              {session.kind === "chart" && session.needPatientBanner && (
                <PatientBanner patient={session.patient} t={t} />
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
                      lang={lang}
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

/** "Start a new referral" from the follow-up prompt: the guide is right below it. */
const focusGuide = () => document.querySelector<HTMLElement>(".guide-title")?.focus();

function Screen({ view, setView }: { view: View; setView: (v: View) => void }) {
  switch (view.tab) {
    case "guide":
      return view.referral ? (
        <ReferralFlow
          support={view.referral}
          onDone={() => setView({ tab: "history" })}
          onOpenResourceCard={() =>
            setView({
              tab: "partners",
              resourceCard: true,
              ...(view.referral ? { referral: view.referral } : {}),
            })
          }
        />
      ) : (
        <>
          {/* The follow-up on an earlier referral (record-follow-up, checked inside): its own
              boundary, so the guide never waits for it. */}
          <Suspense fallback={null}>
            <FollowUpPrompt onStartNew={focusGuide} />
          </Suspense>
          <CuesGuide onReferral={(support) => setView({ tab: "guide", referral: support })} />
        </>
      );
    case "history":
      return <PatientHistory />;
    case "worklist":
      return <Worklist />;
    case "inbox":
      return <PartnerInbox />;
    case "refer-back":
      return <ReferToClinic />;
    case "incoming":
      return <IncomingWorklist />;
    case "partners":
      return <PartnerDirectory initialView={view.resourceCard ? "card" : "list"} />;
    case "settings":
      return <ClinicSettings />;
    case "reports":
      return <ReportsTab />;
    case "diagnostics":
      return <Diagnostics />;
  }
}
