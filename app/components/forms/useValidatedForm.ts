import { useSubmit } from "@remix-run/react";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import { type FieldErrors, parseForm } from "~/forms/parse";

/** A form's schema, or a way to fetch it when the form is first used (see below). */
export type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

/** What a field needs to be checked here: its name (the controls stay plain named inputs). */
export type FieldRegistration = { name: string };

const isSchema = <S extends z.ZodType>(source: SchemaSource<S>): source is S =>
  typeof source === "object" && "safeParse" in source;

/**
 * Checks a form in the browser before anything is sent, with the form's own
 * zod schema read exactly as the server reads it (`parseForm` over the form's
 * FormData), so the two never disagree on what is valid. The controls stay
 * plain named inputs: without JavaScript the form posts as it is and the
 * server answers with the same messages. With it, a valid form is sent by
 * Remix as the browser would have sent it (files included); an invalid one is
 * not sent, and the errors come back keyed by field name for the NHS error
 * summary.
 *
 * The schema may be given as a function that imports it: the reporting sheet's
 * pages keep zod out of their up-front JavaScript (ADR 031's 100 KB budget)
 * and fetch it when the form is first focused (`prefetch`) or sent. If it
 * cannot be fetched (the connection dropped), the form is sent unchecked and
 * the server checks it, as it always does.
 */
export function useValidatedForm<S extends z.ZodType>(
  source: SchemaSource<S>,
  options: {
    /** The element id of a field, when the page has several forms (defaults to the name). */
    idFor?: (field: string) => string;
    /** What the server answered to the last post: its errors and the values as typed. */
    server?: { errors?: Record<string, string>; values?: Record<string, string> };
  } = {},
) {
  const idFor = options.idFor ?? ((field: string) => field);
  const [browserErrors, setBrowserErrors] = useState<FieldErrors>({});
  const schema = useRef<Promise<S | null>>();
  const load = () =>
    (schema.current ??= isSchema(source)
      ? Promise.resolve(source)
      : source().catch(() => {
          // Try again next time; meanwhile the server's check stands alone.
          schema.current = undefined;
          return null;
        }));
  const submit = useSubmit();
  // A form with several submit buttons (Verify, Query) sends the one pressed, as a browser would.
  const send = (element: HTMLFormElement, submitter: HTMLButtonElement | null) =>
    submit(submitter ?? element, {
      method: "post",
      encType: element.enctype as "multipart/form-data" | "application/x-www-form-urlencoded",
      action: element.getAttribute("action") ?? undefined,
    });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const pressed = (event.nativeEvent as SubmitEvent).submitter;
    const submitter = pressed instanceof HTMLButtonElement && pressed.name ? pressed : null;
    void load().then((loaded) => {
      const verdict = loaded ? parseForm(loaded, new FormData(element, submitter)) : null;
      if (verdict && !verdict.success) {
        setBrowserErrors(verdict.errors);
        return;
      }
      setBrowserErrors({});
      send(element, submitter);
    });
  };
  // The browser's verdict, once it has given one, replaces the server's older one.
  const checkedHere = Object.keys(browserErrors).length > 0;
  const errors = checkedHere ? browserErrors : (options.server?.errors ?? {});
  const values = options.server?.values ?? {};
  const register = (name: string): FieldRegistration => ({ name });
  return {
    register,
    onSubmit,
    /** For the form's onFocus: fetch the schema while the person types, not when they send. */
    prefetch: () => void load(),
    errors,
    /** The browser's errors for an error summary at the form, linked to the fields' ids. */
    summary: Object.fromEntries(
      Object.entries(browserErrors).map(([field, message]) => [idFor(field), message]),
    ),
    /** Everything a field component needs for one named field. */
    field: (name: string) => ({
      name,
      id: idFor(name),
      registration: register(name),
      defaultValue: values[name],
      error: errors[name],
    }),
  };
}
