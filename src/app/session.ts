import { createContext, useContext } from "react";
import type { ClinicConfig } from "../config/clinicConfig";
import type { PatientSummary, UserSummary } from "../domain/people";
import { can, type Access, type Capability } from "../domain/roles";
import { FailureError } from "../fhir/failures";
import type { FhirHttp } from "../fhir/http";

// The two kinds of session (docs/ARCHITECTURE.md, "Sessions"): a chart session has a patient
// in context (EHR launch from the chart, or a standalone launch that picked a patient); a
// workspace session has none (worklists, the partner inbox, the directory, reports). Boot
// decides which from the launch context and the signed-in user's roles.

interface SessionCommon {
  http: FhirHttp;
  user: UserSummary;
  /** What this user may do here: the role-capability module's answer for this launch. */
  access: Access;
  /** A partner advocate's program ("Organization/<id>"), from their PractitionerRole. */
  partnerOrganization: string | null;
  smartStyleUrl: string | null;
  grantedScopes: string[];
  clinic: ClinicConfig;
}

export interface ChartSession extends SessionCommon {
  kind: "chart";
  patient: PatientSummary;
  encounterId: string | null;
  /** Show our own compact patient banner: the EHR asked for it, or did not say. */
  needPatientBanner: boolean;
}

export interface WorkspaceSession extends SessionCommon {
  kind: "workspace";
}

export type Session = ChartSession | WorkspaceSession;

export const SessionContext = createContext<Session | null>(null);

/** The launch's session; features read the user, access, config and FHIR access from here. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the app");
  return session;
}

/**
 * The data layer's half of the role check: a write the role may not make is refused before
 * anything is sent, whatever the UI offered.
 */
export function requireCapability(session: Session, capability: Capability): void {
  if (!can(session.access, capability)) throw new FailureError({ kind: "not-allowed" });
}

/** For screens that only exist in a patient's chart (the guide, the patient's history). */
export function useChartSession(): ChartSession {
  const session = useSession();
  if (session.kind !== "chart") throw new Error("a chart screen outside a chart session");
  return session;
}
