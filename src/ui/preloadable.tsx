import { lazy, useState, type ComponentType } from "react";

/**
 * A lazily loaded component (a screen) that renders at once when its code was loaded
 * beforehand (`preload`). React's lazy() suspends on first use even then, and React holds a
 * suspended boundary's fallback for at least 300 ms: the first screen showed "Loading…" that long.
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((m) => {
      loaded = m.default;
      return m;
    });
  const Lazy = lazy(preload);
  function Preloadable(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { Component: Preloadable, preload, isLoaded: () => loaded !== null };
}
