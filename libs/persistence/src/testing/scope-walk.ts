import * as ts from 'typescript';

/**
 * The static rule behind "the tenant is part of the signature": a repository method that
 * touches a tenant table (directly or through a private helper of its class) must take a
 * TenantScope, VendorScope or PartnerScope argument, or say in its name that it crosses
 * tenants (`…ForSystem`). Used by scope-walk.spec.ts over every *.repository.ts.
 */

const SCOPE_TYPE = /\b(TenantScope|VendorScope|PartnerScope)\b/;
const SYSTEM_NAME = /ForSystem$/;
/** Tables owned through a parent row rather than a vendor_id column of their own. */
const OWNED_THROUGH_PARENT = ['campaignVersions', 'prospectListMembers', 'apiTokens'];

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * Tenant tables (Kysely name → SQL name) from the generated schema types: those with a
 * vendorId column, the vendors themselves, and those owned through a parent row.
 */
export function tenantTables(types: ts.SourceFile): Map<string, string> {
  const withVendor = new Set<string>();
  const db = new Map<string, string>();
  for (const statement of types.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const members = statement.members.filter(ts.isPropertySignature).map((m) => m.name.getText(types));
    if (statement.name.text === 'DB') {
      for (const m of statement.members.filter(ts.isPropertySignature)) db.set(m.name.getText(types), m.type?.getText(types) ?? '');
    } else if (members.includes('vendorId')) withVendor.add(statement.name.text);
  }
  const tables = new Map<string, string>();
  for (const [name, type] of db) if (withVendor.has(type) || name === 'vendors' || OWNED_THROUGH_PARENT.includes(name)) tables.set(name, snake(name));
  return tables;
}

type Method = ts.MethodDeclaration;

/** The tenant tables a piece of code names: Kysely table arguments and raw SQL text. */
function tablesIn(node: ts.Node, tables: Map<string, string>): Set<string> {
  const found = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      const table = /^(\w+)(\s+as\s+\w+)?$/.exec(n.text)?.[1];
      if (table && tables.has(table)) found.add(table);
    }
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      for (const [name, sqlName] of tables) {
        if (new RegExp(`\\b(from|join|into|update)\\s+"?${sqlName}"?\\b`, 'i').test(n.text)) found.add(name);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Names of methods of the same class called as this.<name>(…) in a body. */
function ownCalls(node: ts.Node): Set<string> {
  const calls = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword) calls.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return calls;
}

const isPublic = (m: Method) => !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword) && !ts.isPrivateIdentifier(m.name);

/** "Class.method (tables)" for each public method that touches a tenant table without a scope or a system name. */
export function methodsMissingScope(file: ts.SourceFile, tables: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const cls of file.statements.filter(ts.isClassDeclaration)) {
    const methods = new Map(cls.members.filter(ts.isMethodDeclaration).map((m) => [m.name.getText(file), m]));
    // Properties initialised with code (batchers) count as helpers too.
    const helpers = new Map<string, ts.Node>(methods);
    for (const p of cls.members.filter(ts.isPropertyDeclaration)) if (p.initializer) helpers.set(p.name.getText(file), p.initializer);
    const reach = (name: string, seen: Set<string>): Set<string> => {
      const node = helpers.get(name);
      if (!node || seen.has(name)) return new Set();
      seen.add(name);
      const own = tablesIn(node, tables);
      for (const callee of ownCalls(node)) {
        const m = methods.get(callee);
        // Another public method carries its own obligation; only private helpers are followed.
        if (m && isPublic(m)) continue;
        for (const t of reach(callee, seen)) own.add(t);
      }
      return own;
    };
    for (const [name, method] of methods) {
      if (!isPublic(method) || SYSTEM_NAME.test(name)) continue;
      const touched = reach(name, new Set());
      if (!touched.size) continue;
      const scoped = method.parameters.some((p) => p.type && SCOPE_TYPE.test(p.type.getText(file)));
      if (!scoped) problems.push(`${cls.name?.text ?? '<anonymous>'}.${name} (${[...touched].join(', ')})`);
    }
  }
  return problems;
}
