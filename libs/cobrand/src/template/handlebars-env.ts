import Handlebars from 'handlebars';

// Types come from the global `hbs` namespace that Handlebars' typings declare.
/**
 * A private Handlebars environment: no helpers or partials beyond `if`/`unless` can be
 * registered on it from elsewhere in the process, so templates see exactly what we allow.
 */
export const handlebars = Handlebars.create();

export type HbsProgram = hbs.AST.Program;
export type HbsStatement = hbs.AST.Statement;
export type HbsLocation = hbs.AST.SourceLocation;

/** Options for compiling the per-recipient part of a template. */
export const RECIPIENT_COMPILE_OPTIONS: CompileOptions = {
  knownHelpers: { if: true, unless: true },
  knownHelpersOnly: true,
  strict: false,
  preventIndent: true,
};
