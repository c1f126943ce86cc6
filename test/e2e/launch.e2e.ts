import type { Frame, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { recordFhirRequests, usePlaywright } from "./browser";
import { createLaunch as launchUrl, type LaunchRequest } from "./journey.helpers";

// The SMART launch through the sandbox EHR, as a user meets it.

const urls = inject("urls");
let page: Page;

usePlaywright((session) => {
  ({ page } = session);
});

const createLaunch = (request: LaunchRequest) => launchUrl(urls, request);

async function failureShown(target: Page | Frame): Promise<string | null> {
  const failure = target.locator("[data-failure]");
  await failure.waitFor({ timeout: 20_000 });
  return failure.getAttribute("data-failure");
}

async function launchFromChart(patientId: string): Promise<Frame> {
  await page.goto(urls.ehrUrl);
  await page.getByLabel("User", { exact: true }).selectOption("prov-rivera");
  await page.getByLabel("Patient", { exact: true }).selectOption(patientId);
  await page.getByRole("button", { name: "Launch" }).click();
  const frame = page.frameLocator("#app-frame");
  await frame.locator("[data-testid=app-ready]").waitFor({ timeout: 20_000 });
  const handle = await page.locator("#app-frame").elementHandle();
  const contentFrame = await handle?.contentFrame();
  if (!contentFrame) throw new Error("no app frame");
  return contentFrame;
}

describe("EHR launch", () => {
  it("shows the chart's patient inside the EHR's iframe, without a second banner, with a bearer token on every FHIR request", async () => {
    const requests = recordFhirRequests(page, urls.fhirBaseUrl);
    const app = await launchFromChart("pat-maria");
    await expect(app.locator("[data-testid=context-patient]").textContent()).resolves.toBe(
      "María Hernández",
    );
    await expect(
      app.locator("[data-testid=app-ready]").getAttribute("data-patient-id"),
    ).resolves.toBe("pat-maria");
    // The EHR shows its own banner around the iframe (need_patient_banner false).
    await expect(app.getByRole("region", { name: "Patient" }).count()).resolves.toBe(0);
    await expect(app.locator("[data-testid=signed-in-as]").textContent()).resolves.toContain(
      "Alex Rivera",
    );

    const resourceRequests = requests.filter(
      (r) =>
        !/\/(metadata|\.well-known\/smart-configuration)$/.test(new URL(r.url()).pathname) &&
        r.method() !== "OPTIONS",
    );
    expect(resourceRequests.length).toBeGreaterThanOrEqual(2);
    for (const request of resourceRequests) {
      expect(await request.headerValue("authorization"), request.url()).toMatch(/^Bearer \S+/);
    }
  });

  it("keeps patient data out of the URL, the title and localStorage", async () => {
    const app = await launchFromChart("pat-james");
    const url = app.url();
    expect(url).not.toMatch(/code=|state=|pat-james|James/);
    expect(await app.title()).toBe("Care Resources");
    const storage = await app.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(storage).toBe("{}");
    const session = await app.evaluate(() => JSON.stringify({ ...sessionStorage }));
    expect(session).not.toContain("James");
    expect(await app.evaluate(() => document.cookie)).toBe("");
  });

  it("a relaunch with another patient in the same tab shows only the new patient", async () => {
    await page.goto(await createLaunch({ patient: "pat-linh" }));
    await page.locator("[data-testid=app-ready][data-patient-id=pat-linh]").waitFor();
    await page.goto(await createLaunch({ patient: "pat-carlos" }));
    await page.locator("[data-testid=app-ready][data-patient-id=pat-carlos]").waitFor();
    const text = await page.locator("body").innerText();
    expect(text).toContain("Carlos Mendoza");
    expect(text).not.toContain("Linh");
    // A reload in the same tab stays on the current launch's patient.
    await page.reload();
    await page.locator("[data-testid=app-ready][data-patient-id=pat-carlos]").waitFor();
    expect(await page.locator("body").innerText()).not.toContain("Linh");
  });

  it("shows our own banner when launched in a new window (need_patient_banner true)", async () => {
    await page.goto(await createLaunch({ patient: "pat-emily", display: "window" }));
    await page.locator("[data-testid=app-ready]").waitFor();
    await expect(page.getByRole("region", { name: "Patient" }).innerText()).resolves.toContain(
      "Emily Johnson",
    );
  });
});

describe("standalone launch", () => {
  it("lets the user pick a patient at the EHR and opens the app on that patient", async () => {
    await page.goto(
      `${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}&context=patient`,
    );
    await page.getByLabel("User").selectOption("prov-rivera");
    await page.getByLabel("Patient").selectOption("pat-dana");
    await page.getByRole("button", { name: /continue|sign in|log in/i }).click();
    await page
      .locator("[data-testid=app-ready][data-patient-id=pat-dana]")
      .waitFor({ timeout: 20_000 });
    await expect(page.getByRole("region", { name: "Patient" }).innerText()).resolves.toContain(
      "Dana Kim",
    );
  });

  it("a standalone launch into a chart asks for the visit and gets the patient's current one", async () => {
    const tokens: Record<string, unknown>[] = [];
    page.on("response", async (r) => {
      if (r.url().endsWith("/auth/token") && r.ok()) tokens.push(await r.json());
    });
    const visits: string[] = [];
    page.on("request", (r) => {
      if (/\/fhir\/Encounter\//.test(r.url())) visits.push(new URL(r.url()).pathname);
    });
    await page.goto(
      `${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}&context=patient`,
    );
    await page.getByLabel("User").selectOption("prov-rivera");
    await page.getByLabel("Patient").selectOption("pat-maria");
    await page.getByRole("button", { name: /continue|sign in|log in/i }).click();
    await page
      .locator("[data-testid=app-ready][data-patient-id=pat-maria]")
      .waitFor({ timeout: 20_000 });
    expect(String(tokens[0]?.scope)).toContain("launch/encounter");
    expect(tokens[0]?.encounter).toBe("enc-maria");
    // The guide reads the visit (in person or telehealth) as in an EHR launch.
    await expect.poll(() => visits).toContain("/fhir/Encounter/enc-maria");
  });

  it("without an iss offers the configured servers", async () => {
    await page.goto(urls.appLaunchUrl);
    expect(await failureShown(page)).toBe("missing-iss");
    await expect(page.getByRole("link", { name: /Sandbox EHR/ }).count()).resolves.toBeGreaterThan(
      0,
    );
  });
});

describe("failure screens", () => {
  it("opened outside the EHR", async () => {
    await page.goto(`${urls.appUrl}/index.html`);
    expect(await failureShown(page)).toBe("no-state");
    await expect(page.getByRole("heading").innerText()).resolves.toBe("Open the app from the EHR");
  });

  it("an issuer that is not configured", async () => {
    await page.goto(
      `${urls.appLaunchUrl}?iss=${encodeURIComponent("https://unknown.example/fhir")}&launch=x`,
    );
    expect(await failureShown(page)).toBe("unknown-issuer");
    await expect(page.locator("main").innerText()).resolves.toContain(
      "https://unknown.example/fhir",
    );
  });

  it("a malformed smart-config.json names the file and the field", async () => {
    await page.route("**/smart-config.json", (route) =>
      route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ issuers: [{ label: "x", iss: "http://a/fhir", clientId: 7 }] }),
      }),
    );
    await page.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(urls.fhirBaseUrl)}`);
    expect(await failureShown(page)).toBe("config");
    const text = await page.locator("main").innerText();
    expect(text).toContain("public/smart-config.json");
    expect(text).toContain("issuers[0].clientId");
    expect(text).toContain("issuers[0].scopes");
  });

  it("an issPattern that backtracks without end shows the config error instead of hanging the page", async () => {
    const shipped = JSON.parse(
      await fetch(`${urls.appLaunchUrl.replace(/launch\.html.*$/, "")}smart-config.json`).then(
        (r) => r.text(),
      ),
    ) as { issuers: Record<string, unknown>[] };
    const evil = {
      ...shipped.issuers[1],
      label: "Catastrophic",
      issPattern: "^(h|t|p|:|/|[0-9.]+)+$",
    };
    await page.route("**/smart-config.json", (route) =>
      route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ issuers: [evil, ...shipped.issuers.slice(1)] }),
      }),
    );
    const started = Date.now();
    // An address the pattern almost matches: the worst case for a backtracking engine.
    const iss = `http://127.0.0.1:${"1".repeat(40)}/fhir`;
    await page.goto(`${urls.appLaunchUrl}?iss=${encodeURIComponent(iss)}`);
    expect(await failureShown(page)).toBe("config");
    expect(Date.now() - started).toBeLessThan(10_000);
    const text = await page.locator("main").innerText();
    expect(text).toContain("issuers[0].issPattern");
    expect(text).toMatch(/backtrack/);
  });

  it("a clinic-config.json that is not JSON", async () => {
    await page.route("**/clinic-config.json", (route) =>
      route.fulfill({ contentType: "application/json", body: "{ displayName: oops" }),
    );
    await page.goto(await createLaunch({ patient: "pat-maria" }));
    expect(await failureShown(page)).toBe("config");
    await expect(page.locator("main").innerText()).resolves.toContain("public/clinic-config.json");
  });

  it("the server refuses the requested scope (authorization error)", async () => {
    await page.goto(await createLaunch({ patient: "pat-maria", error: "invalid_scope" }));
    expect(await failureShown(page)).toBe("auth-denied");
    await expect(page.locator("main").innerText()).resolves.toContain("invalid_scope");
    expect(page.url()).not.toContain("error=");
  });

  it("the token service does not know the client", async () => {
    await page.goto(await createLaunch({ patient: "pat-maria", error: "invalid_client" }));
    expect(await failureShown(page)).toBe("token-exchange");
    await expect(page.locator("main").innerText()).resolves.toContain("invalid_client");
  });

  it("the token exchange fails on the server", async () => {
    await page.goto(await createLaunch({ patient: "pat-maria", error: "token_failure" }));
    expect(await failureShown(page)).toBe("token-exchange");
    await expect(page.locator("main").innerText()).resolves.toContain("server_error");
  });

  it("an unregistered redirect is refused by the authorization server, which never redirects", async () => {
    await page.goto(await createLaunch({ patient: "pat-maria", error: "invalid_redirect" }));
    await page.waitForLoadState("networkidle");
    expect(page.url().startsWith(urls.appUrl)).toBe(false);
    await expect(page.locator("body").innerText()).resolves.toMatch(/redirect/i);
  });

  it("an expired token ends the session with its own screen", async () => {
    await page.goto(await createLaunch({ patient: "pat-maria", error: "expired_token" }));
    expect(await failureShown(page)).toBe("session-expired");
    await expect(page.locator("body").innerText()).resolves.not.toContain("María");
  });

  it("an EHR launch without a patient opens the workspace for the user's role", async () => {
    await page.goto(await createLaunch({ user: "admin-okafor" }));
    await page
      .locator("[data-testid=app-ready][data-session=workspace]")
      .waitFor({ timeout: 20_000 });
    await page.getByRole("heading", { name: "Partner directory" }).waitFor();
  });

  it("an unreachable FHIR server", async () => {
    await page.route(`${urls.fhirBaseUrl}/Patient/**`, (route) => route.abort("connectionrefused"));
    await page.goto(await createLaunch({ patient: "pat-maria" }));
    expect(await failureShown(page)).toBe("unreachable");
  });

  it("an OperationOutcome from the server shows its diagnostics", async () => {
    await page.route(`${urls.fhirBaseUrl}/Patient/**`, (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/fhir+json",
        headers: { "Access-Control-Allow-Origin": "*" },
        body: JSON.stringify({
          resourceType: "OperationOutcome",
          issue: [
            { severity: "error", code: "exception", diagnostics: "Database is in maintenance" },
          ],
        }),
      }),
    );
    await page.goto(await createLaunch({ patient: "pat-maria" }));
    expect(await failureShown(page)).toBe("operation-outcome");
    await expect(page.locator("main").innerText()).resolves.toContain("Database is in maintenance");
  });
});
