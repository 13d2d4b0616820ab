import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { Pagination } from "~/components/layout/Pagination";
import { isEvidenceKind } from "~/components/sheet/AddEvidenceForm";
import { ChangedSince } from "~/components/sheet/ChangedSince";
import { ComponentBlock } from "~/components/sheet/ComponentBlock";
import { ProgressionActions } from "~/components/sheet/ProgressionActions";
import { sheetClientAction, sheetShouldRevalidate } from "~/components/sheet/sheetClientAction";
import { fieldId } from "~/forms/sheet-words";
import { answeringAutosave } from "~/http/autosave.server";
import { formatDate } from "~/utils/dates";
import { requireSheetEditor, requireSheetReader } from "~/auth/guards.server";
import { loadComponentPage } from "./organisations.$organisationId_.periods.$periodId_.components.$componentId.server";
import { handleSheetPost, refuseSignedOut } from "~/sheet/post.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.component.id} ${data.component.title}, ${data.period.label}, ${data.organisation.name} – Anchor Charter`
      : "Component – Anchor Charter",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = await requireSheetReader(request, params);
  return loadComponentPage(reader, params.componentId, new URL(request.url).searchParams);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return answeringAutosave(
    request,
    async () =>
      handleSheetPost(await requireSheetEditor(request, params), request, context, {
        componentId: params.componentId ?? "",
      }),
    refuseSignedOut,
  );
}

// With JavaScript, a lost connection answers as data instead of the error page.
export const clientAction = sheetClientAction;
export const shouldRevalidate = sheetShouldRevalidate;

/** The refused post's errors, keyed by the element each should link to. */
function summaryErrors(result: ReturnType<typeof useActionData<typeof clientAction>>) {
  if (!result?.componentId) return result?.errors;
  const { componentId } = result;
  const prefixes: Record<string, string> = {
    evidence: "evidence-",
    reuse: "reuse-",
    action: "action-",
  };
  const prefix = prefixes[result.form] ?? "";
  return Object.fromEntries(
    Object.entries(result.errors).map(([field, message]) => [
      fieldId(componentId, field === "evidence" ? "evidence" : `${prefix}${field}`),
      message,
    ]),
  );
}

export default function ComponentPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof clientAction>();
  const [search] = useSearchParams();
  const location = useLocation();
  const { component } = page;
  const title = `${component.id} ${component.title}`;
  const since = page.baseline
    ? `${page.baseline.periodLabel}, submitted ${formatDate(page.baseline.submittedAt)}`
    : null;
  // After an add, the focus goes to the new item (its id is the address's fragment).
  useEffect(() => {
    const target = location.hash.slice(1);
    if (!target.includes("evidence-item-")) return;
    document.getElementById(target)?.focus();
  }, [location.key, location.hash]);
  const mine = result?.componentId === component.id ? result : undefined;
  return (
    <>
      <ErrorSummary errors={summaryErrors(mine ?? (result?.componentId ? undefined : result))} />
      <p className="nhsuk-body">
        <Link to={page.sheetPath}>Back to the month&apos;s overview</Link>
      </p>
      <h1 className="nhsuk-heading-l" id="component-title">
        <span className="nhsuk-caption-l">
          Domain {page.domain.number}: {page.domain.title} (component {page.position} of{" "}
          {page.count})
        </span>
        {title}
      </h1>
      {page.editable ? null : (
        <p className="nhsuk-body">
          {page.assessment?.status === "submitted"
            ? "This month has been submitted: you can read it."
            : "You can read this component."}
        </p>
      )}
      <ComponentBlock
        key={component.id}
        path={page.path}
        sheetPath={page.sheetPath}
        nextPath={page.nextPath}
        component={component}
        answer={page.answer}
        editable={page.editable}
        saved={search.get("saved") === component.id}
        result={mine}
        context={{
          organisationPath: `/organisations/${page.organisation.id}`,
          can: page.can,
          library: page.library,
          libraryShown: page.libraryShown,
          evidenceMaxMegabytes: page.evidenceMaxMegabytes,
        }}
        addEvidenceKind={isEvidenceKind(page.addEvidenceKind) ? page.addEvidenceKind : null}
        changed={<ChangedSince change={page.change} since={since} />}
        actions={
          <ProgressionActions
            componentId={component.id}
            title={title}
            actions={page.actions}
            editable={page.editable}
            result={mine}
          />
        }
      />
      <Pagination
        label="Components"
        previous={
          page.previous
            ? { href: page.previous.path, label: `${page.previous.id} ${page.previous.title}` }
            : null
        }
        next={
          page.next ? { href: page.next.path, label: `${page.next.id} ${page.next.title}` } : null
        }
      />
      <p className="nhsuk-body">
        <Link to={page.sheetPath}>Back to the month&apos;s overview</Link>
      </p>
    </>
  );
}
