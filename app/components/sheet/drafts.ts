import { formatTime } from "../../utils/dates";

/**
 * Unsaved sheet answers kept in this browser's localStorage, so a failed save
 * (network, expired session, conflict) never loses what was typed. A draft is
 * keyed by the signed-in user, the organisation, the month, the component and
 * the version it was typed against: another person signing in on the same
 * browser never sees it, and a draft typed against an older version is saved
 * with that version, so the server's guard shows both instead of overwriting.
 */

export type DraftValues = { status: string; opportunities: string };
export type Draft = { version: number; values: DraftValues; at: string };
export type DraftScope = {
  userId: number;
  organisationId: number;
  periodId: number;
  componentId: string;
};

const PREFIX = "anchor-draft:v1";

const scopePrefix = (s: DraftScope) =>
  `${PREFIX}:${s.userId}:${s.organisationId}:${s.periodId}:${s.componentId}:`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage disabled by policy: autosave still works, only drafts are not kept.
    return null;
  }
}

export function writeDraft(scope: DraftScope, draft: Draft) {
  const store = storage();
  if (!store) return;
  try {
    clearDraft(scope);
    store.setItem(`${scopePrefix(scope)}${draft.version}`, JSON.stringify(draft));
  } catch {
    // Full or refused: the values are still in the form.
  }
}

/** The newest draft of this component for this user, whichever version it was typed against. */
export function readDraft(scope: DraftScope): Draft | null {
  const store = storage();
  if (!store) return null;
  const prefix = scopePrefix(scope);
  let found: Draft | null = null;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(prefix)) continue;
    try {
      const draft = JSON.parse(store.getItem(key) ?? "") as Draft;
      if (
        typeof draft.version === "number" &&
        typeof draft.values?.status === "string" &&
        typeof draft.values?.opportunities === "string" &&
        (!found || draft.at > found.at)
      ) {
        found = draft;
      }
    } catch {
      store.removeItem(key);
    }
  }
  return found;
}

export function clearDraft(scope: DraftScope) {
  removeKeys(scopePrefix(scope));
}

/** On sign-out: no draft outlives the session on a shared computer. */
export function clearAllDrafts() {
  removeKeys(`${PREFIX}:`);
}

function removeKeys(prefix: string) {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

/** "10:42" in the UK, as every time the service shows. */
export function clockTime(iso: string) {
  return formatTime(iso);
}
