export const UI_LANGUAGES = ["en", "es"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The staff-facing language: the browser's, when we have it, else English. */
export function pickUiLanguage(
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): UiLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    const match = UI_LANGUAGES.find((l) => l === base);
    if (match) return match;
  }
  return "en";
}
