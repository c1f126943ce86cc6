import { createContext, useContext } from "react";
import type { ClinicConfig } from "../config/clinicConfig";
import type { PatientSummary, UserSummary } from "../domain/people";
import { can, type Access, type Capability } from "../domain/roles";
import { FailureError, type Failure } from "../fhir/failures";
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
  /**
   * Signs in again in place (a small window), same user and patient, when the session ended
   * mid-task; the screen then carries on (src/app/reauthorize.ts). Absent when the launch
   * cannot (no authorization endpoint, tests).
   */
  reauthorize?: () => Promise<void>;
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

/**
 * For a failure panel's "Sign in again": signs in again in place, then carries on with `then`
 * (e.g. sends the draft held in memory); a sign-in that did not work goes to `onFailure`, or,
 * without one, to the failure panel that offered it.
 * Undefined when this session cannot sign in again in place.
 */
export function signInAgainThen(
  session: Session,
  then: () => Promise<void> | void,
  onFailure?: (failure: Failure) => void,
): (() => Promise<void>) | undefined {
  const reauthorize = session.reauthorize;
  if (!reauthorize) return undefined;
  return async () => {
    try {
      await reauthorize();
    } catch (error) {
      // Without a handler, the failure panel shows it (FailureAlert).
      if (!onFailure) throw error;
      onFailure(
        error instanceof FailureError
          ? error.failure
          : { kind: "unexpected", message: "The sign-in could not be completed." },
      );
      return;
    }
    await then();
  };
}
