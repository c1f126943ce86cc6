// First: before any schema is built.
import "../config/zodCsp";
import FHIR from "fhirclient";
import { smartConfigSchema, type IssuerEntry } from "../config/smartConfig";
import { loadConfig } from "../config/loadConfig";
import type { Failure } from "../fhir/failures";
import { serverLabel } from "../fhir/serverLabel";
import { pickUiLanguage } from "../content/lang";
import { chooseScopes, registrationFor } from "./scopes";
import { applyFhirclientSettings } from "./fhirclientSettings";
import { issuerWithoutPatterns } from "./issuerExact";
import { LAUNCH_KEY } from "./reauthWindow";

// launch.html: the SMART authorize step, for EHR launches (iss + launch) and standalone
// launches (iss only, or a chooser of configured servers). Kept tiny: no React.

applyFhirclientSettings(FHIR.oauth2.settings);

const root = document.getElementById("launch") as HTMLElement;
const lang = pickUiLanguage();

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const iss = params.get("iss");
  const launch = params.get("launch");

  const loaded = await loadConfig("smart-config.json", smartConfigSchema);
  if (!loaded.ok) return showFailure(loaded.failure);
  const config = loaded.value;

  if (!iss) return showChooser(config.issuers.filter((e) => e.standalone && e.iss));

  // The pattern matcher (a Web Worker for patterns that may backtrack) loads only when a
  // pattern could pick the entry.
  const matched =
    issuerWithoutPatterns(config.issuers, iss) ??
    (await (await import("./issuerMatch")).matchIssuer(config, iss));
  if ("failure" in matched) return showFailure(matched.failure);
  if (!matched.entry) return showFailure({ kind: "unknown-issuer", iss });
  // Partner programs' staff sign in with their own registration (smart-config `partner`).
  const registration = registrationFor(matched.entry, params, config.issuers);
  if ("failure" in registration) return showFailure(registration.failure);
  const { entry, context } = registration;

  const inFrame = window.self !== window.top;
  // Kept for signing in again from the same chart if the session ends mid-task (not PHI: an
  // opaque, short-lived id; sessionStorage, as fhirclient keeps the tokens).
  if (launch) sessionStorage.setItem(LAUNCH_KEY, launch);
  else sessionStorage.removeItem(LAUNCH_KEY);
  try {
    await FHIR.oauth2.authorize({
      iss,
      ...(launch && context === "ehr" ? { launch } : {}),
      clientId: entry.clientId,
      scope: await chooseScopes(entry, iss, context),
      redirectUri: entry.redirectUri,
      pkceMode: entry.pkceMode,
      // Inside an EHR's iframe the whole flow stays in the frame.
      completeInTarget: inFrame,
    });
  } catch {
    // fhirclient fails here when it cannot read the server's SMART configuration.
    await showFailure({ kind: "unreachable", server: serverLabel(iss) });
  }
}

// The error and chooser screens load only when shown: the happy path stays small.
async function showFailure(failure: Failure): Promise<void> {
  (await import("./screens")).showFailure(root, failure, lang);
}

async function showChooser(entries: IssuerEntry[]): Promise<void> {
  (await import("./screens")).showChooser(root, entries, lang);
}

void main();
