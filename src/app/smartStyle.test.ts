import { applySmartStyle } from "./smartStyle";

describe("applySmartStyle", () => {
  afterEach(() => vi.restoreAllMocks());

  it("fetches the EHR's style with cache: no-store and applies only safe values", async () => {
    const fetchSpy = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValue(
        new Response(JSON.stringify({ color_background: "#eef", color_text: "red;}body{x:y" })),
      );
    const target = document.createElement("div");
    await applySmartStyle("https://ehr.test/style.json", target);
    expect(fetchSpy).toHaveBeenCalledWith(
      "https://ehr.test/style.json",
      expect.objectContaining({ cache: "no-store" }),
    );
    expect(target.style.getPropertyValue("--ehr-background")).toBe("#eef");
    expect(target.style.getPropertyValue("--ehr-text")).toBe("");
  });
});
