/**
 * The library's own sources as one TypeScript program, for the tools that derive facts from the
 * public API's types: the props-shape generator (scripts/prop-shapes.ts) and the input-boundary
 * canary's string walker (test/support/string-props.ts). Only lib/ is compiled, without resolving
 * imports: types of cdktf and the providers stay unresolved ("error" types), which both tools treat
 * as foreign references.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** The library's source folder. */
export const LIB = path.resolve(__dirname, "..", "lib");

/** The program's checker and each symbol `lib/index.ts` exports that is declared in lib/. */
export function publicDeclarations(): {
  checker: ts.TypeChecker;
  declarations: Array<{ symbol: ts.Symbol; decl: ts.Declaration }>;
} {
  const program = ts.createProgram(libFiles(LIB), {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    lib: ["lib.es2020.d.ts"],
    strict: true,
    noResolve: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(path.join(LIB, "index.ts"));
  const moduleSymbol = index && checker.getSymbolAtLocation(index);
  if (!moduleSymbol) throw new Error("lib/index.ts not found");
  const declarations: Array<{ symbol: ts.Symbol; decl: ts.Declaration }> = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (decl && decl.getSourceFile().fileName.startsWith(LIB)) declarations.push({ symbol, decl });
  }
  return { checker, declarations };
}

/** Whether a node carries a modifier (`private`, `static`, ...). */
export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Whether a type is unresolved: a type of cdktf or a provider, which the program does not load. */
export function isErrorType(type: ts.Type): boolean {
  return (type as { intrinsicName?: string }).intrinsicName === "error";
}

/** Whether an object type is the library's own plain data (not a reference, class, or foreign type). */
export function isPlainLibraryData(type: ts.Type): boolean {
  const symbol = type.aliasSymbol ?? type.getSymbol();
  if (!symbol) return false;
  if (symbol.flags & ts.SymbolFlags.Class) return false; // constructs, crypto profiles, peers: made by factories
  if (symbol.name === "__type" || symbol.name === "__object") return true; // inline { [key: string]: ... }
  const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? "";
  if (!file.startsWith(LIB)) return false; // provider classes and cdktf types
  return !/^I[A-Z]/.test(symbol.name); // IVpc, ISpace, ...: references to what a construct or factory made
}

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return libFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".generated.ts") ? [p] : [];
  });
}
