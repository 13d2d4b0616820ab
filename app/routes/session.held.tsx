import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { homePathFor, requireUser } from "~/auth/guards.server";
import { readForm } from "~/http/form-body.server";
import { getDb } from "~/models/db.server";
import { heldPostsOf, releaseHeldPost } from "~/models/held-posts.server";
import { formatTime } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "What you sent before you were signed out – Anchor Charter" },
];

/** Fields that only carry the form's workings, not what the person typed. */
const WORKINGS = /^(intent|version|redirectTo|_action|id|.*Id)$/;

/**
 * A form the person sent after their session had ended, held for them
 * (issue 21), shown back once they signed in again: "Send it again" posts
 * the very same fields to the very same address, so it meets the same
 * validation and version check (a newer save by someone else is shown side
 * by side, as ever); "Discard" drops it. Nothing is replayed unseen.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const [held] = await heldPostsOf(getDb(), { userId: auth.user.id, now: new Date() });
  if (!held) throw redirect(homePathFor(auth));
  const fields = JSON.parse(held.fields) as Array<[string, string]>;
  const separator = held.path.includes("?") ? "&" : "?";
  return {
    id: held.id,
    sentAt: formatTime(held.created_at),
    action: `${held.path}${separator}heldPost=${held.id}`,
    page: held.path.split("?")[0] ?? held.path,
    fields,
    typed: fields.filter(([name, value]) => !WORKINGS.test(name) && value.trim() !== ""),
    filesLeftOut: held.files_left_out,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const form = z.object({ id: z.coerce.number().int().positive() }).safeParse({
    id: (await readForm(request)).get("id"),
  });
  if (form.success) await releaseHeldPost(getDb(), { userId: auth.user.id, id: form.data.id });
  return redirect("/session/held");
}

const label = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export default function HeldPost() {
  const held = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">What you sent before you were signed out</h1>
        <p className="nhsuk-body">
          At {held.sentAt} you sent a form, but you had been signed out, so it was not saved. It has
          been kept for you. Check it, then send it again or discard it.
        </p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Page</dt>
            <dd className="nhsuk-summary-list__value">
              <a href={held.page}>{held.page}</a>
            </dd>
          </div>
          {held.typed.map(([name, value], index) => (
            <div className="nhsuk-summary-list__row" key={`${name}-${index}`}>
              <dt className="nhsuk-summary-list__key">{label(name)}</dt>
              <dd className="nhsuk-summary-list__value app-held-value">{value}</dd>
            </div>
          ))}
        </dl>
        {held.filesLeftOut ? (
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Choose your file again
              </span>
            </h2>
            <p>Files are not kept. After sending this, add the file again on its page.</p>
          </div>
        ) : null}
        <p className="nhsuk-body">
          If someone else has saved the same page since, you will see both versions and choose.
        </p>
        <Form method="post" action={held.action} reloadDocument>
          {held.fields.map(([name, value], index) => (
            <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
          ))}
          <SubmitButton>Send it again</SubmitButton>
        </Form>
        <Form method="post">
          <input type="hidden" name="id" value={held.id} />
          <SubmitButton secondary>Discard it</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
