import * as ts from 'typescript';

/**
 * The static rule behind "the tenant is part of the signature": a repository method that
 * touches a tenant table (directly, through a private helper of its class or through a function
 * of its file) must take a TenantScope, VendorScope or PartnerScope argument and apply it, or
 * say in its name that it crosses tenants (`…ForSystem`). Used by scope-walk.spec.ts over every
 * *.repository.ts.
 *
 * "Applies it" means the scope reaches a query: it is passed to a call (a scope helper such as
 * partnerOwned, another repository's method, a rule), or its ids are (a value written into a
 * row, a condition). A call to a method of the same class or a function of the same file is
 * followed: the parameter it lands in must itself be applied there. A scope read only outside
 * any call (an early return on its ids, say) or never read at all does not count.
 */

const SCOPE_TYPE = /\b(TenantScope|VendorScope|PartnerScope)\b/;
const SYSTEM_NAME = /ForSystem$/;

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const decoratorCall = (node: ts.Node, name: string): ts.CallExpression | undefined =>
  (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [])
    .map((d) => d.expression)
    .find(
      (e): e is ts.CallExpression =>
        ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === name,
    );

/**
 * The tables of the TypeORM entities and the tables each refers to by a foreign key
 * (`@ManyToOne`), by SQL name: the schema test keeps these equal to what the migrations made.
 */
export function foreignKeys(entities: ts.SourceFile[]): Map<string, Set<string>> {
  const tableOf = new Map<string, string>();
  const parentsOf = new Map<string, string[]>();
  for (const file of entities) {
    for (const cls of file.statements.filter(ts.isClassDeclaration)) {
      const entity = decoratorCall(cls, 'Entity');
      const table = entity?.arguments[0];
      if (!cls.name || !table || !ts.isStringLiteral(table)) continue;
      tableOf.set(cls.name.text, table.text);
      const parents: string[] = [];
      for (const member of cls.members) {
        const target = decoratorCall(member, 'ManyToOne')?.arguments[0];
        if (target && ts.isArrowFunction(target) && ts.isIdentifier(target.body)) parents.push(target.body.text);
      }
      parentsOf.set(cls.name.text, parents);
    }
  }
  const keys = new Map<string, Set<string>>();
  for (const [cls, table] of tableOf)
    keys.set(table, new Set((parentsOf.get(cls) ?? []).flatMap((p) => (tableOf.has(p) ? [tableOf.get(p)!] : []))));
  return keys;
}

/**
 * Tenant tables (Kysely name → SQL name) from the generated schema types and the entities'
 * foreign keys: those with a vendorId column, the vendors themselves, and every table owned
 * through a parent row, i.e. with a foreign key to a tenant table (sessions and password
 * resets through their user, webhook attempts through their delivery…), however deep.
 */
export function tenantTables(types: ts.SourceFile, entities: ts.SourceFile[]): Map<string, string> {
  const withVendor = new Set<string>();
  const db = new Map<string, string>();
  for (const statement of types.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const members = statement.members.filter(ts.isPropertySignature).map((m) => m.name.getText(types));
    if (statement.name.text === 'DB') {
      for (const m of statement.members.filter(ts.isPropertySignature))
        db.set(m.name.getText(types), m.type?.getText(types) ?? '');
    } else if (members.includes('vendorId')) withVendor.add(statement.name.text);
  }
  const tenant = new Set<string>();
  for (const [name, type] of db) if (withVendor.has(type) || name === 'vendors') tenant.add(snake(name));
  const keys = foreignKeys(entities);
  for (let grew = true; grew;) {
    grew = false;
    for (const [table, parents] of keys) {
      if (!tenant.has(table) && [...parents].some((p) => tenant.has(p))) {
        tenant.add(table);
        grew = true;
      }
    }
  }
  const tables = new Map<string, string>();
  for (const name of db.keys()) if (tenant.has(snake(name))) tables.set(name, snake(name));
  return tables;
}

/** The tenant tables a piece of code names: Kysely table arguments and raw SQL text. */
function tablesIn(node: ts.Node, tables: Map<string, string>): Set<string> {
  const found = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      const table = /^(\w+)(\s+as\s+\w+)?$/.exec(n.text)?.[1];
      if (table && tables.has(table)) found.add(table);
    }
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      for (const [name, sqlName] of tables) {
        if (new RegExp(`\\b(from|join|into|update)\\s+"?${sqlName}"?\\b`, 'i').test(n.text)) found.add(name);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

type FunctionLike = ts.MethodDeclaration | ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** The functions of a file that its classes may call by name: declarations and `const f = (…) => …`. */
function fileFunctions(file: ts.SourceFile): Map<string, FunctionLike> {
  const functions = new Map<string, FunctionLike>();
  for (const s of file.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) functions.set(s.name.text, s);
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (
          ts.isIdentifier(d.name) &&
          d.initializer &&
          (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
        )
          functions.set(d.name.text, d.initializer);
      }
    }
  }
  return functions;
}

/** What a call in a class's code calls, when it is code of the same file: a method of the class, or a function of the file. */
type Callee = { kind: 'method'; name: string } | { kind: 'function'; name: string };

function calleeOf(call: ts.CallExpression): Callee | null {
  const e = call.expression;
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword)
    return { kind: 'method', name: e.name.text };
  if (ts.isIdentifier(e)) return { kind: 'function', name: e.text };
  return null;
}

