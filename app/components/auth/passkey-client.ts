/**
 * The browser's half of passkeys: asks the server for a challenge, has the
 * browser and authenticator answer it (@simplewebauthn/browser, fetched
 * from our own bundle only when a passkey is used, so no page pays for it
 * up front and the CSP needs nothing new), and sends the answer back.
 */

type Answer = { redirectTo?: string; error?: string; errors?: Record<string, string> };

async function post(
  path: string,
  fields: Record<string, string>,
): Promise<Answer & { options?: unknown }> {
  const response = await fetch(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) {
    return { error: "You have been signed out. Sign in again, then try once more." };
  }
  // eslint-disable-next-line no-restricted-syntax -- the browser reading our JSON answer, not a request
  return (await response.json()) as Answer & { options?: unknown };
}

/** What the browser says when the person cancels, or no passkey of ours is there. */
function browserProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") {
    return "No passkey was used. Try again, or choose another way.";
  }
  if (name === "InvalidStateError") return "This passkey is already on your account.";
  return "Your browser could not use a passkey. Try again, or choose another way.";
}

export function passkeysSupported(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";
}

export async function signInWithPasskey(redirectTo: string): Promise<Answer> {
  const { startAuthentication } = await import("@simplewebauthn/browser");
  const asked = await post("/webauthn/authenticate", { intent: "options" });
  if (asked.redirectTo || asked.error) return asked;
  let response;
  try {
    response = await startAuthentication({ optionsJSON: asked.options as never });
  } catch (error) {
    return { error: browserProblem(error) };
  }
  return post("/webauthn/authenticate", {
    intent: "verify",
    response: JSON.stringify(response),
    redirectTo,
  });
}

export async function registerPasskey(name: string): Promise<Answer> {
  const { startRegistration } = await import("@simplewebauthn/browser");
  const asked = await post("/webauthn/register", { intent: "options" });
  if (asked.error) return asked;
  let response;
  try {
    response = await startRegistration({ optionsJSON: asked.options as never });
  } catch (error) {
    return { error: browserProblem(error) };
  }
  return post("/webauthn/register", { intent: "verify", name, response: JSON.stringify(response) });
}
