/** The longest display name kept, in characters (as most file systems allow). */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * The name an uploaded file is shown and downloaded under. Real names hold
 * every printable character (quotes, `=`, `;`, accents, other scripts, emoji)
 * and those are kept; what a browser could only have sent by mistake or a
 * client by malice is not: folders in front of the name, control characters,
 * half of an emoji. A long name is shortened before its extension, which
 * says what kind of file it is.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .toWellFormed()
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned || /^\.+$/.test(cleaned)) return "document";
  const characters = [...cleaned];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? [...cleaned.slice(dot)] : [];
  const stem = characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length);
  return [...stem, ...extension].join("");
}
