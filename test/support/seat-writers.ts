// Finds every statement in a set of TypeScript files that writes seat state: a row of `enrollments`, an offering's
// `seats_taken` or `capacity`, or a delete that cascades into enrollments. Read with the compiler's own parser
// and type checker, so a column written through a spread (`set({ ...values })`) is seen as well as a literal one.
import { relative } from 'node:path';
import ts from 'typescript';

export interface SeatWrite {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  /** What is written, e.g. `updateTable('enrollments')`, `offerings.seats_taken`, `sql: update enrollments`. */
  what: string;
}

export interface SeatScan {
  writes: SeatWrite[];
  /** The conditional seat claims (`seats_taken + n … where … capacity`): invariant 1 wants exactly one. */
  claims: SeatWrite[];
}

const WRITE_METHODS = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const SEAT_COLUMNS = ['seats_taken', 'capacity'];
/** Tables whose deleted rows take enrollments with them (ON DELETE CASCADE, migrations/2026-11-28T1200_domain.ts). */
const CASCADING = new Set(['children', 'offerings', 'terms', 'schools']);
const RAW_WRITE = /\b(insert\s+into|update|delete\s+from|merge\s+into)\s+"?(enrollments|offerings)\b/i;

/**
 * The tables a Kysely write may name: `'enrollments'`, `'enrollments as e'`, or a parameter typed
 * `'notifications' | 'enrollments'` (read from its type).
 */
function tablesOf(checker: ts.TypeChecker, call: ts.CallExpression): string[] {
  const [first] = call.arguments;
  if (!first) return [];
  const names = ts.isStringLiteralLike(first)
    ? [first.text]
    : (() => {
        const type = checker.getTypeAtLocation(first);
        return (type.isUnion() ? type.types : [type]).filter((one) => one.isStringLiteral()).map((one) => (one as ts.StringLiteralType).value);
      })();
  return names.map((name) => name.split(/\s+as\s+/i)[0]!.trim());
}

/** The calls chained after `start` (`start.set(…).where(…).execute()`), innermost first. */
function chainAfter(start: ts.CallExpression): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  let node: ts.Node = start;
  while (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node && ts.isCallExpression(node.parent.parent)) {
    node = node.parent.parent;
    calls.push(node as ts.CallExpression);
  }
  return calls;
}

const methodOf = (call: ts.CallExpression) => (ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null);

/** The column names an argument of `set`/`values`/`doUpdateSet` may write; `null` when it cannot be told (a callback). */
function columnsOf(checker: ts.TypeChecker, argument: ts.Expression): string[] | null {
  let type = checker.getTypeAtLocation(argument);
  if (type.getCallSignatures().length > 0) return null;
  if (checker.isArrayType(type)) type = checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
  const types = type.isUnion() ? type.types : [type];
  return [...new Set(types.flatMap((one) => one.getProperties().map((property) => property.name)))];
}

function enclosingFunction(node: ts.Node): ts.Node {
  let current: ts.Node = node;
  while (current.parent && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current;
}

/** Whether, before `node` in its function, a function imported from the seat owner is called (it frees the seats first). */
function ownerCalledBefore(node: ts.Node, ownerImports: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (child: ts.Node) => {
    if (found || child.getStart() >= node.getStart()) return;
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && ownerImports.has(child.expression.text)) found = true;
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(enclosingFunction(node), visit);
  return found;
}

/** Names the file imports from the seat owner module. */
function importsFrom(source: ts.SourceFile, ownerModule: RegExp): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !ownerModule.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
  }
  return names;
}

function templateText(node: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ? ');
}

/** Scans the program's files under `root` that `include` accepts. */
export function scanSeatWrites(program: ts.Program, root: string, include: (file: string) => boolean, ownerModule = /\/seats\/seats(\.ts)?$/): SeatScan {
  const checker = program.getTypeChecker();
  const writes: SeatWrite[] = [];
  const claims: SeatWrite[] = [];
  for (const source of program.getSourceFiles()) {
    const file = relative(root, source.fileName).split('\\').join('/');
    if (source.isDeclarationFile || file.startsWith('..') || file.includes('node_modules') || !include(file)) continue;
    const ownerImports = importsFrom(source, ownerModule);
    const at = (node: ts.Node, what: string): SeatWrite => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });

    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const method = methodOf(node);
        const tables = method && WRITE_METHODS.has(method) ? tablesOf(checker, node) : [];
        if (tables.includes('enrollments')) writes.push(at(node, `${method}('enrollments')`));
        if (tables.includes('offerings') && method !== 'deleteFrom') {
          const chain = chainAfter(node);
          for (const call of chain) {
            const step = methodOf(call);
            if (!step || !['set', 'values', 'doUpdateSet'].includes(step) || !call.arguments[0]) continue;
            const columns = columnsOf(checker, call.arguments[0]);
            // A new offering holds no seats: its first capacity is the catalogue's to write, its counter is not.
            const guarded = method === 'insertInto' && step === 'values' ? ['seats_taken'] : SEAT_COLUMNS;
            if (columns === null) writes.push(at(call, `offerings.${step}(callback)`));
            else for (const column of guarded.filter((name) => columns.includes(name))) writes.push(at(call, `offerings.${column}`));
          }
          const argumentsOf = (step: string) => chain.filter((call) => methodOf(call) === step).flatMap((call) => call.arguments.map((argument) => argument.getText())).join(' ');
          const setText = argumentsOf('set');
          const whereText = argumentsOf('where');
          if (method === 'updateTable' && /seats_taken\s*\+/.test(setText) && /capacity/.test(whereText)) claims.push(at(node, 'seat claim'));
        }
        for (const table of tables.filter((name) => CASCADING.has(name))) {
          if (method === 'deleteFrom' && !ownerCalledBefore(node, ownerImports)) writes.push(at(node, `deleteFrom('${table}') cascades into enrollments`));
        }
        if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'raw' && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) && RAW_WRITE.test(node.arguments[0].text)) {
          writes.push(at(node, `sql.raw: ${RAW_WRITE.exec(node.arguments[0].text)![0]}`));
        }
      }
      if (ts.isTaggedTemplateExpression(node)) {
        const text = templateText(node.template);
        const raw = RAW_WRITE.exec(text);
        if (raw && (/enrollments/i.test(raw[2]!) || SEAT_COLUMNS.some((column) => text.includes(column)))) writes.push(at(node, `sql: ${raw[0]}`));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { writes, claims };
}

/** A program over the project's tsconfig (type information included), for scanning its own files. */
export function projectProgram(root: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}/tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } });
  if (!config) throw new Error(`cannot read ${root}/tsconfig.json`);
  const files = config.fileNames.filter((name) => /\/src\//.test(name) && !/\.test\.tsx?$/.test(name));
  return ts.createProgram(files, { ...config.options, noEmit: true });
}

/** A program over files held in memory (the scanner's own self-test). */
export function programOf(files: Record<string, string>, root: string): ts.Program {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const key = relative(root, name).split('\\').join('/');
    return key in files ? ts.createSourceFile(name, files[key]!, language, true) : read(name, language, ...rest);
  };
  host.fileExists = (name) => relative(root, name).split('\\').join('/') in files || ts.sys.fileExists(name);
  return ts.createProgram(Object.keys(files).map((name) => `${root}/${name}`), options, host);
}
