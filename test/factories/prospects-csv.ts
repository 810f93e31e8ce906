/** A CSV of `count` prospects spread over the given zones ('' = none: the partner's). */
export function prospectsCsv(count: number, zones: string[], options: { bom?: boolean; prefix?: string } = {}): string {
  const lines = ['email,first_name,last_name,company,timezone,industry'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `${options.prefix ?? 'p'}${i}@prospects.example,First${i},Last${i},"Company ${i}, Inc.",${zones[i % zones.length]},Retail`,
    );
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
