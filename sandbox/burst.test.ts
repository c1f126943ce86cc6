// @vitest-environment node
// The sandbox as a server under load (issue 14), over loopback only and bounded: a burst of
// requests over keep-alive connections must not drop a connection, answer 5xx, or lose or
// double a commit; concurrent transactions commit each once or not at all.
//
// What went wrong before: every conditional create (ifNoneExist) scanned the whole store with
// FHIRPath, twice per entry, so a burst of transactions held the event loop for seconds; when
// it came back, Node's 5 s keep-alive timer fired before the request already waiting on that
// connection was read, and the client saw ECONNRESET (or waited into its own timeout).
import { request as httpRequest, Agent as HttpAgent } from "node:http";
import { parseSearchRequest } from "@medplum/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEEP_ALIVE_TIMEOUT_MS, startSandbox, type Sandbox } from "./server";
import { CookieJar, follow, pkcePair, postForm } from "./auth/testkit";
import { loadDefinitions } from "./fhir/definitions";
import { SandboxStore } from "./fhir/store";

const APP = "http://127.0.0.1:5999";
const SYSTEM = "https://warm-referral.org/fhir/NamingSystem/wr-client-id";
let sb: Sandbox;
let token: string;

beforeAll(async () => {
  // Profile validation is the data contract's business (and tested elsewhere); off here so
  // the burst measures the server, not the validator.
  sb = await startSandbox({ port: 0, appUrl: APP, validateWrite: false });
  const { launch } = sb.createLaunch({ user: "prov-rivera", patient: "pat-maria" });
  const { verifier, challenge } = pkcePair();
  const q = new URLSearchParams({
    response_type: "code",
    client_id: "warm-referral",
    redirect_uri: `${APP}/index.html`,
    scope: "launch openid fhirUser patient/*.cruds user/*.rs",
    state: "burst",
    aud: sb.fhirBaseUrl,
    code_challenge: challenge,
    code_challenge_method: "S256",
    launch,
  });
  const a = await follow(
    `${sb.auth.authorizeUrl}?${q}`,
    new URL(sb.ehrUrl).origin,
    new CookieJar(),
  );
  const t = await postForm(sb.auth.tokenUrl, {
    grant_type: "authorization_code",
    code: a.leftTo?.searchParams.get("code") ?? "",
    code_verifier: verifier,
    redirect_uri: `${APP}/index.html`,
    client_id: "warm-referral",
  });
  expect(typeof t.body.access_token).toBe("string");
  token = String(t.body.access_token);
}, 60_000);

afterAll(async () => {
  await sb?.close();
});

/** One Observation per transaction, conditional on its identifier; `bad` adds an invalid entry. */
function transaction(id: string, bad = false) {
  const entry = (value: string, status: string) => ({
    fullUrl: `urn:uuid:${crypto.randomUUID()}`,
    resource: {
      resourceType: "Observation",
      identifier: [{ system: SYSTEM, value }],
      status,
      code: { text: "burst" },
      subject: { reference: "Patient/pat-maria" },
    },
    request: { method: "POST", url: "Observation", ifNoneExist: `identifier=${SYSTEM}|${value}` },
  });
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [entry(id, "final"), ...(bad ? [entry(`${id}-bad`, "not-a-status")] : [])],
  };
}

interface Outcome {
  status?: number;
  error?: string;
}

/**
 * `total` requests, `concurrency` at a time, with Node's fetch, whose (undici) agent keeps
 * connections alive and reuses them: at most `concurrency` connections, each carrying many requests.
 */
