/**
 * MJML (with juice, cheerio and js-beautify) is loaded on the first compile: it costs about 0.7 s
 * to load, and many processes (and every integration test file) import the renderer without
 * compiling a template.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const mjml = () => require('mjml') as typeof import('mjml');

export interface MjmlProblem {
  line?: number;
  message: string;
}

export type MjmlResult = { ok: true; html: string } | { ok: false; problems: MjmlProblem[] };

interface MjmlValidationError {
  errors?: Array<{ line?: number; message: string; tagName?: string }>;
  message?: string;
}

/**
 * Compiles MJML to HTML, strictly: any validation error fails the compile. Includes are
 * never followed (a template must not read the server's files) and comments are dropped.
 */
export async function compileMjml(source: string): Promise<MjmlResult> {
  try {
    const result = await mjml()(source, {
      validationLevel: 'strict',
      ignoreIncludes: true,
      keepComments: false,
      minify: false,
      beautify: false,
    });
    return { ok: true, html: result.html };
  } catch (e) {
    const err = e as MjmlValidationError;
    if (Array.isArray(err.errors)) {
      return {
        ok: false,
        problems: err.errors.map((x) => ({
          line: x.line,
          message: x.tagName ? `<${x.tagName}>: ${x.message.trim()}` : x.message.trim(),
        })),
      };
    }
    return {
      ok: false,
      problems: [{ message: `MJML could not be compiled: ${String(err.message ?? e).split('\n')[0]}` }],
    };
  }
}
