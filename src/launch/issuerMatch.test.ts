import { readFileSync } from "node:fs";
import { parseConfig } from "../config/loadConfig";
import { smartConfigSchema, type SmartConfig } from "../config/smartConfig";
import { isPlainPattern, matchIssuer, type PatternRunner } from "./issuerMatch";
import { issuerWithoutPatterns } from "./issuerExact";

const shipped = (() => {
  const result = parseConfig(
    "f",
    smartConfigSchema,
    JSON.parse(readFileSync("public/smart-config.json", "utf8")),
  );
  if (!result.ok) throw new Error("invalid");
  return result.value;
})();

/** Node has no Web Worker: this runner matches in place and records that it was asked. */
function inPlace(): PatternRunner & { calls: number } {
  const runner = (async (patterns: string[], iss: string) => {
    runner.calls++;
    return { match: patterns.findIndex((p) => new RegExp(p).test(iss)) };
  }) as PatternRunner & { calls: number };
  runner.calls = 0;
  return runner;
}

const entry = (over: Partial<SmartConfig["issuers"][number]>) =>
  ({
    label: "x",
    clientId: "c",
    scopes: { v2: "openid", v1: "openid" },
    scopeVersion: "v2",
    pkceMode: "ifSupported",
    redirectUri: "index.html",
    standalone: false,
    ...over,
  }) as SmartConfig["issuers"][number];

describe("matchIssuer", () => {
  it("matches the shipped entries exactly or by pattern, without a worker", async () => {
    const runner = inPlace();
    const label = async (iss: string) => {
      const m = await matchIssuer(shipped, iss, runner);
      return "failure" in m ? "failure" : m.entry?.label;
    };
    await expect(label("http://127.0.0.1:4010/fhir/")).resolves.toMatch(/npm start/);
    await expect(label("http://127.0.0.1:4999/fhir")).resolves.toMatch(/another loopback/);
    await expect(
      label("https://launch.smarthealthit.org/v/r4/sim/eyJhIjoiMSJ9/fhir"),
    ).resolves.toMatch(/SMART Health IT/);
    await expect(label("https://evil.example/fhir")).resolves.toBeUndefined();
    expect(runner.calls).toBe(0);
  });

  it("keeps the order of the file: an earlier pattern wins over a later exact entry", async () => {
    const config = {
      issuers: [
        entry({ label: "pattern", issPattern: "^https://a\\.example/" }),
        entry({ label: "exact", iss: "https://a.example/fhir" }),
      ],
    };
    const m = await matchIssuer(config, "https://a.example/fhir", inPlace());
    expect("entry" in m && m.entry?.label).toBe("pattern");
  });

  it("sends a pattern that may backtrack to the runner, and names it when it hangs", async () => {
    const config = {
      issuers: [
        entry({ label: "fine", issPattern: "^https://b\\.example/fhir$" }),
        entry({ label: "bad", issPattern: "^(a+)+$" }),
      ],
    };
    const hangsOnSecond: PatternRunner = async () => ({ hung: 1 });
    const m = await matchIssuer(
      config,
      "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
      hangsOnSecond,
    );
    expect(m).toEqual({
      failure: expect.objectContaining({
        kind: "config",
        problems: [expect.objectContaining({ field: "issuers[1].issPattern" })],
      }),
    });
    const runner = inPlace();
    await matchIssuer(config, "https://b.example/fhir", runner);
    expect(runner.calls).toBe(1);
  });

  it("refuses an iss longer than any server address", async () => {
    const m = await matchIssuer(shipped, `http://127.0.0.1:4999/${"x".repeat(3000)}`, inPlace());
    expect(m).toEqual({});
  });
});

describe("isPlainPattern", () => {
  it.each([
    "^http://(127\\.0\\.0\\.1|localhost):[0-9]+/fhir$",
    "^https://launch\\.smarthealthit\\.org/v/r4/(sim/[^/]+/)?fhir$",
    "^https://ehr\\.example/(?:r4|stu3)/fhir$",
    "^https://x\\.example/[a-z]{2,8}/fhir$",
    "^https://x\\.example/a+?/fhir",
  ])("plain: %s", (pattern) => expect(isPlainPattern(pattern)).toBe(true));

  it.each([
    "^(a+)+$",
    "^(a|aa)*$",
    "^(\\w+\\d+){2,}$",
    "^.*.*=.*$",
    "^a?a?a?a?a?aaaaa$",
    "^(a)\\1$",
    "^x[ab]+y[cd]*$",
  ])("not plain: %s", (pattern) => expect(isPlainPattern(pattern)).toBe(false));
});

describe("issuerWithoutPatterns (launch.html's fast path)", () => {
  const configs: SmartConfig["issuers"][] = [
    shipped.issuers,
    [entry({ iss: "https://a.example/fhir" }), entry({ issPattern: "^https://a\\." })],
    [entry({ issPattern: "^https://a\\." }), entry({ iss: "https://a.example/fhir" })],
    [entry({ iss: "https://b.example/fhir/" })],
  ];
  const isses = [
    "http://127.0.0.1:4010/fhir",
    "http://127.0.0.1:4555/fhir",
    "https://a.example/fhir",
    "https://b.example/fhir",
    "https://c.example/fhir",
    `https://a.example/${"x".repeat(3000)}`,
  ];

  it("gives matchIssuer's answer whenever it answers, and defers when a pattern could decide", async () => {
    let answered = 0;
    let deferred = 0;
    for (const issuers of configs)
      for (const iss of isses) {
        const fast = issuerWithoutPatterns(issuers, iss);
        if (fast === undefined) {
          deferred++;
          continue;
        }
        answered++;
        expect(fast).toEqual(await matchIssuer({ issuers }, iss, inPlace()));
      }
    expect(answered).toBeGreaterThan(0);
    expect(deferred).toBeGreaterThan(0);
  });

  it("answers the sandbox's own address without loading the pattern matcher", () => {
    expect(issuerWithoutPatterns(shipped.issuers, "http://127.0.0.1:4010/fhir")?.entry).toBe(
      shipped.issuers[0],
    );
    expect(issuerWithoutPatterns(shipped.issuers, "http://127.0.0.1:4555/fhir")).toBeUndefined();
  });
});
