import { adminSystemIds } from "~/access/policy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listMessages } from "~/models/messages.server";
import { requireAdmin } from "~/auth/guards.server";
import { getDb } from "~/models/db.server";
import { formatDateTime } from "~/utils/dates";
import { appConfig } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Email outbox – Anchor Charter" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { auth } = await requireAdmin(request);
  const messages = await listMessages(getDb(), {
    systemIds: adminSystemIds(auth.principal),
    limit: 100,
    status: "outbox",
  });
  return {
    notifyConfigured: appConfig().notify.apiKey !== null,
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to_email,
      template: m.template,
      at: formatDateTime(m.created_at),
      body: m.outbox_body ?? "",
    })),
  };
}

export default function Outbox() {
  const { messages, notifyConfigured } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="nhsuk-heading-l">Email outbox</h1>
      <p className="nhsuk-body">
        {notifyConfigured
          ? "GOV.UK Notify is configured: emails are sent, and only ones kept from before appear here."
          : "No GOV.UK Notify key is configured, so emails are kept here instead of being sent. Newest first."}
      </p>
      {messages.length === 0 ? (
        <p className="nhsuk-body">The outbox is empty.</p>
      ) : (
        messages.map((m) => (
          <section className="nhsuk-card" key={m.id} aria-labelledby={`message-${m.id}`}>
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-s" id={`message-${m.id}`}>
                To {m.to} <span className="nhsuk-caption-m">{m.at}</span>
              </h2>
              <pre className="app-email-body">{m.body}</pre>
            </div>
          </section>
        ))
      )}
    </>
  );
}
