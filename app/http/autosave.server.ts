/**
 * Autosave posts the sheet's own form data to the sheet's own action, marked
 * by `?autosave=1` on the action URL. Such a post is answered as data, never
 * a redirect: a redirect would take the person away from what they are typing.
 */
export function isAutosave(request: Request) {
  return new URL(request.url).searchParams.get("autosave") === "1";
}

export const signedOutMessage =
  "You have been signed out, so this was not saved. Your changes are kept in this browser: sign in again and come back to save them.";

/**
 * Runs a sheet action. For an autosave whose session has ended, the redirect
 * to sign in becomes the `signedOut` answer (a 401 the page shows beside the
 * form), so the typing stays where it is, and in the browser's draft.
 */
export async function answeringAutosave<T, U>(
  request: Request,
  act: () => Promise<T>,
  signedOut: () => U,
): Promise<T | U> {
  try {
    return await act();
  } catch (error) {
    const toSignIn =
      error instanceof Response &&
      error.status >= 300 &&
      error.status < 400 &&
      (error.headers.get("location") ?? "").startsWith("/sign-in");
    if (toSignIn && isAutosave(request)) return signedOut();
    throw error;
  }
}
