import { Link } from "@remix-run/react";
import { statusLabels } from "~/forms/sheet-words";

export type TaskItem = {
  id: string;
  title: string;
  path: string;
  answered: boolean;
  status: keyof typeof statusLabels;
  /** The steering group's latest word, where there is one. */
  review: "verified" | "queried" | "changed since review" | null;
};

const statusColour: Record<TaskItem["status"], string> = {
  not_started: "nhsuk-tag--grey",
  in_progress: "nhsuk-tag--blue",
  fulfilled: "nhsuk-tag--green",
};

const reviewTag: Record<NonNullable<TaskItem["review"]>, { text: string; colour: string }> = {
  verified: { text: "Verified", colour: "nhsuk-tag--green" },
  queried: { text: "Queried", colour: "nhsuk-tag--orange" },
  "changed since review": { text: "Changed since review", colour: "nhsuk-tag--grey" },
};

/** A domain's components as the NHS task list: each a link to its page, with its status tags. */
export function MonthTaskList(props: { domainNumber: number; items: TaskItem[] }) {
  return (
    <ul className="nhsuk-task-list">
      {props.items.map((item) => {
        const statusId = `task-${item.id}-status`;
        const review = item.review ? reviewTag[item.review] : null;
        return (
          <li key={item.id} className="nhsuk-task-list__item nhsuk-task-list__item--with-link">
            <div className="nhsuk-task-list__name-and-hint">
              <Link
                className="nhsuk-task-list__link nhsuk-link"
                to={item.path}
                aria-describedby={statusId}
              >
                {item.id} {item.title}
              </Link>
            </div>
            <div className="nhsuk-task-list__status" id={statusId}>
              {item.answered ? (
                <strong className={`nhsuk-tag ${statusColour[item.status]}`}>
                  {statusLabels[item.status]}
                </strong>
              ) : (
                <strong className="nhsuk-tag nhsuk-tag--white">Not answered</strong>
              )}
              {review ? (
                <>
                  {" "}
                  <strong className={`nhsuk-tag ${review.colour} app-tag-inline`}>
                    {review.text}
                  </strong>
                </>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
