// The simulated EHR: pick a user, a patient, an encounter, an error simulation and a display
// mode, then "Launch" opens the app inside a chart frame (iframe) or in a new window.
// Server-rendered HTML with a little vanilla JS. Synthetic data only; development and testing only.
import express from "express";
import type { Router } from "express";
import { LAUNCH_ERRORS, SANDBOX_USERS } from "../contract";
import type { FhirServerHandle, LaunchError } from "../contract";
import type { AuthServer } from "../auth/provider";
import { esc, page } from "../auth/html";
import { encounterLabel, humanName, isEncounter, isPatient, patientLabel } from "./labels";

export interface EhrOptions {
  fhir: FhirServerHandle;
  auth: AuthServer;
  fhirBaseUrl: string;
  /** The app's launch URL, e.g. http://127.0.0.1:5173/launch.html */
  appLaunchUrl: string;
}

const ERROR_LABELS: Record<LaunchError, string> = {
  none: "None — a normal launch",
  invalid_client: "Invalid client (token endpoint answers 401 invalid_client)",
  invalid_scope: "Invalid scope (authorize step returns error=invalid_scope)",
  invalid_redirect: "Invalid redirect URI (the server shows its own error page)",
  token_failure: "Token failure (token endpoint answers 500 server_error)",
  expired_token: "Expired token (FHIR server rejects the token as expired; refresh fails)",
};

