import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * Without JavaScript a page cannot count down, but a stylesheet can: this one
 * reveals the idle warning (and then the signed-out notice) after the number
 * of seconds the page asks for. Loaded from our own origin, so the CSP stays
 * as strict as it is (no inline styles). Nothing here is about the person.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const seconds = (name: string) => {
    const value = Number(url.searchParams.get(name));
    return Number.isSafeInteger(value) && value >= 0 && value < 86_400 ? value : 0;
  };
  const warn = seconds("warn");
  const end = Math.max(warn, seconds("end"));
  const css = [
    `.app-idle--static .app-idle__warning{animation:app-idle-show 0s linear ${warn}s forwards}`,
    `.app-idle--static .app-idle__ended{animation:app-idle-show 0s linear ${end}s forwards}`,
    `.app-idle--static .app-idle__still{animation:app-idle-hide 0s linear ${end}s forwards}`,
  ].join("\n");
  return new Response(css, { headers: { "Content-Type": "text/css; charset=utf-8" } });
}
