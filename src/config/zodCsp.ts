import { config } from "zod/mini";

// The app runs under a Content-Security-Policy without 'unsafe-eval' (see vite.config.ts). Zod
// would otherwise probe `new Function` for its fast path: the probe is caught, but the browser
// still reports a CSP violation. Imported first by both entry pages, before any schema parses.
config({ jitless: true });
