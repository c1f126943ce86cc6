import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatPath } from "../src/config/loadConfig";
import { compileEnglish, compilePack } from "../src/content/packs/compile";
import { contentPackSchema, type ContentPackJson } from "../src/content/packs/schema";

// npm run content:check — the content packs in public/content/ against English: for each pack,
// whether it parses (the app would refuse to start otherwise), which entries it lacks (the app
// shows English for them, with a note), and whether a native speaker has reviewed it.
// Fails only on a file the app would refuse; missing entries are listed, not fatal.

const dir = resolve(process.argv[2] ?? "public/content");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();
let broken = 0;
const parsed = new Map<string, ContentPackJson>();

for (const file of files) {
  const shown = `public/content/${file}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(dir, file), "utf8"));
  } catch (error) {
    broken++;
    process.stdout.write(`✗ ${shown}: not valid JSON (${(error as Error).message})\n`);
    continue;
  }
  const result = contentPackSchema.safeParse(json);
  if (!result.success) {
    broken++;
    process.stdout.write(`✗ ${shown}: the app would refuse it\n`);
    for (const issue of result.error.issues)
      process.stdout.write(`    ${formatPath(issue.path)}: ${issue.message}\n`);
    continue;
  }
  if (`${result.data.lang}.json` !== file) {
    broken++;
    process.stdout.write(
      `✗ ${shown}: "lang" is "${result.data.lang}"; rename the file or fix "lang"\n`,
    );
    continue;
  }
  parsed.set(result.data.lang, result.data);
}

const english = parsed.get("en");
if (!english) {
  process.stdout.write(
    "✗ public/content/en.json is missing or broken: every pack falls back to it\n",
  );
  process.exit(1);
}
const en = compileEnglish(english, "public/content/en.json");
if (!en.ok) {
  broken++;
  process.stdout.write("✗ public/content/en.json lacks entries (English must be complete):\n");
  if (en.failure.kind === "config")
    for (const p of en.failure.problems) process.stdout.write(`    ${p.field}\n`);
}

for (const [lang, json] of parsed) {
  if (lang === "en") continue;
  const { fallback, reviewed } = compilePack(json, english);
  const review = reviewed ? "reviewed" : "NOT YET REVIEWED by a native speaker";
  const staff = fallback.filter((k) => k.startsWith("staff.")).length;
  const patient = fallback.filter((k) => k.startsWith("patient."));
  process.stdout.write(
    `${lang}: ${review}; lacks ${fallback.length} entr${fallback.length === 1 ? "y" : "ies"} of English ` +
      `(${patient.length} patient-facing, ${staff} staff)\n`,
  );
  for (const key of patient) process.stdout.write(`    ${key}\n`);
  if (staff > 0 && staff < 20)
    for (const key of fallback.filter((k) => k.startsWith("staff.")))
      process.stdout.write(`    ${key}\n`);
  else if (staff > 0) process.stdout.write(`    staff.* (${staff} entries: staff see English)\n`);
}

process.exit(broken ? 1 : 0);
