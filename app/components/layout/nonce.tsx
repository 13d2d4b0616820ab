import { createContext, type ReactNode, useContext } from "react";

// Empty in the browser: a nonce only matters in the HTML the server sends, and
// browsers hide it from the DOM once the page has loaded.
const NonceContext = createContext("");

/** Gives the components rendered for one response that response's CSP nonce. */
export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

/** The nonce every inline script in this response must carry to run. */
export function useNonce(): string {
  return useContext(NonceContext);
}
