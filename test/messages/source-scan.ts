/**
 * Reads the app's own TypeScript with the compiler API, for the catalogue tests: the
 * string and template literals of a file (with what they are an argument of), and every
 * `t(...)` call with the catalogue keys its first argument can take, worked out from the
 * types (so `t(\`health.${health}\`)` counts each Health value's key).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Every .ts file under `dirs` (relative to the repo root), sorted, repo-relative paths. */
export function tsFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(ROOT, path));
    }
  };
  for (const dir of dirs) {
    const full = join(ROOT, dir);
    if (statSync(full).isDirectory()) walk(full);
    else out.push(relative(ROOT, full));
  }
  return out.sort();
}

/** One program over the files, with the repo's compiler options (for the type checker). */
export function programOf(files: readonly string[]): ts.Program {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(
    files.map((f) => join(ROOT, f)),
    { ...parsed.options, noEmit: true },
  );
  // Binding (done by the checker) sets every node's parent, which the scans walk up.
  program.getTypeChecker();
  return program;
}

export interface Literal {
  file: string;
  line: number;
  /** The literal's text; a template's substitutions are shown as `${…}`. */
  text: string;
  node: ts.Node;
}

/** String literals, plain templates and template expressions of a file, in order. */
export function literalsOf(program: ts.Program, file: string): Literal[] {
  const source = program.getSourceFile(join(ROOT, file));
  if (!source) throw new Error(`source-scan: ${file} is not in the program`);
  const out: Literal[] = [];
  const at = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ file, line: at(node), text: node.text, node });
    } else if (ts.isTemplateExpression(node)) {
      const text =
        node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('');
      out.push({ file, line: at(node), text, node });
      // Templates nested in the substitutions are literals of their own.
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The string values a node's type allows, or null when it is wider than a finite set. */
function stringValues(checker: ts.TypeChecker, node: ts.Node): string[] | null {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (!part.isStringLiteral()) return null;
    values.push(part.value);
  }
  return values;
}

/** The keys a `t(...)` argument can be; null when they cannot be known from the source. */
function keysOf(checker: ts.TypeChecker, arg: ts.Expression): string[] | null {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return [arg.text];
  if (ts.isParenthesizedExpression(arg)) return keysOf(checker, arg.expression);
  if (ts.isConditionalExpression(arg)) {
    const a = keysOf(checker, arg.whenTrue);
    const b = keysOf(checker, arg.whenFalse);
    return a && b ? [...a, ...b] : null;
  }
  if (ts.isTemplateExpression(arg)) {
    let keys = [arg.head.text];
    for (const span of arg.templateSpans) {
      const values = stringValues(checker, span.expression);
      if (!values) return null;
      keys = keys.flatMap((k) => values.map((v) => k + v + span.literal.text));
    }
    return keys;
  }
  return stringValues(checker, arg);
}

export interface TCall {
  file: string;
  line: number;
  /** Possible keys, or null when the argument is not a literal, a choice of literals or a finite union. */
  keys: string[] | null;
  source: string;
}

/**
 * Every call of the catalogue's `t` (an identifier named `t`) in the files, and of `tn`
 * (plural forms), whose literal base stands for its `_one` and `_other` keys.
 */
export function tCalls(program: ts.Program, files: readonly string[]): TCall[] {
  const checker = program.getTypeChecker();
  const out: TCall[] = [];
  for (const file of files) {
    const source = program.getSourceFile(join(ROOT, file));
    if (!source) throw new Error(`source-scan: ${file} is not in the program`);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        (node.expression.text === 't' || node.expression.text === 'tn') &&
        node.arguments[0]
      ) {
        const arg = node.arguments[0];
        const keys = keysOf(checker, arg);
        out.push({
          file,
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          keys:
            node.expression.text === 'tn'
              ? (keys?.flatMap((base) => [`${base}_one`, `${base}_other`]) ?? null)
              : keys,
          source: arg.getText(source),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
