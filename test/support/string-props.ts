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
import * as ts from "typescript";
import {
  hasModifier,
  isErrorType,
  isPlainLibraryData,
  publicDeclarations,
} from "../../scripts/library-program";

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
  const { checker, declarations } = publicDeclarations();
  const out: StringInput[] = [];
  for (const { symbol, decl } of declarations) {
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

function typeName(checker: ts.TypeChecker, type: ts.Type): string {
  return checker.typeToString(checker.getNonNullableType(type));
}

// the construct id and scope of a factory are not Terraform strings (ids become sanitized addresses)
const SKIPPED_PARAMETERS = new Set(["id", "scope"]);

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

function join(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
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
