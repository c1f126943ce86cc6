// `npm start`: the sandbox EHR (FHIR server, SMART authorization server, simulated EHR and
// portal) plus the Vite dev server for the app. Development only; loopback only.
//
// Env: SANDBOX_PORT (default 4010), APP_PORT (default 5173), SANDBOX_TOKEN_TTL (seconds, default 3600).
import { resolve } from "node:path";
import { createServer } from "vite";
import { startSandbox } from "./server";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) {
    console.error(`${name} must be a whole number (got "${raw}").`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const sandboxPort = intEnv("SANDBOX_PORT", 4010);
  const appPort = intEnv("APP_PORT", 5173);
  const tokenTtlSeconds = intEnv("SANDBOX_TOKEN_TTL", 3600);
  const root = resolve(import.meta.dirname, "..");

  const vite = await createServer({
    root,
    configFile: resolve(root, "vite.config.ts"),
    server: { host: "127.0.0.1", port: appPort, strictPort: true },
    clearScreen: false,
    logLevel: "warn",
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  const actualAppPort = address && typeof address === "object" ? address.port : appPort;
  const appUrl = `http://127.0.0.1:${actualAppPort}`;

  const sandbox = await startSandbox({ port: sandboxPort, appUrl, tokenTtlSeconds });
  const r = sandbox.registration;

  console.log(`EHR: ${sandbox.ehrUrl}`);
  console.log(`FHIR: ${sandbox.fhirBaseUrl}`);
  console.log(`App: ${sandbox.appLaunchUrl}`);
  console.log("");
  console.log("Register the app in an EHR with:");
  console.log(`  Launch URL:    ${r.launchUrl}`);
  console.log(`  Redirect URL:  ${r.redirectUrl}`);
  console.log(`  Client id:     ${r.clientId} (public client, PKCE S256)`);
  console.log(`  Scopes:        ${r.scopes}`);
  console.log(`  SMART config:  ${r.smartConfigurationUrl}`);
  console.log("");
  console.log(`Patient portal simulator: ${sandbox.ehrUrl}portal   (Ctrl+C to stop)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([sandbox.close(), vite.close()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err: unknown) => {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (err as { code?: string }).code;
  if (code === "EADDRINUSE") {
    console.error(
      `A port is already in use (${e.message}). Set SANDBOX_PORT or APP_PORT to free ports.`,
    );
  } else {
    console.error(`Could not start the sandbox: ${e.message}`);
  }
  process.exit(1);
});
