import { useEffect, useRef } from "react";

// The chart beside the monthly table: uPlot (small, canvas, no inline style attributes, so the
// app's CSP holds), loaded only when a report is on screen. A suppressed count is a gap, never
// a bar: the chart shows exactly the table's numbers. The table beside it is the accessible
// version; the canvas is hidden from assistive technology.

export interface ChartSeries {
  label: string;
  /** One value per month; null where the count is suppressed. */
  values: (number | null)[];
}

const COLORS = ["#2f6f8f", "#c2571a", "#5b8c3a"];

export function MonthlyChart({ months, series }: { months: string[]; series: ChartSeries[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void (async () => {
      const [{ default: uPlot }] = await Promise.all([
        import("uplot"),
        import("uplot/dist/uPlot.min.css"),
      ]);
      if (cancelled || !host.current) return;
      const bars = uPlot.paths.bars?.({ size: [0.8 / series.length, 40] });
      chart = new uPlot(
        {
          width: Math.min(720, host.current.clientWidth || 720),
          height: 240,
          scales: { x: { time: false } },
          axes: [{ values: (_u, ticks) => ticks.map((t) => months[t] ?? "") }, {}],
          series: [
            {},
            ...series.map((s, i) => ({
              label: s.label,
              stroke: COLORS[i % COLORS.length],
              fill: COLORS[i % COLORS.length],
              ...(bars ? { paths: bars } : {}),
              points: { show: false },
            })),
          ],
        },
        [months.map((_, i) => i), ...series.map((s) => s.values)],
        host.current,
      );
    })();
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [months, series]);
  return <div ref={host} className="report-chart" aria-hidden="true" data-testid="report-chart" />;
}
