import { Suspense, useEffect, useState } from "react";
import { preloadable } from "../ui/preloadable";
import type { Tab, View } from "./tabs";

// The screen of each tab. Features load on demand so the first screen stays small. With the
// shell (App.tsx) this is the composition root: features never import each other; they hand
// over through props set here.

const guide = preloadable(() => import("../features/cues/CuesGuide"));
const followUp = preloadable(() => import("../features/worklist/FollowUpPrompt"));
const referral = preloadable(() => import("../features/referrals/ReferralFlow"));
const SCREENS = {
  guide,
  history: preloadable(() => import("../features/referrals/PatientHistory")),
  partners: preloadable(() => import("../features/partners/PartnerDirectory")),
  settings: preloadable(() => import("../features/partners/ClinicSettings")),
  diagnostics: preloadable(() => import("../features/diagnostics/Diagnostics")),
  inbox: preloadable(() => import("../features/advocate/PartnerInbox")),
  "refer-back": preloadable(() => import("../features/advocate/ReferToClinic")),
  incoming: preloadable(() => import("../features/incoming/IncomingWorklist")),
  worklist: preloadable(() => import("../features/worklist/Worklist")),
  reports: preloadable(() => import("../features/reports/ReportsTab")),
} satisfies Record<Tab, unknown>;
const CuesGuide = guide.Component;
const FollowUpPrompt = followUp.Component;
const ReferralFlow = referral.Component;
const PatientHistory = SCREENS.history.Component;
const PartnerDirectory = SCREENS.partners.Component;
const ClinicSettings = SCREENS.settings.Component;
const Diagnostics = SCREENS.diagnostics.Component;
const PartnerInbox = SCREENS.inbox.Component;
const ReferToClinic = SCREENS["refer-back"].Component;
const IncomingWorklist = SCREENS.incoming.Component;
const Worklist = SCREENS.worklist.Component;
const ReportsTab = SCREENS.reports.Component;

const settled = (loading: Promise<unknown>[]): Promise<void> =>
  Promise.all(loading).then(
    () => undefined,
    // A failed load is left to the screen's own lazy load, which shows its error.
    () => undefined,
  );

/**
 * The guide, loading while the launch completes: started from render.tsx before the session is
 * known, since most launches open a chart (its code is in the first-screen chunk with the
 * shell's, vite.config.ts).
 */
export function preloadGuide(): Promise<void> {
  return settled([guide.preload()]);
}

/**
 * The follow-up on an earlier referral (record-follow-up, checked inside), above the guide. Its
 * code loads once the guide is on screen (evaluating it earlier held up the launch's own
 * reads), and it renders when loaded: no "Loading…", no wait on React's 300 ms hold of a
 * suspended boundary before its reads start.
 */
function FollowUpAboveGuide() {
  const [loaded, setLoaded] = useState(followUp.isLoaded);
  useEffect(() => {
    if (!loaded) void settled([followUp.preload()]).then(() => setLoaded(true));
  }, [loaded]);
  return loaded ? (
    // Its own boundary, so the guide never waits for it.
    <Suspense fallback={null}>
      <FollowUpPrompt onStartNew={focusGuide} />
    </Suspense>
  ) : null;
}

/** The first tab's code: the first render waits for it, so it shows without "Loading…". */
export function preloadScreen(tab: Tab): Promise<void> {
  return tab === "guide" ? preloadGuide() : settled([SCREENS[tab].preload()]);
}

/** "Start a new referral" from the follow-up prompt: the guide is right below it. */
const focusGuide = () => document.querySelector<HTMLElement>(".guide-title")?.focus();

export function Screen({ view, setView }: { view: View; setView: (v: View) => void }) {
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
          <FollowUpAboveGuide />
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