/** The style an EHR would hand the app in smart_style_url. */
export const SMART_STYLE = {
  color_background: "#f4f6f8",
  color_error: "#b3261e",
  color_highlight: "#0b5cad",
  color_modal_backdrop: "rgba(0,0,0,0.4)",
  color_success: "#1e7b34",
  color_text: "#1b1f24",
  dim_border_radius: "4px",
  dim_font_size: "15px",
  dim_spacing_size: "16px",
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

export interface EhrLaunchRequest {
  user?: string | undefined;
  patient?: string | undefined;
  encounter?: string | undefined;
  error?: string | undefined;
  /** "iframe" (default): need_patient_banner false; "window": true. */
  display?: string | undefined;
  needPatientBanner?: boolean | undefined;
  smartStyleUrl?: string | null | undefined;
  /** Another launch URL (e.g. the benchmark's bare page); defaults to the app's. */
  launchUrl?: string | undefined;
  clientId?: string | undefined;
}

export interface EhrLaunch {
  launch: string;
  iss: string;
  url: string;
  display: "iframe" | "window";
}

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/** Validates a launch request and creates the launch. Throws Error with a message on bad input. */
export function createEhrLaunch(
  auth: AuthServer,
  fhirBaseUrl: string,
  appLaunchUrl: string,
  r: EhrLaunchRequest,
): EhrLaunch {
  const user = r.user ?? "prov-rivera";
  // A patient may launch any app too (a portal's app gallery does): "Patient/<id>", bound to
  // their own record, as real launchers allow with any client id.
  const patientUser = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(user)?.[1];
  if (!patientUser && !SANDBOX_USERS.some((u) => u.id === user))
    throw new Error(`unknown user "${user}"`);
  if (patientUser && r.patient && r.patient !== patientUser)
    throw new Error("a patient's launch is bound to their own record");
  const error = (r.error ?? "none") as LaunchError;
  if (!(LAUNCH_ERRORS as readonly string[]).includes(error))
    throw new Error(`unknown error simulation "${String(r.error)}"`);
  for (const [name, v] of [
    ["patient", r.patient],
    ["encounter", r.encounter],
  ] as const) {
    if (v !== undefined && v !== "" && !ID_RE.test(v)) throw new Error(`bad ${name} id`);
  }
  const display = r.display === "window" ? "window" : "iframe";
  const launchUrl = r.launchUrl ?? appLaunchUrl;
  const lu = new URL(launchUrl);
  if (lu.hostname !== "127.0.0.1" && lu.hostname !== "localhost")
    throw new Error("launchUrl must be a loopback URL");
  const launch = auth.createLaunch({
    userId: user,
    patient: patientUser ?? (r.patient || undefined),
    encounter: r.encounter || undefined,
    error,
    needPatientBanner: r.needPatientBanner ?? display === "window",
    smartStyleUrl: r.smartStyleUrl,
    clientId: r.clientId,
  });
  lu.searchParams.set("iss", fhirBaseUrl);
  lu.searchParams.set("launch", launch);
  return { launch, iss: fhirBaseUrl, url: lu.href, display };
}

interface ChartInfo {
  url: string;
  userLabel: string;
  patient?:
    | { name: string; birthDate?: string | undefined; gender?: string | undefined; id: string }
    | undefined;
  encounterLabel?: string | undefined;
  error: string;
  createdAt: number;
}

export function createEhrRouter(opts: EhrOptions): Router {
  const router = express.Router();
  const charts = new Map<string, ChartInfo>();

  const standaloneUrl = (() => {
    const u = new URL(opts.appLaunchUrl);
    u.searchParams.set("iss", opts.fhirBaseUrl);
    return u.href;
  })();

  async function patients() {
    const list = (await opts.fhir.search("Patient", { _count: "200" })).filter(isPatient);
    return list.sort((a, b) => humanName(a.name).localeCompare(humanName(b.name)));
  }

  router.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });

  router.get("/ehr/smart-style.json", (_req, res) => {
    res.set("Access-Control-Allow-Origin", "*").json(SMART_STYLE);
  });

  router.get("/ehr/encounters", async (req, res, next) => {
    try {
      const patient = typeof req.query.patient === "string" ? req.query.patient : "";
      if (!ID_RE.test(patient)) {
        res.json([]);
        return;
      }
      const list = (
        await opts.fhir.search("Encounter", { patient: `Patient/${patient}`, _count: "100" })
      ).filter(isEncounter);
      list.sort((a, b) =>
        String(b.period?.start ?? "").localeCompare(String(a.period?.start ?? "")),
      );
      res.json(list.map((e) => ({ id: e.id, label: encounterLabel(e) })));
    } catch (err) {
      next(err);
    }
  });

  router.get("/", async (_req, res, next) => {
    try {
      const list = await patients();
      res.type("html").send(
        launcherPage(
          list.map((p) => ({ id: p.id ?? "", label: patientLabel(p) })),
          standaloneUrl,
          opts,
        ),
      );
    } catch (err) {
      next(err);
    }
  });

  router.post("/ehr/launch", express.urlencoded({ extended: false }), async (req, res, next) => {
    try {
      const form = (req.body ?? {}) as Record<string, string | undefined>;
      let launch: EhrLaunch;
      try {
        launch = createEhrLaunch(opts.auth, opts.fhirBaseUrl, opts.appLaunchUrl, {
          user: form.user,
          patient: form.patient,
          encounter: form.encounter,
          error: form.error,
          display: form.display,
        });
      } catch (e) {
        res
          .status(400)
          .type("html")
          .send(
            page(
              "Launch error",
              `<main><h1>Launch error</h1><p role="alert">${esc((e as Error).message)}</p><p><a href="/">Back</a></p></main>`,
            ),
          );
        return;
      }
      if (launch.display === "window") {
        res.redirect(303, launch.url);
        return;
      }
      const user = SANDBOX_USERS.find((u) => u.id === (form.user ?? "prov-rivera"));
      let patientInfo: ChartInfo["patient"];
      let encLabel: string | undefined;
      if (form.patient) {
        const p = (await opts.fhir.search("Patient", { _id: form.patient })).find(isPatient);
        if (p)
          patientInfo = {
            id: p.id ?? form.patient,
            name: humanName(p.name),
            birthDate: p.birthDate,
            gender: p.gender,
          };
      }
      if (form.encounter) {
        const e = (await opts.fhir.search("Encounter", { _id: form.encounter })).find(isEncounter);
        if (e) encLabel = encounterLabel(e);
      }
      charts.set(launch.launch, {
        url: launch.url,
        userLabel: user?.label ?? "",
        patient: patientInfo,
        encounterLabel: encLabel,
        error: form.error ?? "none",
        createdAt: Date.now(),
      });
      const cutoff = Date.now() - 24 * 3600 * 1000;
      for (const [k, v] of charts) if (v.createdAt < cutoff) charts.delete(k);
      res.redirect(303, `/ehr/chart/${encodeURIComponent(launch.launch)}`);
    } catch (err) {
      next(err);
    }
  });

  router.get("/ehr/chart/:launch", (req, res) => {
    const info = charts.get(req.params.launch);
    if (!info) {
      res
        .status(404)
        .type("html")
        .send(
          page(
            "Chart not found",
            `<main><h1>Chart not found</h1><p><a href="/">Back to the EHR</a></p></main>`,
          ),
        );
      return;
    }
    res.type("html").send(chartPage(info));
  });

  return router;
}

