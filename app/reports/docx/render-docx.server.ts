import type { ChartSpec } from "~/charts/spec";
import type { DocumentContent } from "../blocks";
import type { ChartImage } from "../chart-image.server";

export async function renderDocx(
  _content: DocumentContent,
  _args: { draw: (spec: ChartSpec) => ChartImage; onBlock?: (done: number, total: number) => void },
): Promise<Buffer> {
  throw new Error("Word documents are not built yet");
}
