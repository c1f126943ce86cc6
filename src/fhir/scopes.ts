// SMART scope arithmetic (App Launch 2 with v1 compatibility). Pure; unit-tested.

type Permission = "c" | "r" | "u" | "d" | "s";

interface ParsedScope {
  context: "patient" | "user" | "system";
  resourceType: string; // "*" for all
  permissions: Set<Permission>;
}

const V1_PERMISSIONS: Record<string, Permission[]> = {
  read: ["r", "s"],
  write: ["c", "u", "d"],
  "*": ["c", "r", "u", "d", "s"],
};

export function parseScope(scope: string): ParsedScope | undefined {
  const match = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(scope);
  if (!match) return undefined;
  const [, context, resourceType, access] = match as unknown as [
    string,
    ParsedScope["context"],
    string,
    string,
  ];
  const v1 = V1_PERMISSIONS[access];
  if (v1) return { context, resourceType, permissions: new Set(v1) };
  if (!/^c?r?u?d?s?$/.test(access)) return undefined;
  return { context, resourceType, permissions: new Set(access.split("") as Permission[]) };
}

/** Does the granted scope string allow `permission` on `resourceType` in any of `contexts`? */
export function isAllowed(
  granted: readonly string[],
  resourceType: string,
  permission: Permission,
  contexts: readonly ParsedScope["context"][] = ["patient", "user"],
): boolean {
  return granted.some((scope) => {
    const parsed = parseScope(scope);
    return (
      parsed !== undefined &&
      contexts.includes(parsed.context) &&
      (parsed.resourceType === "*" || parsed.resourceType === resourceType) &&
      parsed.permissions.has(permission)
    );
  });
}

export function splitScopes(scope: string | undefined): string[] {
  return (scope ?? "").split(/\s+/).filter(Boolean);
}

/**
 * The requested resource scopes that the server did not grant (in full). Used for the
 * "scopes not granted" screen, which names them.
 */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  return required.filter((scope) => {
    const parsed = parseScope(scope);
    if (!parsed) return !granted.includes(scope);
    return [...parsed.permissions].some(
      // A user-level grant also covers the patient in context.
      (p) =>
        !isAllowed(
          granted,
          parsed.resourceType,
          p,
          parsed.context === "patient" ? ["patient", "user"] : [parsed.context],
        ),
    );
  });
}
