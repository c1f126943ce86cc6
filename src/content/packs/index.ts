import { en } from "./en";
import { es } from "./es";
import type { ContentPack } from "./types";

// The content packs by language. To add a language: copy en.ts, translate it, add it here.

export const PACKS: Record<string, ContentPack> = { en, es };

/** The pack for a BCP 47 language (base code), or English when there is none. */
export function packFor(language: string | undefined): ContentPack {
  const base = (language ?? "en").toLowerCase().split("-")[0] ?? "en";
  return PACKS[base] ?? en;
}

export function hasPack(language: string | undefined): boolean {
  return Boolean(language && PACKS[language.toLowerCase().split("-")[0] ?? ""]);
}

/** A language's name in the staff's language, e.g. "vi" → "Vietnamese". */
export function languageName(code: string, staffLanguage: string): string {
  try {
    return new Intl.DisplayNames([staffLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
