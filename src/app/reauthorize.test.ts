import { FailureError } from "../fhir/failures";
import { LAUNCH_KEY, REAUTH_MESSAGE } from "../launch/reauthWindow";
import { makeReauthorize, type ReauthorizeDeps } from "./reauthorize";

// Signing in again in place: the request the small window makes, the code exchange in this
// window, and the refusals (another user, another patient, a closed or blocked window).

const jwt = (claims: Record<string, unknown>) =>
  `h.${btoa(JSON.stringify(claims)).replace(/=+$/, "")}.s`;

function setup(token: Record<string, unknown>, opts: { blocked?: boolean } = {}) {
  const { port1 } = new MessageChannel();
  const popup = Object.assign(port1, { location: { href: "" }, closed: false });
  const storage = new Map<string, string>([[LAUNCH_KEY, "launch-1"]]);
  const posted: { url: string; body: string }[] = [];
  const state = {
    clientId: "warm-referral",
    scope: "launch openid fhirUser patient/*.rs",
    redirectUri: "https://app.example/index.html",
    serverUrl: "https://ehr.example/fhir",
    authorizeUri: "https://ehr.example/auth/authorize",
    tokenUri: "https://ehr.example/auth/token",
    key: "state-1",
    tokenResponse: {
      access_token: "old",
      patient: "p1",
      id_token: jwt({ fhirUser: "https://ehr.example/fhir/Practitioner/prov-1" }),
    },
  };
  const deps: ReauthorizeDeps = {
    open: () => (opts.blocked ? null : (popup as unknown as Window)),
    fetch: async (url, init) => {
      posted.push({ url: String(url), body: String(init?.body) });
      return new Response(JSON.stringify(token), { status: 200 });
    },
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
    },
    now: () => 1_000_000,
  };
  const reauthorize = makeReauthorize({ state } as never, deps);
  /** The sign-in window comes back with this query. */
  const answer = async (query: (asked: URLSearchParams) => string) => {
    await vi.waitFor(() => expect(popup.location.href).not.toBe(""));
    const asked = new URL(popup.location.href).searchParams;
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { type: REAUTH_MESSAGE, search: query(asked) },
        origin: location.origin,
        source: port1,
      }),
    );
    return asked;
  };
  return { reauthorize, answer, state, storage, posted, popup };
}

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof FailureError ? e.failure : e),
  );

describe("signing in again in place", () => {
  it("asks with the same launch, client, scopes and PKCE; exchanges the code here; keeps the new tokens", async () => {
    const token = {
      access_token: "new",
      expires_in: 300,
      patient: "p1",
      id_token: jwt({ fhirUser: "Practitioner/prov-1" }),
    };
    const s = setup(token);
    const done = s.reauthorize?.();
    const asked = await s.answer((q) => `?code=c1&state=${q.get("state")}`);
    await done;
    expect(asked.get("launch")).toBe("launch-1");
    expect(asked.get("client_id")).toBe("warm-referral");
    expect(asked.get("scope")).toBe("launch openid fhirUser patient/*.rs");
    expect(asked.get("code_challenge_method")).toBe("S256");
    const form = new URLSearchParams(s.posted[0]?.body);
    expect(form.get("code")).toBe("c1");
    expect(form.get("code_verifier")?.length).toBeGreaterThan(40);
    expect(s.state.tokenResponse.access_token).toBe("new");
    expect(JSON.parse(s.storage.get("state-1") ?? "{}").tokenResponse.access_token).toBe("new");
  });

  it("refuses another user or another patient, keeping the old session untouched", async () => {
    for (const [token, reason] of [
      [
        { access_token: "x", patient: "p1", id_token: jwt({ fhirUser: "Practitioner/other" }) },
        "other-user",
      ],
      [
        { access_token: "x", patient: "p2", id_token: jwt({ fhirUser: "Practitioner/prov-1" }) },
        "other-patient",
      ],
    ] as const) {
      const s = setup(token);
      const done = failureOf(s.reauthorize?.() ?? Promise.resolve());
      await s.answer((q) => `?code=c1&state=${q.get("state")}`);
      expect(await done).toEqual({ kind: "sign-in-again", reason });
      expect(s.state.tokenResponse.access_token).toBe("old");
    }
  });

  it("a blocked window, a closed one, a wrong state and an authorization error each say so", async () => {
    expect(
      await failureOf(setup({}, { blocked: true }).reauthorize?.() ?? Promise.resolve()),
    ).toEqual({
      kind: "sign-in-again",
      reason: "popup-blocked",
    });
    const closed = setup({});
    const closing = failureOf(closed.reauthorize?.() ?? Promise.resolve());
    closed.popup.closed = true;
    expect(await closing).toEqual({ kind: "sign-in-again", reason: "closed" });
    const forged = setup({});
    const forging = failureOf(forged.reauthorize?.() ?? Promise.resolve());
    await forged.answer(() => "?code=c1&state=someone-else");
    expect(await forging).toEqual({ kind: "sign-in-again", reason: "closed" });
    expect(forged.posted).toHaveLength(0);
    const denied = setup({});
    const denying = failureOf(denied.reauthorize?.() ?? Promise.resolve());
    await denied.answer((q) => `?error=access_denied&state=${q.get("state")}`);
    expect(await denying).toEqual({ kind: "auth-denied", error: "access_denied" });
  });
});
