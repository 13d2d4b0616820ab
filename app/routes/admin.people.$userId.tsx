import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { personActionSchema } from "~/forms/admin";
import { type AuditSystem, recordAudit } from "~/models/audit.server";
import { latestMessageForUser } from "~/models/messages.server";
import {
  getUserById,
  listGrants,
  resetSecondFactor,
  revokeRole,
  roleLabel,
  setDeactivated,
} from "~/models/users.server";
import { countPasskeys } from "~/models/passkeys.server";
import { TextArea } from "~/components/forms/TextArea";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { forbidden, notFound, requirePeopleManager, routeId } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formErrors } from "~/http/form-errors.server";
import { parseForm } from "~/forms/parse";
import { sendInvitation } from "~/auth/invitations.server";
import { grantsInReach, personAccess } from "~/admin/people.server";
import { clientIp } from "~/http/request.server";
import { readForm } from "~/http/form-body.server";

export const meta: MetaFunction = () => [{ title: "Person – Anchor Charter" }];

async function requirePerson(request: Request, userId: string | undefined) {
  const auth = await requirePeopleManager(request);
  const db = getDb();
  const person = await getUserById(db, { id: routeId(userId) });
  if (!person) notFound();
  const allGrants = await listGrants(db, { userId: person.id });
  const access = await personAccess(auth, allGrants);
  if (!access) notFound();
  return { auth, person, grants: grantsInReach(auth, allGrants, access), access };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { auth, person, grants, access } = await requirePerson(request, params.userId);
  const invitation = await latestMessageForUser(getDb(), {
    userId: person.id,
    template: "invitation",
  });
  return {
    person: { name: person.name, email: person.email },
    isSelf: person.id === auth.user.id,
    full: access === "full",
    deactivated: person.deactivated_at !== null,
    invited: person.password_hash === null,
    invitation: invitation
      ? { status: invitation.status, error: invitation.error, at: invitation.created_at }
      : null,
    roles: grants.map((g) => ({ id: g.id, text: `${roleLabel(g.role)}: ${g.scopeName}` })),
    secondFactor: {
      app: person.totp_enabled_at !== null,
      passkeys: await countPasskeys(getDb(), { userId: person.id }),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, person, grants, access } = await requirePerson(request, params.userId);
  const form = parseForm(personActionSchema, await readForm(request));
  if (!form.success) return formErrors(form.errors);
  const db = getDb();
  const ip = clientIp(context);
  const now = new Date();
  const audit = (
    action: Parameters<typeof recordAudit>[1]["action"],
    detail?: Record<string, unknown>,
    system?: AuditSystem,
  ) =>
    recordAudit(db, {
      actorUserId: auth.user.id,
      action,
      targetType: "user",
      targetId: person.id,
      detail,
      ip,
      now,
      system,
    });
  const intent = form.data.intent;
  if (intent === "resend") {
    if (person.password_hash !== null || person.deactivated_at)
      forbidden("They have already accepted.");
    const sent = await sendInvitation({ userId: person.id, invitedBy: auth.user.id, ip });
    return redirect(`/admin/people/${person.id}?invitation=${sent.status}`);
  }
  // Everything else is for administrators, and nobody locks themselves out.
  if (access !== "full" || person.id === auth.user.id) forbidden();
  if (form.data.intent === "reset-second-factor") {
    await resetSecondFactor(db, { userId: person.id });
    await audit("second_factor.reset", { reason: form.data.reason });
    return redirect(`/admin/people/${person.id}?reset=1`);
  }
  if (intent === "deactivate" || intent === "reactivate") {
    await setDeactivated(db, {
      userId: person.id,
      at: intent === "deactivate" ? now.toISOString() : null,
    });
    await audit(intent === "deactivate" ? "user.deactivated" : "user.reactivated");
  } else {
    const grantId = form.data.intent === "revoke" ? form.data.grantId : 0;
    const grant = grants.find((g) => g.id === grantId);
    if (!grant) notFound();
    await revokeRole(db, { userId: person.id, grantId: grant.id });
    await audit(
      "role.revoked",
      { role: grant.role, scope: grant.scopeName },
      { systemId: grant.systemId },
    );
  }
  return redirect(`/admin/people/${person.id}`);
}

const invitationText = {
  sent: "Invitation sent",
  outbox: "Invitation placed in the email outbox (no email service is configured)",
  failed: "The invitation could not be sent",
  pending: "Invitation being sent",
} as const;

export default function Person() {
  const p = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : undefined;
  const [params] = useSearchParams();
  // Only the keys of our own table: `?invitation=constructor` must not reach Object's prototype.
  const sent = params.get("invitation");
  const justSent =
    sent && Object.hasOwn(invitationText, sent) ? (sent as keyof typeof invitationText) : null;
  const factors = [
    p.secondFactor.app ? "authenticator app" : null,
    p.secondFactor.passkeys
      ? `${p.secondFactor.passkeys} passkey${p.secondFactor.passkeys === 1 ? "" : "s"}`
      : null,
  ].filter(Boolean);
  return (
    <>
      <ErrorSummary errors={errors} />
      {params.get("reset") ? (
        <div className="nhsuk-inset-text" role="status">
          <p>
            Their second factor has been reset and they have been signed out everywhere. They will
            set up a new one when they next sign in.
          </p>
        </div>
      ) : null}
      {justSent ? (
        <div
          className={justSent === "failed" ? "nhsuk-warning-callout" : "nhsuk-inset-text"}
          role="status"
        >
          <p>{invitationText[justSent]}.</p>
        </div>
      ) : null}
      <h1 className="nhsuk-heading-l">{p.person.name}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Email address</dt>
          <dd className="nhsuk-summary-list__value">{p.person.email}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            {p.deactivated ? "Deactivated" : p.invited ? "Invited, not yet accepted" : "Active"}
          </dd>
        </div>
        {p.invited && p.invitation ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Latest invitation</dt>
            <dd className="nhsuk-summary-list__value">
              {invitationText[p.invitation.status]}
              {p.invitation.error ? `: ${p.invitation.error}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      {p.invited && !p.deactivated ? (
        <Form method="post">
          <input type="hidden" name="intent" value="resend" />
          <SubmitButton secondary>Send the invitation again</SubmitButton>
        </Form>
      ) : null}
      <h2 className="nhsuk-heading-m">Roles</h2>
      <ul className="nhsuk-list">
        {p.roles.map((role) => (
          <li key={role.id}>
            {role.text}
            {p.full && !p.isSelf ? (
              <Form method="post" className="app-inline-form">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="grantId" value={role.id} />
                <button type="submit" className="app-link-button">
                  Remove<span className="nhsuk-u-visually-hidden"> role {role.text}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 className="nhsuk-heading-m">Second factor</h2>
      <p className="nhsuk-body">
        {factors.length ? `Set up: ${factors.join(" and ")}.` : "Not set up yet."}
      </p>
      {p.full && !p.isSelf && factors.length ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="reset-second-factor" />
          <TextArea
            name="reason"
            label="Reset their second factor"
            hint="Only when they have lost their phone or passkey and their recovery codes, and you have confirmed it is them (for example on a video call). Say how, for the audit log. They will be signed out everywhere."
            error={errors?.reason}
            rows={3}
          />
          <SubmitButton warning>Reset second factor</SubmitButton>
        </Form>
      ) : null}
      {p.full && !p.isSelf ? (
        <Form method="post">
          <input type="hidden" name="intent" value={p.deactivated ? "reactivate" : "deactivate"} />
          <SubmitButton warning={!p.deactivated} secondary={p.deactivated}>
            {p.deactivated ? "Reactivate" : "Deactivate and sign out everywhere"}
          </SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
