import { build, preview } from "vite";
import { startSandbox } from "../../sandbox/server";
import type { E2eUrls } from "./globalSetup";

/**
 * Builds the app, serves dist/ as production would (vite preview) and starts the sandbox EHR
 * with the app registered at that address: what the browser tests and the fault run use.
 * Ports from E2E_APP_PORT / E2E_SANDBOX_PORT (default 4173 / 4110).
 */
export async function startStack(opts: {
  tokenTtlSeconds: number;
}): Promise<{ urls: E2eUrls; close: () => Promise<void> }> {
  await build({ logLevel: "warn" });
  const app = await preview({
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
    tokenTtlSeconds: opts.tokenTtlSeconds,
  });
  return {
    urls: {
      appUrl,
      appLaunchUrl: sandbox.appLaunchUrl,
      ehrUrl: sandbox.ehrUrl,
      fhirBaseUrl: sandbox.fhirBaseUrl,
    },
    close: async () => {
      await sandbox.close();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
    },
  };
}
