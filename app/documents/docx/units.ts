/** Word's units: colours without "#", sizes in half-points, lengths in twips (20 to the point). */
export const hex = (colour: string) => colour.replace("#", "").toUpperCase();
export const half = (points: number) => Math.round(points * 2);
export const twips = (points: number) => Math.round(points * 20);
/** Images are measured in pixels at 96 to the inch: 15 twips each. */
export const TWIPS_PER_PIXEL = 15;
