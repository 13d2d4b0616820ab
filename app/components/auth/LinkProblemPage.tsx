import { Link } from "@remix-run/react";

const explanations = {
  unknown: {
    title: "This link is not valid",
    body: "Check you copied the whole link from the email. If it still does not work, ask for a new one.",
  },
  expired: {
    title: "This link has expired",
    body: "Links work for a limited time. Ask for a new one.",
  },
  used: {
    title: "This link has already been used",
    body: "Each link works once. If you have set your password, sign in. Otherwise ask for a new link.",
  },
};

export function LinkProblemPage({
  problem,
  kind,
}: {
  problem: keyof typeof explanations;
  kind: "invitation" | "password_reset";
}) {
  const text = explanations[problem];
  return (
    <>
      <h1 className="nhsuk-heading-l">{text.title}</h1>
      <p className="nhsuk-body">{text.body}</p>
      <p className="nhsuk-body">
        {kind === "invitation" ? (
          "For a new invitation, contact the person who invited you or your place lead."
        ) : (
          <Link to="/forgot-password">Ask for a new password reset link</Link>
        )}
      </p>
      <p className="nhsuk-body">
        <Link to="/sign-in">Go to sign in</Link>
      </p>
    </>
  );
}
