import PDFDocument from "pdfkit";

/**
 * Small, generic building blocks for a tagged, accessible PDF with pdfkit:
 * every block is a structure element (H1, H2, P, L, Table with TH scoped to
 * its column, Figure with Alt), and everything drawn only for the eye (rules,
 * cell fills, page numbers, a header row repeated on a new page) is marked as
 * an artifact, so a screen reader reads the document in order and nothing
 * twice. Blocks never split across pages except tables, row by row, so a
 * piece of marked content never straddles a page break.
 */

/** A font file's path, or its TrueType bytes (see app/documents/pdf/fonts.ts). */
export type PdfFonts = { regular: string | Buffer; bold: string | Buffer };

const INK = "#212b32";
const RULE = "#aeb7bd";
const HEADER_FILL = "#e8edee";

type Element = PDFKit.PDFStructureElement;
type Children = (() => void) | Element[];
type ElementOptions = {
  alt?: string;
  scope?: "Column" | "Row";
  bbox?: number[];
  placement?: "Block" | "Inline";
};

/** pdfkit 0.20's struct(): its published types predate the options it takes (scope, bbox). */
const structOf = (doc: PDFKit.PDFDocument) =>
  doc.struct as unknown as (
    type: string,
    options?: ElementOptions | Children,
    children?: Children,
  ) => Element;

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(args: { title: string; subject?: string; lang: string; fonts: PdfFonts }) {
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      tagged: true,
      lang: args.lang,
      displayTitle: true,
      pdfVersion: "1.7",
      bufferPages: true,
      info: { Title: args.title, Subject: args.subject ?? args.title, Creator: "Anchor Charter" },
    });
    this.doc.registerFont("Body", args.fonts.regular);
    this.doc.registerFont("Bold", args.fonts.bold);
    this.doc.font("Body").fontSize(11).fillColor(INK);
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
    this.root = this.element("Document");
    this.doc.addStructure(this.root);
  }

  element(type: string, options?: ElementOptions | Children, children?: Children): Element {
    return structOf(this.doc).call(this.doc, type, options, children);
  }

  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get left() {
    return this.doc.page.margins.left;
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The page now being written, counting from 1. */
  get pageNumber() {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  newPage() {
    this.doc.addPage();
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keepRoom(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** An empty structure element to fill later (a contents list written once pages are known). */
  placeholder(type: string) {
    const element = this.element(type);
    this.root.add(element);
    return element;
  }

  heading(level: 1 | 2 | 3, text: string, into: PDFKit.PDFStructureElement = this.root) {
    const size = level === 1 ? 22 : level === 2 ? 16 : 13;
    this.doc.font("Bold").fontSize(size);
    const height = this.doc.heightOfString(text, { width: this.width });
    this.keepRoom(height + (level === 1 ? 80 : 60));
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level === 1 ? 0.2 : 0.6);
    into.add(
      this.element(`H${level}`, () => {
        this.doc.text(text, this.left, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(0.4).font("Body").fontSize(11);
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; colour?: string } = {}) {
    this.doc.font(options.bold ? "Bold" : "Body").fontSize(options.size ?? 11);
    this.keepRoom(this.doc.heightOfString(text, { width: this.width }));
    this.root.add(
      this.element("P", () => {
        this.doc
          .fillColor(options.colour ?? INK)
          .text(text, this.left, this.doc.y, { width: this.width });
      }),
    );
    this.doc.fillColor(INK).font("Body").fontSize(11).moveDown(0.5);
  }

  /** A bulleted list: L, LI, Lbl (an artifact bullet would be lost), LBody. */
  bullets(items: readonly string[]) {
    const list = this.element("L");
    this.root.add(list);
    const indent = 14;
    for (const item of items) {
      this.keepRoom(this.doc.heightOfString(item, { width: this.width - indent }));
      const y = this.doc.y;
      list.add(
        this.element("LI", [
          this.element("Lbl", () => {
            this.doc.text("•", this.left, y, { width: indent, lineBreak: false });
          }),
          this.element("LBody", () => {
            this.doc.text(item, this.left + indent, y, { width: this.width - indent });
          }),
        ]),
      );
      this.doc.moveDown(0.2);
    }
    list.end();
    this.doc.moveDown(0.4);
  }

  figure(args: { png: Buffer; alt: string; width: number; height: number }) {
    const width = Math.min(this.width, args.width);
    const height = (args.height * width) / args.width;
    this.keepRoom(height + 8);
    const y = this.doc.y;
    const bbox = [this.left, y, this.left + width, y + height];
    this.root.add(
      this.element("Figure", { alt: args.alt, bbox, placement: "Block" }, () => {
        this.doc.image(args.png, this.left, y, { width, height });
      }),
    );
    this.doc.y = y + height + 8;
  }

  /**
   * A table with its header cells scoped to their columns. `widths` are
   * shares of the text width. A row never splits; on a new page the header
   * row is drawn again for the eye, as an artifact.
   */
  table(args: { headers: readonly string[]; rows: ReadonlyArray<readonly string[]>; widths: readonly number[]; caption?: string }) {
    const doc = this.doc;
    const widths = args.widths.map((w) => w * this.width);
    const pad = 4;
    doc.fontSize(10);
    const rowHeight = (cells: readonly string[], font: string) => {
      doc.font(font);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const y = doc.y;
      const height = rowHeight(cells, header ? "Bold" : "Body");
      this.artifact(() => {
        if (header) doc.rect(this.left, y, this.width, height).fill(HEADER_FILL);
        doc.moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(0.5).stroke(RULE);
      });
      doc.fillColor(INK).font(header ? "Bold" : "Body");
      const cellsOf = (tagged: boolean) => {
        let x = this.left;
        return cells.map((cell, i) => {
          const at = x;
          x += widths[i]!;
          const draw = () => {
            doc.text(cell, at + pad, y + pad, { width: widths[i]! - 2 * pad });
          };
          if (!tagged) return draw;
          return header ? this.element("TH", { scope: "Column" }, draw) : this.element("TD", draw);
        });
      };
      /** Each cell's text moves pdfkit's cursor; the row's foot is where the next row starts. */
      const done = () => {
        doc.y = y + height;
      };
      return { cellsOf, done };
    };
    const table = this.element("Table");
    this.root.add(table);
    if (args.caption) {
      doc.font("Bold").fontSize(10);
      this.keepRoom(doc.heightOfString(args.caption, { width: this.width }) + 40);
      table.add(this.element("Caption", () => {
        doc.text(args.caption!, this.left, doc.y, { width: this.width });
      }));
      doc.moveDown(0.2);
    }
    this.keepRoom(rowHeight(args.headers, "Bold") + rowHeight(args.rows[0] ?? [""], "Body"));
    const head = drawRow(args.headers, true);
    table.add(this.element("THead", [this.element("TR", head.cellsOf(true) as Element[])]));
    head.done();
    const body = this.element("TBody");
    table.add(body);
    for (const cells of args.rows) {
      doc.fontSize(10);
      if (doc.y + rowHeight(cells, "Body") > this.bottom) {
        this.newPage();
        const again = drawRow(args.headers, true);
        this.artifact(() => again.cellsOf(false).forEach((draw) => (draw as () => void)()));
        again.done();
      }
      const row = drawRow(cells, false);
      body.add(this.element("TR", row.cellsOf(true) as Element[]));
      row.done();
    }
    body.end();
    table.end();
    doc.font("Body").fontSize(11).moveDown(0.8);
    doc.x = this.left;
  }

  /** Marks what is drawn only for the eye, so assistive technology skips it. */
  artifact(draw: () => void) {
    this.doc.markContent("Artifact");
    draw();
    this.doc.endMarkedContent();
  }

  /** "Page 3 of 12" at the foot of every page but the first, as pagination artifacts. */
  numberPages(footer: (page: number, pages: number) => string) {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      if (i === range.start) continue;
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent("Artifact", { type: "Pagination" });
      this.doc
        .font("Body")
        .fontSize(9)
        .fillColor("#4c6272")
        .text(footer(i + 1, range.count), this.left, this.doc.page.height - 40, {
          width: this.width,
          align: "center",
          lineBreak: false,
        });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
  }

  /** Ends the structure tree and the file, and gives back its bytes. */
  finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.done;
  }
}
