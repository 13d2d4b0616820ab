import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GrantFields } from "~/components/admin/GrantFields";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { TextField } from "~/components/forms/TextField";
import { inviteSchema } from "~/forms/admin";
import { recordAudit } from "~/models/audit.server";
import { createUser, findUserByEmail, grantRole } from "~/models/users.server";
import { requirePeopleManager } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { authoriseGrant } from "~/admin/grant-check.server";
import { sendInvitation } from "~/auth/invitations.server";
import { grantChoices } from "~/admin/people.server";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Invite someone – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return grantChoices(await requirePeopleManager(request));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requirePeopleManager(request);
  const form = parseForm(inviteSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors, form.values);
  const grant = await authoriseGrant(auth, form.data);
  const db = getDb();
  if (await findUserByEmail(db, { email: form.data.email })) {
    return formErrors(
      { email: "Someone with this email address already has an account" },
      form.values,
    );
  }
  const ip = clientIp(context);
  const user = await db.transaction().execute(async (trx) => {
    const created = await createUser(trx, { email: form.data.email, name: form.data.name });
    await grantRole(trx, { userId: created.id, ...grant });
    return created;
  });
  await recordAudit(db, {
    actorUserId: auth.user.id,
    action: "role.granted",
    targetType: "user",
    targetId: user.id,
    detail: grant,
    system: grant,
    ip,
    now: new Date(),
  });
  const sent = await sendInvitation({ userId: user.id, invitedBy: auth.user.id, ip });
  return redirect(`/admin/people/${user.id}?invitation=${sent.status}`);
}

export default function Invite() {
  const choices = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={result?.errors} />
        <h1 className="nhsuk-heading-l">Invite someone</h1>
        <p className="nhsuk-body">
          They will get an email with a link to set their password. The link works for 7 days.
        </p>
        <Form method="post" noValidate>
          <TextField
            name="name"
            label="Full name"
            autoComplete="off"
            defaultValue={result?.values?.name}
            error={result?.errors?.name}
          />
          <TextField
            name="email"
            label="Email address"
            type="email"
            spellCheck={false}
            autoComplete="off"
            defaultValue={result?.values?.email}
            error={result?.errors?.email}
          />
          <GrantFields {...choices} values={result?.values} errors={result?.errors} />
          <SubmitButton>Send invitation</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
