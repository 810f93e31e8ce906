export interface JsonLimits {
  maxDepth: number;
  maxValues: number;
}

/**
 * Why a JSON text is shaped beyond the limits, or null: nesting deeper than `maxDepth`, or
 * more than `maxValues` array elements and object members. Read from the raw bytes in one
 * pass, before JSON.parse, so a body that would exhaust the stack or hold the event loop
 * while validation walks it is refused first. Invalid JSON is left to the parser.
 */
export function jsonShapeProblem(bytes: Uint8Array, limits: JsonLimits): string | null {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
      continue;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > limits.maxDepth) return `nests deeper than ${limits.maxDepth} levels`;
      values++;
    } else if (b === 0x7d || b === 0x5d) depth--;
    else if (b === 0x2c) values++;
    if (values > limits.maxValues) return `holds more than ${limits.maxValues.toLocaleString('en')} values`;
  }
  return null;
}
