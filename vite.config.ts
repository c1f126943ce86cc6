import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Size shims for fhirclient's dependencies (see src/launch/shims). Not under vitest, where
// the shims are tested against the real packages.
const shims: Record<string, string> = {
  "isomorphic-webcrypto": resolve(import.meta.dirname, "src/launch/shims/webcrypto.ts"),
  "js-base64": resolve(import.meta.dirname, "src/launch/shims/base64.ts"),
  debug: resolve(import.meta.dirname, "src/launch/shims/debug.cjs"),
};

// Two entries: launch.html (SMART authorize, tiny) and index.html (the app).
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  resolve: { alias: mode === "test" ? {} : shims },
  define: {
    // Drops fhirclient's polyfills; every browser we support has fetch, URL and Promise.
    FHIRCLIENT_PURE: "true",
  },
  build: {
    target: "es2022",
    sourcemap: true,
    // dist/.vite/manifest.json: the benchmark reads each entry's initial chunks from it.
    manifest: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        launch: resolve(import.meta.dirname, "launch.html"),
      },
    },
  },
  server: { host: "127.0.0.1", strictPort: true },
  preview: { host: "127.0.0.1", strictPort: true },
  test: {
    environment: "jsdom",
    globals: true,
    include: [
      "src/**/*.test.{ts,tsx}",
      "test/unit/**/*.test.{ts,tsx}",
      "sandbox/**/*.test.ts",
      "fhir-profiles/**/*.test.ts",
    ],
    setupFiles: ["test/unit/setup.ts"],
  },
}));
