// The patient-portal simulator: a patient-facing confidential client. The browser goes through
// a real authorization-code flow (PKCE too) with the chosen patient signed in; the server
// exchanges the code and renders what the patient's own API returns. "Honours labels" uses the
// client `patient-portal` (the FHIR server withholds NOPAT / SDV+R resources from it);
// "label-blind" uses `patient-portal-label-blind` (a portal that ignores labels) and shows what
// a US Core patient-access API returns (US_CORE_TYPES: no Task, Consent or Appointment);
// "compartment" is the worst case: the same label-blind client reading the whole patient
// compartment (Task and Consent too), as a careless portal or an export might.
// Synthetic data only; development and testing only.
import { createHash, randomBytes } from "node:crypto";
import express from "express";
import type { Response, Router } from "express";
import type { Bundle, Resource } from "fhir/r4";
import type { FhirServerHandle, SandboxClient } from "../contract";
import type { AuthServer } from "../auth/provider";
import { esc, page } from "../auth/html";
import { humanName, isPatient, patientLabel } from "./labels";

export const PORTAL_TYPES = [
  "ServiceRequest",
  "Task",
  "Consent",
  "Procedure",
  "Condition",
  "DocumentReference",
  "Appointment",
  "Encounter",
] as const;

/**
 * What a US Core (v6+) patient-access API returns of the types the app and the seed write.
 * US Core profiles ServiceRequest, Procedure, Condition, DocumentReference and Encounter; it has
 * no Task, Consent or Appointment profile, so a US Core portal never asks for them.
 */
export const US_CORE_TYPES: readonly (typeof PORTAL_TYPES)[number][] = [
  "ServiceRequest",
  "Procedure",
  "Condition",
  "DocumentReference",
  "Encounter",
];

export type PortalMode = "labels" | "label-blind" | "compartment";

const MODE_TEXT: Record<PortalMode, string> = {
  labels: "honours security labels",
  "label-blind": "label-blind US Core patient API (ignores security labels)",
  compartment: "worst case: label-blind, whole patient compartment",
};

export const PORTAL_SCOPE = "openid fhirUser launch launch/patient patient/*.rs";

export interface PortalOptions {
  /** A patient's launch of the clinic's app with its own client id (as a portal's app gallery does). */
  launchAppAsPatient: (patient: string) => string;
  fhir: FhirServerHandle;
  auth: AuthServer;
  fhirBaseUrl: string;
  /** Absolute URL of the portal's callback, registered on both portal clients. */
  callbackUrl: string;
  honoursLabels: SandboxClient;
  labelBlind: SandboxClient;
}

interface Pending {
  verifier: string;
  client: SandboxClient;
  mode: PortalMode;
  createdAt: number;
}

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

function b64url(buf: Buffer): string {
  return buf.toString("base64url");
}

function choosePatientFirst(res: Response): void {
  res
    .status(400)
    .type("html")
    .send(
      page(
        "Portal error",
        `<main><h1>Portal error</h1><p role="alert">Choose a patient.</p></main>`,
      ),
    );
}

