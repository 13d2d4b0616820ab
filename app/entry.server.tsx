import { coalescedStream } from "./http/coalesced-stream.server";
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from "@remix-run/node";
import { createReadableStreamFromReadable, redirect } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { safeRedirectPath } from "./http/safe-redirect";
import { ErrorReferenceProvider, isUnexpectedError } from "./components/layout/error-reference";
import { logUnexpectedError } from "./http/errors.server";
import { NonceProvider } from "./components/layout/nonce";

const ABORT_DELAY = 5_000;

// cspNonce and errorReference come from server/security.ts, fresh for each request.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { cspNonce, errorReference } = loadContext;
  // Bots and no-JS clients get the whole document at once; browsers stream.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={cspNonce}>
        <ErrorReferenceProvider reference={errorReference}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY}
            nonce={cspNonce}
          />
        </ErrorReferenceProvider>
      </NonceProvider>,
      {
        // React's own inline scripts, which fill in streamed parts of the page.
        nonce: cspNonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = coalescedStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject the promise above, and Remix logs them.
          if (shellRendered) {
            logUnexpectedError({ reference: errorReference, ...requestLine(request), error });
          }
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Remix calls this for every error in a loader, an action or the first render. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A browser that went away, a missing page or a refused method is no fault of the service.
  if (request.signal.aborted || !isUnexpectedError(error)) return;
  logUnexpectedError({ reference: context.errorReference, ...requestLine(request), error });
};

/**
 * A data response has no room for the reference, so a page the browser loads
 * by itself that fails on the server is loaded again as a whole document: the
 * server then renders the error page with the reference it logged. Only for
 * reads: loading again must not repeat a change.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (request.method !== "GET" || response.status < 500) return response;
  // A path of the request, so checked like any redirect target: `//host/x.data` must not leave.
  const target = safeRedirectPath(documentPath(request.url), "/");
  return redirect(target, { headers: { "X-Remix-Reload-Document": "true" } });
};

/** The page a single-fetch data URL (`/x.data`, `/_root.data` for `/`) loads data for. */
function documentPath(dataUrl: string): string {
  const url = new URL(dataUrl);
  url.pathname = url.pathname === "/_root.data" ? "/" : url.pathname.replace(/\.data$/, "");
  url.searchParams.delete("_routes");
  return url.pathname + url.search;
}

function requestLine(request: Request) {
  return { method: request.method, url: request.url };
}
