import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { routeId } from "~/auth/guards.server";
import { startOrganisationSignIn } from "~/auth/oidc/flow.server";
import { readForm } from "~/http/form-body.server";
import { refusal } from "~/http/refusal";
import { safeRedirectPath } from "~/http/safe-redirect";
import { getDb } from "~/models/db.server";
import { getProvider } from "~/models/oidc-providers.server";

/** Starting is a post from the sign-in page's button; a GET here is only sent back there. */
export function loader() {
  return redirect("/sign-in");
}

/** Sends the browser to the organisation's sign-in, holding this attempt's secrets in a sealed cookie. */
export async function action({ request, params }: ActionFunctionArgs) {
  const provider = await getProvider(getDb(), { id: routeId(params.providerId) });
  if (!provider)
    throw refusal(404, "There is no such way to sign in. Go back to the sign-in page.");
  const form = await readForm(request);
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "");
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
