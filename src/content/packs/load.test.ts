import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadContentPacks } from "./load";

// The content packs load like the config files: each file is parsed with its schema, and a
// bad one is a config failure naming the file, the key and the fix.

const file = (lang: string) =>
  JSON.parse(readFileSync(resolve(process.cwd(), `public/content/${lang}.json`), "utf8")) as {
    staff?: Record<string, unknown>;
    patient: Record<string, unknown>;
    review: { status: string };
  };

function server(files: Record<string, unknown>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const lang = /content\/([a-z]+)\.json$/.exec(String(input))?.[1] ?? "";
    if (!(lang in files)) return new Response("not found", { status: 404 });
    const body = files[lang];
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
}

describe("loadContentPacks", () => {
  it("loads English and the listed languages, completing each from English", async () => {
    const result = await loadContentPacks(
      ["en", "es", "vi"],
      server({ en: file("en"), es: file("es"), vi: file("vi") }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(Object.keys(result.value).sort()).toEqual(["en", "es", "vi"]);
    const vi = result.value.vi!;
    expect(vi.reviewed).toBe(false);
    expect(vi.pack.patient.languageName).toBe("Tiếng Việt");
    // Lacking the safety questions, the Vietnamese pack shows English ones, and says so.
    expect(vi.fallback).toContain("patient.safetyQuestions");
    expect(vi.pack.patient.safetyQuestions.weapon.open).toBe(
      result.value.en!.pack.patient.safetyQuestions.weapon.open,
    );
    expect(vi.pack.staff.stepOf(2, 5)).toBe("Step 2 of 5");
    expect(vi.pack.patient.consentExplain("Safe Harbor", "3/1/2027")).toContain("Safe Harbor");
    expect(result.value.es!.fallback).toEqual([]);
  });

  it("a language listed without a file has no pack (the guide then says to use an interpreter)", async () => {
    const result = await loadContentPacks(["en", "ar"], server({ en: file("en") }));
    expect(result.ok && Object.keys(result.value)).toEqual(["en"]);
  });

  it("English is required", async () => {
    const result = await loadContentPacks(["en"], server({}));
    expect(!result.ok && result.failure).toMatchObject({
      kind: "config",
      file: "public/content/en.json",
    });
  });

  it("a misspelt key is named, with the fix", async () => {
    const vi = file("vi");
    vi.patient.educationScrpt = vi.patient.educationScript;
    const result = await loadContentPacks(["vi"], server({ en: file("en"), vi }));
    expect(!result.ok && result.failure).toMatchObject({
      kind: "config",
      file: "public/content/vi.json",
      problems: [
        {
          field: "patient",
          fix: expect.stringContaining('"educationScrpt"'),
        },
      ],
    });
  });

  it("a placeholder the screen does not fill is named", async () => {
    const es = file("es");
    es.staff!.stepOf = "Paso {numero} de {total}";
    const result = await loadContentPacks(["es"], server({ en: file("en"), es }));
    expect(!result.ok && result.failure).toMatchObject({
      file: "public/content/es.json",
      problems: [{ field: "staff.stepOf", message: expect.stringContaining("{n}, {total}") }],
    });
  });

  it("a wrong type, broken JSON, or a pack for another language is named", async () => {
    const es = file("es");
    es.patient.educationScript = "one line";
    let result = await loadContentPacks(["es"], server({ en: file("en"), es }));
    expect(!result.ok && result.failure).toMatchObject({
      problems: [{ field: "patient.educationScript" }],
    });
    result = await loadContentPacks(["es"], server({ en: file("en"), es: "{ oops" }));
    expect(!result.ok && result.failure).toMatchObject({ file: "public/content/es.json" });
    result = await loadContentPacks(["es"], server({ en: file("en"), es: file("vi") }));
    expect(!result.ok && result.failure).toMatchObject({ problems: [{ field: "lang" }] });
  });

  it("English lacking an entry is refused: nothing to fall back to", async () => {
    const en = file("en");
    delete en.staff!.next;
    const result = await loadContentPacks([], server({ en }));
    expect(!result.ok && result.failure).toMatchObject({
      file: "public/content/en.json",
      problems: [{ field: "staff.next", message: "is missing" }],
    });
  });
});
