import type Client from "fhirclient/lib/Client";
import {
  clinicConfigSchema,
  roleMappingOf,
  type ClinicConfig,
  type StaffSupportConfig,
} from "../config/clinicConfig";
import { loadConfig } from "../config/loadConfig";
import { UI_LANGUAGES } from "../content/lang";
import { installPacks } from "../content/packs/index";
import { loadContentPacks } from "../content/packs/load";
import type { UserSummary } from "../domain/people";
import { accessFor, rolesFromCodes, type Role } from "../domain/roles";
import { FailureError, tokenFailureFromMessage, type Failure } from "../fhir/failures";
import { serverLabel } from "../fhir/serverLabel";
import { createFhirHttp, type FhirHttp } from "../fhir/http";
import { formatName, toPatientSummary, toUserSummary } from "../fhir/mappers";
import { missingScopes, splitScopes } from "../fhir/scopes";
import {
  patientSchema,
  practitionerRoleSchema,
  practitionerSchema,
  practitionerWithRolesSchema,
  type PractitionerRoleJson,
} from "../fhir/schemas";
import type { ChartSession, Session, WorkspaceSession } from "./session";
import type { StartedLaunch } from "./launchStart";
import { makeReauthorize } from "./reauthorize";

// The boot sequence of index.html, run once, outside React: complete the SMART launch
// (FHIR.oauth2.ready), load the clinic's configuration, decide the kind of session, and read
// what the first screen needs (the patient, and the signed-in user with their roles) in
// parallel: two requests. Only staff get a session (docs/ARCHITECTURE.md, "Sessions").

export type BootResult =
  | { ok: true; session: Session }
  // The clinic's staff support contacts ride along when its config was read: the error
  // screens offer the staff support page too.
  | { ok: false; failure: Failure; staffSupport?: StaffSupportConfig };

/** The resource scopes without which a chart session cannot open. */
export const CHART_REQUIRED_SCOPES = ["patient/Patient.rs"];

/** Roles whose work happens in a patient's chart; other roles get the workspace. */
const CHART_ROLES: readonly Role[] = ["provider", "medical-assistant"];

export async function boot(
  started: StartedLaunch,
  /** Told once the first reads have started (src/app/app.ts loads React then). */
  hooks: { readsSent?: () => void } = {},
): Promise<BootResult> {
  const authError = readAuthError();
  if (authError) return { ok: false, failure: authError };
  const ready = started.client;
  if (!ready) return { ok: false, failure: { kind: "no-state" } };

  // The content packs follow the clinic config (it lists the languages), still in parallel
  // with the launch: the staff languages' and the clinic's languages' packs, nothing more.
  const clinicLoading = loadConfig(
    "clinic-config.json",
    clinicConfigSchema,
    () => started.clinicConfig,
  );
  const contentLoading = clinicLoading.then((c) =>
    loadContentPacks([...UI_LANGUAGES, ...(c.ok ? c.value.languages : [])]),
  );
  const [clientResult, clinicResult] = await Promise.all([completeLaunch(ready), clinicLoading]);
  if (!clinicResult.ok) return clientResult.ok ? clinicResult : clientResult;
  const staffSupport = clinicResult.value.staffSupport;
  const failed = (failure: Failure): BootResult =>
    staffSupport ? { ok: false, failure, staffSupport } : { ok: false, failure };
  if (!clientResult.ok) return failed(clientResult.failure);
  // The first reads go out as soon as the token is there, while the packs still arrive (the
  // reads need no text): one round trip less before the first screen.
  const opening = openSession(clientResult.value, clinicResult.value).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  hooks.readsSent?.();
  const contentResult = await contentLoading;
  if (!contentResult.ok) return failed(contentResult.failure);
  installPacks(contentResult.value);
  const opened = await opening;
  if ("error" in opened) return failed(toFailure(opened.error));
  const result = opened.result;
  if (!result.ok) return failed(result.failure);
  const reauthorize = makeReauthorize(clientResult.value);
  return reauthorize ? { ok: true, session: { ...result.session, reauthorize } } : result;
}

/** A SMART client after the launch, narrowed to what boot reads (tests pass a fake). */
export type LaunchedClient = Pick<
  Client,
  "getAuthorizationHeader" | "refreshIfNeeded" | "refresh" | "state" | "patient" | "encounter"
> & { user: { fhirUser?: string | null; resourceType?: string | null } };