async function burst(
  total: number,
  concurrency: number,
  make: (i: number) => { path: string; body?: unknown },
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const { path, body } = make(i);
      try {
        const res = await fetch(`${sb.fhirBaseUrl}/${path}`, {
          method: body ? "POST" : "GET",
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: "application/fhir+json",
            ...(body ? { "Content-Type": "application/fhir+json" } : {}),
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(20_000),
        });
        await res.arrayBuffer();
        outcomes[i] = { status: res.status };
      } catch (e) {
        const err = e as Error & { cause?: { code?: string; message?: string } };
        outcomes[i] = {
          error: `${err.name}: ${err.cause?.code ?? err.cause?.message ?? err.message}`,
        };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

async function held(value: string): Promise<number> {
  return (await sb.fhir.search("Observation", { identifier: `${SYSTEM}|${value}` })).length;
}

describe("keep-alive burst", () => {
  it("500 requests (half of them transactions), 20 at a time over keep-alive connections: none dropped, none 5xx, every commit once", async () => {
    const started = Date.now();
    const outcomes = await burst(500, 20, (i) =>
      i % 2 === 0
        ? { path: "", body: transaction(`burst-${i}`) }
        : i % 4 === 1
          ? { path: "Observation?subject=Patient/pat-maria&_count=5" }
          : { path: "Patient/pat-maria" },
    );
    const ms = Date.now() - started;
    const errors = outcomes.filter((o) => o.error);
    const failed = outcomes.filter((o) => o.status !== undefined && o.status >= 300);
    console.log(
      `[burst] 500 requests, 20 at a time: ${ms} ms, ${errors.length} dropped, ${failed.length} not 2xx`,
    );
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    for (let i = 0; i < 500; i += 2) expect(await held(`burst-${i}`), `burst-${i}`).toBe(1);
  }, 120_000);

  it("an idle keep-alive connection outlives Node's 5 s default and serves the next request", async () => {
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean; keepAlive: string }>((resolve, reject) => {
        const req = httpRequest(
          `${sb.fhirBaseUrl}/metadata`,
          { agent, headers: { Accept: "application/fhir+json" } },
          (res) => {
            res.resume();
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                reused: req.reusedSocket,
                keepAlive: String(res.headers["keep-alive"]),
              }),
            );
          },
        );
        req.on("error", reject);
        req.end();
      });
    try {
      const first = await get();
      expect(first.status).toBe(200);
      expect(first.keepAlive).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
      await new Promise((r) => setTimeout(r, 6_000));
      const second = await get();
      expect(second).toMatchObject({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 30_000);
});

describe("concurrent transactions", () => {
  it("the same conditional transaction sent 20 times at once is committed once", async () => {
    {
      const outcomes = await burst(20, 20, () => ({
        path: "",
        body: transaction("same-referral"),
      }));
      expect(outcomes.map((o) => o.status ?? o.error)).toEqual(Array(20).fill(200));
      expect(await held("same-referral")).toBe(1);
    }
  }, 60_000);

  it("good and failing transactions at once: each good one committed once, nothing of a failing one", async () => {
    {
      const outcomes = await burst(60, 20, (i) => ({
        path: "",
        body: transaction(`mixed-${i}`, i % 3 === 0),
      }));
      for (let i = 0; i < 60; i++) {
        const failing = i % 3 === 0;
        expect(outcomes[i]?.status, `mixed-${i}`).toBe(failing ? 400 : 200);
        expect(await held(`mixed-${i}`), `mixed-${i}`).toBe(failing ? 0 : 1);
        expect(await held(`mixed-${i}-bad`)).toBe(0);
      }
    }
  }, 60_000);
});

describe("the store's identifier fast path", () => {
  it("finds what Medplum's generic search finds, with count and offset", async () => {
    loadDefinitions();
    const store = new SandboxStore();
    for (const [system, value] of [
      ["urn:a", "1"],
      ["urn:a", "2"],
      ["urn:b", "1"],
      ["urn:a", "1"],
    ]) {
      await store.createResource({
        resourceType: "Task",
        status: "requested",
        intent: "order",
        identifier: [{ system, value }],
      });
    }
    for (const query of ["urn:a|1", "urn:b|1", "urn:a|3", "urn:c|1"]) {
      const request = parseSearchRequest("Task", { identifier: query });
      const fast = await store.search(request);
      // A sort rule takes Medplum's generic path.
      const generic = await store.search({ ...request, sortRules: [{ code: "_id" }] });
      const ids = (b: typeof fast) => (b.entry ?? []).map((e) => e.resource?.id).sort();
      expect(ids(fast), query).toEqual(ids(generic));
      expect(fast.total).toBe(ids(generic).length);
    }
    const two = await store.search({
      ...parseSearchRequest("Task", { identifier: "urn:a|1" }),
      count: 1,
    });
    expect(two.entry).toHaveLength(1);
    expect(two.total).toBe(2);
  });
});
