import { loadConfig, type Loaded } from "../../config/loadConfig";
import { compileEnglish, compilePack, type LoadedPack } from "./compile";
import { contentPackSchema, type ContentPackJson } from "./schema";

// Loads the content packs at start-up, like the config files: public/content/<lang>.json next
// to index.html, each parsed with its schema; a bad file gets the config failure screen naming
// the file, the key and the fix. English is required and complete; another language listed
// in clinic-config.json without a file simply has no pack (the guide then says to work with an
// interpreter).

export const contentFile = (lang: string) => `content/${lang}.json`;

export async function loadContentPacks(
  languages: readonly string[],
  fetchImpl: typeof fetch = fetch,
): Promise<Loaded<Record<string, LoadedPack>>> {
  const wanted = [...new Set(["en", ...languages.map((l) => l.toLowerCase())])];
  const files = await Promise.all(
    wanted.map(async (lang) => {
      const shown = `public/${contentFile(lang)}`;
      const result = await loadConfig(contentFile(lang), contentPackSchema, (input, init) =>
        fetchImpl(input, { ...init, cache: "no-cache" }),
      );
      return { lang, shown, result };
    }),
  );
  const packs: Record<string, LoadedPack> = {};
  let english: ContentPackJson | null = null;
  for (const { lang, shown, result } of files) {
    if (!result.ok) {
      const absent =
        lang !== "en" &&
        result.failure.kind === "config" &&
        result.failure.problems.some((p) => p.message === "the server answered 404");
      if (absent) continue;
      return result;
    }
    if (result.value.lang !== lang) return mismatch(shown, lang, result.value.lang);
    if (lang === "en") {
      const compiled = compileEnglish(result.value, shown);
      if (!compiled.ok) return compiled;
      english = result.value;
      packs.en = compiled.value;
    }
  }
  if (!english) return mismatch("public/content/en.json", "en", "(none)");
  for (const { lang, result } of files)
    if (lang !== "en" && result.ok) packs[lang] = compilePack(result.value, english);
  return { ok: true, value: packs };
}

function mismatch(file: string, lang: string, found: string): Loaded<never> {
  return {
    ok: false,
    failure: {
      kind: "config",
      file,
      problems: [
        {
          field: "lang",
          message: `is "${found}" but the file is the pack for "${lang}"`,
          fix: `Set "lang" to "${lang}", or rename the file after its language.`,
        },
      ],
    },
  };
}
