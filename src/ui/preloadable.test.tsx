import { Suspense } from "react";
import { render, screen } from "@testing-library/react";
import { preloadable } from "./preloadable";

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe("preloadable", () => {
  it("renders at once, without suspending, when its code was preloaded", async () => {
    const { Component, preload } = preloadable(() => Promise.resolve({ default: Hello }));
    await preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="Ana" />
      </Suspense>,
    );
    // Synchronously: no fallback in between.
    expect(screen.getByText("Hello Ana")).toBeInTheDocument();
    expect(screen.queryByText("Loading…")).toBeNull();
  });

  it("suspends like lazy() when it was not preloaded, then shows the component", async () => {
    let loads = 0;
    const { Component } = preloadable(() => {
      loads += 1;
      return Promise.resolve({ default: Hello });
    });
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Component name="Ana" />
      </Suspense>,
    );
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    expect(await screen.findByText("Hello Ana")).toBeInTheDocument();
    expect(loads).toBe(1);
  });
});
