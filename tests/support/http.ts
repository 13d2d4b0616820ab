import { openSql } from "../setup/database";

/** A tiny HTTP client for the running app: cookies by hand, redirects not followed. */
export type Visitor = { cookie: string | null };

export async function visit(
  baseUrl: string,
  path: string,
  options: {
    visitor?: Visitor;
    method?: "GET" | "POST";
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.visitor?.cookie) headers.cookie = options.visitor.cookie;
  let body: URLSearchParams | undefined;
  if (options.method === "POST") {
    body = new URLSearchParams(options.form ?? {});
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers.origin ??= baseUrl;
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? "GET",
    headers,
    body,
    redirect: "manual",
  });
  const setCookie = response.headers.get("set-cookie");
  if (options.visitor && setCookie) {
    const pair = setCookie.split(";")[0] ?? "";
    options.visitor.cookie = /=$/.test(pair) || /max-age=0/i.test(setCookie) ? null : pair;
  }
  return response;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Visitor> {
  const visitor: Visitor = { cookie: null };
  const response = await visit(baseUrl, "/sign-in", {
    visitor,
    method: "POST",
    form: { email, password },
  });
  if (response.status !== 302 || !visitor.cookie) {
    throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  }
  return visitor;
}

/** Reads ids from the app's database, so tests can name things instead of guessing ids. */
export function lookup(databaseUrl: string) {
  const db = openSql(databaseUrl);
  return {
    ...db,
    organisationId: async (name: string) =>
      (await db.one<{ id: number }>("select id from organisation where name = ?", name)).id,
    placeId: async (name: string) =>
      (await db.one<{ id: number }>("select id from place where name = ?", name)).id,
    userId: async (email: string) =>
      (await db.one<{ id: number }>("select id from app_user where email = ?", email)).id,
    row: db.one,
  };
}
