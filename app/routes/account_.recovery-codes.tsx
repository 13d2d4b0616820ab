import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SubmitButton } from "~/components/forms/SubmitButton";
import { hasSecondFactor, homePathFor, requireUser } from "~/auth/guards.server";
import { issueRecoveryCodes } from "~/auth/recovery-codes.server";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/models/db.server";
import { unusedRecoveryCodes } from "~/models/recovery-codes.server";
import { clientIp } from "~/http/request.server";

export const meta: MetaFunction = () => [{ title: "Recovery codes – Anchor Charter" }];

/**
 * Recovery codes: made on a post and shown in its answer, once; only their
 * hashes are kept, so they can never be shown again (a new set replaces
 * them). Only for someone with a second factor, whom they stand in for.
 */
async function requireFactorHolder(request: Request) {
  const auth = await requireUser(request, { allowSecondFactorSetup: true });
  if (!hasSecondFactor(auth)) throw redirect("/account/two-factor?required=1");
  return auth;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireFactorHolder(request);
  return {
    unused: await unusedRecoveryCodes(getDb(), { userId: auth.user.id }),
    home: homePathFor(auth),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireFactorHolder(request);
  const now = new Date();
  const codes = await issueRecoveryCodes({ userId: auth.user.id, now });
  await recordAudit(getDb(), {
    actorUserId: auth.user.id,
    action: "recovery_codes.created",
    ip: clientIp(context),
    now,
  });
  return { codes };
}

export default function RecoveryCodes() {
  const { unused, home } = useLoaderData<typeof loader>();
  const made = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (made) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">Your recovery codes</h1>
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>Save these now
              </span>
            </h2>
            <p>
              They will not be shown again. Keep them somewhere safe, away from your phone: a
              password manager, or printed and locked away. Each code works once. Any earlier codes
              no longer work.
            </p>
          </div>
          <ol className="nhsuk-list nhsuk-list--number app-recovery-codes">
            {made.codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <a className="nhsuk-button" href={home}>
            I have saved my recovery codes
          </a>
        </div>
      </div>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Recovery codes</h1>
        {params.get("new") ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Your second factor is set up. Now make your recovery codes.</p>
          </div>
        ) : null}
        <p className="nhsuk-body">
          If you lose your phone or passkey, a recovery code lets you sign in once, so you can set
          up a new one. Without one, an administrator has to reset your second factor.
        </p>
        <p className="nhsuk-body">You have {unused} unused recovery codes.</p>
        <Form method="post">
          <SubmitButton>
            {unused ? "Replace my recovery codes" : "Make my recovery codes"}
          </SubmitButton>
        </Form>
        <p className="nhsuk-body">
          <Link to="/account/two-factor">Back to your second factor</Link>
        </p>
      </div>
    </div>
  );
}