function launcherPage(
  patients: { id: string; label: string }[],
  standaloneUrl: string,
  opts: EhrOptions,
): string {
  const users = SANDBOX_USERS.map(
    (u) => `<option value="${esc(u.id)}">${esc(u.label)}</option>`,
  ).join("");
  const pts = patients.map((p) => `<option value="${esc(p.id)}">${esc(p.label)}</option>`).join("");
  const errs = LAUNCH_ERRORS.map(
    (e) => `<option value="${esc(e)}">${esc(ERROR_LABELS[e])}</option>`,
  ).join("");
  return page(
    "Sandbox EHR",
    `<header style="background:#123b5e;color:#fff;padding:.6rem 1.25rem"><strong>Sandbox EHR</strong> <span class="note" style="color:#d7e3ee">synthetic data · development only</span></header>
<main>
  <h1>Launch Warm Referral</h1>
  <form id="launch-form" method="post" action="/ehr/launch" data-testid="launch-form">
    <fieldset>
      <legend>Signed-in user</legend>
      <label for="user">User</label>
      <select id="user" name="user">${users}</select>
    </fieldset>
    <fieldset>
      <legend>Chart</legend>
      <label for="patient">Patient</label>
      <select id="patient" name="patient"><option value="">(no patient in context)</option>${pts}</select>
      <label for="encounter">Encounter (optional)</label>
      <select id="encounter" name="encounter"><option value="">(no encounter)</option></select>
    </fieldset>
    <fieldset>
      <legend>Error simulation</legend>
      <label for="error">Simulate</label>
      <select id="error" name="error">${errs}</select>
    </fieldset>
    <fieldset>
      <legend>Display</legend>
      <label><input type="radio" name="display" value="iframe" id="display-iframe" checked> In the chart (iframe) — the EHR shows the patient banner</label>
      <label><input type="radio" name="display" value="window" id="display-window"> New window — the app shows its own patient banner</label>
    </fieldset>
    <button type="submit" id="launch">Launch</button>
  </form>
  <h2>Standalone launch</h2>
  <p>Open the app without the EHR; the sandbox will ask who you are and which patient:
  <a id="standalone-link" data-testid="standalone-link" href="${esc(standaloneUrl)}" target="_blank" rel="noopener">${esc(standaloneUrl)}</a></p>
  <h2>Other tools</h2>
  <ul>
    <li><a href="/portal">Patient portal simulator</a></li>
    <li>FHIR base: <code data-testid="fhir-base">${esc(opts.fhirBaseUrl)}</code></li>
  </ul>
</main>
<script>
(function () {
  var patient = document.getElementById("patient");
  var encounter = document.getElementById("encounter");
  var form = document.getElementById("launch-form");
  function loadEncounters() {
    encounter.innerHTML = '<option value="">(no encounter)</option>';
    if (!patient.value) return;
    fetch("/ehr/encounters?patient=" + encodeURIComponent(patient.value))
      .then(function (r) { return r.json(); })
      .then(function (list) {
        list.forEach(function (e) {
          var o = document.createElement("option");
          o.value = e.id; o.textContent = e.label;
          encounter.appendChild(o);
        });
      })
      .catch(function () {});
  }
  patient.addEventListener("change", loadEncounters);
  form.addEventListener("submit", function () {
    var w = document.getElementById("display-window").checked;
    form.target = w ? "_blank" : "";
  });
  loadEncounters();
})();
</script>`,
  );
}

function chartPage(info: ChartInfo): string {
  const p = info.patient;
  const header = p
    ? `<span data-testid="chart-patient-name" style="font-size:1.15rem;font-weight:600">${esc(p.name)}</span>
       <span data-testid="chart-patient-dob">DOB ${esc(p.birthDate ?? "unknown")}</span>
       <span>${esc(p.gender ?? "")}</span>
       <span class="note" style="color:#d7e3ee">MRN ${esc(p.id)}</span>`
    : `<span data-testid="chart-patient-name">No patient selected</span>`;
  return page(
    "Sandbox EHR — chart",
    `<div style="display:flex;flex-direction:column;height:100vh">
  <header style="background:#123b5e;color:#fff;padding:.5rem 1rem;display:flex;gap:1.25rem;align-items:baseline;flex-wrap:wrap" data-testid="chart-header">
    <strong>Sandbox EHR</strong>
    ${header}
    ${info.encounterLabel ? `<span data-testid="chart-encounter">Encounter: ${esc(info.encounterLabel)}</span>` : ""}
    <span style="margin-left:auto" data-testid="chart-user">${esc(info.userLabel)}</span>
    <a href="/" style="color:#fff">Back to launcher</a>
  </header>
  <iframe id="app-frame" name="app-frame" title="Warm Referral" src="${esc(info.url)}"
    style="flex:1;border:0;width:100%" allow="clipboard-write"></iframe>
</div>`,
    `<style>body{overflow:hidden}</style>`,
  );
}
