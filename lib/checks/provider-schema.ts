/**
 * Checks synthesized Terraform JSON against a provider schema in the format
 * `terraform providers schema -json` prints, so that escape hatches and overrides cannot produce
 * what the provider would reject (unknown attribute, missing required attribute, wrong type,
 * an attribute the provider computes but never accepts).
 */
import * as fs from "fs";
import * as path from "path";

const SCHEMA_FILE = path.join("providers", "cloudfoundry-1.16.0.schema.json");

/** One attribute of a provider schema. */
export interface SchemaAttribute {
  /** The attribute's type in Terraform's JSON type notation, e.g. `"string"` or `["list", "string"]`. */
  readonly type?: unknown;
  /** The attributes of a nested attribute, instead of `type`. */
  readonly nested_type?: SchemaNestedType;
  /** Whether the attribute must be set. */
  readonly required?: boolean;
  /** Whether the attribute may be set. */
  readonly optional?: boolean;
  /** Whether the provider computes the attribute. */
  readonly computed?: boolean;
}

/** The attributes of a nested attribute. */
export interface SchemaNestedType {
  /** The nested attributes, by name. */
  readonly attributes: Record<string, SchemaAttribute>;
  /** `single`, `list`, `set` or `map`. */
  readonly nesting_mode: string;
}

/** A block type nested in a schema block. */
export interface SchemaBlockType {
  /** `single`, `list`, `set` or `map`. */
  readonly nesting_mode: string;
  /** The nested block's schema. */
  readonly block: SchemaBlock;
  /** The fewest blocks allowed. */
  readonly min_items?: number;
}

/** One block of a provider schema. */
export interface SchemaBlock {
  /** The block's attributes, by name. */
  readonly attributes?: Record<string, SchemaAttribute>;
  /** The block's nested block types, by name. */
  readonly block_types?: Record<string, SchemaBlockType>;
}

/** The schema of one resource or data source type. */
export interface ObjectSchema {
  /** The top-level block. */
  readonly block: SchemaBlock;
}

/** The schemas of one provider. */
export interface ProviderSchema {
  /** Resource schemas, by resource type. */
  readonly resource_schemas?: Record<string, ObjectSchema>;
  /** Data source schemas, by data source type. */
  readonly data_source_schemas?: Record<string, ObjectSchema>;
}

/** The part of `terraform providers schema -json` this checker reads. */
export interface ProviderSchemaDocument {
  /** The schemas by provider source address, e.g. `registry.terraform.io/cloudfoundry/cloudfoundry`. */
  readonly provider_schemas: Record<string, ProviderSchema>;
}

/** A finding of the schema checker. */
export interface SchemaProblem {
  /** Terraform address, e.g. `cloudfoundry_space.app` or `data.cloudfoundry_org.org`. */
  readonly address: string;
  /** Attribute path inside the object, e.g. `rules[0].ports`. */
  readonly attribute: string;
  /** What is wrong, e.g. `expected string, got number`. */
  readonly message: string;
}

const META_ARGUMENTS = new Set([
  "//",
  "count",
  "for_each",
  "depends_on",
  "provider",
  "lifecycle",
  "connection",
  "provisioner",
]);

/**
 * The Cloud Foundry provider schema kept in the repository (facts only: names, types, modes), the
 * same file the bindings in `gen/` are generated from.
 */
export function cloudFoundrySchema(): ProviderSchemaDocument {
  cachedSchema ??= JSON.parse(fs.readFileSync(schemaFilePath(), "utf8")) as ProviderSchemaDocument;
  return cachedSchema;
}

let cachedSchema: ProviderSchemaDocument | undefined;

/**
 * Finds `providers/` at the package root, walking up from this file: `lib/checks` in the source
 * tree, `dist/lib/checks` in a build, `node_modules/cdktf-private-egress/dist/lib/checks` installed.
 */
function schemaFilePath(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SCHEMA_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(`${SCHEMA_FILE} not found in any parent directory of ${__dirname}`);
    }
  }
}