/** Every call in a piece of code of a method of the class (`this.name(…)`, or `this.name` passed on) or a function of the file. */
function ownCalls(node: ts.Node): Callee[] {
  const calls: Callee[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword)
      calls.push({ kind: 'method', name: n.name.text });
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression))
      calls.push({ kind: 'function', name: n.expression.text });
    ts.forEachChild(n, visit);
  };
  visit(node);
  return calls;
}

const isPublic = (m: ts.MethodDeclaration) =>
  !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword) &&
  !ts.isPrivateIdentifier(m.name);

/** The code of one class and of its file, as the rule follows it. */
class ClassCode {
  readonly methods: Map<string, ts.MethodDeclaration>;
  /** Methods, and properties initialised with code (batchers). */
  private readonly helpers = new Map<string, ts.Node>();
  private readonly functions: Map<string, FunctionLike>;

  constructor(
    readonly file: ts.SourceFile,
    readonly cls: ts.ClassDeclaration,
    private readonly tables: Map<string, string>,
  ) {
    this.methods = new Map(cls.members.filter(ts.isMethodDeclaration).map((m) => [m.name.getText(file), m]));
    for (const [name, m] of this.methods) this.helpers.set(`method:${name}`, m);
    for (const p of cls.members.filter(ts.isPropertyDeclaration))
      if (p.initializer) this.helpers.set(`method:${p.name.getText(file)}`, p.initializer);
    this.functions = fileFunctions(file);
    for (const [name, f] of this.functions) this.helpers.set(`function:${name}`, f);
  }

  private resolve(callee: Callee): FunctionLike | undefined {
    return callee.kind === 'method' ? this.methods.get(callee.name) : this.functions.get(callee.name);
  }

  /** The tenant tables a method reaches: its own, its private helpers' and the file's functions' (other public methods carry their own obligation). */
  reach(key: string, seen = new Set<string>()): Set<string> {
    const node = this.helpers.get(key);
    if (!node || seen.has(key)) return new Set();
    seen.add(key);
    const own = tablesIn(node, this.tables);
    for (const callee of ownCalls(node)) {
      const m = callee.kind === 'method' ? this.methods.get(callee.name) : undefined;
      if (m && isPublic(m)) continue;
      for (const t of this.reach(`${callee.kind}:${callee.name}`, seen)) own.add(t);
    }
    return own;
  }

  /** Whether the `index`-th parameter of a function is applied in its body (see the file's comment). */
  applies(fn: FunctionLike, index: number, seen = new Set<string>()): boolean {
    const param = fn.parameters[index];
    // A rest parameter or one not declared: nothing to follow, taken as applied.
    if (!param || param.dotDotDotToken) return true;
    if (!ts.isIdentifier(param.name) || !fn.body) return false;
    const key = `${fn.pos}:${index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const name = param.name.text;
    let applied = false;
    const visit = (n: ts.Node) => {
      if (applied) return;
      if (ts.isIdentifier(n) && n.text === name && !isPropertyName(n)) {
        if (this.usedInCall(n, fn, seen)) applied = true;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(fn.body);
    return applied;
  }

  /**
   * Whether a use of a parameter reaches a call: as an argument, whole (followed into code of the
   * same file) or in part (its ids, an object holding it).
   */
  private usedInCall(use: ts.Identifier, fn: FunctionLike, seen: Set<string>): boolean {
    let child: ts.Node = use;
    for (let node = use.parent; node && node !== fn; child = node, node = node.parent) {
      // Interpolated into a tagged template (Kysely's sql`… ${scope.vendorId} …`): a bound parameter of the statement.
      if (ts.isTaggedTemplateExpression(node) && child === node.template) return true;
      if (!ts.isCallExpression(node) || child === node.expression) continue;
      const index = node.arguments.indexOf(child as ts.Expression);
      const callee = calleeOf(node);
      const target = callee ? this.resolve(callee) : undefined;
      // Passed whole to code of this file: applied only if it is applied there.
      if (child === use && target) return this.applies(target, index, seen);
      return true;
    }
    return false;
  }
}

/** `x` in `a.x` or `{ x: … }`: a name, not a use of a variable. (A shorthand `{ x }` is a use.) */
const isPropertyName = (n: ts.Identifier) =>
  (ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) ||
  (ts.isPropertyAssignment(n.parent) && n.parent.name === n) ||
  (ts.isMethodDeclaration(n.parent) && n.parent.name === n);

/**
 * "Class.method (tables)" for each public method that touches a tenant table without a scope or
 * a system name, and "Class.method: scope not applied" for one that takes a scope but never
 * applies it.
 */
export function methodsMissingScope(file: ts.SourceFile, tables: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const cls of file.statements.filter(ts.isClassDeclaration)) {
    const code = new ClassCode(file, cls, tables);
    const className = cls.name?.text ?? '<anonymous>';
    for (const [name, method] of code.methods) {
      if (!isPublic(method) || SYSTEM_NAME.test(name)) continue;
      const touched = code.reach(`method:${name}`);
      if (!touched.size) continue;
      const scopes = method.parameters
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => p.type && SCOPE_TYPE.test(p.type.getText(file)));
      if (!scopes.length) problems.push(`${className}.${name} (${[...touched].join(', ')})`);
      for (const { p, i } of scopes)
        if (!code.applies(method, i)) problems.push(`${className}.${name}: ${p.name.getText(file)} not applied`);
    }
  }
  return problems;
}
