import { ERROR_STRICT_WARNING_COMPAT } from "../profiles";
import { NOT_APPLICABLE, outcome, PolicyRule } from "../rule";
import { isExpression } from "../view";

/**
 * PE-AWS-VPN-007: the connection stores its pre-shared keys in Secrets Manager
 * (`preshared_key_storage = "SecretsManager"`, which also exports `preshared_key_arn`). `Standard`
 * or unset keeps the keys only in the VPN service and in Terraform state.
 *
 * Mirrors no public scanner check; anchored in SC-12 / SC-28 (key management, protection at rest).
 */
export const vpnKeyStorage: PolicyRule = {
  id: "PE-AWS-VPN-007",
  title: "VPN pre-shared keys are stored in Secrets Manager",
  mirrors: "- (NIST SC-12, SC-28)",
  severity: ERROR_STRICT_WARNING_COMPAT,
  appliesTo: ["aws_vpn_connection"],
  evaluate: (object) => {
    if (object.type !== "aws_vpn_connection") return NOT_APPLICABLE;
    const storage = object.values.preshared_key_storage;
    if (isExpression(storage)) return NOT_APPLICABLE;
    return outcome(
      storage === "SecretsManager"
        ? []
        : [
            `\`preshared_key_storage\` ${storage === undefined || storage === null ? "is unset (Standard)" : JSON.stringify(storage)}; set "SecretsManager"`,
          ],
    );
  },
};
