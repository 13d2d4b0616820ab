import type { ReactNode } from "react";

/**
 * Room for a table wider than the page to scroll sideways. The scrolling area
 * takes keyboard focus and is named, so people who do not use a mouse can
 * scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
