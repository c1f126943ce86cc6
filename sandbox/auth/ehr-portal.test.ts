// @vitest-environment node
// The simulated EHR (launcher, chart frame) and the patient-portal simulator, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../server";
import type { Sandbox } from "../server";
import { CookieJar, follow } from "./testkit";

const APP = "http://127.0.0.1:5998";
let sb: Sandbox;
let origin: string;
let patientId: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, appUrl: APP });
  origin = new URL(sb.ehrUrl).origin;
  patientId = (await sb.fhir.search("Patient"))[0]?.id ?? "";
  expect(patientId).not.toBe("");
}, 60_000); // starting a sandbox loads the R4 definitions and profiles: slow on a busy machine

afterAll(async () => {
  await sb?.close();
});

describe("simulated EHR", () => {
  it("lists users, seed patients, error simulations and the standalone link", async () => {
    const html = await (await fetch(sb.ehrUrl)).text();
    expect(html).toContain('<option value="prov-rivera">');
    expect(html).toContain(`<option value="${patientId}">`);
    expect(html).toContain('<option value="expired_token">');
    expect(html).toContain(`href="${APP}/launch.html?iss=${encodeURIComponent(sb.fhirBaseUrl)}"`);
  });

  it("launch in the chart: shows the patient header and the app in #app-frame with iss and launch", async () => {
    const jar = new CookieJar();
    const r = await follow(`${origin}/ehr/launch`, origin, jar, {
      form: {
        user: "prov-rivera",
        patient: patientId,
        encounter: "",
        error: "none",
        display: "iframe",
      },
    });
    expect(r.final.status).toBe(200);
    expect(r.final.url).toMatch(/\/ehr\/chart\//);
    expect(r.final.body).toContain('data-testid="chart-patient-name"');
    const src = /<iframe id="app-frame" name="app-frame"[^>]*src="([^"]+)"/
      .exec(r.final.body)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(src).toBeTruthy();
    expect(r.final.body).not.toMatch(/<iframe[^>]*sandbox=/);
    const u = new URL(src ?? "");
    expect(`${u.origin}${u.pathname}`).toBe(`${APP}/launch.html`);
    expect(u.searchParams.get("iss")).toBe(sb.fhirBaseUrl);
    expect(u.searchParams.get("launch")).toBeTruthy();
  });

  it("launch in a new window redirects straight to the app", async () => {
    const r = await follow(`${origin}/ehr/launch`, origin, new CookieJar(), {
      form: { user: "ma-chen", patient: patientId, error: "none", display: "window" },
    });
    expect(r.leftTo?.pathname).toBe("/launch.html");
    expect(r.leftTo?.searchParams.get("launch")).toBeTruthy();
  });

  it("serves the smart_style_url JSON", async () => {
    const res = await fetch(`${origin}/ehr/smart-style.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, unknown>).color_highlight).toMatch(/^#/);
  });
});

describe("patient portal simulator", () => {
  async function openPortal(mode: "labels" | "label-blind") {
    const jar = new CookieJar();
    const r = await follow(`${origin}/portal/start`, origin, jar, {
      form: { patient: patientId, mode },
    });
    expect(r.final.status, r.final.body.slice(0, 500)).toBe(200);
    return r.final.body;
  }

  function counts(html: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of html.matchAll(
      /data-testid="portal-section-(\w+)" data-resource-type="\w+" data-count="(-?\d+)"/g,
    )) {
      out[m[1] ?? ""] = Number(m[2]);
    }
    return out;
  }

  it("signs the patient in through a real code flow and lists what their API returns", async () => {
    const html = await openPortal("labels");
    expect(html).toContain(
      'data-testid="portal-results" data-mode="labels" data-client-id="patient-portal"',
    );
    const c = counts(html);
    expect(Object.keys(c).sort()).toEqual(
      [
        "Appointment",
        "Condition",
        "Consent",
        "DocumentReference",
        "Encounter",
        "Procedure",
        "ServiceRequest",
        "Task",
      ].sort(),
    );
    for (const n of Object.values(c)) expect(n).toBeGreaterThanOrEqual(0);
  });

  it("label-blind mode uses its own client and shows at least as much", async () => {
    const honours = counts(await openPortal("labels"));
    const blindHtml = await openPortal("label-blind");
    expect(blindHtml).toContain('data-client-id="patient-portal-label-blind"');
    const blind = counts(blindHtml);
    for (const [type, n] of Object.entries(honours)) expect(blind[type]).toBeGreaterThanOrEqual(n);
  });

  it("refuses a callback it did not start", async () => {
    const res = await fetch(`${origin}/portal/callback?code=x&state=unknown`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data-testid="portal-error"');
  });
});
