import * as z from "zod/mini";

// SMART `smart_style_url`: the EHR's colours and fonts, so the app blends into its frame.
const styleSchema = z.looseObject({
  color_background: z.optional(z.string()),
  color_error: z.optional(z.string()),
  color_highlight: z.optional(z.string()),
  color_text: z.optional(z.string()),
  font_family_body: z.optional(z.string()),
  font_family_heading: z.optional(z.string()),
});

const CSS_VARS: Record<string, string> = {
  color_background: "--ehr-background",
  color_error: "--ehr-error",
  color_highlight: "--ehr-highlight",
  color_text: "--ehr-text",
  font_family_body: "--ehr-font-body",
  font_family_heading: "--ehr-font-heading",
};

// Only plain colour and font values: a style file must not be able to inject CSS.
const SAFE_VALUE = /^[#(),.%\w\s'"-]{1,80}$/;

export async function applySmartStyle(
  url: string,
  target: HTMLElement = document.documentElement,
): Promise<void> {
  try {
    // Served by the EHR: kept out of the HTTP cache like every other EHR answer.
    const response = await fetch(url, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    const style = styleSchema.parse(await response.json());
    for (const [key, cssVar] of Object.entries(CSS_VARS)) {
      const value = style[key as keyof typeof style];
      if (typeof value === "string" && SAFE_VALUE.test(value))
        target.style.setProperty(cssVar, value);
    }
  } catch {
    // The EHR's style is cosmetic: without it the app keeps its own look.
  }
}
