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
 * What index.html imports dynamically at once: the first screen's code, which the entry
 * preloads (src/app/Screen.tsx, preloadGuide). `npm run bench` counts it too.
 */
export const LOADED_AT_START = [
  "src/features/cues/CuesGuide.tsx",
  "src/features/worklist/FollowUpPrompt.tsx",
];
/** The chunk that holds LOADED_AT_START's code (firstScreenChunk). */
export const FIRST_SCREEN_CHUNK = "first-screen";

/**
 * The first screen's own code in one chunk: LOADED_AT_START and every module only they reach
 * (not the entries'). Rolldown would split it into some eighteen small shared chunks, each one
 * more request on launch.html's prefetch and index.html's modulepreload (HTTP/1.1 hosts open
 * six connections at a time). Features that share a module with it import it from this chunk,
 * which every launch has loaded anyway.
 */
function firstScreenChunk(): (id: string, ctx: Rolldown.ChunkingContext) => string | null {
  let modules: Set<string> | null = null;
  const walk = (
    roots: string[],
    skip: Set<string>,
    info: Rolldown.ChunkingContext["getModuleInfo"],
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
    if (!modules) {
      const at = (file: string) => resolve(import.meta.dirname, file);
      const info = (moduleId: string) => ctx.getModuleInfo(moduleId);
      const entries = walk([at("src/app/main.ts"), at("src/launch/main.ts")], new Set(), info);
      modules = walk(LOADED_AT_START.map(at), entries, info);
    }
    return modules.has(id) ? FIRST_SCREEN_CHUNK : null;
  };
}

/**
 * While launch.html waits on the EHR's authorization server, let the browser fetch what
 * index.html will need: its JS and CSS (prefetch) and, on launch.html itself, smart-config.json
 * in parallel with the script (preload); index.html itself lists the same JS as modulepreload,
 * for a launch that did not pass through launch.html's cache. Saves round trips between the
 * redirect and the first screen.
 */
function prefetchAppFromLaunch(): Plugin {
  return {
    name: "warm-referral:prefetch-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const page = ctx.filename.endsWith("launch.html") ? "launch" : "index";
        if (!ctx.bundle) return html;
        const bundle = ctx.bundle;
        const entryOf = (page: string) =>
          Object.values(bundle).find(
            (c) => c.type === "chunk" && c.isEntry && c.facadeModuleId?.endsWith(`/${page}`),
          );
        const filesOf = (page: string): Set<string> => {
          const files = new Set<string>();
          const visit = (file: string) => {
            const chunk = bundle[file];
            if (!chunk || files.has(file)) return;
            files.add(file);
            if (chunk.type === "chunk") {
              chunk.imports.forEach(visit);
              chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
            }
          };
          const entry = entryOf(page);
          if (entry && entry.type === "chunk") {
            visit(entry.fileName);
            // index.html's dynamic import that loads at once (the first screen's chunk); the
            // others load only when needed.
            if (page === "index.html")
              entry.dynamicImports
                .filter((file) => bundle[file]?.name === FIRST_SCREEN_CHUNK)
                .forEach(visit);
          }
          return files;
        };
        if (page === "index") {
          // The static imports are listed by Vite already; these are the dynamic ones.
          const entry = entryOf("index.html");
          const staticFiles = new Set<string>();
          const visitStatic = (file: string) => {
            const chunk = bundle[file];
            if (staticFiles.has(file) || chunk?.type !== "chunk") return;
            staticFiles.add(file);
            chunk.imports.forEach(visitStatic);
          };
          if (entry) visitStatic(entry.fileName);
          return [...filesOf("index.html")]
            .filter((file) => file.endsWith(".js") && !staticFiles.has(file))
            .map((file) => ({
              tag: "link",
              attrs: { rel: "modulepreload", href: `./${file}`, crossorigin: "" },
              injectTo: "head" as const,
            }));
        }
        const launchFiles = filesOf("launch.html");
        const files = [...filesOf("index.html")].filter((file) => !launchFiles.has(file));
        return [
          {
            tag: "link",
            attrs: { rel: "preload", href: "smart-config.json", as: "fetch", crossorigin: "" },
            injectTo: "head" as const,
          },
          ...[...files].map((file) => ({
            tag: "link",
            attrs: { rel: "prefetch", href: `./${file}`, crossorigin: "" },
            injectTo: "head" as const,
          })),
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
              name: firstScreenChunk(),
              debugName: FIRST_SCREEN_CHUNK,
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
