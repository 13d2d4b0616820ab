import type { AtRule, Plugin } from "postcss";

/**
 * Drops every `@font-face` whose font lives on another host.
 *
 * nhsuk-frontend's compiled stylesheet loads Frutiger from assets.nhs.uk.
 * Where that host is blocked, as on many NHS networks, pages waited seconds
 * for fonts that never came. Its font stack falls back to Arial, which is what
 * the design system expects without Frutiger, so the app asks no other host
 * for anything and its CSP can say `font-src 'self'`. (Compiling the design
 * system's Sass with `$nhsuk-include-font-face: false` would do the same at
 * the cost of Sass in the build.)
 */
export function ownOriginFontsOnly(): Plugin {
  return {
    postcssPlugin: "own-origin-fonts-only",
    AtRule: {
      "font-face": (rule: AtRule) => {
        let offOrigin = false;
        rule.walkDecls("src", (decl) => {
          if (/url\(\s*["']?(https?:)?\/\//i.test(decl.value)) offOrigin = true;
        });
        if (offOrigin) rule.remove();
      },
    },
  };
}
