// npm run bench: the app's EHR launch until its first screen is shown, against a bare
// fhirclient page that only authorizes and reads the Patient — same sandbox, 50 ms of latency
// added to every request by Chromium's network emulation, 10 runs each, medians. Also the
// FHIR requests made before the first screen and the gzipped JavaScript each entry loads first.
// Prints a table and, last, one JSON line.
import "./nodeEnv";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import express from "express";
import type { AddressInfo } from "node:net";
import { build } from "vite";
import type { Browser, Page } from "playwright-core";
import { startSandbox } from "../../sandbox/server";
import { launchBrowser } from "../e2e/browser";
import { timePartnerFilter } from "./partnerFilter";
import { timePartnerInbox } from "./partnerInbox";
import { printReportTable, timeReport } from "./report";
import { timeReferralValidation } from "./validation";
import { timeWorklist } from "./worklist";
import { LOADED_AT_START } from "../../vite.config";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const LATENCY_MS = 50;
const root = resolve(import.meta.dirname, "../..");

interface Manifest {
  [key: string]: {
    file: string;
    imports?: string[];
    dynamicImports?: string[];
    isEntry?: boolean;
    name?: string;
    css?: string[];
  };
}

/**
 * Gzipped size (KB) of the JS an HTML entry loads before its first screen: its static graph,
 * plus the graphs of the chunks it imports dynamically at once (`atStart`: index.html loads
 * boot, React, the shell and the guide that way, LOADED_AT_START in vite.config.ts). The
 * entry's other dynamic imports load only when needed.
 */
function initialJsGzKB(
  manifest: Manifest,
  entry: string,
  outDir: string,
  atStart: readonly string[] = [],
): number {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  atStart.forEach(visit);
  let bytes = 0;
  for (const key of seen) {
    const file = manifest[key]?.file;
    if (file?.endsWith(".js"))
      bytes += gzipSync(readFileSync(resolve(outDir, file)), { level: 9 }).length;
  }
  return Math.round((bytes / 1024) * 10) / 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The app's mark when its first screen is committed (src/app/App.tsx). */
const FIRST_SCREEN_MARK = "wr:first-screen";

async function timeLaunch(
  browser: Browser,
  url: string,
  readySelector: string,
  fhirBaseUrl: string,
  firstScreenMark?: string,
) {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const fhirRequests: string[] = [];
  let ready = false;
  // BENCH_TIMELINE=1: every request's start and end (ms from the start), to see what waits on what.
  const timeline: string[] = [];
  page.on("request", (request) => {
    const u = request.url();
    if (!ready && u.startsWith(fhirBaseUrl) && request.method() !== "OPTIONS")
      fhirRequests.push(new URL(u).pathname);
  });
  // The browser's own timings (Playwright's events arrive late when the page is busy).
  page.on("requestfinished", (request) => {
    if (!process.env.BENCH_TIMELINE) return;
    const t = request.timing();
    const at = (ms: number) => String(Math.round(t.startTime + ms - start)).padStart(5);
    const name = `${request.method()} ${new URL(request.url()).pathname.replace(/^.*\/(assets|fhir|oauth)\//, "$1/")}`;
    timeline.push(`${at(0)} → ${at(Math.max(t.responseEnd, 0))}  ${name}`);
  });
  const trace = process.env.BENCH_TRACE && readySelector.includes("app-ready");
  if (trace)
    await browser.startTracing(page, { path: process.env.BENCH_TRACE, screenshots: false });
  const start = Date.now();
  await page.goto(url);
  // Seen in the page, at the first animation frame that shows it. Playwright's waitForSelector
  // polls from Node with a backoff (0, 20, 50, 100, 100, 500 ms after each new document), so the
  // time it reports is that of the poll that found the screen: 50–120 ms after the app's mark,
  // about 16 ms after the bare page's, depending on where the polls fell.
  const shown = await page.waitForFunction(
    (selector) => {
      const element = document.querySelector(selector);
      // Date.now(): the same clock as Node's `start`.
      return element?.checkVisibility() ? Date.now() : false;
    },
    readySelector,
    { polling: "raf", timeout: 30_000 },
  );
  const ms = Math.round(((await shown.jsonValue()) as number) - start);
  ready = true;
  if (trace) await browser.stopTracing();
  // The FHIR requests the first screen could have waited for: those that started before the
  // app's mark (Resource Timing, this page only), not before Node hears of the screen: reads the
  // screen starts at once (the follow-up prompt's) would land in the frame and round trip
  // between the two.
  let beforeFirstScreen: string[] | null = null;
  if (firstScreenMark) {
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, firstScreenMark);
    beforeFirstScreen = await page.evaluate(
      ([m, base]) => {
        const at = performance.getEntriesByName(m)[0]?.startTime ?? Infinity;
        return performance
          .getEntriesByType("resource")
          .filter((r) => r.name.startsWith(base) && r.startTime < at)
          .map((r) => new URL(r.name).pathname);
      },
      [firstScreenMark, fhirBaseUrl] as const,
    );
  }
  if (process.env.BENCH_TIMELINE) {
    await page.waitForTimeout(500);
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType("mark")
        .map((m) => [m.name, performance.timeOrigin + m.startTime] as const),
    );
    for (const [name, at] of marks)
      timeline.push(`${String(Math.round(at - start)).padStart(5)}   mark ${name}`);
  }
  if (process.env.BENCH_TIMELINE)
    console.log(`${url.slice(0, 60)}… ready at ${ms} ms\n${timeline.sort().join("\n")}`);
  await context.close();
  const discovery = fhirRequests.filter(
    (p) => p.endsWith("/.well-known/smart-configuration") || p.endsWith("/metadata"),
  );
  const rest = (beforeFirstScreen ?? fhirRequests).filter(
    (p) => !p.endsWith("/.well-known/smart-configuration") && !p.endsWith("/metadata"),
  );
  return { ms, restRequests: rest.length, rest, discovery: discovery.length };
}

