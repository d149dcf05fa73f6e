/**
 * Derives, with the TypeScript compiler, every string a user can hand the library: each string prop
 * (at any depth) of the props of every exported construct, and each string parameter of the exported
 * static factories (`fromXxxId`, `ControlPlanePeer.cidr`, ...). The input-boundary tests compare this
 * list with the constructs' declared classifications and feed a canary payload into each entry, so a
 * new prop cannot be left out.
 *
 * Path notation: `a.b` nested prop, `a[]` list element, `a{}` map key, `a.*` map value (any depth
 * when the value type is `unknown`).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const LIB = path.join(ROOT, "lib");

/** The string paths of one input. */
export interface StringInput {
  /** `ClassName` (constructor props) or `ClassName.method` / `functionName`. */
  readonly owner: string;
  /** The props type's name (constructor props) or the parameter name. */
  readonly typeName: string;
  /** String paths, sorted. */
  readonly paths: string[];
}

let cached: StringInput[] | undefined;

/** Every string input of the public API (`lib/index.ts`). Takes a few seconds (one compiler run). */
export function publicStringInputs(): StringInput[] {
  if (cached) return cached;
  // only the library's own sources: types from cdktf and the providers stay unresolved (never strings)
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
  if (!index) throw new Error("lib/index.ts not found");
  const moduleSymbol = checker.getSymbolAtLocation(index);
  if (!moduleSymbol) throw new Error("lib/index.ts has no module symbol");
  const out: StringInput[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.[0];
    if (!decl || !decl.getSourceFile().fileName.startsWith(LIB)) continue;
    if (ts.isClassDeclaration(decl)) {
      if (isConstructClass(checker, decl)) {
        const ctor = decl.members.find(ts.isConstructorDeclaration);
        const props = ctor?.parameters[2];
        if (ctor && props && !hasModifier(ctor, ts.SyntaxKind.PrivateKeyword)) {
          const type = checker.getTypeAtLocation(props);
          out.push({
            owner: symbol.name,
            typeName: typeName(checker, type),
            paths: stringPaths(checker, type, "", new Set()).sort(),
          });
        }
      }
      // static factories: each string parameter (and strings inside attribute interfaces)
      for (const member of decl.members) {
        if (!ts.isMethodDeclaration(member) || !hasModifier(member, ts.SyntaxKind.StaticKeyword)) continue;
        if (hasModifier(member, ts.SyntaxKind.PrivateKeyword)) continue;
        const name = `${symbol.name}.${member.name.getText()}`;
        for (const p of member.parameters) {
          const type = checker.getTypeAtLocation(p);
          const paths = stringPaths(checker, type, p.name.getText(), new Set());
          if (paths.length > 0 && !SKIPPED_PARAMETERS.has(p.name.getText())) {
            out.push({ owner: name, typeName: p.name.getText(), paths: paths.sort() });
          }
        }
      }
    } else if (ts.isFunctionDeclaration(decl) && decl.name?.text === "renderDeviceConfig") {
      const p = decl.parameters[0];
      const type = checker.getTypeAtLocation(p);
      out.push({
        owner: decl.name.text,
        typeName: typeName(checker, type),
        paths: stringPaths(checker, type, "", new Set()).sort(),
      });
    }
  }
  cached = out.sort((a, b) => `${a.owner}/${a.typeName}`.localeCompare(`${b.owner}/${b.typeName}`));
  return cached;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function typeName(checker: ts.TypeChecker, type: ts.Type): string {
  return checker.typeToString(checker.getNonNullableType(type));
}

// the construct id and scope of a factory are not Terraform strings (ids become sanitized addresses)
const SKIPPED_PARAMETERS = new Set(["id", "scope"]);

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return libFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

/** Whether a class extends `Construct`, directly or through the library's own base classes. */
function isConstructClass(checker: ts.TypeChecker, decl: ts.ClassDeclaration): boolean {
  const base = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]
    ?.expression;
  if (!base) return false;
  if (base.getText() === "Construct") return true;
  let symbol = checker.getSymbolAtLocation(base);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const next = symbol?.declarations?.find(ts.isClassDeclaration);
  return next !== undefined && isConstructClass(checker, next);
}

function isErrorType(type: ts.Type): boolean {
  return (type as { intrinsicName?: string }).intrinsicName === "error";
}

function join(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

/** Whether an object type is the library's own plain data (not a reference, class, or foreign type). */
function isPlainLibraryData(type: ts.Type): boolean {
  const symbol = type.aliasSymbol ?? type.getSymbol();
  if (!symbol) return false;
  if (symbol.flags & ts.SymbolFlags.Class) return false; // constructs, crypto profiles, peers: made by factories
  if (symbol.name === "__type" || symbol.name === "__object") return true; // inline { [key: string]: ... }
  const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? "";
  if (!file.startsWith(LIB)) return false; // provider classes and cdktf types
  return !/^I[A-Z]/.test(symbol.name); // IVpc, ISpace, ...: references to what a construct or factory made
}

function stringPaths(checker: ts.TypeChecker, input: ts.Type, prefix: string, seen: Set<ts.Type>): string[] {
  if (isErrorType(input)) return []; // a type of cdktf or a provider (not resolved here)
  if (input.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return [prefix]; // any JSON: strings at any depth
  const type = checker.getNonNullableType(input);
  if (type.isUnion()) {
    // a string enum is a union of string literals: one string input
    if (type.types.every((t) => t.flags & ts.TypeFlags.StringLike)) return [prefix];
    return [...new Set(type.types.flatMap((t) => stringPaths(checker, t, prefix, seen)))];
  }
  if (type.flags & ts.TypeFlags.StringLike) return [prefix];
  if (!(type.flags & ts.TypeFlags.Object)) return [];
  if (checker.isArrayType(type)) {
    const element = checker.getTypeArguments(type as ts.TypeReference)[0];
    return stringPaths(checker, element, `${prefix}[]`, seen);
  }
  const indexValue = checker.getIndexTypeOfType(type, ts.IndexKind.String);
  if (indexValue) {
    // a map ({ [key: string]: V }, Record<string, V>): its keys and its values
    return [`${prefix}{}`, ...stringPaths(checker, indexValue, join(prefix, "*"), seen)];
  }
  if (!isPlainLibraryData(type) || seen.has(type)) return [];
  const next = new Set(seen).add(type);
  const out: string[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const decl = property.valueDeclaration ?? property.declarations?.[0];
    if (!decl) continue;
    const propertyType = checker.getTypeOfSymbolAtLocation(property, decl);
    if (propertyType.getCallSignatures().length > 0) continue;
    out.push(...stringPaths(checker, propertyType, join(prefix, property.name), next));
  }
  return out;
}
