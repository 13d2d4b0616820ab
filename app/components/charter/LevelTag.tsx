// Presentation only: the level ids come from the charter content; unknown ones get a plain tag.
const tagColours: Record<string, string> = {
  bronze: "nhsuk-tag--orange",
  silver: "nhsuk-tag--grey",
  gold: "nhsuk-tag--yellow",
  platinum: "nhsuk-tag--purple",
};

export function LevelTag({ level, name }: { level: string | null; name: string | null }) {
  if (!level || !name) return <strong className="nhsuk-tag nhsuk-tag--white">No level yet</strong>;
  return <strong className={`nhsuk-tag ${tagColours[level] ?? ""}`}>{name}</strong>;
}
