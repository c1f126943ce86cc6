import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import type { Plugin, Rolldown } from "vite";

// Size shims for fhirclient's dependencies (see src/launch/shims). Not under vitest, where
// the shims are tested against the real packages.
const shims: Record<string, string> = {
  "isomorphic-webcrypto": resolve(import.meta.dirname, "src/launch/shims/webcrypto.ts"),
  "js-base64": resolve(import.meta.dirname, "src/launch/shims/base64.ts"),
  debug: resolve(import.meta.dirname, "src/launch/shims/debug.cjs"),
};

/**
 * What index.html loads before its first screen, beyond its small entry (src/app/main.ts), in
 * two chunks of their own (chunkGroups): boot (src/app/app.ts), imported at once, then React,
 * the shell and the guide, imported once the first reads are sent (src/app/render.tsx, which
 * preloads the guide: src/app/Screen.tsx).
 */
export const LOADED_AT_START = {
  boot: ["src/app/app.ts"],
  "first-screen": ["src/app/render.tsx", "src/features/cues/CuesGuide.tsx"],
};
/**
 * Loaded right after the first screen (the follow-up prompt above the guide, the failure
 * panel's texts: src/content/failureTexts.ts): prefetched only.
 */
const LOADED_AFTER_START = ["src/features/worklist/FollowUpPrompt.tsx", "src/content/failures.ts"];

/**
 * Three chunks instead of some twenty-five small ones, each one more request on launch.html's
 * prefetch (HTTP/1.1 hosts open six connections at a time) and more gzip overhead:
 * - "boot", then "first-screen": LOADED_AT_START and every module they reach that the entries
 *   (and, for the first screen, boot) do not. Features that share a module with them import it
 *   from these chunks, which every launch has loaded anyway.
 * - "shared": what launch.html uses beyond its own src/launch/ (fhirclient, zod, the config
 *   schemas), which index.html uses too and would otherwise be split by who imports what.
 */
function chunkGroups(): (id: string, ctx: Rolldown.ChunkingContext) => string | null {
  let groups: Map<string, string> | null = null;
  const walk = (
    roots: string[],
    skip: Set<string>,
    info: (id: string) => Rolldown.ModuleInfo | null,
  ) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop() as string;
      if (seen.has(id) || skip.has(id)) continue;
      const module = info(id);
      if (!module) continue;
      seen.add(id);
      stack.push(...module.importedIds);
    }
    return seen;
  };
  return (id, ctx) => {
    if (!groups) {
      const at = (file: string) => resolve(import.meta.dirname, file);
      const info = (moduleId: string) => ctx.getModuleInfo(moduleId);
      const index = walk([at("src/app/main.ts")], new Set(), info);
      const launch = walk([at("src/launch/main.ts")], new Set(), info);
      const entries = new Set([...index, ...launch]);
      const boot = walk(LOADED_AT_START.boot.map(at), entries, info);
      const firstScreen = walk(
        LOADED_AT_START["first-screen"].map(at),
        new Set([...entries, ...boot]),
        info,
      );
      groups = new Map();
      for (const m of boot) groups.set(m, "boot");
      for (const m of firstScreen) groups.set(m, "first-screen");
      // launch.html's own modules stay in its entry chunk.
      const launchOwn = at("src/launch/");
      for (const m of launch) if (!m.startsWith(launchOwn) || index.has(m)) groups.set(m, "shared");
    }
    return groups.get(id) ?? null;
  };
}

/**
 * Round trips saved between the EHR's redirect and the first screen: launch.html, while it
 * waits on the EHR's authorization server, prefetches all that index.html will load (and the
 * follow-up prompt's code), and preloads smart-config.json in parallel with its own script.
 * index.html does not modulepreload the first-screen chunk: Chromium compiles a modulepreload
 * on the main thread before the entry runs, which held up the token request by ~25 ms; the
 * entry imports it at once, from the HTTP cache.
 */
