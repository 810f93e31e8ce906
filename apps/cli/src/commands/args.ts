/** Parses `--name value` and `--flag` arguments; unknown names are an error. */
export function parseArgs(
  args: string[],
  known: Record<string, 'string' | 'boolean'>,
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m || !known[m[1]])
      throw new Error(
        `unknown argument ${args[i]}; expected ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    if (known[m[1]] === 'boolean') out[m[1]] = true;
    else {
      const value = m[2] ?? args[++i];
      if (value === undefined) throw new Error(`--${m[1]} needs a value`);
      out[m[1]] = value;
    }
  }
  return out;
}
