import type { ServerBuild } from "@remix-run/node";
import { type AgnosticRouteObject, matchRoutes } from "@remix-run/router";
import type { RequestHandler } from "express";

/**
 * Answers, for every route with no page of its own (a file to download, a
 * form's target), a method it does not take: 405 with the methods it does
 * take and a sentence for a person. Left to Remix, such a request is a 405
 * whose body is `{"message":"Unexpected Server Error"}` (its route error
 * turned into JSON and sanitised), which tells people the service broke.
 * Pages are left to Remix: their error boundary already says "This page
 * cannot do that".
 *
 * The route is found as Remix finds it (the same `matchRoutes`, over the
 * build's own route list), and a route is a resource route exactly when
 * Remix treats it as one: no component and no error boundary.
 */
export function refuseMethodsResourceRoutesDoNotTake(
  build: ServerBuild | (() => Promise<ServerBuild>),
): RequestHandler {
  let routesOf: { build: ServerBuild; routes: AgnosticRouteObject[] } | null = null;
  const routeTree = (current: ServerBuild) => {
    if (routesOf?.build !== current) routesOf = { build: current, routes: treeOf(current) };
    return routesOf.routes;
  };
  return (req, res, next) => {
    // Remix's own data requests (`.data`, `?_data`) are answered by Remix.
    if (req.path.endsWith(".data") || "_data" in req.query) return next();
    const current = typeof build === "function" ? build() : Promise.resolve(build);
    current.then((resolved) => {
      const matches = matchRoutes(routeTree(resolved), req.path, resolved.basename);
      const leaf = matches?.[matches.length - 1]?.route.id;
      const module = leaf ? resolved.routes[leaf]?.module : undefined;
      if (!module || module.default || module.ErrorBoundary) return next();
      const reads = req.method === "GET" || req.method === "HEAD";
      if (reads ? module.loader : module.action) return next();
      res
        .status(405)
        .set("Allow", module.loader ? "GET, HEAD" : "POST")
        .type("text/plain; charset=utf-8")
        .send(
          module.loader
            ? "This web address is for downloading a file: it takes no form or upload. Go back to the page you came from and use its link."
            : "This web address takes a form sent from its page: it has nothing to show. Go back to the page you came from and try again.",
        );
    }, next);
  };
}

/** The build's flat route list as the nested tree Remix matches against. */
function treeOf(build: ServerBuild, parentId?: string): AgnosticRouteObject[] {
  return Object.values(build.routes)
    .filter((route) => route.parentId === parentId)
    .map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: treeOf(build, route.id),
    })) as AgnosticRouteObject[];
}
