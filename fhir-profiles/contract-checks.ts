// Checks Medplum's validator does not do, over the compiled Warm Referral package:
//  - codes of OUR code systems must exist in the compiled CodeSystem (everywhere in a resource);
//  - required bindings to OUR value sets (resource profiles and our extensions);
//  - extension URLs must be ours, known R4 core ones or from allow-listed IGs (US Core, SDOHCC);
//    our extensions are checked against their own definitions (sub-extension names, context);
//  - choice-type ([x]) restrictions of our profiles.
// Everything is precompiled once per profile, so a check is one walk of the resource.

import type {
  ContractPackage,
  ElementDefinitionLite,
  StructureDefinitionLite,
} from "./package-loader";

export interface ContractIssue {
  path: string;
  message: string;
}

type Json = unknown;
type JsonObject = Record<string, unknown>;

const isObject = (v: Json): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

interface Step {
  name: string;
  choice: boolean;
  /** For slices: whether an item belongs to the slice (per the slicing discriminators). */
  match?: (item: Json) => boolean;
}

/** The pattern[x] or fixed[x] value of an element, if any. */
function specifiedValue(
  el: ElementDefinitionLite | undefined,
): { value: Json; exact: boolean } | undefined {
  if (!el) return undefined;
  for (const [k, v] of Object.entries(el)) {
    if (k.startsWith("pattern")) return { value: v, exact: false };
    if (k.startsWith("fixed")) return { value: v, exact: true };
  }
  return undefined;
}

export function deepIncludes(value: Json, pattern: Json): boolean {
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && pattern.every((p) => value.some((v) => deepIncludes(v, p)));
  }
  if (isObject(pattern)) {
    return isObject(value) && Object.entries(pattern).every(([k, p]) => deepIncludes(value[k], p));
  }
  return value === pattern;
}

export function deepEquals(a: Json, b: Json): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  return v;
}

