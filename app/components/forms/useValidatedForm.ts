import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { type FieldValues, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";

/**
 * Checks a form with its own zod schema in the browser before anything is
 * sent, through react-hook-form; the server checks again with the same
 * schema. The controls stay plain named inputs, so without JavaScript the
 * form posts as it is. With it, a valid form is sent by Remix as the browser
 * would have sent it (files included); an invalid one is not sent at all, and
 * the errors come back keyed by field name for the NHS error summary.
 */
export function useValidatedForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  options: {
    /** The element id of a field, when the page has several forms (defaults to the name). */
    idFor?: (field: string) => string;
    /** What the server answered to the last post: its errors and the values as typed. */
    server?: { errors?: Record<string, string>; values?: Record<string, string> };
  } = {},
) {
  const idFor = options.idFor ?? ((field: string) => field);
  const form = useForm<FieldValues>({
    // The schema's output type differs from its input (coercions): only its verdict is used here.
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() =>
      submit(element, {
        method: "post",
        encType: element.enctype as "multipart/form-data" | "application/x-www-form-urlencoded",
        action: element.getAttribute("action") ?? undefined,
      }),
    )(event);
  };
  const browserErrors: Record<string, string> = {};
  for (const [field, error] of Object.entries(form.formState.errors)) {
    if (error?.message) browserErrors[field] = String(error.message);
  }
  // The browser's verdict, once it has given one, replaces the server's older one.
  const checkedHere = Object.keys(browserErrors).length > 0;
  const errors = checkedHere ? browserErrors : (options.server?.errors ?? {});
  const values = options.server?.values ?? {};
  return {
    register: form.register,
    onSubmit,
    errors,
    /** The browser's errors for an error summary at the form, linked to the fields' ids. */
    summary: Object.fromEntries(
      Object.entries(browserErrors).map(([field, message]) => [idFor(field), message]),
    ),
    /** Everything a field component needs for one named field. */
    field: (name: string) => ({
      name,
      id: idFor(name),
      registration: form.register(name),
      defaultValue: values[name],
      error: errors[name],
    }),
  };
}
