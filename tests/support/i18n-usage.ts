// Which i18n keys the renderer's source asks for, read with TypeScript's parser (syntax only, so it
// stays fast): the literal keys of t()/i18n.exists() calls, every template that builds a key
// (`roles.${u.role}`, wherever it is written), and the calls whose key the parser cannot see.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface KeyTemplate {
  /** The fixed text before the first `${`: 'roles.' for `roles.${u.role}`. */
  head: string;
  where: string;
}

export interface IndirectUse {
  /** The file (relative to the root) and the key argument's source text. */
  file: string;
  text: string;
  where: string;
}

export interface RendererKeyUses {
  /** Literal keys of t() and i18n.exists() calls, with where they are asked for. */
  literalKeys: Map<string, string>;
  /** Templates whose head starts with one of the dictionary's top-level names. */
  templates: KeyTemplate[];
  /** t() calls whose key is neither a literal nor a template (a variable, a helper's result). */
  indirect: IndirectUse[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The key argument of `t(key, ...)`, `i18n.t(key)`, `i18n.exists(key)`, `i18next.t(key)`. */
function keyArgument(node: ts.CallExpression): ts.Expression | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't' ? node.arguments[0] : undefined;
  if (!ts.isPropertyAccessExpression(callee) || !/^(i18n|i18next)$/.test(callee.expression.getText())) return undefined;
  return callee.name.text === 't' || callee.name.text === 'exists' ? node.arguments[0] : undefined;
}

/** `const key = ...` in the same file, when `name` is declared exactly once there. */
function constInitializer(file: ts.SourceFile, name: string): ts.Expression | undefined {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer &&
      ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const
    )
      found.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.length === 1 ? found[0] : undefined;
}

export function rendererKeyUses(root: string, namespaces: ReadonlySet<string>, dir = 'renderer'): RendererKeyUses {
  const uses: RendererKeyUses = { literalKeys: new Map(), templates: [], indirect: [] };
  const keyLike = (head: string) => namespaces.has(head.split('.')[0]!) && head.includes('.');

  for (const path of sourceFiles(join(root, dir))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const name = relative(root, path);
    const where = (node: ts.Node) => `${name}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    // What a key argument is made of: literals and templates are recorded; a const is read through.
    const classify = (arg: ts.Expression, seen: ReadonlySet<string>): void => {
      if (ts.isParenthesizedExpression(arg) || ts.isAsExpression(arg) || ts.isNonNullExpression(arg)) return classify(arg.expression, seen);
      if (arg.kind === ts.SyntaxKind.NullKeyword) return;
      if (ts.isStringLiteralLike(arg)) {
        if (!uses.literalKeys.has(arg.text)) uses.literalKeys.set(arg.text, where(arg));
        return;
      }
      if (ts.isTemplateExpression(arg) && keyLike(arg.head.text)) return; // recorded with every template below
      if (ts.isConditionalExpression(arg)) return (classify(arg.whenTrue, seen), classify(arg.whenFalse, seen));
      if (ts.isIdentifier(arg) && !seen.has(arg.text)) {
        const init = constInitializer(file, arg.text);
        if (init && (ts.isStringLiteralLike(init) || ts.isTemplateExpression(init) || ts.isConditionalExpression(init)))
          return classify(init, new Set([...seen, arg.text]));
      }
      uses.indirect.push({ file: name, text: arg.getText(), where: where(arg) });
    };

    const visit = (node: ts.Node): void => {
      if (ts.isTemplateExpression(node) && keyLike(node.head.text)) uses.templates.push({ head: node.head.text, where: where(node) });
      if (ts.isCallExpression(node)) {
        const arg = keyArgument(node);
        if (arg) classify(arg, new Set());
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** The strings of `const NAME = [...]` in a source file (a renderer-local table); of tuples, the one at `index`. */
export function localTable(root: string, path: string, name: string, index = 0): string[] {
  const file = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
  const init = constInitializer(file, name);
  let array = init;
  while (array && (ts.isAsExpression(array) || ts.isSatisfiesExpression(array) || ts.isParenthesizedExpression(array)))
    array = array.expression;
  if (!array || !ts.isArrayLiteralExpression(array)) throw new Error(`${path}: no array literal named ${name}`);
  return array.elements.map((e) => {
    const first = ts.isArrayLiteralExpression(e) ? e.elements[index] : e;
    if (!first || !ts.isStringLiteralLike(first)) throw new Error(`${path}: ${name} holds something other than strings`);
    return first.text;
  });
}

/** The property names of an object literal `const name = { a: ..., b: ... }` in a renderer file. */
export function localKeys(root: string, path: string, name: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
  let init = constInitializer(file, name);
  while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  if (!init || !ts.isObjectLiteralExpression(init)) throw new Error(`${path}: no object literal named ${name}`);
  return init.properties.map((p) => {
    if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name))) throw new Error(`${path}: ${name} has a computed key`);
    return p.name.text;
  });
}