function getPath(v: Json, path: string): Json {
  let cur: Json = v;
  for (const part of path.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

interface Selected {
  value: Json;
  path: string;
  /** For choice steps: the type suffix found (e.g. "DateTime"). */
  choiceType?: string;
}

interface CardinalityCheck {
  parent: Step[];
  last: Step;
  min: number;
  max: number;
  specified?: { value: Json; exact: boolean };
  elementId: string;
}

interface BindingCheck {
  steps: Step[];
  elementTypes: string[];
  valueSet: string;
  elementId: string;
}

interface ReferenceCheck {
  steps: Step[];
  /** Resource types the reference may point to. */
  allowed: Set<string>;
  elementId: string;
}

interface ChoiceCheck {
  steps: Step[];
  allowed: Set<string>;
  elementId: string;
}

export interface CompiledProfile {
  url: string;
  type: string;
  bindings: BindingCheck[];
  choices: ChoiceCheck[];
  /** Reference targets (resource types), checked on literal references. */
  references: ReferenceCheck[];
  /** Nested elements (below the first level), which Medplum validates against base types only. */
  nested: CardinalityCheck[];
  /** For extension definitions: allowed sub-extension names (complex extensions). */
  subExtensions?: Set<string>;
  /** For extension definitions: resource types the extension may be used on. */
  contexts?: Set<string>;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Turns an ElementDefinition id (e.g. "Extension.extension:type.value[x]") into steps; returns
 * undefined when a slice cannot be told apart by a fixed/pattern discriminator.
 */
function compileSteps(
  el: ElementDefinitionLite,
  byId: Map<string, ElementDefinitionLite>,
): Step[] | undefined {
  const parts = el.id.split(".");
  const steps: Step[] = [];
  let prefix = parts[0] as string;
  for (const part of parts.slice(1)) {
    const unsliced = `${prefix}.${part.split(":")[0] as string}`;
    prefix = `${prefix}.${part}`;
    const [rawName, slice] = part.split(":") as [string, string | undefined];
    const choice = rawName.endsWith("[x]");
    const name = choice ? rawName.slice(0, -3) : rawName;
    if (slice === undefined) {
      steps.push({ name, choice });
      continue;
    }
    const sliceEl = byId.get(prefix);
    const isExtension = name === "extension" || name === "modifierExtension";
    const discriminators =
      (
        byId.get(unsliced) as
          { slicing?: { discriminator?: { type: string; path: string }[] } } | undefined
      )?.slicing?.discriminator ?? (isExtension ? [{ type: "value", path: "url" }] : []);
    const tests: ((item: Json) => boolean)[] = [];
    for (const d of discriminators) {
      if (d.type !== "value" && d.type !== "pattern") return undefined;
      if (isExtension && d.path === "url") {
        const url = byId.get(`${prefix}.url`)?.fixedUri ?? sliceEl?.type?.[0]?.profile?.[0];
        if (!url) return undefined;
        tests.push((item) => isObject(item) && item.url === url);
        continue;
      }
      const spec = specifiedValue(d.path === "$this" ? sliceEl : byId.get(`${prefix}.${d.path}`));
      if (!spec) return undefined;
      tests.push((item) => {
        const v = d.path === "$this" ? item : getPath(item, d.path);
        return spec.exact ? deepEquals(v, spec.value) : deepIncludes(v, spec.value);
      });
    }
    if (tests.length === 0) return undefined;
    steps.push({ name, choice: false, match: (item) => tests.every((t) => t(item)) });
  }
  return steps;
}

function select(root: Json, steps: Step[], rootPath: string): Selected[] {
  let nodes: Selected[] = [{ value: root, path: rootPath }];
  for (const step of steps) {
    const next: Selected[] = [];
    for (const node of nodes) {
      if (!isObject(node.value)) continue;
      const obj = node.value;
      const keys = step.choice
        ? Object.keys(obj).filter(
            (k) =>
              k.length > step.name.length &&
              k.startsWith(step.name) &&
              /[A-Z]/.test(k.charAt(step.name.length)),
          )
        : [step.name];
      for (const key of keys) {
        const v = obj[key];
        if (v === undefined || v === null) continue;
        const choiceType = step.choice ? key.slice(step.name.length) : undefined;
        if (Array.isArray(v)) {
          v.forEach((item: Json, i) => {
            if (step.match && !step.match(item)) return;
            next.push({ value: item, path: `${node.path}.${key}[${i}]`, choiceType });
          });
        } else {
          if (step.match && !step.match(v)) continue;
          next.push({ value: v, path: `${node.path}.${key}`, choiceType });
        }
      }
    }
    nodes = next;
  }
  return nodes;
}

export function compileProfile(
  sd: StructureDefinitionLite,
  ourValueSets: Set<string>,
  /** The resource type a target profile constrains; undefined when unknown (not checked). */
  typeOfProfile?: (url: string) => string | undefined,
): CompiledProfile {
  const elements = sd.snapshot?.element ?? [];
  const byId = new Map(elements.map((e) => [e.id, e]));
  const compiled: CompiledProfile = {
    url: sd.url,
    type: sd.type,
    bindings: [],
    choices: [],
    references: [],
    nested: [],
  };
  for (const el of elements) {
    const vs = el.binding?.valueSet?.split("|")[0];
    const depth = el.id.split(".").length - 1;
    if (depth === 0) continue;
    const specified = specifiedValue(el);
    if (depth >= 2 && ((el.min ?? 0) > 0 || el.max === "0" || specified)) {
      const steps = compileSteps(el, byId);
      if (steps) {
        compiled.nested.push({
          parent: steps.slice(0, -1),
          last: steps[steps.length - 1] as Step,
          min: el.min ?? 0,
          max: el.max === undefined || el.max === "*" ? Infinity : Number(el.max),
          specified,
          elementId: el.id,
        });
      }
    }
    if (el.binding?.strength === "required" && vs && ourValueSets.has(vs)) {
      const steps = compileSteps(el, byId);
      if (steps) {
        compiled.bindings.push({
          steps,
          valueSet: vs,
          elementId: el.id,
          elementTypes: (el.type ?? []).map((t) => t.code),
        });
      }
    }
    const refType = el.type?.length === 1 ? el.type[0] : undefined;
    if (typeOfProfile && refType?.code === "Reference" && refType.targetProfile?.length) {
      const types = refType.targetProfile.map((u) => typeOfProfile(u.split("|")[0] as string));
      if (types.every((t): t is string => Boolean(t)) && !types.includes("Resource")) {
        const steps = compileSteps(el, byId);
        if (steps) compiled.references.push({ steps, allowed: new Set(types), elementId: el.id });
      }
    }
    if (el.path.endsWith("[x]") && el.type && el.max !== "0") {
      const steps = compileSteps(el, byId);
      if (steps) {
        compiled.choices.push({
          steps,
          allowed: new Set(el.type.map((t) => upperFirst(t.code))),
          elementId: el.id,
        });
      }
    }
  }
  if (sd.type === "Extension") {
    compiled.subExtensions = new Set(
      elements
        .filter((e) => /^Extension\.extension:[^.]+$/.test(e.id))
        .map((e) => byId.get(`${e.id}.url`)?.fixedUri ?? e.sliceName ?? ""),
    );
    compiled.contexts = new Set(
      (sd.context ?? []).filter((c) => c.type === "element").map((c) => c.expression),
    );
  }
  return compiled;
}

/** Codes (system|code) of each of our value sets, and codes of each of our code systems. */
export class Terminology {
  readonly codeSystems = new Map<string, Set<string>>();
  private readonly valueSets = new Map<
    string,
    { systemCodes: Set<string>; wholeSystems: Set<string> }
  >();

  constructor(pkg: Pick<ContractPackage, "codeSystems" | "valueSets">) {
    for (const [url, cs] of pkg.codeSystems) {
      const codes = new Set<string>();
      const add = (concepts: typeof cs.concept) => {
        for (const c of concepts ?? []) {
          codes.add(c.code);
          add(c.concept);
        }
      };
      add(cs.concept);
      this.codeSystems.set(url, codes);
    }
    const expand = (url: string, seen: Set<string>) => {
      const done = this.valueSets.get(url);
      if (done) return done;
      const systemCodes = new Set<string>();
      const wholeSystems = new Set<string>();
      const vs = pkg.valueSets.get(url);
      if (!vs || seen.has(url)) return { systemCodes, wholeSystems };
      seen.add(url);
      for (const inc of vs.compose?.include ?? []) {
        for (const other of inc.valueSet ?? []) {
          const o = expand(other.split("|")[0] as string, seen);
          for (const c of o.systemCodes) systemCodes.add(c);
          for (const w of o.wholeSystems) wholeSystems.add(w);
        }
        if (!inc.system) continue;
        if (inc.concept?.length) {
          for (const c of inc.concept) systemCodes.add(`${inc.system}|${c.code}`);
        } else {
          // Whole system: enumerate the code systems we hold; a foreign one admits any code.
          const known = this.codeSystems.get(inc.system);
          if (known) for (const c of known) systemCodes.add(`${inc.system}|${c}`);
          else wholeSystems.add(inc.system);
        }
      }
      for (const exc of vs.compose?.exclude ?? []) {
        for (const c of exc.concept ?? []) systemCodes.delete(`${exc.system}|${c.code}`);
      }
      const result = { systemCodes, wholeSystems };
      this.valueSets.set(url, result);
      return result;
    };
    for (const url of pkg.valueSets.keys()) expand(url, new Set());
  }

  hasValueSet(url: string): boolean {
    return this.valueSets.has(url);
  }

  inValueSet(vsUrl: string, system: string | undefined, code: string): boolean {
    const vs = this.valueSets.get(vsUrl);
    if (!vs) return false;
    if (system === undefined) {
      for (const sc of vs.systemCodes) if (sc.endsWith(`|${code}`)) return true;
      return false;
    }
    return vs.systemCodes.has(`${system}|${code}`) || vs.wholeSystems.has(system);
  }
}

function checkBinding(
  t: Terminology,
  b: BindingCheck,
  sel: Selected,
  issues: ContractIssue[],
): void {
  const v = sel.value;
  const fail = (what: string) =>
    issues.push({
      path: sel.path,
      message: `${what} is not in the required value set ${b.valueSet} (${b.elementId})`,
    });
  if (typeof v === "string") {
    if (!t.inValueSet(b.valueSet, undefined, v)) fail(`Code "${v}"`);
    return;
  }
  if (!isObject(v)) return;
  if (Array.isArray(v.coding)) {
    const codings = v.coding.filter(isObject);
    if (codings.length === 0) {
      fail("A CodeableConcept without codes");
      return;
    }
    const ok = codings.some(
      (c) =>
        typeof c.code === "string" &&
        t.inValueSet(b.valueSet, c.system as string | undefined, c.code),
    );
    if (!ok) {
      issues.push({
        path: sel.path,
        message: `None of the codings (${codings.map((c) => `${String(c.system)}#${String(c.code)}`).join(", ")}) is in the required value set ${b.valueSet} (${b.elementId})`,
      });
    }
    return;
  }
  if ("code" in v || "system" in v) {
    if (
      typeof v.code !== "string" ||
      !t.inValueSet(b.valueSet, v.system as string | undefined, v.code)
    ) {
      fail(`Coding ${String(v.system)}#${String(v.code)}`);
    }
    return;
  }
  if ("text" in v) fail("A CodeableConcept with text only");
}

export function runProfileChecks(
  t: Terminology,
  profile: CompiledProfile,
  root: Json,
  rootPath: string,
  issues: ContractIssue[],
): void {
  for (const b of profile.bindings) {
    for (const sel of select(root, b.steps, rootPath)) checkBinding(t, b, sel, issues);
  }
  for (const n of profile.nested) {
    for (const parent of select(root, n.parent, rootPath)) {
      const values = select(parent.value, [n.last], parent.path);
      if (values.length < n.min || values.length > n.max) {
        issues.push({
          path: `${parent.path}.${n.last.name}`,
          message: `Invalid number of values: expected ${n.min}..${Number.isFinite(n.max) ? n.max : "*"}, but found ${values.length} (${n.elementId})`,
        });
      }
      if (n.specified) {
        const spec = n.specified;
        for (const v of values) {
          const ok = spec.exact
            ? deepEquals(v.value, spec.value)
            : deepIncludes(v.value, spec.value);
          if (!ok)
            issues.push({
              path: v.path,
              message: `Value did not match expected ${spec.exact ? "fixed value" : "pattern"} ${JSON.stringify(spec.value)} (${n.elementId})`,
            });
        }
      }
    }
  }
  for (const r of profile.references) {
    for (const sel of select(root, r.steps, rootPath)) {
      const type = referencedType(sel.value);
      if (type && !r.allowed.has(type)) {
        issues.push({
          path: sel.path,
          message: `A reference to ${type} is not allowed here (${r.elementId}: ${[...r.allowed].join(", ")})`,
        });
      }
    }
  }
  for (const c of profile.choices) {
    for (const sel of select(root, c.steps, rootPath)) {
      if (sel.choiceType && !c.allowed.has(sel.choiceType)) {
        issues.push({
          path: sel.path,
          message: `Type ${sel.choiceType} is not allowed for ${c.elementId} (allowed: ${[...c.allowed].join(", ")})`,
        });
      }
    }
  }
}

/**
 * The resource type of a literal reference ("Type/id", or an absolute URL ending in
 * "Type/id[/_history/v]"); undefined for urn:uuid, contained ("#…") or logical references.
 */
export function referencedType(value: Json): string | undefined {
  if (!isObject(value) || typeof value.reference !== "string") return undefined;
  const ref = value.reference.replace(/\/_history\/[^/]+$/, "");
  if (ref.startsWith("urn:") || ref.startsWith("#")) return undefined;
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}$/.exec(ref);
  return m?.[1];
}

/** Walks every object in a resource; calls visit(obj, path, parentKey). Does not descend into contained resources' own validation. */
export function walk(
  value: Json,
  path: string,
  visit: (obj: JsonObject, path: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
    return;
  }
  if (!isObject(value)) return;
  visit(value, path);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "object" && v !== null) walk(v, `${path}.${k}`, visit);
  }
}

/** Every coding of one of our code systems must use a code that exists in it. */
export function checkOurCodes(
  t: Terminology,
  resource: Json,
  rootPath: string,
  issues: ContractIssue[],
): void {
  walk(resource, rootPath, (obj, path) => {
    if (typeof obj.system !== "string") return;
    const codes = t.codeSystems.get(obj.system);
    if (!codes) return;
    if (typeof obj.code !== "string" || !codes.has(obj.code)) {
      issues.push({
        path,
        message: `Unknown code "${String(obj.code)}" in code system ${obj.system}`,
      });
    }
  });
}