function prefetchAppFromLaunch(): Plugin {
  return {
    name: "warm-referral:prefetch-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith("launch.html")) return html;
        const bundle = ctx.bundle;
        const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
        const withImports = (files: string[]): Set<string> => {
          const seen = new Set<string>();
          const visit = (file: string) => {
            const chunk = bundle[file];
            if (!chunk || seen.has(file)) return;
            seen.add(file);
            if (chunk.type === "chunk") {
              chunk.imports.forEach(visit);
              chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css));
            }
          };
          files.forEach(visit);
          return seen;
        };
        const entry = (page: string) =>
          chunks
            .filter((c) => c.isEntry && c.facadeModuleId?.endsWith(`/${page}`))
            .map((c) => c.fileName);
        const atStart = chunks.filter((c) => c.name in LOADED_AT_START).map((c) => c.fileName);
        const link = (rel: string, href: string, as?: string) => ({
          tag: "link",
          attrs: { rel, href, ...(as ? { as } : {}), crossorigin: "" },
          injectTo: "head" as const,
        });
        const afterStart = chunks
          .filter((c) => LOADED_AFTER_START.some((m) => c.facadeModuleId?.endsWith(`/${m}`)))
          .map((c) => c.fileName);
        const own = withImports(entry("launch.html"));
        const files = withImports([...entry("index.html"), ...atStart, ...afterStart]);
        return [
          link("preload", "smart-config.json", "fetch"),
          ...[...files]
            .filter((file) => !own.has(file))
            .map((file) => link("prefetch", `./${file}`)),
        ];
      },
    },
  };
}

/**
 * The Content-Security-Policy of the built app. No inline script or style, no eval, no
 * plugins, no <base>. `connect-src` cannot list the FHIR servers at build time: they come from
 * public/smart-config.json, which IT edits without a rebuild, and issuers may be patterns (and
 * the token endpoint and smart_style_url may sit on other hosts); so it allows any https origin
 * plus loopback (the sandbox). A deployment narrows it with the header (README, "Hosting").
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];
/** What only a header can carry: who may frame the app (the sandbox EHR on loopback here). */
export const CSP_HEADER = [
  ...CSP_DIRECTIVES,
  "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*",
].join("; ");

/** The policy as a <meta> in both built pages, first in <head>; the build fails on inline script or style. */
function contentSecurityPolicy(): Plugin {
  return {
    name: "warm-referral:csp",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || !file.fileName.endsWith(".html")) continue;
        const html = String(file.source);
        if (/<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+=/i.test(html)) {
          throw new Error(
            `${file.fileName}: inline script, style or event handler; the CSP forbids them`,
          );
        }
        file.source = html.replace(
          /<meta charset="utf-8" \/>/,
          `$&\n    <meta http-equiv="Content-Security-Policy" content="${CSP_DIRECTIVES.join("; ")}" />`,
        );
        if (file.source === html)
          throw new Error(`${file.fileName}: no <meta charset> to put the CSP after`);
      }
    },
  };
}

// Two entries: launch.html (SMART authorize, tiny) and index.html (the app).
export default defineConfig(({ mode }) => ({
  // Relative asset URLs: the app can be hosted under any path.
  base: "./",
  plugins: [react(), prefetchAppFromLaunch(), contentSecurityPolicy()],
  resolve: { alias: mode === "test" ? {} : shims },
  define: {
    // Drops fhirclient's polyfills; every browser we support has fetch, URL and Promise.
    FHIRCLIENT_PURE: "true",
  },
  build: {
    target: "es2022",
    // No modulepreload polyfill (~0.6 KB gz on both pages): browsers without native
    // modulepreload (Safari < 17, Firefox < 115) still load every module, only without the hint.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // dist/.vite/manifest.json: the benchmark reads each entry's initial chunks from it.
    manifest: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        launch: resolve(import.meta.dirname, "launch.html"),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: chunkGroups(),
              debugName: "boot, first-screen, shared",
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { host: "127.0.0.1", strictPort: true },
  // As production should serve it: the full policy as a header (frame-ancestors included).
  preview: {
    host: "127.0.0.1",
    strictPort: true,
    headers: { "Content-Security-Policy": CSP_HEADER },
  },
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
    // Limits, not budgets: a loaded 2-core machine starts a sandbox slowly. Timing budgets
    // live in `npm run bench`.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
}));
