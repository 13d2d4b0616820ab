import {
  AlignmentType,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from "docx";
import type { DocumentModel } from "../blocks";
import { ink, sizes } from "../style";
import { half, hex } from "./units";

/**
 * The page furniture in Word: the marking on every page (the cover's too),
 * the running header, the footer with "Page n of m" set right by a tab. A
 * cover (`furniture.cover`) gets a first-page header with the marking alone
 * and an empty first-page footer.
 */
export function wordFurniture(model: DocumentModel, textTwips: number) {
  const cover = model.furniture?.cover === true;
  return {
    titlePage: cover,
    headers: {
      default: new Header({ children: header(model, true) }),
      ...(cover ? { first: new Header({ children: header(model, false) }) } : {}),
    },
    footers: {
      default: new Footer({ children: [footer(model, textTwips)] }),
      ...(cover ? { first: new Footer({ children: [new Paragraph({})] }) } : {}),
    },
  };
}

function header(model: DocumentModel, running: boolean): Paragraph[] {
  const small = half(sizes.furniture);
  const lines: Paragraph[] = [];
  if (model.marking) {
    lines.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        shading: { fill: hex(ink.marking) },
        children: [new TextRun({ text: model.marking, bold: true, size: small })],
      }),
    );
  }
  if (running && model.furniture?.header) {
    lines.push(
      new Paragraph({
        children: [
          new TextRun({ text: model.furniture.header, size: small, color: hex(ink.secondary) }),
        ],
      }),
    );
  }
  return lines.length ? lines : [new Paragraph({})];
}

function footer(model: DocumentModel, textTwips: number): Paragraph {
  const furniture = model.furniture ?? {};
  const runs: TextRun[] = [];
  const style = { size: half(sizes.furniture), color: hex(ink.secondary) };
  if (furniture.footer) runs.push(new TextRun({ ...style, text: furniture.footer }));
  if (furniture.pageNumbers !== false) {
    runs.push(
      new TextRun({
        ...style,
        children: [new Tab(), "Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
      }),
    );
  }
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: textTwips }],
    children: runs,
  });
}
