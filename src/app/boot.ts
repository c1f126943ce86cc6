import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import { clinicConfigSchema, type ClinicConfig } from "../config/clinicConfig";
import { loadConfig } from "../config/loadConfig";
import { FailureError, serverLabel, tokenFailureFromMessage, type Failure } from "../fhir/failures";
import { createFhirHttp, type FhirHttp } from "../fhir/http";
import {
  toPatientSummary,
  toUserSummary,
  type PatientSummary,
  type UserSummary,
} from "../fhir/mappers";
import { missingScopes, splitScopes } from "../fhir/scopes";
import { applyFhirclientSettings } from "../launch/fhirclientSettings";
import { patientSchema, practitionerSchema, userSchema } from "../fhir/schemas";

// The boot sequence of index.html, run once, outside React: complete the SMART launch
// (FHIR.oauth2.ready), load the clinic's configuration, and read the two resources the first
// screen needs (the patient and the signed-in user) in parallel.

export interface Session {
  http: FhirHttp;
  patient: PatientSummary;
  user: UserSummary | null;
  encounterId: string | null;
  /** Show our own compact patient banner: the EHR asked for it, or did not say. */
  needPatientBanner: boolean;
  smartStyleUrl: string | null;
  grantedScopes: string[];
  clinic: ClinicConfig;
}

export type BootResult = { ok: true; session: Session } | { ok: false; failure: Failure };

/** The resource scopes without which the first screen cannot work. */
export const REQUIRED_SCOPES = ["patient/Patient.rs"];

export async function boot(): Promise<BootResult> {
  const authError = readAuthError();
  if (authError) return { ok: false, failure: authError };

  const [clientResult, clinicResult] = await Promise.all([
    completeLaunch(),
    loadConfig("clinic-config.json", clinicConfigSchema),
  ]);
  if (!clientResult.ok) return clientResult;
  if (!clinicResult.ok) return clinicResult;
  const client = clientResult.value;

  const patientId = client.patient.id;
  if (!patientId) return { ok: false, failure: { kind: "no-patient" } };

  const tokenResponse = client.state.tokenResponse ?? {};
  const grantedScopes = splitScopes(tokenResponse.scope);
  const missing = missingScopes(REQUIRED_SCOPES, grantedScopes);
  if (missing.length > 0) return { ok: false, failure: { kind: "scopes", missing } };

  const http = createFhirHttp(client);
  const fhirUser = client.user.fhirUser;
  try {
    const [patient, user] = await Promise.all([
      http.request(patientSchema, `Patient/${encodeURIComponent(patientId)}`),
      fhirUser ? readUser(http, fhirUser) : Promise.resolve(null),
    ]);
    // Wrong-patient guard: what we show must be the patient this launch is bound to.
    if (patient.body.id !== patientId) return { ok: false, failure: { kind: "wrong-patient" } };
    return {
      ok: true,
      session: {
        http,
        patient: toPatientSummary(patient.body),
        user,
        encounterId: client.encounter.id ? String(client.encounter.id) : null,
        needPatientBanner: tokenResponse.need_patient_banner !== false,
        smartStyleUrl:
          typeof tokenResponse.smart_style_url === "string" ? tokenResponse.smart_style_url : null,
        grantedScopes,
        clinic: clinicResult.value,
      },
    };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}

/** The authorization server's refusal, when it redirected back with `error`. */
function readAuthError(): Failure | null {
  const params = new URLSearchParams(location.search);
  const error = params.get("error");
  if (!error) return null;
  history.replaceState(null, "", location.pathname);
  const description = params.get("error_description");
  return { kind: "auth-denied", error, ...(description ? { description } : {}) };
}

async function completeLaunch(): Promise<
  { ok: true; value: Client } | { ok: false; failure: Failure }
> {
  // Before ready(): the Client it makes refreshes with these settings.
  applyFhirclientSettings(FHIR.oauth2.settings);
  try {
    return { ok: true, value: await FHIR.oauth2.ready() };
  } catch (error) {
    return { ok: false, failure: launchFailure(error) };
  }
}

function launchFailure(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (/No 'state' parameter|No state found/i.test(message)) return { kind: "no-state" };
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") return tokenFailureFromMessage(message, status);
  if (error instanceof TypeError) return { kind: "unreachable", server: tokenServer() };
  if (/access token/i.test(message)) return { kind: "token-exchange" };
  return { kind: "unexpected", message: "The sign-in could not be completed." };
}

function tokenServer(): string {
  try {
    const key = sessionStorage.getItem("SMART_KEY");
    const state = key
      ? (JSON.parse(sessionStorage.getItem(JSON.parse(key) as string) ?? "{}") as {
          tokenUri?: string;
        })
      : {};
    return state.tokenUri ? serverLabel(state.tokenUri) : "the EHR's sign-in server";
  } catch {
    return "the EHR's sign-in server";
  }
}

async function readUser(http: FhirHttp, fhirUser: string): Promise<UserSummary | null> {
  try {
    const user = await http.request(userSchema, fhirUser);
    if (
      user.body.resourceType === "PractitionerRole" &&
      !user.body.practitioner?.display &&
      user.body.practitioner?.reference
    ) {
      const practitioner = await http
        .request(practitionerSchema, user.body.practitioner.reference)
        .catch(() => null);
      return toUserSummary(
        user.body,
        practitioner ? toUserSummary(practitioner.body).name : undefined,
      );
    }
    return toUserSummary(user.body);
  } catch (error) {
    // Not being able to name the user does not stop the app, but an ended session does.
    if (error instanceof FailureError && error.failure.kind === "session-expired") throw error;
    return null;
  }
}

export function toFailure(error: unknown): Failure {
  if (error instanceof FailureError) return error.failure;
  return { kind: "unexpected", message: "The app hit an unexpected problem." };
}
