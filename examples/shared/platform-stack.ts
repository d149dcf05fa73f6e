/**
 * What every example app does the same way: the stack owns its providers, and state goes to an S3
 * backend with locking when the environment says so, or stays local.
 *
 * Environment (all optional):
 * - `AWS_REGION` : the region of the AWS provider (default `us-gov-west-1`, where cloud.gov runs)
 * - `PE_STATE_BUCKET` : S3 bucket for remote state; unset means local state
 * - `PE_STATE_REGION` : the bucket's region (default: the provider region)
 * - `PE_STATE_KEY_PREFIX` : key prefix inside the bucket (default `private-egress`)
 * - `PE_STATE_LOCK_TABLE` : DynamoDB table for locking; unset means S3-native locking (`use_lockfile`)
 * - `PE_STATE_KMS_KEY_ID` : KMS key (ARN or alias) the bucket encrypts the state with (SSE-KMS);
 *   unset means the bucket's default encryption
 * - `PE_STATE_DIR` : where local state goes (default: the project directory, next to cdktf.json); a
 *   relative folder is taken from the directory the app runs in (`cdktf synth` runs it in the
 *   project directory) and written as an absolute path
 *
 * The state holds every tenant's pre-shared keys (`customer_gateway_configuration`, the tunnel
 * keys), and `terraform output -json` prints the sensitive hand-off outputs in clear: keep the
 * state in an encrypted, access-controlled backend, and never commit a local state file.
 * Local state is written OUTSIDE `cdktf.out` (terraform runs in `cdktf.out/stacks/<stack>/`, and
 * `cdktf synth` deletes the directory of a stack that left the app, state included).
 *
 * Credentials are never read here: the AWS and Cloud Foundry providers take them from their own
 * environment variables (`AWS_*`, `CF_API_URL`, `CF_USER`, `CF_PASSWORD`, ...).
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import * as path from "path";
import { LocalBackend, S3Backend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { CloudfoundryProvider } from "../../gen/providers/cloudfoundry/provider";

export interface PlatformStackProps {
  /** Environment to read settings from. @default process.env */
  readonly env?: Record<string, string | undefined>;
}

/** A stack with the AWS and Cloud Foundry providers and the backend chosen by the environment. */
export class PlatformStack extends TerraformStack {
  public readonly region: string;

  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id);
    const env = props.env ?? process.env;
    this.region = env.AWS_REGION ?? "us-gov-west-1";
    new AwsProvider(this, "aws", {
      region: this.region,
      defaultTags: [{ tags: { "managed-by": "cdktf-private-egress", stack: id } }],
    });
    new CloudfoundryProvider(this, "cloudfoundry", {});
    const bucket = env.PE_STATE_BUCKET;
    if (bucket) {
      const backend = new S3Backend(this, {
        bucket,
        key: `${env.PE_STATE_KEY_PREFIX ?? "private-egress"}/${id}.tfstate`,
        region: env.PE_STATE_REGION ?? this.region,
        encrypt: true,
        dynamodbTable: env.PE_STATE_LOCK_TABLE,
        kmsKeyId: env.PE_STATE_KMS_KEY_ID,
      });
      if (!env.PE_STATE_LOCK_TABLE) backend.addOverride("use_lockfile", true);
    } else {
      // Every stack runs terraform in its own folder, cdktf.out/stacks/<id>/, and resolves a relative
      // path from there; a stack reading another's outputs (cdktf's `terraform_remote_state`) uses
      // the producer's path as written, from its own folder. So the path must name one folder from
      // every stack folder: three levels up (the project; all stack folders are siblings), or an
      // absolute path. A relative PE_STATE_DIR used to be written as given, so each stack resolved it
      // inside its own folder: the producer wrote its state where no consumer looked, inside cdktf.out.
      const file = `terraform.${id}.tfstate`;
      new LocalBackend(this, {
        path: env.PE_STATE_DIR
          ? path.join(path.resolve(env.PE_STATE_DIR), file)
          : path.posix.join("..", "..", "..", file),
      });
    }
  }
}
