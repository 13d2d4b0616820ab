import { getDb } from "../models/db.server";
import { heldPostsOf, holdPostFor } from "../models/held-posts.server";
import { readForm } from "../http/form-body.server";

/**
 * A form posted after its sender's session ended is not lost (issue 21):
 * what it carried is held for that person for HELD_MINUTES, then shown back
 * once they have signed in again, to send through the very same action (so
 * through its validation and its version check) or to discard.
 */
export const HELD_MINUTES = 15;

/** Fields never held: a code or password is worth nothing later, and must not sit in a table. */
const SECRET_FIELD = /password|code|token|secret/i;

/**
 * Holds what the request carried for `userId`. False when there is nothing
 * worth holding (no text fields) or the body is not a readable form; files
 * are left out and counted, so the page can say to choose them again.
 */
export async function holdPost(request: Request, args: { userId: number }): Promise<boolean> {
  let form: FormData;
  try {
    form = await readForm(request);
  } catch {
    return false;
  }
  const fields: Array<[string, string]> = [];
  let filesLeftOut = 0;
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") {
      if (value.size > 0) filesLeftOut += 1;
      continue;
    }
    if (SECRET_FIELD.test(name)) continue;
    fields.push([name, value]);
  }
  if (!fields.some(([, value]) => value.trim() !== "")) return false;
  const url = new URL(request.url);
  await holdPostFor(getDb(), {
    userId: args.userId,
    path: url.pathname + url.search,
    fields,
    filesLeftOut,
    now: new Date(),
    minutes: HELD_MINUTES,
  });
  return true;
}

/** Where someone goes once signed in: to what was held for them first, if anything is. */
export async function destinationAfterSignIn(args: {
  userId: number;
  destination: string;
}): Promise<string> {
  const held = await heldPostsOf(getDb(), { userId: args.userId, now: new Date() });
  return held.length > 0 ? "/session/held" : args.destination;
}
