import type { ConsoleMessage, Page, Response } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { usePlaywright } from "./browser";
import { launchApp, resetSandbox } from "./journey.helpers";

// The built app under its Content-Security-Policy (vite.config.ts): both pages carry it as a
// <meta>, the app server sends the full header (frame-ancestors too); a real launch runs
// without a single violation, and a script injected inline (or eval) is refused.

const urls = inject("urls");
let page: Page;

usePlaywright(
  (session) => {
    ({ page } = session);
  },
  { beforeEachTest: () => resetSandbox(urls), context: { locale: "en-US" } },
);

describe("Content-Security-Policy", () => {
  it("a launch runs without a violation; an injected inline script and eval are blocked", async () => {
    const violations: string[] = [];
    page.on("console", (m: ConsoleMessage) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const documents: Response[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "document" && r.url().startsWith(urls.appUrl))
        documents.push(r);
    });

    await launchApp(page, urls, "prov-rivera", "pat-james");
    await page.getByRole("button", { name: "Continue", exact: true }).waitFor();

    // launch.html and index.html: the header with frame-ancestors, the meta without.
    const pages = documents.map((r) => new URL(r.url()).pathname);
    expect(pages).toEqual(["/launch.html", "/index.html"]);
    for (const doc of documents) {
      const header = (await doc.allHeaders())["content-security-policy"] ?? "";
      expect(header).toContain("script-src 'self'");
      expect(header).toContain("object-src 'none'");
      expect(header).toContain("base-uri 'none'");
      expect(header).toMatch(/frame-ancestors [^;]*http:\/\/127\.0\.0\.1:\*/);
    }
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain("unsafe");
    expect(violations).toEqual([]);

    const result = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.head.append(script);
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.__injected = true;");
      document.body.append(button);
      button.click();
      // A string timer is eval as the page runs it (code evaluated through DevTools is exempt).
      setTimeout("window.__evaled = true;", 0);
      await new Promise((r) => setTimeout(r, 100));
      button.remove();
      return {
        injected: (window as unknown as { __injected?: boolean }).__injected ?? false,
        evaled: (window as unknown as { __evaled?: boolean }).__evaled ?? false,
        seen,
      };
    });
    expect(result.injected).toBe(false);
    expect(result.evaled).toBe(false);
    expect(result.seen).toEqual(
      expect.arrayContaining([
        "script-src-elem inline",
        "script-src-attr inline",
        "script-src eval",
      ]),
    );
    // The app itself still works under the policy: the guide answers.
    await page.getByRole("button", { name: "Continue", exact: true }).isEnabled();
  });
});
