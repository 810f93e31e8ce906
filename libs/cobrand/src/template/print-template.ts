import type { HbsProgram, HbsStatement } from './handlebars-env';

export interface PrintRules {
  /** Literal text, made safe for where the printed template is used. */
  content: (text: string) => string;
  /** One variable's output, given its dotted name. */
  output: (variable: string) => string;
}

/**
 * Prints a checked template (variables, {{#if}} and {{#unless}} only) back as Handlebars
 * source, from its parse tree rather than its text: the renderer then compiles exactly the
 * tree that was checked. Literal text goes through `rules.content`, so text that happens to
 * sit next to a printed expression (a trailing backslash, a brace) can never merge with it.
 */
export function printTemplate(program: HbsProgram, rules: PrintRules): string {
  const print = (body: HbsStatement[]): string => body.map(statement).join('');
  const statement = (s: HbsStatement): string => {
    switch (s.type) {
      case 'ContentStatement':
        return rules.content((s as hbs.AST.ContentStatement).value);
      case 'CommentStatement':
        return '';
      case 'MustacheStatement':
        return rules.output(((s as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression).parts.join('.'));
      case 'BlockStatement': {
        const b = s as hbs.AST.BlockStatement;
        const helper = b.path.original;
        const variable = (b.params[0] as hbs.AST.PathExpression).parts.join('.');
        const inverse = b.inverse?.body.length ? `{{else}}${print(b.inverse.body)}` : '';
        return `{{#${helper} ${variable}}}${print(b.program?.body ?? [])}${inverse}{{/${helper}}}`;
      }
      default:
        throw new Error(`Cannot print a template containing ${s.type}; it should have been refused when checked`);
    }
  };
  return print(program.body);
}
