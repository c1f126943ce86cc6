// The app's requirements of an EHR's FHIR server: the compiled requirements CapabilityStatement
// from the data contract (fhir-profiles/input/fsh/capability.fsh). Its own module so that only
// the code that compares capabilities (IT diagnostics) bundles it. Use with compareCapabilities
// from ./capability.
import requirements from "../../fhir-profiles/package/CapabilityStatement-wr-ehr-requirements.json";

/** Raw JSON (kind = requirements); url = CAPABILITY_REQUIREMENTS in ./canonical. */
export const EHR_REQUIREMENTS: unknown = requirements;
