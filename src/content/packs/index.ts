import type { LoadedPack } from "./compile";
import type { ContentPack, PartnershipText, StaffText } from "./types";
import type { UiLanguage } from "../lang";

// The content packs by language, loaded at start-up from public/content/<lang>.json
// (src/content/packs/load.ts, called by boot before the first screen) and installed here once.
// To add a language: copy public/content/en.json to <lang>.json, translate it, and list the
// language in clinic-config.json "languages" — no rebuild.

export const PACKS: Record<string, ContentPack> = {};
const LOADED: Record<string, LoadedPack> = {};

/** Installs the loaded packs (boot does, once, before the first render; tests do in setup). */
export function installPacks(packs: Record<string, LoadedPack>): void {
  for (const key of Object.keys(PACKS)) delete PACKS[key];
  for (const key of Object.keys(LOADED)) delete LOADED[key];
  for (const [lang, loaded] of Object.entries(packs)) {
    PACKS[lang] = loaded.pack;
    LOADED[lang] = loaded;
  }
}

function base(language: string | undefined): string {
  return (language ?? "en").toLowerCase().split("-")[0] ?? "en";
}

/** The pack for a BCP 47 language (base code), or English when there is none. */
export function packFor(language: string | undefined): ContentPack {
  const pack = PACKS[base(language)] ?? PACKS.en;
  if (!pack) throw new Error("The content packs are not loaded.");
  return pack;
}

/**
 * The packs' staff text per staff language, in the shape of every staff text source
 * (`useText(STAFF_TEXT)`); read when used, since the packs are installed at start-up.
 */
export const STAFF_TEXT: Readonly<Record<UiLanguage, StaffText>> = {
  get en() {
    return packFor("en").staff;
  },
  get es() {
    return packFor("es").staff;
  },
};

/** The partnership record's part of it (its forms hand it to the shared save panel). */
export const PARTNERSHIP_TEXT: Readonly<Record<UiLanguage, PartnershipText>> = {
  get en() {
    return STAFF_TEXT.en.partnership;
  },
  get es() {
    return STAFF_TEXT.es.partnership;
  },
};

export function hasPack(language: string | undefined): boolean {
  return Boolean(language && PACKS[base(language)]);
}

/**
 * What the clinician must be told about a language's pack: not yet reviewed by a native
 * speaker, and the entries shown in English because the pack lacks them.
 */
export function packStatus(
  language: string | undefined,
): { reviewed: boolean; fallback: string[] } | null {
  const loaded = LOADED[base(language)];
  return loaded ? { reviewed: loaded.reviewed, fallback: loaded.fallback } : null;
}

/** A language's name in the staff's language, e.g. "vi" → "Vietnamese". */
export function languageName(code: string, staffLanguage: string): string {
  try {
    return new Intl.DisplayNames([staffLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