export async function openSession(
  client: LaunchedClient,
  clinic: ClinicConfig,
): Promise<BootResult> {
  // Staff only. A patient or related person signing in with this client id (a portal launch)
  // gets one neutral screen and nothing is read: no Patient, no referral, nothing.
  const fhirUser = client.user.fhirUser ?? "";
  const userType = /^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.exec(fhirUser)?.[1];
  if (!userType) return { ok: false, failure: { kind: "not-staff" } };

  const tokenResponse = client.state.tokenResponse ?? {};
  const grantedScopes = splitScopes(tokenResponse.scope);
  const patientId = client.patient.id ? String(client.patient.id) : null;
  // A standalone launch that asked the server to pick a patient must come back with one.
  const askedForPatient = splitScopes(client.state.scope).includes("launch/patient");
  if (!patientId && askedForPatient) return { ok: false, failure: { kind: "no-patient" } };
  const patientReadable = missingScopes(CHART_REQUIRED_SCOPES, grantedScopes).length === 0;

  const http = createFhirHttp(client);
  const [user, patient] = await Promise.all([
    readUser(http, fhirUser, userType as "Practitioner" | "PractitionerRole"),
    patientId && patientReadable
      ? http.request(patientSchema, `Patient/${encodeURIComponent(patientId)}`)
      : Promise.resolve(null),
  ]);

  const roles = rolesFromCodes(user.roleCodes, roleMappingOf(clinic));
  if (roles.length === 0) return { ok: false, failure: { kind: "no-role", reason: "unmatched" } };
  const partnerOrganization = roles.includes("partner-advocate")
    ? (user.organizations.find((o) => o !== clinic.clinicOrganization) ?? null)
    : null;
  if (roles.includes("partner-advocate") && !partnerOrganization)
    return { ok: false, failure: { kind: "no-role", reason: "advocate-without-program" } };

  const common = {
    http,
    user,
    partnerOrganization,
    smartStyleUrl:
      typeof tokenResponse.smart_style_url === "string" ? tokenResponse.smart_style_url : null,
    grantedScopes,
    clinic,
  };
  const chartRole = roles.some((r) => CHART_ROLES.includes(r));
  if (!patientId || !chartRole) {
    const session: WorkspaceSession = {
      ...common,
      kind: "workspace",
      access: accessFor(roles, "workspace"),
    };
    return { ok: true, session };
  }
  if (!patient) {
    return {
      ok: false,
      failure: { kind: "scopes", missing: missingScopes(CHART_REQUIRED_SCOPES, grantedScopes) },
    };
  }
  // Wrong-patient guard: what we show must be the patient this launch is bound to.
  if (patient.body.id !== patientId) return { ok: false, failure: { kind: "wrong-patient" } };
  const session: ChartSession = {
    ...common,
    kind: "chart",
    access: accessFor(roles, "chart"),
    patient: toPatientSummary(patient.body),
    encounterId: client.encounter.id ? String(client.encounter.id) : null,
    needPatientBanner: tokenResponse.need_patient_banner !== false,
  };
  return { ok: true, session };
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

async function completeLaunch(
  ready: Promise<Client>,
): Promise<{ ok: true; value: Client } | { ok: false; failure: Failure }> {
  try {
    return { ok: true, value: await ready };
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

/**
 * The signed-in user with their PractitionerRole(s), in one request where the server allows:
 * a Practitioner with `_revinclude` of its roles, or the PractitionerRole the EHR sent. Not
 * being able to read them does not stop the app (the role mapping's `unmatched` applies), but
 * an ended session does.
 */
async function readUser(
  http: FhirHttp,
  fhirUser: string,
  type: "Practitioner" | "PractitionerRole",
): Promise<UserSummary> {
  const id = fhirUser.slice(type.length + 1);
  try {
    if (type === "PractitionerRole") {
      const role = (await http.request(practitionerRoleSchema, fhirUser)).body;
      const name =
        role.practitioner?.display ??
        (role.practitioner?.reference
          ? await http
              .request(practitionerSchema, role.practitioner.reference)
              .then((p) => formatName(p.body.name))
              .catch(rethrowEnded)
          : undefined);
      return toUserSummary(fhirUser, name, [role]);
    }
    const { name, roles } = await readPractitionerWithRoles(http, id);
    return toUserSummary(fhirUser, name, roles);
  } catch (error) {
    rethrowEnded(error);
    return toUserSummary(fhirUser, undefined, []);
  }
}

async function readPractitionerWithRoles(
  http: FhirHttp,
  id: string,
): Promise<{ name: string | undefined; roles: PractitionerRoleJson[] }> {
  const q = encodeURIComponent(id);
  try {
    const bundle = await http.request(
      practitionerWithRolesSchema,
      `Practitioner?_id=${q}&_revinclude=PractitionerRole:practitioner`,
    );
    const resources = (bundle.body.entry ?? []).map((e) => e.resource);
    const practitioner = resources.find((r) => r?.resourceType === "Practitioner");
    const roles = resources.filter(
      (r): r is PractitionerRoleJson => r?.resourceType === "PractitionerRole",
    );
    if (practitioner) {
      const parsed = practitionerSchema.safeParse(practitioner);
      return { name: parsed.success ? formatName(parsed.data.name) : undefined, roles };
    }
  } catch (error) {
    rethrowEnded(error);
  }
  // Servers without _revinclude: the Practitioner and a search of its roles, side by side.
  const [practitioner, roles] = await Promise.all([
    http.request(practitionerSchema, `Practitioner/${q}`).catch(rethrowEnded),
    http
      .request(practitionerWithRolesSchema, `PractitionerRole?practitioner=Practitioner/${q}`)
      .catch(rethrowEnded),
  ]);
  return {
    name: practitioner ? formatName(practitioner.body.name) : undefined,
    roles: (roles?.body.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is PractitionerRoleJson => r?.resourceType === "PractitionerRole"),
  };
}

/** Rethrows an ended session (it stops the app); swallows every other failure. */
function rethrowEnded(error: unknown): undefined {
  if (error instanceof FailureError && error.failure.kind === "session-expired") throw error;
  return undefined;
}

export function toFailure(error: unknown): Failure {
  if (error instanceof FailureError) return error.failure;
  return { kind: "unexpected", message: "The app hit an unexpected problem." };
}
