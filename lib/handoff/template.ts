import { joinText } from "../core/strings";
/**
 * Building text that lands in a Terraform output. Terraform evaluates an output's string as a
 * template: `${...}` interpolates and `%{...}` is a directive. Text the library writes itself is
 * escaped (`$${`, `%%{`) so it survives apply literally; values (cdktf tokens such as
 * `${TfToken[TOKEN.12]}`, or a raw `${aws_vpn_connection.x.tunnel1_address}`) pass through, so they
 * resolve at synth into interpolations that Terraform fills in at apply.
 */

/**
 * Escapes a literal for a Terraform string template: `${` becomes `$${` and `%{` becomes `%%{`.
 *
 * @example
 * escapeTemplateLiteral("%{PSK}"); // "%%{PSK}"
 */
export function escapeTemplateLiteral(text: string): string {
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** One piece of a rendered line: a literal (escaped on output) or a value (passed through). */
export interface Piece {
  readonly text: string;
  /** Whether `text` is a literal to escape (false for tokens and interpolations). */
  readonly literal: boolean;
}

/** A literal piece. */
export function lit(text: string): Piece {
  return { text, literal: true };
}

/** A value piece: a token, a Terraform interpolation or a validated literal that needs no escaping. */
export function val(value: string): Piece {
  return { text: value, literal: false };
}

/**
 * Joins pieces into a line, escaping literals. Plain strings count as literals.
 *
 * @example
 * line(lit("right="), val(endpoints.outsideAddress)); // "right=${TfToken[TOKEN.7]}"
 */
export function line(...pieces: (Piece | string)[]): string {
  return joinText(
    pieces.map((p) =>
      typeof p === "string" ? escapeTemplateLiteral(p) : p.literal ? escapeTemplateLiteral(p.text) : p.text,
    ),
    "",
  );
}

/**
 * The placeholder that stands where a device expects the pre-shared key: it says where to fetch the
 * key and never carries it. After apply it reads `%{PSK tunnel 1 from arn:aws:secretsmanager:...}`.
 */
export function pskPlaceholder(tunnelNumber: number, presharedKeyLocation: string): Piece[] {
  return [lit(`%{PSK tunnel ${tunnelNumber} from `), val(presharedKeyLocation), lit("}")];
}