async function main() {
  // The app as production serves it, plus the bare page, from one origin.
  await build({ root, logLevel: "warn" });
  await build({
    root: resolve(root, "test/bench"),
    logLevel: "warn",
    build: {
      outDir: resolve(root, "dist-bench"),
      emptyOutDir: true,
      rollupOptions: { input: resolve(root, "test/bench/bench-bare.html") },
    },
  });
  const manifest = JSON.parse(
    readFileSync(resolve(root, "dist/.vite/manifest.json"), "utf8"),
  ) as Manifest;
  const launchJsGzKB = initialJsGzKB(manifest, "launch.html", resolve(root, "dist"));
  // Everything index.html loads before its first screen shows: the entry, and the chunks with
  // boot, React, the shell and the guide (LOADED_AT_START's chunks).
  const indexJsGzKB = initialJsGzKB(
    manifest,
    "index.html",
    resolve(root, "dist"),
    Object.keys(manifest).filter((key) => (manifest[key]?.name ?? "") in LOADED_AT_START),
  );

  const web = express();
  // As a production host should: hashed assets are immutable, everything else revalidates.
  const immutableAssets = {
    setHeaders: (res: express.Response, path: string) => {
      if (/[\\/]assets[\\/]/.test(path))
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    },
  };
  // As a deployment lists its EHR: by its exact address (the repository's file matches this
  // run's random sandbox port only by pattern, which costs the launch page one more chunk).
  let fhirBaseUrl = "";
  web.get("/smart-config.json", (_req, res) => {
    const config = JSON.parse(readFileSync(resolve(root, "dist/smart-config.json"), "utf8")) as {
      issuers: Record<string, unknown>[];
    };
    const [first, ...rest] = config.issuers;
    res.setHeader("Cache-Control", "no-cache");
    res.json({ ...config, issuers: [{ ...first, iss: fhirBaseUrl }, ...rest] });
  });
  web.use(express.static(resolve(root, "dist"), immutableAssets));
  web.use(express.static(resolve(root, "dist-bench"), immutableAssets));
  const server = web.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = await startSandbox({ port: 0, appUrl });
  fhirBaseUrl = sandbox.fhirBaseUrl;
  const browser = await launchBrowser();

  const app: Awaited<ReturnType<typeof timeLaunch>>[] = [];
  const bare: Awaited<ReturnType<typeof timeLaunch>>[] = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      // Alternate so that drift on a shared machine hits both alike; run 0 warms caches and is dropped.
      const appLaunch = sandbox.createLaunch({
        user: "prov-rivera",
        patient: "pat-maria",
        needPatientBanner: false,
      });
      const a = await timeLaunch(
        browser,
        appLaunch.url,
        "[data-testid=app-ready]",
        sandbox.fhirBaseUrl,
        FIRST_SCREEN_MARK,
      );
      const bareLaunch = sandbox.createLaunch({
        user: "prov-rivera",
        patient: "pat-maria",
        needPatientBanner: false,
        clientId: "bare-bench",
        launchUrl: `${appUrl}/bench-bare.html`,
      });
      const b = await timeLaunch(browser, bareLaunch.url, "body[data-ready]", sandbox.fhirBaseUrl);
      if (i > 0) {
        app.push(a);
        bare.push(b);
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
    server.close();
  }

  const appMs = median(app.map((r) => r.ms));
  const bareMs = median(bare.map((r) => r.ms));
  const ratio = Math.round((appMs / bareMs) * 100) / 100;
  const requestsBeforeInteractive = Math.max(...app.map((r) => r.restRequests));
  // Which they were (resource types only), so a change in the count can be traced.
  const requestTypes = [
    ...new Set(app.flatMap((r) => r.rest.map((p) => /\/fhir\/([^/?]+)/.exec(p)?.[1] ?? p))),
  ];
  const launch = { launchJsGzKB, indexJsGzKB, appMs, bareMs, ratio, requestsBeforeInteractive };
  if (process.env.BENCH_LAUNCH_ONLY) {
    // A quick look while working on the launch: only its figures.
    console.log({ ...launch, requestTypes });
    return;
  }
  const partnerFilter = timePartnerFilter(1000);
  const partnerInbox = await timePartnerInbox(1000);
  const worklist = await timeWorklist(1000);
  const validation = timeReferralValidation();
  // The de-identified report at 10,000 and 100,000 referrals against the naive paging.
  const report = await timeReport();
  const rows: [string, string, string][] = [
    ["launch.html initial JS (gz)", `${launchJsGzKB} KB`, "≤ 25 KB"],
    [
      "index.html JS before the first screen, the guide's own code included (gz)",
      `${indexJsGzKB} KB`,
      "≤ 110 KB",
    ],
    [`app EHR launch → first screen shown, in the page (median of ${RUNS})`, `${appMs} ms`, ""],
    [
      `bare fhirclient launch → Patient read shown, in the page (median of ${RUNS})`,
      `${bareMs} ms`,
      "",
    ],
    ["ratio app / bare", `${ratio}`, "≤ 1.10"],
    [
      "FHIR REST requests before the first screen",
      `${requestsBeforeInteractive} (${requestTypes.join(", ")})`,
      "≤ 2",
    ],
    ["1,000-partner directory: index once", `${partnerFilter.indexMs} ms`, ""],
    ["1,000-partner directory: filter (median)", `${partnerFilter.filterMs} ms`, "≤ 16 ms"],
    ["1,000-referral partner inbox: FHIR → read model (median)", `${partnerInbox.mapMs} ms`, ""],
    [
      "1,000-referral partner inbox: sort + filter + new marks (median)",
      `${partnerInbox.listMs} ms`,
      "≤ 16 ms",
    ],
    [
      "1,000-referral partner inbox: order + new marks + filter + render the first page, on load (median)",
      `${partnerInbox.firstPageMs} ms`,
      "≤ 16 ms",
    ],
    [
      "1,000-referral partner inbox: filter + render the first page, per change (median)",
      `${partnerInbox.filterRenderMs} ms`,
      "≤ 16 ms",
    ],
    ["1,000-referral clinic worklist: FHIR → read model (median)", `${worklist.mapMs} ms`, ""],
    [
      "1,000-referral clinic worklist: overdue + order + changed marks, per load (median)",
      `${worklist.orderMs} ms`,
      "≤ 16 ms",
    ],
    [
      "1,000-referral clinic worklist: filter + render the first page, per change (median)",
      `${worklist.filterRenderMs} ms`,
      "≤ 16 ms",
    ],
    [
      `profile validation of a referral (${validation.resources} resources, median)`,
      `${validation.medianMs} ms`,
      "≤ 200 ms",
    ],
    [
      "SMART discovery requests (app / bare)",
      `${Math.max(...app.map((r) => r.discovery))} / ${Math.max(...bare.map((r) => r.discovery))}`,
      "",
    ],
  ];
  console.log(`\n| measure | value | budget |\n|---|---|---|`);
  for (const [k, v, b] of rows) console.log(`| ${k} | ${v} | ${b} |`);
  printReportTable(report);
  console.log(
    JSON.stringify({
      report,
      ...launch,
      partnerFilterMs: partnerFilter.filterMs,
      partnerInboxMapMs: partnerInbox.mapMs,
      partnerInboxListMs: partnerInbox.listMs,
      partnerInboxFirstPageMs: partnerInbox.firstPageMs,
      partnerInboxFilterRenderMs: partnerInbox.filterRenderMs,
      worklistMapMs: worklist.mapMs,
      worklistOrderMs: worklist.orderMs,
      worklistFilterRenderMs: worklist.filterRenderMs,
      referralValidationMs: validation.medianMs,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
