import { useEffect, useMemo } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Session } from "./boot";
import { SessionContext } from "./session";
import { applySmartStyle } from "./smartStyle";
import { PatientBanner } from "../ui/PatientBanner";
import { UI } from "../content/ui";
import { pickUiLanguage } from "../content/lang";

export function App({ session }: { session: Session }) {
  const queryClient = useMemo(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
    [],
  );
  const lang = pickUiLanguage();
  const t = UI[lang];

  useEffect(() => {
    // Discreet: the window title is the configured display name, never patient data.
    document.title = session.clinic.displayName;
    if (session.smartStyleUrl) void applySmartStyle(session.smartStyleUrl);
  }, [session]);

  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={session}>
        <div className="app">
          <header className="app-header">
            <span className="app-name">{session.clinic.displayName}</span>
            <span className="app-user" data-testid="signed-in-as">
              {t.signedInAs} {session.user?.name ?? t.unknownUser}
            </span>
          </header>
          {session.needPatientBanner && <PatientBanner patient={session.patient} t={t} />}
          <main className="app-main" data-testid="app-ready" data-patient-id={session.patient.id}>
            <h1 className="visually-hidden">{session.clinic.displayName}</h1>
            <dl className="context">
              <dt>{t.patientInContext}</dt>
              <dd data-testid="context-patient">{session.patient.name}</dd>
              <dt>{t.language}</dt>
              <dd>{session.patient.language ?? "—"}</dd>
              <dt>{t.encounter}</dt>
              <dd>{session.encounterId ? "✓" : t.noEncounter}</dd>
            </dl>
          </main>
        </div>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}
