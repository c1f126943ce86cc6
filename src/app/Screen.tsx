import { lazy, Suspense } from "react";
import type { View } from "./tabs";

// The screen of each tab. Features load on demand so the first screen stays small. With the
// shell (App.tsx) this is the composition root: features never import each other; they hand
// over through props set here.
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
const ReportsTab = lazy(() => import("../features/reports/ReportsTab"));

/** Starts loading the first screen's code while the launch completes (called from render.tsx). */
export function preloadFirstScreen(): void {
  void loadGuide();
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
