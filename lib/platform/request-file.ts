/**
 * Reading tenant request files (YAML or JSON: JSON is YAML 1.2) with the position of every node, so
 * each problem is reported as `file:line:column: message`.
 */
import * as fs from "fs";
import * as path from "path";
import { Document, isMap, isNode, LineCounter, parseDocument, Scalar, YAMLMap } from "yaml";
import { z } from "zod";
import { TenantRequest, tenantRequestSchema } from "./request-schema";

/** One problem found in a request, with where it is. */
export interface RequestProblem {
  /** The request file (as given). */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
  /** The message, naming the field as written in the file (`customerEndpoint.ip`). */
  readonly message: string;
}

/** `file:line:column: message`. */
export function formatProblem(p: RequestProblem): string {
  const at = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : "";
  return `${p.file}${at}: ${p.message}`;
}

/** A request file that passed the shape check. */
export interface LoadedRequest {
  /** The file (as given). */
  readonly file: string;
  /** The request. */
  readonly request: TenantRequest;
  /** Where a field is in the file (the nearest existing parent when the field is absent). */
  readonly positionOf: (fieldPath: ReadonlyArray<string | number>) => {
    /** 1-based line. */
    line: number;
    /** 1-based column. */
    column: number;
  };
}

/** Renders a field path as the file spells it: `privateCidrs[0]`, `customerEndpoint.ip`. */
export function fieldName(fieldPath: ReadonlyArray<PropertyKey>): string {
  return fieldPath
    .map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`))
    .join("");
}

/** Parses a field path written as `privateCidrs[0]` or `customerEndpoint.ip` back into segments. */
export function parseFieldName(name: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function locator(doc: Document, lines: LineCounter) {
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const nodeAt = (fieldPath: ReadonlyArray<string | number>) => {
    for (let n = fieldPath.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(fieldPath.slice(0, n), true);
      if (isNode(node) && node.range) return node;
    }
    return undefined;
  };
  const positionOf = (fieldPath: ReadonlyArray<string | number>) => {
    const node = nodeAt(fieldPath);
    return node?.range ? at(node.range[0]) : { line: 1, column: 1 };
  };
  const keyPositionOf = (mapPath: ReadonlyArray<string | number>, key: string) => {
    const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
    if (isMap(map)) {
      const pair = (map as YAMLMap).items.find((p) => (p.key as Scalar | undefined)?.value === key);
      const range = (pair?.key as Scalar | undefined)?.range;
      if (range) return at(range[0]);
    }
    return positionOf(mapPath);
  };
  return { positionOf, keyPositionOf };
}

function issueMessage(issue: z.core.$ZodIssue, name: string): string {
  const field = name === "" ? "the request" : `\`${name}\``;
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) {
    return `${field} is required (${issue.expected})`;
  }
  if (issue.code === "invalid_type")
    return `${field} has the wrong type: ${issue.message.replace(/^Invalid input: /, "")}`;
  if (issue.code === "invalid_value") return `${field} ${issue.message.replace(/^Invalid option: /, "")}`;
  return `${field} ${issue.message}`;
}

/** Parses and shape-checks one request file's text; every problem is returned, none thrown. */
export function parseRequestText(
  file: string,
  text: string,
): {
  /** The request, when the file is a valid request. */
  request?: LoadedRequest;
  /** The file's problems, in file order (none when `request` is given). */
  problems: RequestProblem[];
} {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const p = lines.linePos(e.pos[0]);
        return { file, line: p.line, column: p.col, message: `syntax error: ${e.message.split("\n")[0]}` };
      }),
    };
  }
  const { positionOf, keyPositionOf } = locator(doc, lines);
  const data: unknown = doc.toJS();
  const result = tenantRequestSchema.safeParse(data);
  if (!result.success) {
    const problems: RequestProblem[] = [];
    for (const issue of result.error.issues) {
      const p = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const pos = keyPositionOf(p, key);
          problems.push({
            file,
            ...pos,
            message: `\`${fieldName([...p, key])}\` is not a known field (see the request schema)`,
          });
        }
        continue;
      }
      problems.push({ file, ...positionOf(p), message: issueMessage(issue, fieldName(p)) });
    }
    return { problems };
  }
  return { request: { file, request: result.data, positionOf }, problems: [] };
}

/** Reads and shape-checks one request file. */
export function loadRequestFile(file: string): {
  /** The request, when the file is a valid request. */
  request?: LoadedRequest;
  /** The file's problems, in file order (none when `request` is given). */
  problems: RequestProblem[];
} {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return { problems: [{ file, message: `cannot be read: ${(e as Error).message}` }] };
  }
  return parseRequestText(file, text);
}

/** The request files of a folder (`*.yaml`, `*.yml`, `*.json`), sorted by name. */
export function requestFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads every request file of a folder (or one file); problems of all files together. */
export function loadRequests(fileOrDir: string): {
  /** The valid requests, in file order. */
  requests: LoadedRequest[];
  /** Every problem of every file, in file order. */
  problems: RequestProblem[];
} {
  const files = fs.statSync(fileOrDir).isDirectory() ? requestFilesIn(fileOrDir) : [fileOrDir];
  const requests: LoadedRequest[] = [];
  const problems: RequestProblem[] = [];
  for (const f of files) {
    const r = loadRequestFile(f);
    if (r.request) requests.push(r.request);
    problems.push(...r.problems);
  }
  return { requests, problems };
}