export function createPortalRouter(opts: PortalOptions): Router {
  const router = express.Router();
  const pending = new Map<string, Pending>();

  router.get("/", async (_req, res, next) => {
    try {
      const list = (await opts.fhir.search("Patient", { _count: "200" })).filter(isPatient);
      list.sort((a, b) => humanName(a.name).localeCompare(humanName(b.name)));
      const options = list
        .map((p) => `<option value="${esc(p.id)}">${esc(patientLabel(p))}</option>`)
        .join("");
      res.type("html").send(
        page(
          "Patient portal simulator",
          `<main>
  <h1>Patient portal simulator</h1>
  <p>Signs in as the chosen patient through the sandbox's SMART authorization server and shows what
  the patient's own API returns.</p>
  <form method="post" action="/portal/start" data-testid="portal-form">
    <fieldset>
      <legend>Patient</legend>
      <label for="portal-patient">Signed-in patient</label>
      <select id="portal-patient" name="patient" required>${options}</select>
    </fieldset>
    <fieldset>
      <legend>Portal behaviour</legend>
      <label><input type="radio" name="mode" value="labels" id="mode-labels" checked> Honours security labels (well-configured portal)</label>
      <label><input type="radio" name="mode" value="label-blind" id="mode-label-blind"> Label-blind US Core patient API (ignores security labels; what a US Core portal asks for)</label>
      <label><input type="radio" name="mode" value="compartment" id="mode-compartment"> Worst case: label-blind, the whole patient compartment (Task and Consent too)</label>
    </fieldset>
    <button type="submit" id="portal-open">Open the portal</button>
    <button type="submit" id="portal-launch-app" formaction="/portal/launch-app" class="secondary">Open the clinic's app as this patient</button>
  </form>
  <p><a href="/">Back to the EHR</a></p>
</main>`,
        ),
      );
    } catch (err) {
      next(err);
    }
  });

  router.post("/launch-app", express.urlencoded({ extended: false }), (req, res) => {
    const patient = ((req.body ?? {}) as Record<string, string | undefined>).patient ?? "";
    if (!ID_RE.test(patient)) {
      choosePatientFirst(res);
      return;
    }
    res.redirect(303, opts.launchAppAsPatient(patient));
  });

  router.post("/start", express.urlencoded({ extended: false }), (req, res) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    const patient = form.patient ?? "";
    if (!ID_RE.test(patient)) {
      choosePatientFirst(res);
      return;
    }
    const mode: PortalMode =
      form.mode === "label-blind" || form.mode === "compartment" ? form.mode : "labels";
    const client = mode === "labels" ? opts.honoursLabels : opts.labelBlind;
    const launch = opts.auth.createLaunch({
      userId: `Patient/${patient}`,
      patient,
      needPatientBanner: true,
      smartStyleUrl: null,
      clientId: client.clientId,
    });
    const verifier = b64url(randomBytes(32));
    const challenge = b64url(createHash("sha256").update(verifier).digest());
    const state = b64url(randomBytes(16));
    pending.set(state, { verifier, client, mode, createdAt: Date.now() });
    const cutoff = Date.now() - 15 * 60 * 1000;
    for (const [k, v] of pending) if (v.createdAt < cutoff) pending.delete(k);
    const u = new URL(opts.auth.authorizeUrl);
    u.search = new URLSearchParams({
      response_type: "code",
      client_id: client.clientId,
      redirect_uri: opts.callbackUrl,
      scope: PORTAL_SCOPE,
      state,
      code_challenge: challenge,
      code_challenge_method: "S256",
      aud: opts.fhirBaseUrl,
      launch,
    }).toString();
    res.redirect(303, u.href);
  });

  router.get("/callback", async (req, res, next) => {
    try {
      const q = req.query as Record<string, string | undefined>;
      const p = q.state ? pending.get(q.state) : undefined;
      if (q.state) pending.delete(q.state);
      if (q.error || !q.code || !p) {
        res
          .status(400)
          .type("html")
          .send(
            page(
              "Portal sign-in failed",
              `<main><h1>Portal sign-in failed</h1><p role="alert" data-testid="portal-error">${esc(q.error ?? "unknown or expired sign-in")}${q.error_description ? `: ${esc(q.error_description)}` : ""}</p><p><a href="/portal">Start again</a></p></main>`,
            ),
          );
        return;
      }
      const basic = Buffer.from(
        `${encodeURIComponent(p.client.clientId)}:${encodeURIComponent(p.client.clientSecret ?? "")}`,
      ).toString("base64");
      const tokenRes = await fetch(opts.auth.tokenUrl, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${basic}`,
        },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: q.code,
          redirect_uri: opts.callbackUrl,
          code_verifier: p.verifier,
        }),
      });
      const token = (await tokenRes.json()) as Record<string, unknown>;
      if (
        !tokenRes.ok ||
        typeof token.access_token !== "string" ||
        typeof token.patient !== "string"
      ) {
        res
          .status(502)
          .type("html")
          .send(
            page(
              "Portal sign-in failed",
              `<main><h1>Portal sign-in failed</h1><p role="alert" data-testid="portal-error">Token exchange failed: ${esc(token.error ?? tokenRes.status)}</p></main>`,
            ),
          );
        return;
      }
      const accessToken = token.access_token;
      const patientId = token.patient;
      const get = async (url: string) => {
        const r = await fetch(url, {
          headers: { authorization: `Bearer ${accessToken}`, accept: "application/fhir+json" },
        });
        return { status: r.status, body: (await r.json().catch(() => undefined)) as unknown };
      };
      const patientRes = await get(`${opts.fhirBaseUrl}/Patient/${encodeURIComponent(patientId)}`);
      const sections: Section[] = [];
      for (const type of PORTAL_TYPES) {
        if (p.mode === "label-blind" && !US_CORE_TYPES.includes(type)) {
          // A US Core portal never requests it: shown as an empty section, so labelled and
          // label-blind views line up.
          sections.push({ type, status: 200, resources: [], notRequested: true });
          continue;
        }
        const resources: Resource[] = [];
        let url: string | undefined =
          `${opts.fhirBaseUrl}/${type}?patient=${encodeURIComponent(patientId)}&_count=100`;
        let status = 200;
        for (let pageNo = 0; url && pageNo < 10; pageNo++) {
          const r = await get(url);
          status = r.status;
          if (r.status !== 200) break;
          const bundle = r.body as Bundle | undefined;
          for (const e of bundle?.entry ?? [])
            if (e.resource && e.search?.mode !== "include") resources.push(e.resource);
          url = bundle?.link?.find((l) => l.relation === "next")?.url;
        }
        sections.push({ type, status, resources });
      }
      const patient =
        patientRes.status === 200 && patientRes.body && isPatient(patientRes.body as Resource)
          ? (patientRes.body as import("fhir/r4").Patient)
          : undefined;
      res
        .type("html")
        .send(
          resultsPage(
            p.mode,
            p.client.clientId,
            patient ? humanName(patient.name) : "(patient record not available)",
            sections,
          ),
        );
    } catch (err) {
      next(err);
    }
  });

  return router;
}

interface Section {
  type: string;
  status: number;
  resources: Resource[];
  /** Not part of the US Core patient-access API (label-blind US Core mode): not requested. */
  notRequested?: boolean;
}

type Json = Record<string, unknown>;

function texts(concepts: unknown): string[] {
  const list = Array.isArray(concepts) ? concepts : concepts ? [concepts] : [];
  const out: string[] = [];
  for (const c of list as Json[]) {
    if (typeof c?.text === "string") out.push(c.text);
    const codings = Array.isArray(c?.coding) ? (c.coding as Json[]) : [];
    for (const cd of codings) if (typeof cd.display === "string") out.push(cd.display);
    if (!c?.text && !codings.some((cd) => typeof cd.display === "string")) {
      for (const cd of codings) if (typeof cd.code === "string") out.push(cd.code);
    }
  }
  return out;
}

/** A short human-readable rendering of the fields a patient commonly sees. */
export function visibleFields(r: Resource): [string, string][] {
  const x = r as unknown as Json;
  const rows: [string, string][] = [];
  const add = (label: string, values: (string | undefined)[]) => {
    const v = values.filter((s): s is string => typeof s === "string" && s.trim() !== "");
    if (v.length) rows.push([label, v.join("; ")]);
  };
  add("Status", [x.status as string | undefined]);
  add("Code", texts(x.code));
  add("Category", texts(x.category));
  add("Type", texts(x.type));
  add("Service type", texts(x.serviceType));
  add("Business status", texts(x.businessStatus));
  add("Reason", [
    ...texts(x.reasonCode),
    ...((Array.isArray(x.reasonReference) ? x.reasonReference : []) as Json[]).map(
      (rr) => rr.display as string | undefined,
    ),
  ]);
  add("Patient instruction", [x.patientInstruction as string | undefined]);
  add("Description", [x.description as string | undefined]);
  add("Comment", [x.comment as string | undefined]);
  add(
    "Note",
    ((Array.isArray(x.note) ? x.note : []) as Json[]).map((n) => n.text as string | undefined),
  );
  add(
    "Attachment",
    ((Array.isArray(x.content) ? x.content : []) as Json[]).map(
      (c) => (c.attachment as Json | undefined)?.title as string | undefined,
    ),
  );
  add(
    "Performer",
    ((Array.isArray(x.performer) ? x.performer : []) as Json[]).map(
      (p) => (p.display ?? (p.actor as Json | undefined)?.display) as string | undefined,
    ),
  );
  add("Owner", [(x.owner as Json | undefined)?.display as string | undefined]);
  return rows;
}

function resultsPage(
  mode: PortalMode,
  clientId: string,
  patientName: string,
  sections: Section[],
): string {
  const body = sections
    .map((s) => {
      const items =
        s.status !== 200
          ? `<p role="alert" data-testid="portal-section-error">The server answered ${esc(s.status)}.</p>`
          : s.notRequested
            ? `<p class="note" data-testid="portal-not-requested">Not requested: US Core has no ${esc(s.type)} profile, so a US Core patient API does not return it.</p>`
            : s.resources.length === 0
              ? `<p class="note">Nothing to show.</p>`
              : `<ul>${s.resources
                  .map((r) => {
                    const rows = visibleFields(r)
                      .map(
                        ([k, v]) => `<dt>${esc(k)}</dt><dd data-field="${esc(k)}">${esc(v)}</dd>`,
                      )
                      .join("");
                    return `<li data-testid="portal-resource" data-resource-type="${esc(r.resourceType)}" data-id="${esc(r.id)}">
  <article><h3 style="font-size:1rem;margin:.5rem 0 .25rem">${esc(r.resourceType)}/${esc(r.id)}</h3>
  <dl data-testid="portal-fields">${rows}</dl>
  <details><summary>Raw JSON</summary><pre data-testid="portal-raw">${esc(JSON.stringify(r, null, 2))}</pre></details></article></li>`;
                  })
                  .join("")}</ul>`;
      return `<section data-testid="portal-section-${esc(s.type)}" data-resource-type="${esc(s.type)}" data-count="${s.status === 200 ? s.resources.length : -1}"${s.notRequested ? ' data-requested="false"' : ""} aria-labelledby="h-${esc(s.type)}">
  <h2 id="h-${esc(s.type)}">${esc(s.type)} <span class="note">(${s.status === 200 ? s.resources.length : "error"})</span></h2>
  ${items}
</section>`;
    })
    .join("\n");
  return page(
    "Patient portal",
    `<main data-testid="portal-results" data-mode="${esc(mode)}" data-client-id="${esc(clientId)}">
  <h1>Patient portal — <span data-testid="portal-patient-name">${esc(patientName)}</span></h1>
  <p class="note">Mode: <strong data-testid="portal-mode">${esc(MODE_TEXT[mode])}</strong> · client <code>${esc(clientId)}</code></p>
  ${body}
  <p><a href="/portal">Back to the portal simulator</a></p>
</main>`,
  );
}
