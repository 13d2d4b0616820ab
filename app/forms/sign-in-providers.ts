import { z } from "zod";
import { multiLineText, singleLineText } from "./fields";

/**
 * An organisation's sign-in (OpenID Connect) as an administrator sets it up.
 * The client secret is asked for when adding; on an edit, left empty, the
 * one stored stays. Tenants and domains are typed one per line or with
 * commas; at least one must be given, since an e-mail claim alone can be
 * set by anyone in any tenant of a multi-tenant provider.
 */
export const signInProviderSchema = z
  .object({
    name: singleLineText("The name", 80).pipe(
      z.string().min(1, "Enter the name people will see, like NHSmail"),
    ),
    issuer: singleLineText("The issuer", 500).pipe(z.string().min(1, "Enter the issuer's address")),
    clientId: singleLineText("The client ID", 200).pipe(z.string().min(1, "Enter the client ID")),
    clientSecret: z.string().max(500, "The client secret must be 500 characters or fewer"),
    allowedTenants: multiLineText("The tenants", 2000),
    allowedDomains: multiLineText("The e-mail domains", 2000),
  })
  .refine((v) => v.allowedTenants.trim() !== "" || v.allowedDomains.trim() !== "", {
    path: ["allowedTenants"],
    message: "Enter the tenants or the e-mail domains allowed to sign in (or both)",
  });

export type SignInProviderForm = z.infer<typeof signInProviderSchema>;
