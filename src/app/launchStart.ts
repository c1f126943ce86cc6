import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import { applyFhirclientSettings } from "../launch/fhirclientSettings";
import { handOverSignIn } from "../launch/reauthWindow";

// What the first screen waits on longest, started when this module is evaluated: main.ts
// imports it first, so the token exchange and the clinic config's download are under way
// before the rest of the app's code (schemas, content packs) is evaluated. Boot finishes them.

/** What this module starts, for boot to finish. */
export interface StartedLaunch {
  /** FHIR.oauth2.ready(): the token exchange; null when the authorization server refused. */
  client: Promise<Client> | null;
  /** The download of clinic-config.json (next to index.html). */
  clinicConfig: Promise<Response>;
}

function startLaunch(): StartedLaunch {
  // The authorization server refused (?error=): boot shows why; there is no code to exchange.
  const refused = new URLSearchParams(location.search).has("error");
  // Before ready(): the Client it makes refreshes with these settings.
  applyFhirclientSettings(FHIR.oauth2.settings);
  const client = refused ? null : FHIR.oauth2.ready();
  const clinicConfig = fetch(new URL("clinic-config.json", document.baseURI).href);
  // Both are awaited in boot; until then a rejection is not unhandled.
  client?.catch(() => undefined);
  clinicConfig.catch(() => undefined);
  return { client, clinicConfig };
}

/** Null in the small "sign in again" window: it hands its answer to the app's window and closes. */
export const started: StartedLaunch | null = handOverSignIn() ? null : startLaunch();
