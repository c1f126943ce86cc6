import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { compileEnglish, compilePack, type LoadedPack } from "../../src/content/packs/compile";
import { contentPackSchema, type ContentPackJson } from "../../src/content/packs/schema";

// The content packs as the app loads them (public/content/*.json, parsed and completed from
// English), for unit and component tests, which run without the app's web server.

export const PACK_LANGUAGES = ["en", "es", "vi", "so"] as const;

export function readPackJson(lang: string): ContentPackJson {
  const raw: unknown = JSON.parse(
    readFileSync(resolve(process.cwd(), `public/content/${lang}.json`), "utf8"),
  );
  return contentPackSchema.parse(raw);
}

export function loadTestPacks(): Record<string, LoadedPack> {
  const english = readPackJson("en");
  const en = compileEnglish(english, "public/content/en.json");
  if (!en.ok) throw new Error(JSON.stringify(en.failure));
  const packs: Record<string, LoadedPack> = { en: en.value };
  for (const lang of PACK_LANGUAGES)
    if (lang !== "en") packs[lang] = compilePack(readPackJson(lang), english);
  return packs;
}
