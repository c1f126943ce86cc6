export {};

// npm run seed:load -- N [sandbox URL]: adds N synthetic referrals (ServiceRequest + Task across
// lifecycle states, 24 months, plus universal-education Procedures) to a running sandbox
// (`npm start`), through its test-only POST /sandbox/seed-load. See sandbox/seed/load.ts.

const [countArg, urlArg] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1) {
  console.error("Usage: npm run seed:load -- N [http://127.0.0.1:4010]  (N = referrals to add)");
  process.exit(2);
}
const base = (urlArg ?? process.env.SANDBOX_URL ?? "http://127.0.0.1:4010").replace(/\/+$/, "");
try {
  const res = await fetch(`${base}/sandbox/seed-load`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ count }),
  });
  const body = (await res.json()) as { error?: string; resources?: number; ms?: number };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  console.log(
    `Loaded ${count} referrals (${body.resources} resources) in ${body.ms} ms into ${base}`,
  );
} catch (err) {
  console.error(
    `Could not load into ${base}: ${(err as Error).message}. Is the sandbox running (npm start)?`,
  );
  process.exit(1);
}
