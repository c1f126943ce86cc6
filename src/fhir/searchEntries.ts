import * as z from "zod/mini";

// A search answer's entries, each read by the schema of its resourceType. An entry that fails
// its schema (or has no resource at all) is counted, never silently dropped, so a list can say
// "N records could not be read" instead of an untrue "nothing here". Entries of a type the
// caller does not read (e.g. an OperationOutcome of search mode "outcome") are not counted.

export const searchBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  total: z.optional(z.number()),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(z.unknown()) }))),
});
export type SearchBundle = z.infer<typeof searchBundleSchema>;

export type SearchRead<R extends Record<string, z.ZodMiniType>> = {
  [K in keyof R]: z.output<R[K]>[];
} & {
  /** Entries of a read type (or without a resource) that failed their schema. */
  unreadable: number;
};

/** Reads the entries of one or more search answers, by resourceType; each entry counted once. */
export function readSearch<R extends Record<string, z.ZodMiniType>>(
  bundles: readonly SearchBundle[],
  readers: R,
): SearchRead<R> {
  const out: Record<string, unknown[]> = {};
  for (const type of Object.keys(readers)) out[type] = [];
  let unreadable = 0;
  for (const entry of bundles.flatMap((b) => b.entry ?? [])) {
    const resource = entry.resource as { resourceType?: unknown } | null | undefined;
    const type = typeof resource?.resourceType === "string" ? resource.resourceType : undefined;
    if (type === undefined) {
      unreadable++;
      continue;
    }
    const schema = Object.hasOwn(readers, type) ? readers[type] : undefined;
    if (!schema) continue;
    const parsed = schema.safeParse(resource);
    if (parsed.success) out[type]?.push(parsed.data);
    else unreadable++;
  }
  return { ...out, unreadable } as SearchRead<R>;
}
