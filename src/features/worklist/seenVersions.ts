import { useEffect, useMemo, useState } from "react";
import { changedSince, type SeenVersions, type WorklistReferral } from "../../domain/worklist";

/** Task id → version seen on the last look, per worklist; memory only, gone with the tab. */
const seenByList = new Map<string, SeenVersions>();

/**
 * The referrals that changed (by someone else) since the user last looked at this list, and
 * remembers what they see now for the next look. Nothing leaves memory.
 */
export function useChangedSinceLastLook(
  listKey: string,
  data: readonly WorklistReferral[] | undefined,
  now: Date,
  me: string,
): ReadonlySet<string> {
  const [seenBefore] = useState(() => seenByList.get(listKey) ?? null);
  const changed = useMemo(
    () => changedSince(data ?? [], seenBefore, now, me),
    [data, seenBefore, now, me],
  );
  useEffect(() => {
    // Not a fetch: what was seen is noted once it is on screen.
    if (data) seenByList.set(listKey, new Map(data.map((r) => [r.taskId, r.version])));
  }, [data, listKey]);
  return changed;
}
