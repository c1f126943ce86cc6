import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { chromePath } from "./browser";
import { startStack } from "./stack";

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

// Builds and serves the app and starts the sandbox EHR (./stack.ts), once for all browser tests.
export default async function setup(project: TestProject) {
  if (!existsSync(chromePath())) {
    throw new Error(
      `Browser tests need Chromium at ${chromePath()}. Install it with "apt-get install -y chromium" ` +
        `(or set CHROME_PATH), or run with E2E=0 to skip the browser tests on purpose.`,
    );
  }
  const stack = await startStack({ tokenTtlSeconds: 300 });
  project.provide("urls", stack.urls);
  return stack.close;
}
