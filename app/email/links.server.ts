import { appConfig } from "../utils/env.server";

/** A link for an email: the configured public origin, else the one the request came to. */
export function absoluteUrl(request: Request, path: string): string {
  const origin = appConfig().publicOrigin ?? new URL(request.url).origin;
  return `${origin}${path}`;
}
