import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { routeId } from "~/auth/guards.server";
import { startOrganisationSignIn } from "~/auth/oidc/flow.server";
import { refusal } from "~/http/refusal";
import { safeRedirectPath } from "~/http/safe-redirect";
import { getDb } from "~/models/db.server";
import { getProvider } from "~/models/oidc-providers.server";

/**
 * Sends the browser to the organisation's sign-in, holding this attempt's
 * state, nonce and PKCE verifier in a sealed cookie. A link (a GET), not a
 * form: the page's CSP allows forms to post only to us, and browsers apply
 * that to where a post redirects. It writes nothing but that cookie.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = await getProvider(getDb(), { id: routeId(params.providerId) });
  if (!provider)
    throw refusal(404, "There is no such way to sign in. Go back to the sign-in page.");
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  let started;
  try {
    started = await startOrganisationSignIn(provider, redirectTo);
  } catch (error) {
    console.warn(
      `${new Date().toISOString()} warning: organisation sign-in could not start for provider ${provider.id}: ${String((error as Error).message).slice(0, 200)}`,
    );
    throw refusal(
      503,
      `${provider.name} cannot be reached just now. Try again later, or sign in with your password.`,
    );
  }
  return redirect(started.url, { headers: { "Set-Cookie": started.cookie } });
}
