import { useCallback, useEffect, useRef, useState } from "react";
import { useLocation } from "@remix-run/react";

export type IdleTimes = { secondsLeft: number; warnSeconds: number; idleMinutes: number };

/**
 * Warns before the idle limit signs someone out, with a way to stay signed
 * in (WCAG 2.2.1, issue 21). With JavaScript: a dialog, announced by screen
 * readers as it opens and each minute after, with "Stay signed in" and
 * "Sign out". Without: a bar that the stylesheet /session/idle.css reveals at
 * the warning time, whose link opens /session/stay in a new tab (keeping the
 * session without leaving the typing), and that says when the session has
 * ended that a save is still kept for the person (it is held, server-side).
 */
export function IdleWarning({ idle }: { idle: IdleTimes }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <IdleDialog idle={idle} /> : <StaticIdleWarning idle={idle} />;
}

function StaticIdleWarning({ idle }: { idle: IdleTimes }) {
  const warnAfter = Math.max(0, idle.secondsLeft - idle.warnSeconds);
  return (
    <div className="app-idle app-idle--static">
      <link rel="stylesheet" href={`/session/idle.css?warn=${warnAfter}&end=${idle.secondsLeft}`} />
      <div className="app-idle__warning" role="alert">
        <div className="app-idle__still">
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">You will be signed out soon</h2>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            For your security you will be signed out after {idle.idleMinutes} minutes without using
            the service.{" "}
            <a href="/session/stay" target="_blank" rel="noopener">
              Stay signed in (opens in a new tab)
            </a>
          </p>
        </div>
        <div className="app-idle__ended">
          <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">You have been signed out</h2>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
            If you save now, what you typed is kept for you for 15 minutes while you sign in again.
          </p>
        </div>
      </div>
    </div>
  );
}

function inWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const m = minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const s = rest === 1 ? "1 second" : `${rest} seconds`;
  if (minutes === 0) return s;
  return rest === 0 ? m : `${m} ${s}`;
}

/** Minutes while there are some, then 30 seconds: often enough to hear, not every second. */
function announcementFor(seconds: number): string {
  if (seconds <= 0) return "You have been signed out.";
  if (seconds > 60) return `You will be signed out in ${Math.ceil(seconds / 60)} minutes.`;
  return seconds > 30
    ? "You will be signed out in 1 minute."
    : "You will be signed out in 30 seconds.";
}

async function askTime(method: "GET" | "POST"): Promise<number | null> {
  try {
    const response = await fetch("/session", {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      ...(method === "POST" ? { body: new URLSearchParams() } : {}),
    });
    // eslint-disable-next-line no-restricted-syntax -- the browser reading our JSON answer, not a request
    const answer = (await response.json()) as { secondsLeft?: number };
    return typeof answer.secondsLeft === "number" ? answer.secondsLeft : null;
  } catch {
    return null;
  }
}

function IdleDialog({ idle }: { idle: IdleTimes }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const location = useLocation();
  const [deadline, setDeadline] = useState(() => Date.now() + idle.secondsLeft * 1000);
  const [left, setLeft] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  // Moving to another page is activity: the server's count starts again.
  useEffect(() => {
    setDeadline(Date.now() + idle.secondsLeft * 1000);
  }, [location.key, idle.secondsLeft]);

  const open = useCallback(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  // At the warning time, ask the server first: another tab, or an autosave, may have kept it alive.
  useEffect(() => {
    const wait = Math.max(0, deadline - idle.warnSeconds * 1000 - Date.now());
    const timer = window.setTimeout(async () => {
      const real = await askTime("GET");
      if (real !== null && real > idle.warnSeconds + 5) {
        setDeadline(Date.now() + real * 1000);
        return;
      }
      const seconds = real ?? Math.round((deadline - Date.now()) / 1000);
      setDeadline(Date.now() + seconds * 1000);
      setLeft(seconds);
      setAnnouncement(announcementFor(seconds));
      open();
    }, wait);
    return () => window.clearTimeout(timer);
  }, [deadline, idle.warnSeconds, open]);

  // Once shown, count down each second; say it aloud only at the minutes and 30 seconds.
  useEffect(() => {
    if (left === null || left <= 0) return;
    const timer = window.setTimeout(() => {
      const next = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      setLeft(next);
      const spoken = announcementFor(next);
      setAnnouncement((previous) => (spoken !== previous ? spoken : previous));
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [left, deadline]);

  const stay = async () => {
    const real = await askTime("POST");
    if (real === null || real <= 0) {
      setLeft(0);
      setAnnouncement(announcementFor(0));
      return;
    }
    setLeft(null);
    setDeadline(Date.now() + real * 1000);
    dialog.current?.close();
  };

  const ended = left !== null && left <= 0;
  const here = location.pathname + location.search;
  return (
    <dialog
      ref={dialog}
      className="app-idle-dialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      onCancel={(event) => {
        // Escape means "not now": the same as staying signed in, while there is time.
        event.preventDefault();
        if (!ended) void stay();
      }}
    >
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {ended ? (
        <>
          <h2 className="nhsuk-heading-m" id="idle-title">
            You have been signed out
          </h2>
          <p className="nhsuk-body" id="idle-text">
            What you typed is still on this page. Sign in again in a new tab, then come back here
            and save.
          </p>
          <a
            className="nhsuk-button"
            href={`/sign-in?redirectTo=${encodeURIComponent(here)}`}
            target="_blank"
            rel="noopener"
          >
            Sign in again (opens in a new tab)
          </a>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => dialog.current?.close()}
          >
            Close
          </button>
        </>
      ) : (
        <>
          <h2 className="nhsuk-heading-m" id="idle-title">
            You will be signed out soon
          </h2>
          <p className="nhsuk-body" id="idle-text">
            For your security, you will be signed out in{" "}
            <strong className="app-idle-dialog__time">{inWords(left ?? 0)}</strong> if you do
            nothing. Anything you have not saved stays on this page.
          </p>
          <button type="button" className="nhsuk-button" onClick={() => void stay()}>
            Stay signed in
          </button>
          <form method="post" action="/sign-out" className="app-inline-form">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Sign out
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
