import type { Block } from "../blocks";
import { figurePicture } from "../chart-image.server";
import { ink, sizes } from "../style";
import { contentWidth, type Laid, struct, type TaggedPdf } from "./document";
import { drawLines, lineHeight, setFont, wrapLines } from "./lines";
import { layTable } from "./table";

const AFTER_IMAGE = 8;

/**
 * A figure: its message in bold, the picture tagged as a Figure with its alt
 * text and place on the page, then its figures as a table. The message, the
 * picture and the start of the table are kept on one page.
 */
export function layFigure(pdf: TaggedPdf, block: Extract<Block, { type: "figure" }>): Laid {
  const { doc } = pdf;
  const width = contentWidth(doc);
  setFont(doc, "bold", sizes.body);
  const title = wrapLines(doc, block.title, width);
  const titleLine = lineHeight(doc);
  const titleHeight = title.length * titleLine + 4;
  const natural =
    block.image.kind === "chart"
      ? { width: block.image.spec.width, height: block.image.spec.height }
      : block.image;
  const imageWidth = Math.min(width, natural.width);
  const imageHeight = (natural.height * imageWidth) / natural.width;
  const data = layTable(pdf, block.table);
  const picture = titleHeight + imageHeight + AFTER_IMAGE;
  return {
    gap: sizes.body * 1.2,
    start: picture + data.gap + data.start,
    height: picture + data.gap + data.height,
    draw: () => {
      const left = doc.page.margins.left;
      let y = doc.y;
      pdf.root.add(
        struct(doc, "P", {}, () => {
          setFont(doc, "bold", sizes.body);
          doc.fillColor(ink.text);
          drawLines(doc, title, left, y, { lineHeight: titleLine });
        }),
      );
      y += titleHeight;
      const png = figurePicture(block.image);
      const bbox = [left, y, left + imageWidth, y + imageHeight];
      pdf.root.add(
        struct(doc, "Figure", { alt: block.alt, bbox, placement: "Block" }, () => {
          doc.image(Buffer.from(png), left, y, { width: imageWidth, height: imageHeight });
        }),
      );
      doc.y = y + imageHeight + AFTER_IMAGE + data.gap;
      data.draw();
    },
  };
}
