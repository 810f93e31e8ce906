/**
 * Out-of-range and wrong-typed values for every parameter and body property an OpenAPI
 * document describes. A value marked `refuse` is of the wrong type (or not one of an enum):
 * the API must refuse it (4xx). Any other value is out of range, empty or odd; the API may
 * take it, but never with a 5xx.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  $ref?: string;
  minimum?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes a JSON body. */
  body: Schema | null;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
}

export interface Fuzz {
  label: string;
  value: unknown;
  refuse: boolean;
  /** The one status the API must answer (a guard's 401 or 403 aside): a date out of range is a 400, never a 5xx or a 422. */
  status?: number;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

/** A schema with its $ref (or single allOf) resolved. */
export function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

const kindOf = (schema: Schema) =>
  schema.type ?? (schema.properties || schema.additionalProperties ? 'object' : schema.items ? 'array' : 'unknown');
const may = (label: string, value: unknown): Fuzz => ({ label, value, refuse: false });
const refuse = (label: string, value: unknown): Fuzz => ({ label, value, refuse: true });

/**
 * Years 0000 and 9999 in the shape of the field (its example's, else its format's): every date
 * the API takes lies between 2000-01-01 and 2100-12-31, and anything outside is a field-level 400.
 * A field is a date when its format says so or its example is one (`2026-11-01`, `2026-12-01T09:30`).
 */
export function dateExtremes(schema: Schema): Fuzz[] {
  const example =
    typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}/.test(schema.example) ? schema.example : null;
  const shape =
    example ??
    (schema.format === 'date' ? '2026-11-23' : schema.format === 'date-time' ? '2026-11-23T09:00:00Z' : null);
  if (!shape) return [];
  return ['0000', '9999'].map((year) => ({
    label: `year ${year}`,
    value: `${year}${shape.slice(4)}`,
    refuse: true,
    status: 400,
  }));
}

/** Values for a JSON body property. */
export function bodyValues(schema: Schema): Fuzz[] {
  const values: Fuzz[] = [may('null', null)];
  switch (kindOf(schema)) {
    case 'string':
      values.push(
        refuse('a number', 12345),
        refuse('a boolean', true),
        refuse('an object', { a: 1 }),
        refuse('an array', ['x']),
        may('20,000 characters', 'x'.repeat(20_000)),
        may('empty', ''),
        may('a NUL', 'a\u0000b'),
      );
      if (schema.enum) values.push(refuse('not an option', 'not-an-option'));
      if (schema.format === 'uuid')
        values.push(refuse('not a uuid', 'not-a-uuid'), may('an unknown uuid', '6f1c9a57-0c1e-4c55-9d43-94e2f0a4c001'));
      if (schema.format === 'date-time' || schema.format === 'date')
        values.push(
          may('an ISO week', '2026-W47'),
          may('no such day', '2026-02-30T10:00:00Z'),
          may('year 275760+', '+999999-01-01T00:00:00Z'),
        );
      values.push(...dateExtremes(schema));
      break;
    case 'integer':
    case 'number':
      values.push(
        refuse('text', 'abc'),
        refuse('a boolean', true),
        refuse('an object', { a: 1 }),
        refuse('an array', [1]),
        may('a numeric string', '12'),
        may('2^31', 2 ** 31),
        may('-2^31-1', -(2 ** 31) - 1),
        may('2^63', 2 ** 63),
        may('1e20', 1e20),
        may('-1', -1),
        may('0', 0),
        may('1.5', 1.5),
      );
      break;
    case 'boolean':
      values.push(refuse('text', 'true'), refuse('a number', 1), refuse('an object', { a: 1 }));
      break;
    case 'array':
      values.push(
        refuse('text', 'x'),
        refuse('a number', 1),
        refuse('an object', { a: 1 }),
        may('a number inside', [12345]),
        may('an object inside', [{ a: 1 }]),
        may('null inside', [null]),
        may('nested arrays', [[['x']]]),
      );
      break;
    case 'object':
      values.push(
        refuse('text', 'x'),
        refuse('a number', 1),
        refuse('an array', [{ a: 1 }]),
        may('a number value', { k: 12345 }),
        may('an object value', { k: { a: 1 } }),
        may('an array value', { k: ['x'] }),
        may('a 2^63 value', { k: 2 ** 63 }),
        may('an odd key', { 'Bad Key!': 'x' }),
      );
      break;
    default:
      values.push(may('a number', 12345), may('an object', { a: 1 }), may('text', 'x'));
  }
  return values;
}

