import { z } from "zod";

/**
 * The import form: the file itself is a multipart part, read and checked on
 * the server (app/excel/template-import.server.ts); its rows are checked with
 * the sheet form's own schema, componentAnswerSchema in ./sheet.
 */
export const importSchema = z.object({ intent: z.literal("import") });

export const IMPORT_FILE_FIELD = "template";
