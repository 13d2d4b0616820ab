export type QueryReplyView = {
  id: number;
  body: string;
  authorName: string;
  at: string;
  evidence: { title: string; kind: string; detail: string | null; href: string | null } | null;
};

/** The champions' replies to one query, oldest first, each with the evidence it brought. */
export function QueryReplies(props: { replies: QueryReplyView[]; headingLevel?: 2 | 3 }) {
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  if (!props.replies.length) {
    return (
      <>
        <Heading className="nhsuk-heading-m">Replies</Heading>
        <p className="nhsuk-body">No one has replied to this query yet.</p>
      </>
    );
  }
  return (
    <>
      <Heading className="nhsuk-heading-m">Replies</Heading>
      <ol className="nhsuk-list app-query-replies">
        {props.replies.map((reply) => (
          <li key={reply.id} id={`reply-${reply.id}`} className="nhsuk-inset-text">
            <p className="nhsuk-body-s">
              <strong>{reply.authorName}</strong> replied on {reply.at}
            </p>
            <p className="nhsuk-body app-wrap-anywhere app-pre-line">{reply.body}</p>
            {reply.evidence ? (
              <p className="nhsuk-body">
                New evidence: {reply.evidence.title}
                {reply.evidence.detail ? (
                  <span className="app-wrap-anywhere"> ({reply.evidence.detail})</span>
                ) : null}
                {reply.evidence.href ? (
                  <>
                    {" "}
                    <a href={reply.evidence.href}>
                      {reply.evidence.kind === "file" ? "Download" : "Open"}
                      <span className="nhsuk-u-visually-hidden"> {reply.evidence.title}</span>
                    </a>
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
