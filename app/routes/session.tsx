import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getAuth, owesSecondFactor, peekAuth } from "~/auth/guards.server";
import { idleTimes } from "~/auth/idle.server";

/**
 * The idle warning's questions (issue 21, WCAG 2.2.1). GET: how long is
 * left, without counting as activity (asking must not keep a session alive).
 * POST: "Stay signed in", which is activity, and answers the time left then.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await peekAuth(request);
  if (!auth || owesSecondFactor(auth)) return Response.json({ secondsLeft: 0 });
  return Response.json(idleTimes(auth));
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await getAuth(request);
  if (!auth || owesSecondFactor(auth)) return Response.json({ secondsLeft: 0 });
  return Response.json(idleTimes(auth));
}
