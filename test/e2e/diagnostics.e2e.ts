import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { usePlaywright } from "./browser";
import { axeViolations, createLaunch } from "./journey.helpers";

// IT diagnostics through real launches: against the sandbox (everything required passes, the
// round trip writes and reads back) and against a second sandbox started without conditional
// create (that check fails, with its fix).

const urls = inject("urls");
let page: Page;
let lesser: Sandbox | undefined;

usePlaywright((session) => {
  ({ page } = session);
});

beforeAll(async () => {
  lesser = await startSandbox({
    port: Number(process.env.E2E_SANDBOX_PORT ?? 4110) + 7,
    appUrl: urls.appUrl,
    tokenTtlSeconds: 300,
    removeCapabilities: ["conditional-create"],
  });
});
afterAll(async () => {
  await lesser?.close();
});

async function openDiagnostics(launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  await page.locator("[data-testid=app-ready]").waitFor({ timeout: 20_000 });
  await page.getByRole("navigation").getByRole("button", { name: "Diagnostics" }).click();
  await page.getByTestId("diagnostics-summary").waitFor({ timeout: 20_000 });
}

async function statusOf(check: string): Promise<string | null> {
  return page.locator(`tr[data-check="${check}"]`).getAttribute("data-status");
}

describe("IT diagnostics", () => {
  it("against the sandbox: every required check passes and the round trip writes and reads", async () => {
    await openDiagnostics(await createLaunch(urls, { user: "admin-okafor", patient: "pat-maria" }));
    await expect(page.getByTestId("diagnostics-summary").textContent()).resolves.toBe(
      "All required checks pass.",
    );
    const failing = await page.locator('tr[data-status="fail"]').count();
    expect(failing).toBe(0);
    for (const check of [
      "pkce-s256",
      "launch-ehr",
      "transaction",
      "conditional-create",
      "scopes-read",
      "scopes-admin",
    ])
      expect(await statusOf(check), check).toBe("pass");
    // The admin's launch writes no clinical records: a note, not a failure.
    expect(await statusOf("scopes-write")).toBe("info");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Run the write-and-read round trip" }).click();
    await page.locator('tr[data-check="roundtrip"]').waitFor();
    expect(
      await statusOf("roundtrip"),
      (await page.locator('tr[data-check="roundtrip"]').textContent()) ?? "",
    ).toBe("pass");

    // The clinic configuration screen: both files as deployed, every field valid and explained.
    await page.getByRole("navigation").getByRole("button", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Clinic configuration" }).waitFor();
    for (const file of ["public/clinic-config.json", "public/smart-config.json"]) {
      await expect(
        page.locator(`[data-config-file="${file}"]`).getAttribute("data-problems"),
      ).resolves.toBe("0");
    }
    await expect(
      page.locator('tr[data-field="labelPolicy.nopat"]').textContent(),
    ).resolves.toContain("NOPAT");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("against a server without conditional create: that check fails, with its fix", async () => {
    if (!lesser) throw new Error("the second sandbox did not start");
    const { url } = lesser.createLaunch({
      user: "prov-rivera",
      patient: "pat-maria",
      display: "window",
    });
    await openDiagnostics(url);
    await expect(page.getByTestId("diagnostics-summary").getAttribute("data-failed")).resolves.toBe(
      "1",
    );
    expect(await statusOf("conditional-create")).toBe("fail");
    const row = (await page.locator('tr[data-check="conditional-create"]').textContent()) ?? "";
    expect(row).toContain("Fix:");
    expect(row).toMatch(/If-None-Exist|conditional/i);
    expect(await statusOf("transaction")).toBe("pass");
    // A provider: clinical write scopes granted, the directory read-only (a note).
    expect(await statusOf("scopes-write")).toBe("pass");
    expect(await statusOf("scopes-admin")).toBe("info");
    // No harmless type to write in this launch: the round trip is skipped, not failed.
    await page.getByRole("button", { name: "Run the write-and-read round trip" }).click();
    await page.locator('tr[data-check="roundtrip"]').waitFor();
    expect(await statusOf("roundtrip")).toBe("skipped");
  });
});
