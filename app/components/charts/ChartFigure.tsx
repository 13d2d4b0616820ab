import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { ChartSpec } from "~/charts/spec";

/**
 * A chart with its message as the caption and its figures as a table.
 * Served without JavaScript, the figure is the caption and the table (open).
 * Once the page runs, chart.js is fetched (only by pages that chart, so no
 * other page's JavaScript grows), the chart is drawn on a canvas with
 * role="img" and an accessible name, and the table folds into "Show as
 * table". Animation stays off for readers who prefer reduced motion.
 */
export function ChartFigure(props: {
  spec: ChartSpec;
  heading: string;
  table: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { spec } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [still, setStill] = useState(false);
  const [tableOpen, setTableOpen] = useState(true);
  const captionId = useId();

  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    if (!hydrated || !canvas.current) return;
    let destroyed = false;
    let chart: { destroy: () => void } | null = null;
    import("chart.js/auto")
      .then(({ default: Chart }) => {
        if (destroyed || !canvas.current) return;
        const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        const config = reduce
          ? { ...spec.config, options: { ...spec.config.options, animation: false as const } }
          : spec.config;
        chart = new Chart(canvas.current, config);
        setStill(reduce);
        setDrawn(true);
        setTableOpen(false);
      })
      // Without chart.js (a failed download) the table stays open: nothing is lost.
      .catch(() => setDrawn(false));
    return () => {
      destroyed = true;
      chart?.destroy();
    };
  }, [hydrated, spec]);

  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  // A figcaption must open or close its figure: the heading and the message both live in it.
  return (
    <figure className="app-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <Heading className={props.headingLevel === 3 ? "nhsuk-heading-s" : "nhsuk-heading-m"}>
          {props.heading}
        </Heading>
        <p className="nhsuk-body-l app-chart__message">{spec.title}</p>
      </figcaption>
      {hydrated ? (
        <div
          className={`app-chart__canvas${drawn ? "" : " app-chart__canvas--waiting"}`}
          style={{ height: spec.height }}
        >
          <canvas
            ref={canvas}
            role="img"
            aria-label={spec.label}
            data-chart-drawn={drawn}
            data-chart-animation={still ? "off" : "on"}
          />
        </div>
      ) : null}
      <details
        className="nhsuk-details app-chart__table"
        open={tableOpen}
        onToggle={(event) => setTableOpen(event.currentTarget.open)}
      >
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Show as table</span>
        </summary>
        <div className="nhsuk-details__text">{props.table}</div>
      </details>
    </figure>
  );
}
