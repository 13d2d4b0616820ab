import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { type ClientActionFunctionArgs, Form } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { recordAudit } from "~/models/audit.server";
import { endSession, getAuth } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { clearAllDrafts } from "~/components/sheet/drafts";
import { clientIp } from "~/http/request.server";

export const meta: MetaFunction = () => [{ title: "Sign out – Anchor Charter" }];

// GET only asks: signing out changes state, so it happens on POST.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getAuth(request))) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await getAuth(request);
  if (auth) {
    await recordAudit(getDb(), {
      actorUserId: auth.user.id,
      action: "sign_out",
      ip: clientIp(context),
      now: new Date(),
    });
  }
  return redirect("/", { headers: { "Set-Cookie": await endSession(auth) } });
}

// Unsaved sheet drafts stay in the browser only while their author is signed in.
export async function clientAction({ serverAction }: ClientActionFunctionArgs) {
  clearAllDrafts();
  return serverAction();
}

export default function SignOut() {
  return (
    <>
      <h1 className="nhsuk-heading-l">Sign out</h1>
      <Form method="post">
        <SubmitButton>Sign out</SubmitButton>
      </Form>
    </>
  );
}
