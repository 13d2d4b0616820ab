import { useMatches } from "@remix-run/react";
import { createContext, useContext } from "react";
import { DemoDataBanner } from "./DemoDataBanner";

/** Whether demo data is loaded, given by the root layout to pages that place the banner themselves. */
export const DemoDataShown = createContext(false);

/**
 * A role's first page (issue 20) says what to do next before anything else,
 * so it takes the demo banner below its home panel: it exports this handle,
 * the root layout leaves the banner out, and the page puts DemoBannerSlot
 * where the banner goes.
 */
export const homeFirstHandle = { homeFirst: true } as const;

export function useHomeFirst(): boolean {
  return useMatches().some(
    (match) => (match.handle as { homeFirst?: boolean } | undefined)?.homeFirst === true,
  );
}

export function DemoBannerSlot() {
  return useContext(DemoDataShown) ? <DemoDataBanner /> : null;
}
