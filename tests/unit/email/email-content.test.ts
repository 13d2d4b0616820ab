import { describe, expect, it } from "vitest";
import { notifyTemplateSource, personalisationKeys, renderEmail } from "~/email/content";
import { describeNotifyError } from "~/email/notify.server";

const link = "https://anchor.example.nhs.uk/invitations/mfrggzdfmztwq2lknnwg23tpobyxe43u";

describe("the invitation email", () => {
  it("greets the person, says what they were given, and carries the link and its expiry", () => {
    const { subject, body } = renderEmail("invitation", {
      name: "Priya Shah",
      link,
      role_description: "champion for Lancashire Teaching Hospitals",
      expiry: "30 November 2026",
    });
    expect(subject).toMatch(/invited/);
    expect(body).toContain("Dear Priya Shah,");
    expect(body).toContain("as champion for Lancashire Teaching Hospitals");
    expect(body).toContain(`\n\n${link}\n\n`);
    expect(body).toContain("30 November 2026");
  });

  it("cannot be sent without every field its Notify template needs", () => {
    expect(() => renderEmail("invitation", { name: "Priya Shah", link })).toThrow(
      "The invitation email needs personalisation: role_description, expiry",
    );
  });
});

describe("the reminder email", () => {
  it("names the organisation, the month and its due date, says who asked, and links to the month's sheet", () => {
    const sheet = "https://anchor.example.nhs.uk/organisations/12/periods/34";
    const { subject, body } = renderEmail("reminder", {
      name: "Priya Shah",
      organisation: "Lancaster District Council",
      period: "November 2026",
      due_date: "14 December 2026",
      link: sheet,
      sender: "Sam Taylor",
    });
    expect(body).toContain("It is due by 14 December 2026.");
    expect(body).toContain("still accepted until the month is closed, and is marked late");
    expect(subject).toBe(
      "Reminder: Lancaster District Council has not submitted its Anchor Charter return for November 2026",
    );
    expect(body).toContain("Dear Priya Shah,");
    expect(body).toContain("Sam Taylor has asked us to remind you.");
    expect(body).toContain(`\n\n${sheet}\n\n`);
  });
});

describe("the query email", () => {
  it("names who queried which component of which month, and links to the query, not the month", () => {
    const query = "https://anchor.example.nhs.uk/organisations/12/periods/34/queries/56";
    const { subject, body } = renderEmail("query", {
      name: "Priya Shah",
      organisation: "Lancaster District Council",
      period: "November 2026",
      component: "3.2 Converting and selling estate",
      reviewer: "Sam Taylor",
      link: query,
    });
    expect(subject).toBe(
      "Sam Taylor has a question about 3.2 Converting and selling estate in Lancaster District Council's return for November 2026",
    );
    expect(body).toContain("Dear Priya Shah,");
    expect(body).toContain("Sam Taylor, of the steering group, has queried the evidence for 3.2");
    expect(body).toContain("You do not need the month reopened to reply");
    expect(body).toContain(`\n\n${query}\n\n`);
  });

  it("cannot be sent without the component or who queried it", () => {
    expect(() =>
      renderEmail("query", { name: "Priya Shah", organisation: "X", period: "Y", link }),
    ).toThrow("The query email needs personalisation: component, reviewer");
  });
});

describe("the reply email, to the reviewer who asked", () => {
  it("names the champion who replied, the component and month, and links to the review page", () => {
    const review = "https://anchor.example.nhs.uk/organisations/12/periods/34/review/3.2";
    const { subject, body } = renderEmail("query_reply", {
      name: "Sam Taylor",
      organisation: "Lancaster District Council",
      period: "November 2026",
      component: "3.2 Converting and selling estate",
      champion: "Priya Shah",
      link: review,
    });
    expect(subject).toBe(
      "Priya Shah replied to your query about 3.2 Converting and selling estate in Lancaster District Council's return for November 2026",
    );
    expect(body).toContain("Dear Sam Taylor,");
    expect(body).toContain("then verify the component or query it again");
    expect(body).toContain(`\n\n${review}\n\n`);
  });
});

describe("the text to set up in GOV.UK Notify", () => {
  it.each(["invitation", "password_reset", "reminder", "query", "query_reply"] as const)(
    "uses a ((placeholder)) for each field of the %s email",
    (template) => {
      const source = notifyTemplateSource(template);
      for (const key of personalisationKeys[template]) {
        expect(source.body).toContain(`((${key}))`);
      }
      expect(source.body).toContain("((link))");
    },
  );
});

describe("what a failed send records", () => {
  const personalisation = { name: "Priya Shah", link };
  const answered = (status: number, message?: string) => ({
    response: { status, data: { errors: message ? [{ message }] : [] } },
  });

  it("keeps Notify's own words for a bad request, but not our values quoted in them", () => {
    const error = describeNotifyError(answered(400, `Bad request: ${link} is too long`), 1000, {
      personalisation,
    });
    expect(error).toBe("Bad request: [removed] is too long");
  });

  it("says which status Notify answered when it gave no words", () => {
    expect(describeNotifyError(answered(404), 1000, { personalisation })).toBe(
      "Notify rejected the email (404)",
    );
  });

  it("says Notify could not be reached when no answer came", () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED ${link}`), {
      code: "ECONNREFUSED",
    });
    expect(describeNotifyError(refused, 1000, { personalisation })).toBe("Could not reach Notify");
  });
});
