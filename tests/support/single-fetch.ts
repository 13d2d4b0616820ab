import { decode } from "turbo-stream";

/**
 * The data of a single-fetch answer (`….data` URLs), decoded from Remix's
 * stream as the browser does; undefined for an empty body.
 */
export async function singleFetchData<T>(response: Response): Promise<T | undefined> {
  if (!response.body) return undefined;
  const decoded = await decode(response.body);
  await decoded.done;
  return (decoded.value as { data?: T } | undefined)?.data;
}
