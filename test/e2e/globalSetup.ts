import { existsSync } from "node:fs";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { startSandbox } from "../../sandbox/server";
import { chromePath } from "./browser";

export interface E2eUrls {
  appUrl: string;
  appLaunchUrl: string;
  ehrUrl: string;
  fhirBaseUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    urls: E2eUrls;
  }
}

// Builds the app, serves dist/ as production would (vite preview), and starts the sandbox EHR
// with the app registered at that address.
export default async function setup(project: TestProject) {
  if (!existsSync(chromePath())) {
    throw new Error(
      `Browser tests need Chromium at ${chromePath()}. Install it with "apt-get install -y chromium" ` +
        `(or set CHROME_PATH), or run with E2E=0 to skip the browser tests on purpose.`,
    );
  }
  await build({ logLevel: "warn" });
  const app: PreviewServer = await preview({
    preview: {
      port: Number(process.env.E2E_APP_PORT ?? 4173),
      host: "127.0.0.1",
      strictPort: true,
    },
    logLevel: "warn",
  });
  const appUrl = (app.resolvedUrls?.local[0] ?? "http://127.0.0.1:4173/").replace(/\/$/, "");
  const sandbox = await startSandbox({
    port: Number(process.env.E2E_SANDBOX_PORT ?? 4110),
    appUrl,
    tokenTtlSeconds: 300,
  });
  project.provide("urls", {
    appUrl,
    appLaunchUrl: sandbox.appLaunchUrl,
    ehrUrl: sandbox.ehrUrl,
    fhirBaseUrl: sandbox.fhirBaseUrl,
  });
  return async () => {
    await sandbox.close();
    await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
  };
}
