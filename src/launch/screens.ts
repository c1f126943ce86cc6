import type { IssuerEntry } from "../config/smartConfig";
import { describeFailure } from "../content/failures";
import type { UiLanguage } from "../content/lang";
import type { Failure } from "../fhir/failures";

// launch.html's screens other than "Connecting…": a failure, and the chooser of configured
// standalone servers when the page was opened without an iss. Loaded only when shown.

export function showFailure(root: HTMLElement, failure: Failure, lang: UiLanguage): void {
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

export function showChooser(root: HTMLElement, entries: IssuerEntry[], lang: UiLanguage): void {
  showFailure(root, { kind: "missing-iss" }, lang);
  if (entries.length === 0) return;
  const text = CHOOSER_TEXT[lang];
  const links = entries.flatMap((entry) => {
    const iss = encodeURIComponent(entry.iss ?? "");
    const choices = [
      ["workspace", `launch.html?iss=${iss}`],
      ["patient", `launch.html?iss=${iss}&context=patient`],
      ...(entry.partner ? [["partner", `launch.html?iss=${iss}&as=partner`] as const] : []),
    ] as const;
    return choices.map(([context, href]) => {
      const a = el("a", `${entry.label}: ${text[context]}`);
      (a as HTMLAnchorElement).href = href;
      return a;
    });
  });
  root.append(list(links));
}

const CHOOSER_TEXT = {
  en: { workspace: "workspace", patient: "choose a patient", partner: "partner program staff" },
  es: {
    workspace: "espacio de trabajo",
    patient: "elegir un paciente",
    partner: "personal de un programa aliado",
  },
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
