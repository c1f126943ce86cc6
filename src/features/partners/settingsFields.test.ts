import { clinicConfigSchema } from "../../config/clinicConfig";
import { smartConfigSchema } from "../../config/smartConfig";
import clinic from "../../../public/clinic-config.json";
import smart from "../../../public/smart-config.json";
import { CLINIC_FIELDS, docKey, flatten, SMART_FIELDS } from "./settingsFields";

describe("clinic settings screen", () => {
  it("flattens config JSON into the paths the validator reports", () => {
    expect(flatten({ a: { b: [1, 2] }, c: [{ d: "x" }] })).toEqual([
      { path: "a.b[0]", value: 1 },
      { path: "a.b[1]", value: 2 },
      { path: "c[0].d", value: "x" },
    ]);
  });
  it("explains every field of the deployed files", () => {
    expect(clinicConfigSchema.safeParse(clinic).success).toBe(true);
    expect(smartConfigSchema.safeParse(smart).success).toBe(true);
    const undocumented = [
      ...flatten(clinic).filter((l) => !docKey(l.path, CLINIC_FIELDS)),
      ...flatten(smart).filter((l) => !docKey(l.path, SMART_FIELDS)),
    ].map((l) => l.path);
    expect(undocumented).toEqual([]);
  });
});
