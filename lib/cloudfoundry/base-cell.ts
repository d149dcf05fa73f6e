/**
 * The operator's own Diego cell instance group, the source of truth of the dedicated cells: as
 * `bosh int <manifest> -o <ops files> --path /instance_groups/name=diego-cell` prints it.
 */
import * as fs from "fs";
import { parseDocument } from "yaml";
import { checkIdentifier } from "../core/boundary";
import {
  baseCellField,
  baseCellFile,
  baseCellNoNetworks,
  baseCellNoRep,
  baseCellNotMap,
  baseCellSecret,
  baseCellYaml,
} from "../core/errors-cells";

/** An instance group as plain data. */
export type InstanceGroup = { [key: string]: unknown };

/** A literal credential: a PEM block of a key or certificate. */
const PEM = /-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE)-----/;

/**
 * The operator's Diego cell instance group, from YAML text, a parsed object or a file read at synth.
 *
 * Input boundary: the file path is an identifier (refused when it carries `${`, `%{` or a control
 * character); the group's content is BOSH text, kept as it is for BOSH (the `cdktf.out` ops file)
 * and escaped where it reaches a Terraform output (`PrivateEgressHandoff`'s ops file output), so a
 * `${...}` in a job property prints literally.
 *
 * @example
 * // bosh int cf-deployment.yml -o my-ops.yml --path /instance_groups/name=diego-cell > diego-cell.yml
 * const baseCell = BaseCell.fromFile("diego-cell.yml");
 */
export class BaseCell {
  /** The group as YAML text (what `bosh int --path` prints). */
  public static fromYaml(yamlText: string): BaseCell {
    return new BaseCell("YAML text", (prop) => parseYaml(yamlText, "YAML text", prop));
  }

  /** The group as an already parsed object. */
  public static fromObject(instanceGroup: { [key: string]: unknown }): BaseCell {
    return new BaseCell("object", () => instanceGroup);
  }

  /** A YAML file holding the group, read when the cells are defined (at synth). */
  public static fromFile(filePath: string): BaseCell {
    checkIdentifier("filePath", filePath);
    return new BaseCell(filePath, (prop) => {
      let text: string;
      try {
        text = fs.readFileSync(filePath, "utf8");
      } catch (e) {
        throw baseCellFile(prop, filePath, (e as Error).message);
      }
      return parseYaml(text, filePath, prop);
    });
  }

  /** Where the group comes from: a file path, `YAML text` or `object`. */
  public readonly source: string;
  private readonly load: (prop: string) => unknown;

  private constructor(source: string, load: (prop: string) => unknown) {
    this.source = source;
    this.load = load;
  }

  /**
   * The validated group, a deep copy. Throws a named error when it is not one Diego cell instance
   * group: not a map, invalid YAML, no name, no `rep` job, no networks, a literal credential.
   *
   * @example
   * const group = baseCell.resolve("baseCell");
   */
  public resolve(prop: string): InstanceGroup {
    const raw = this.load(prop);
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw baseCellNotMap(prop, raw);
    const group = JSON.parse(JSON.stringify(raw)) as InstanceGroup;
    if (Array.isArray(group.instance_groups) && group.jobs === undefined) {
      throw baseCellField(
        prop,
        this.source,
        "is a whole manifest",
        "give one instance group: bosh int <manifest> --path /instance_groups/name=diego-cell",
      );
    }
    if (typeof group.name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(group.name)) {
      throw baseCellField(
        `${prop}.name`,
        group.name,
        "is not an instance group name",
        "a BOSH name such as diego-cell",
      );
    }
    const jobs = group.jobs;
    if (
      !Array.isArray(jobs) ||
      jobs.some((j) => typeof j !== "object" || j === null || typeof j.name !== "string")
    ) {
      throw baseCellField(
        `${prop}.jobs`,
        jobs,
        "is not a list of jobs",
        "each job a map with name and release",
      );
    }
    const names = (jobs as InstanceGroup[]).map((j) => j.name as string);
    if (!(jobs as InstanceGroup[]).some((j) => j.name === "rep" && j.release === "diego")) {
      throw baseCellNoRep(`${prop}.jobs`, names);
    }
    if (!Array.isArray(group.networks) || group.networks.length === 0) {
      throw baseCellNoNetworks(`${prop}.networks`, group.networks);
    }
    const secret = findPem(group, "");
    if (secret !== undefined) throw baseCellSecret(prop, secret || "/");
    return group;
  }
}

function parseYaml(text: string, source: string, prop: string): unknown {
  // every environment of an app usually clones the same base cell: parse its text once (`resolve`
  // returns a deep copy, so the parsed object is never handed out or changed)
  const parsed = PARSED.get(text);
  if (parsed !== undefined) return parsed;
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? { line: 0, col: 0 };
    throw baseCellYaml(
      prop,
      source,
      pos.line,
      pos.col,
      error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
    );
  }
  const value: unknown = doc.toJS();
  if (PARSED.size >= 16) PARSED.clear();
  PARSED.set(text, value);
  return value;
}

/** Parsed base cells by YAML text (a few distinct texts per app at most). */
const PARSED = new Map<string, unknown>();

/** The go-patch path of the first string holding a PEM key or certificate. */
function findPem(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return PEM.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as { name?: unknown };
      const seg =
        item && typeof item === "object" && typeof item.name === "string" ? `name=${item.name}` : String(i);
      const found = findPem(item, `${path}/${seg}`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = findPem(v, `${path}/${k}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