/** Values for a query or path parameter (always text on the wire; an array is the name repeated). */
export function textValues(param: Parameter): Fuzz[] {
  const schema = param.schema ?? {};
  const values: Fuzz[] = [
    may('2^31', String(2 ** 31)),
    may('beyond bigint', '99999999999999999999'),
    may('-1', '-1'),
    may('1.5', '1.5'),
    may('1e309', '1e309'),
    may('an ISO week', '2026-W47'),
    may('5,000 characters', 'x'.repeat(5000)),
    may('SQL', "1' OR '1'='1"),
    may('a NUL', 'a\u0000b'),
    may('non-ASCII', 'żółw🐢'),
  ];
  if (param.in === 'query') values.push(may('empty', ''), refuse('repeated', ['1', '2']));
  if (param.in === 'path') values.push(may('dots', '..'), may('encoded slash', 'a/b'));
  const kind = kindOf(schema);
  if (kind === 'number' || kind === 'integer')
    values.push(refuse('text', 'abc'), may('hex', '0x10'), may('NaN', 'NaN'));
  if (schema.enum) values.push(refuse('not an option', 'not-an-option'));
  if (schema.format === 'uuid' && param.in === 'query') values.push(refuse('not a uuid', 'not-a-uuid'));
  values.push(...dateExtremes(schema));
  return values;
}

/** A plausible value for a schema, to fill the properties that are not under test. */
export function sample(doc: OpenApiDocument, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (kindOf(schema)) {
    case 'string':
      return schema.format === 'uuid'
        ? '6f1c9a57-0c1e-4c55-9d43-94e2f0a4c002'
        : schema.format === 'date-time'
          ? '2026-11-23T09:00:00Z'
          : 'robustness';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 3 ? [] : [sample(doc, schema.items, depth + 1)];
    case 'object': {
      if (depth > 3 || !schema.properties) return {};
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(schema.properties)
          .filter(([name]) => required.has(name))
          .map(([name, s]) => [name, sample(doc, s, depth + 1)]),
      );
    }
    default:
      return null;
  }
}

/** Every property of a body, top level and one level down (into objects and the first item of arrays), with its path. */
export function bodyProperties(
  doc: OpenApiDocument,
  raw: Schema,
): Array<{ path: Array<string | number>; schema: Schema }> {
  const schema = resolve(doc, raw);
  const out: Array<{ path: Array<string | number>; schema: Schema }> = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const resolved = resolve(doc, child);
    out.push({ path: [name], schema: resolved });
    const inner = kindOf(resolved) === 'array' ? resolve(doc, resolved.items) : resolved;
    const prefix: Array<string | number> = kindOf(resolved) === 'array' ? [name, 0] : [name];
    for (const [innerName, innerSchema] of Object.entries(inner.properties ?? {}))
      out.push({ path: [...prefix, innerName], schema: resolve(doc, innerSchema) });
  }
  return out;
}

/** A copy of `body` with the value at `path` replaced (creating what is missing on the way). */
export function withValue(
  doc: OpenApiDocument,
  bodySchema: Schema,
  body: unknown,
  path: Array<string | number>,
  value: unknown,
): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  let schema = resolve(doc, bodySchema);
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const childSchema = typeof key === 'number' ? resolve(doc, schema.items) : resolve(doc, schema.properties?.[key]);
    if (node[key] === null || typeof node[key] !== 'object')
      node[key] = typeof path[i + 1] === 'number' ? [sample(doc, childSchema.items)] : (sample(doc, childSchema) ?? {});
    if (typeof path[i + 1] === 'number' && !(node[key] as unknown[]).length)
      (node[key] as unknown[]).push(sample(doc, childSchema.items));
    node = node[key] as Record<string | number, unknown>;
    schema = childSchema;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

/** How a validation error names a body path: `audience.type`, `slots[0].name`. */
export const pathName = (path: Array<string | number>) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
