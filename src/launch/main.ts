// First: before any schema is built.
import "../config/zodCsp";
import FHIR from "fhirclient";
import { smartConfigSchema, type IssuerEntry } from "../config/smartConfig";
import { loadConfig } from "../config/loadConfig";
import { serverLabel, type Failure } from "../fhir/failures";
import { pickUiLanguage } from "../content/lang";
import { chooseScopes, launchContextOf } from "./scopes";
import { applyFhirclientSettings } from "./fhirclientSettings";
import { matchIssuer } from "./issuerMatch";
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

  const matched = await matchIssuer(config, iss);
  if ("failure" in matched) return showFailure(matched.failure);
  const entry = matched.entry;
  if (!entry) return showFailure({ kind: "unknown-issuer", iss });

  const inFrame = window.self !== window.top;
  // Kept for signing in again from the same chart if the session ends mid-task (not PHI: an
  // opaque, short-lived id; sessionStorage, as fhirclient keeps the tokens).
  if (launch) sessionStorage.setItem(LAUNCH_KEY, launch);
  else sessionStorage.removeItem(LAUNCH_KEY);
  try {
    await FHIR.oauth2.authorize({
      iss,
      ...(launch ? { launch } : {}),
      clientId: entry.clientId,
      scope: await chooseScopes(entry, iss, launchContextOf(params)),
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

async function showFailure(failure: Failure): Promise<void> {
  // Failure texts load only when needed: the happy path stays small.
  const { describeFailure } = await import("../content/failures");
  const text = describeFailure(failure, lang);
  root.replaceChildren(
    el("h1", text.title),
    el("p", text.message),
    el("p", text.fix, "fix"),
    ...(text.details.length ? [list(text.details)] : []),
  );
  root.setAttribute("aria-busy", "false");
  root.dataset.failure = failure.kind;
}

async function showChooser(entries: IssuerEntry[]): Promise<void> {
  await showFailure({ kind: "missing-iss" });
  if (entries.length === 0) return;
  const text = CHOOSER_TEXT[lang];
  const links = entries.flatMap((entry) =>
    (["workspace", "patient"] as const).map((context) => {
      const a = el("a", `${entry.label}: ${text[context]}`);
      const iss = encodeURIComponent(entry.iss ?? "");
      (a as HTMLAnchorElement).href =
        context === "patient" ? `launch.html?iss=${iss}&context=patient` : `launch.html?iss=${iss}`;
      return a;
    }),
  );
  root.append(list(links));
}

const CHOOSER_TEXT = {
  en: { workspace: "workspace", patient: "choose a patient" },
  es: { workspace: "espacio de trabajo", patient: "elegir un paciente" },
};

function el(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function list(items: (string | HTMLElement)[]): HTMLElement {
  const ul = document.createElement("ul");
  for (const item of items) {
    const li = document.createElement("li");
    li.append(item);
    ul.append(li);
  }
  return ul;
}

void main();
