import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { buildReferralBundle } from "../../src/fhir/builders/referral";
import { sampleReferral } from "../fixtures/referral";
import { launchPersistent } from "./browser";
import { createLaunch, ENCOUNTERS, resetSandbox } from "./journey.helpers";

// Privacy invariant 9: with a browser profile kept on disk (a shared clinic workstation), no
// FHIR answer is left in it. A referral with a safe phone and a cover story is on the server;
// the provider opens the patient's History; the profile is then searched, file by file.

const urls = inject("urls");
const PHONE = "503-555-0177";
const COVER = "Asking about the library book 7f3a";
const profile = mkdtempSync(join(tmpdir(), "wr-profile-"));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

/** Every file below `dir` (the profile: caches, storage, preferences). */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) return [];
    return s.isDirectory() ? files(path) : [path];
  });
}

describe("a persistent browser profile", () => {
  it("holds no FHIR answer afterwards: no patient name, safe phone or cover story on disk", async () => {
    await resetSandbox(urls);
    const context: BrowserContext = await launchPersistent(profile);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(
        await createLaunch(urls, {
          user: "prov-rivera",
          patient: "pat-maria",
          encounter: ENCOUNTERS["pat-maria"],
        }),
      );
      await page.locator("[data-testid=app-ready][data-patient-id=pat-maria]").waitFor();
      // A referral for this patient, written with the app's own token as the flow would.
      // Strings found nowhere in the app's code, so a hit can only be a stored answer.
      const bundle = buildReferralBundle({
        ...sampleReferral,
        patientId: "pat-maria",
        safeContact: { ...sampleReferral.safeContact, safePhone: PHONE, coverStory: COVER },
      });
      const status = await page.evaluate(async (body) => {
        const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? '""') as string;
        const state = JSON.parse(sessionStorage.getItem(key) ?? "{}") as {
          serverUrl: string;
          tokenResponse: { access_token: string };
        };
        const r = await fetch(`${state.serverUrl}/`, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${state.tokenResponse.access_token}`,
            "Content-Type": "application/fhir+json",
          },
          body: JSON.stringify(body),
        });
        return r.status;
      }, bundle);
      expect(status).toBe(200);
      await page.getByRole("navigation").getByRole("button", { name: "History" }).click();
      await page.getByTestId("history-referral").first().waitFor();
      await page.reload();
      await page.locator("[data-testid=app-ready]").waitFor();
    } finally {
      await context.close();
    }
    const secrets = [PHONE, COVER, "Hernández", "María"];
    const found: string[] = [];
    for (const file of files(profile)) {
      const text = readFileSync(file).toString("latin1") + readFileSync(file).toString("utf8");
      for (const secret of secrets) if (text.includes(secret)) found.push(`${secret} in ${file}`);
    }
    expect(found).toEqual([]);
    // The profile was really used (a cache and preferences were written).
    expect(files(profile).length).toBeGreaterThan(10);
  });
});