function isToken(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

function checkType(type: unknown, value: unknown, where: string, out: string[]): void {
  if (value === null || isToken(value)) return;
  if (typeof type === "string") {
    switch (type) {
      case "string":
        if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          out.push(`${where}: expected string, got ${describe(value)}`);
        }
        return;
      case "number":
        if (typeof value !== "number" && !(typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))) {
          out.push(`${where}: expected number, got ${describe(value)}`);
        }
        return;
      case "bool":
        if (typeof value !== "boolean" && value !== "true" && value !== "false") {
          out.push(`${where}: expected bool, got ${describe(value)}`);
        }
        return;
      case "dynamic":
        return;
      default:
        out.push(`${where}: schema type ${type} is not understood by the checker`);
        return;
    }
  }
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown];
    if (kind === "list" || kind === "set") {
      if (!Array.isArray(value)) {
        out.push(`${where}: expected ${kind}, got ${describe(value)}`);
        return;
      }
      value.forEach((item, i) => checkType(inner, item, `${where}[${i}]`, out));
      return;
    }
    if (kind === "map") {
      if (!isPlainObject(value)) {
        out.push(`${where}: expected map, got ${describe(value)}`);
        return;
      }
      for (const [k, v] of Object.entries(value)) checkType(inner, v, `${where}.${k}`, out);
      return;
    }
    if (kind === "object") {
      if (!isPlainObject(value)) {
        out.push(`${where}: expected object, got ${describe(value)}`);
        return;
      }
      const fields = inner as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) {
        if (!(k in fields)) out.push(`${where}.${k}: unknown attribute`);
        else checkType(fields[k], v, `${where}.${k}`, out);
      }
      return;
    }
  }
  out.push(`${where}: schema type ${JSON.stringify(type)} is not understood by the checker`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isPlainObject(value)) return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function checkAttributes(
  attributes: Record<string, SchemaAttribute>,
  blockTypes: SchemaBlock["block_types"],
  body: Record<string, unknown>,
  prefix: string,
  isDataSource: boolean,
  out: string[],
): void {
  for (const [name, value] of Object.entries(body)) {
    if (prefix === "" && META_ARGUMENTS.has(name)) continue;
    const where = prefix === "" ? name : `${prefix}.${name}`;
    const attr = attributes[name];
    const block = blockTypes?.[name];
    if (attr) {
      if (attr.computed && !attr.optional && !attr.required) {
        out.push(`${where}: attribute is computed by the provider and cannot be set`);
        continue;
      }
      if (attr.nested_type) {
        checkNested(attr.nested_type, value, where, isDataSource, out);
      } else {
        checkType(attr.type, value, where, out);
      }
    } else if (block) {
      const items = block.nesting_mode === "single" || block.nesting_mode === "group" ? [value] : value;
      if (!Array.isArray(items)) {
        if (isToken(items)) continue;
        out.push(`${where}: expected a list of ${name} blocks, got ${describe(items)}`);
        continue;
      }
      items.forEach((item, i) => {
        const w =
          block.nesting_mode === "single" || block.nesting_mode === "group" ? where : `${where}[${i}]`;
        if (!isPlainObject(item)) {
          if (!isToken(item)) out.push(`${w}: expected a block, got ${describe(item)}`);
          return;
        }
        checkAttributes(block.block.attributes ?? {}, block.block.block_types, item, w, isDataSource, out);
      });
    } else {
      out.push(`${where}: unknown attribute (the schema has: ${Object.keys(attributes).sort().join(", ")})`);
    }
  }
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.required && !(name in body)) {
      out.push(`${prefix === "" ? name : `${prefix}.${name}`}: required attribute is missing`);
    }
  }
}

function checkNested(
  nested: NonNullable<SchemaAttribute["nested_type"]>,
  value: unknown,
  where: string,
  isDataSource: boolean,
  out: string[],
): void {
  if (value === null || isToken(value)) return;
  const single = nested.nesting_mode === "single";
  const items = single ? [value] : value;
  if (!Array.isArray(items)) {
    out.push(`${where}: expected a ${nested.nesting_mode} of objects, got ${describe(items)}`);
    return;
  }
  items.forEach((item, i) => {
    const w = single ? where : `${where}[${i}]`;
    if (isToken(item)) return;
    if (!isPlainObject(item)) {
      out.push(`${w}: expected an object, got ${describe(item)}`);
      return;
    }
    checkAttributes(nested.attributes, undefined, item, w, isDataSource, out);
  });
}

/**
 * Checks every resource and data source of the given provider type prefix in a synthesized
 * `cdk.tf.json` document against the schema. Returns the problems found (empty when all is well).
 *
 * @example
 * const problems = checkAgainstSchema(JSON.parse(Testing.synth(stack)), cloudFoundrySchema(), "cloudfoundry_");
 */
export function checkAgainstSchema(
  synthesized: Record<string, unknown>,
  schema: ProviderSchemaDocument,
  typePrefix: string,
): SchemaProblem[] {
  const resourceSchemas: Record<string, { block: SchemaBlock }> = {};
  const dataSchemas: Record<string, { block: SchemaBlock }> = {};
  for (const provider of Object.values(schema.provider_schemas)) {
    Object.assign(resourceSchemas, provider.resource_schemas ?? {});
    Object.assign(dataSchemas, provider.data_source_schemas ?? {});
  }
  const problems: SchemaProblem[] = [];
  const sections: Array<[string, Record<string, { block: SchemaBlock }>, boolean]> = [
    ["resource", resourceSchemas, false],
    ["data", dataSchemas, true],
  ];
  for (const [section, schemas, isData] of sections) {
    const byType = (synthesized[section] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [type, objects] of Object.entries(byType)) {
      if (!type.startsWith(typePrefix)) continue;
      for (const [name, body] of Object.entries(objects)) {
        const address = `${isData ? "data." : ""}${type}.${name}`;
        const typeSchema = schemas[type];
        if (!typeSchema) {
          problems.push({
            address,
            attribute: "",
            message: `${section} type ${type} is not in the provider schema`,
          });
          continue;
        }
        const out: string[] = [];
        if (!isPlainObject(body)) {
          out.push(`: expected an object, got ${describe(body)}`);
        } else {
          checkAttributes(
            typeSchema.block.attributes ?? {},
            typeSchema.block.block_types,
            body,
            "",
            isData,
            out,
          );
        }
        for (const message of out) {
          const colon = message.indexOf(": ");
          problems.push({ address, attribute: message.slice(0, colon), message: message.slice(colon + 2) });
        }
      }
    }
  }
  return problems;
}
