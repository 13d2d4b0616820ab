/**
 * The sheet as an Excel workbook, and for its champions the way to fill it in
 * offline (ADR 030). One block of its own, so the sheet's layout can move it.
 */
export function ExcelLinks(props: { path: string; periodLabel: string; canImport: boolean }) {
  return (
    <p className="nhsuk-body">
      {/* A download, not a page: Remix must not try to navigate to it. */}
      <a href={`${props.path}/template.xlsx`} download>
        Download {props.periodLabel} as an Excel workbook
      </a>
      {props.canImport ? (
        <>
          {" · "}
          <a href={`${props.path}/import`}>Fill it in offline and upload it</a>
        </>
      ) : null}
    </p>
  );
}
