/** A rectangle's problem named as the editor names it: `slots[2].x` is "Rectangle 3 x". */
export const asRectangle = <P extends { path: string }>(p: P): P => ({
  ...p,
  path: p.path.replace(/^slots\[(\d+)\]\.?/, (_m, n: string) => `Rectangle ${Number(n) + 1} `).trim(),
});
