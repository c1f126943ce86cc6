// Helpers for driving the sandbox's SMART endpoints over real HTTP in tests: a tiny cookie jar,
// manual redirect following, PKCE. Development and testing only.
import { createHash, randomBytes } from "node:crypto";

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k = "", v = ""] = a.split("=");
        return k.trim().toLowerCase() === "expires" && Date.parse(v) < Date.now();
      });
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export interface Hop {
  url: string;
  status: number;
  location?: string | undefined;
  body: string;
}

/**
 * GETs `url` (or POSTs a form) and follows redirects while they stay on `serverOrigin`.
 * Stops at the first redirect leaving the server (e.g. to the app's redirect URI) or at a
 * non-redirect answer.
 */
export async function follow(
  url: string,
  serverOrigin: string,
  jar: CookieJar,
  init?: { form?: Record<string, string> },
): Promise<{ hops: Hop[]; final: Hop; leftTo?: URL | undefined }> {
  const hops: Hop[] = [];
  let next: string | undefined = url;
  let form = init?.form;
  for (let i = 0; next && i < 20; i++) {
    const res: Response = await fetch(next, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: jar.header(),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    form = undefined;
    jar.store(res);
    const location = res.headers.get("location") ?? undefined;
    const hop: Hop = { url: next, status: res.status, location, body: await res.text() };
    hops.push(hop);
    if (res.status >= 300 && res.status < 400 && location) {
      const target: URL = new URL(location, next);
      if (target.origin !== serverOrigin) return { hops, final: hop, leftTo: target };
      next = target.href;
    } else {
      return { hops, final: hop };
    }
  }
  const final = hops[hops.length - 1];
  if (!final) throw new Error("no request made");
  return { hops, final };
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
}

export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<TokenResult> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body };
}

export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
}
