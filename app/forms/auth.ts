import { z } from "zod";

// One schema per form, used by the action and available to the client.
// Password rules beyond length (the common-password list) are checked on the
// server only, where the list lives.

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(320, "Email address must be 320 characters or fewer")
  .pipe(z.email("Enter an email address in the correct format, like name@example.com"));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

export const twoFactorSchema = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email });

export const PASSWORD_HINT =
  "Use 12 characters or more. A few unrelated words make a strong password that is easy to remember.";

export const newPasswordSchema = z
  .object({
    password: z
      .string()
      .min(12, "Password must be 12 characters or more")
      .max(1024, "Password must be 1,024 characters or fewer"),
    confirmPassword: z.string().min(1, "Enter your password again"),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export const recoveryCodeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.toLowerCase().replace(/[\s-]+/g, ""))
    .pipe(
      z
        .string()
        .min(1, "Enter one of your recovery codes")
        .regex(/^[a-z2-7]{24}$/, "Enter a recovery code as it was given: 24 letters and digits"),
    ),
  redirectTo: z.string().optional(),
});

const passkeyName = z
  .string()
  .trim()
  .min(1, "Give this passkey a name, like ‘Work laptop’")
  .max(60, "The name must be 60 characters or fewer");

export const passkeyNameSchema = z.object({ name: passkeyName });

export const passkeyChangeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("rename"),
    id: z.coerce.number().int().positive(),
    name: passkeyName,
  }),
  z.object({ intent: z.literal("remove"), id: z.coerce.number().int().positive() }),
]);
