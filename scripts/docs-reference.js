// The API reference pages of the documentation site, generated from the engine's own OpenAPI
// document (apps/web/src/api/openapi.json, written by `npm run openapi`): one page per tag,
// one for the schemas, and an index. `npm run docs:build` and `npm run docs:dev` write them
// under docs/integrating/reference/ (ignored by git: never committed, never stale); the docs
// test reads `referencePages()` to check links into them without writing anything.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OPENAPI = path.join(ROOT, 'apps/web/src/api/openapi.json');
const OUT_DIR = path.join(ROOT, 'docs/integrating/reference');
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** A page's file name for a tag: `brand kits` → `brand-kits`. */
const tagSlug = (tag) =>
  tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Text for a Markdown table cell or paragraph: no raw HTML, no line breaks inside a cell. */
const text = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const cell = (s) =>
  text(s)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

const refName = (ref) => ref.split('/').pop();
const schemaLink = (name) => `[${name}](schemas.md#${name.toLowerCase()})`;

/** A schema's type in one line: `string (uuid)`, `AudienceDto`, `LaunchViewDto[]`, `'a' \| 'b'`. */
function typeOf(schema) {
  if (!schema) return '';
  if (schema.$ref) return schemaLink(refName(schema.$ref));
  if (schema.allOf?.length === 1) return typeOf(schema.allOf[0]);
  const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (variants) return variants.map(typeOf).join(schema.allOf ? ' & ' : ' or ');
  let out;
  if (schema.enum) out = schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  else if (schema.type === 'array') out = `${typeOf(schema.items)}[]`;
  else if (schema.type === 'object' && schema.additionalProperties && !schema.properties)
    out = `map of ${schema.additionalProperties === true ? 'any' : typeOf(schema.additionalProperties)}`;
  else out = schema.type ?? 'any';
  if (schema.format) out += ` (${schema.format})`;
  if (schema.nullable) out += ' or null';
  return out;
}

function propertiesTable(schema) {
  const props = Object.entries(schema.properties ?? {});
  if (!props.length) return '';
  const required = new Set(schema.required ?? []);
  return [
    '| Property | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    ...props.map(
      ([name, p]) =>
        `| \`${name}\` | ${cell(typeOf(p))} | ${required.has(name) ? 'yes' : ''} | ${cell(p.description)} |`,
    ),
  ].join('\n');
}

function content(body) {
  return Object.entries(body?.content ?? {}).map(
    ([type, media]) => `\`${type}\`${media.schema ? `: ${typeOf(media.schema)}` : ''}`,
  );
}

function operationSection(method, route, op) {
  const lines = [
    `### ${text(op.summary ?? op.operationId)} {#${op.operationId}}`,
    '',
    `\`${method.toUpperCase()} ${route}\``,
  ];
  if (op.description) lines.push('', text(op.description));
  const params = op.parameters ?? [];
  if (params.length)
    lines.push(
      '',
      '| Parameter | In | Type | Required | Description |',
      '| --- | --- | --- | --- | --- |',
      ...params.map(
        (p) =>
          `| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? 'yes' : ''} | ${cell(p.description)} |`,
      ),
    );
  if (op.requestBody)
    lines.push('', `**Body**${op.requestBody.required ? '' : ' (optional)'}: ${content(op.requestBody).join('; ')}`);
  const responses = Object.entries(op.responses ?? {});
  if (responses.length)
    lines.push(
      '',
      '| Answer | Description | Body |',
      '| --- | --- | --- |',
      ...responses.map(([status, r]) => `| ${status} | ${cell(r.description)} | ${cell(content(r).join('; '))} |`),
    );
  const auth = op.security?.length ? 'an API token or a session' : 'none (public)';
  lines.push('', `Authentication: ${auth}.`);
  return lines.join('\n');
}

/** Wraps a page so that VitePress shows `{{…}}` in descriptions as text, never as Vue. */
const page = (body) => `::: v-pre\n\n${body}\n\n:::\n`;

/** The reference pages: { 'index.md': …, '<tag>.md': …, 'schemas.md': … }, relative to the reference folder. */
function referencePages(doc = JSON.parse(fs.readFileSync(OPENAPI, 'utf8'))) {
  const byTag = new Map();
  for (const [route, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      for (const tag of op.tags?.length ? op.tags : ['other']) {
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag).push([method, route, op]);
      }
    }
  const tags = [...byTag.keys()].sort();
  const pages = {};
  for (const tag of tags) {
    const ops = byTag.get(tag);
    pages[`${tagSlug(tag)}.md`] = page(
      [`# ${text(tag[0].toUpperCase() + tag.slice(1))}`, '', ...ops.map((o) => operationSection(...o) + '\n')].join(
        '\n',
      ),
    );
  }
  const schemas = Object.entries(doc.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  pages['schemas.md'] = page(
    [
      '# Schemas',
      '',
      'The shapes of request and answer bodies, from the OpenAPI document.',
      '',
      ...schemas.map(([name, schema]) =>
        [
          `## ${name}`,
          '',
          schema.description ? `${text(schema.description)}\n` : '',
          propertiesTable(schema) || `${cell(typeOf(schema))}`,
          '',
        ].join('\n'),
      ),
    ].join('\n'),
  );
  const count = (tag) => byTag.get(tag).length;
  pages['index.md'] = page(
    [
      '# API reference',
      '',
      `Generated from the engine's OpenAPI document (${text(doc.info?.title)} ${text(doc.info?.version)}), which a running engine also serves at \`/docs\` (an interactive UI) and \`/docs-json\`. How to authenticate, the errors and the limits are in [The API](../api.md).`,
      '',
      '| Area | Operations |',
      '| --- | --- |',
      ...tags.map((tag) => `| [${text(tag)}](${tagSlug(tag)}.md) | ${count(tag)} |`),
      '',
      'The request and answer bodies are described in [Schemas](schemas.md).',
    ].join('\n'),
  );
  return pages;
}

/** The sidebar entries for the generated pages, for the VitePress config. */
function referenceSidebar(doc = JSON.parse(fs.readFileSync(OPENAPI, 'utf8'))) {
  const tags = new Set();
  for (const item of Object.values(doc.paths ?? {}))
    for (const method of METHODS) for (const tag of item[method]?.tags ?? []) tags.add(tag);
  return [...tags]
    .sort()
    .map((tag) => ({ text: tag[0].toUpperCase() + tag.slice(1), link: `/integrating/reference/${tagSlug(tag)}` }));
}

function writeReference() {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const pages = referencePages();
  for (const [file, body] of Object.entries(pages)) fs.writeFileSync(path.join(OUT_DIR, file), body);
  return Object.keys(pages).length;
}

module.exports = { referencePages, referenceSidebar, writeReference, OUT_DIR };

if (require.main === module) console.log(`API reference: ${writeReference()} pages in ${path.relative(ROOT, OUT_DIR)}`);
