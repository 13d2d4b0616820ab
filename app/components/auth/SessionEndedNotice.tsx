/**
 * Why someone is at the sign-in page when their session ended (issue 21):
 * before, a champion pressing Save after the idle limit was sent here with no
 * word of explanation, and what they had typed was gone.
 */
export function SessionEndedNotice(props: { ended: string | null; held: boolean }) {
  if (props.ended !== "idle" && props.ended !== "expired") return null;
  return (
    <div className="nhsuk-inset-text" role="status">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        {props.ended === "idle"
          ? "You were signed out because you had not used the service for a while, to keep your account safe."
          : "You were signed out because you signed in many hours ago, to keep your account safe."}
      </p>
      {props.held ? (
        <p>
          What you sent has been kept for you for 15 minutes. Sign in again to see it and save it.
        </p>
      ) : null}
    </div>
  );
}
