import * as z from "zod/mini";

// public/smart-config.json: which FHIR servers (issuers) the app may be launched from, and how
// to register with each. Edited by IT without a rebuild; validated at start-up.
// zod/mini keeps launch.html small.

const pkceModes = ["ifSupported", "required", "disabled", "unsafeV1"] as const;
const nonEmpty = () => z.string().check(z.minLength(1));

const issuerEntrySchema = z
  .strictObject({
    /** Human name shown in the standalone-launch chooser. */
    label: nonEmpty(),
    /** Exact FHIR base URL (iss). Give this or issPattern. */
    iss: z.optional(nonEmpty().check(z.refine(isHttpUrl, { message: "is not an http(s) URL" }))),
    /** A regular expression the iss must match, e.g. for launchers that encode state in the URL. */
    issPattern: z.optional(
      nonEmpty().check(z.refine(isValidRegExp, { message: "is not a valid regular expression" })),
    ),
    clientId: nonEmpty(),
    /** SMART v2 scopes and the SMART v1 fallback for servers that only speak v1. */
    scopes: z.strictObject({ v2: nonEmpty(), v1: nonEmpty() }),
    /** "auto" reads the server's .well-known/smart-configuration to choose; "v2"/"v1" skip that request. */
    scopeVersion: z._default(z.enum(["auto", "v2", "v1"]), "auto"),
    pkceMode: z._default(z.enum(pkceModes), "ifSupported"),
    /** Relative to launch.html, or absolute. Must match the registration exactly. */
    redirectUri: z._default(nonEmpty(), "index.html"),
    /** List this server in the standalone-launch chooser (needs an exact iss). */
    standalone: z._default(z.boolean(), false),
    /**
     * The registration partner programs' staff sign in with (`launch.html?iss=…&as=partner`):
     * its own client id and a narrow scope set (their Tasks, the referrals and consents those
     * point to, a minimal Patient view, the directory), so that no partner token carries the
     * clinic's scopes. Without it, partner staff cannot sign in to this server.
     */
    partner: z.optional(
      z.strictObject({
        clientId: nonEmpty(),
        scopes: z.strictObject({ v2: nonEmpty(), v1: nonEmpty() }),
      }),
    ),
  })
  .check(
    z.refine((e) => Boolean(e.iss) !== Boolean(e.issPattern), {
      message: "give exactly one of iss (an exact URL) or issPattern (a regular expression)",
      path: ["iss"],
    }),
  );

export const smartConfigSchema = z.strictObject({
  issuers: z.array(issuerEntrySchema).check(z.minLength(1)),
});

export type SmartConfig = z.infer<typeof smartConfigSchema>;
export type IssuerEntry = SmartConfig["issuers"][number];

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value);
}

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
