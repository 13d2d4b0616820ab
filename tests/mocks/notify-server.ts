import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";
import { fakeNotifyApiKey, fakeNotifyTemplates, handlers as notifyHandlers } from "./notify";

/**
 * The msw Notify handlers behind a real HTTP port, for an app running in
 * another process (msw intercepts only its own process): the app is pointed
 * at it with NOTIFY_BASE_URL, and every email it sends lands in
 * `notifyRequests` as it would in-process.
 */
export async function serveNotifyMock(initial: RequestHandler[] = notifyHandlers) {
  let handlers = [...initial];
  const server = createServer(async (incoming, outgoing) => {
    const response =
      (await getResponse(handlers, await asRequest(incoming))) ??
      new Response("No handler", { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** Answers with these handlers first, as msw's server.use does, until reset. */
    use: (...overrides: RequestHandler[]) => {
      handlers = [...overrides, ...handlers];
    },
    reset: () => {
      handlers = [...initial];
    },
    /** What the app needs in its environment to send through this mock. */
    env: {
      NOTIFY_API_KEY: fakeNotifyApiKey,
      NOTIFY_BASE_URL: url,
      NOTIFY_TEMPLATE_INVITATION: fakeNotifyTemplates.invitation,
      NOTIFY_TEMPLATE_PASSWORD_RESET: fakeNotifyTemplates.password_reset,
      NOTIFY_TEMPLATE_REMINDER: fakeNotifyTemplates.reminder,
      NOTIFY_TEMPLATE_QUERY: fakeNotifyTemplates.query,
      NOTIFY_TEMPLATE_QUERY_REPLY: fakeNotifyTemplates.query_reply,
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function asRequest(incoming: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const body = Buffer.concat(chunks);
  return new Request(`http://${incoming.headers.host ?? "127.0.0.1"}${incoming.url ?? "/"}`, {
    method: incoming.method,
    headers,
    body: body.length ? body : undefined,
  });
}
