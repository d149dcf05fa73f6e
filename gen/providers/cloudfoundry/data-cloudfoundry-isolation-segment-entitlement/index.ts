// https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/data-sources/isolation_segment_entitlement
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataCloudfoundryIsolationSegmentEntitlementConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/data-sources/isolation_segment_entitlement#segment DataCloudfoundryIsolationSegmentEntitlement#segment}
  */
  readonly segment: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/data-sources/isolation_segment_entitlement cloudfoundry_isolation_segment_entitlement}
*/
export class DataCloudfoundryIsolationSegmentEntitlement extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "cloudfoundry_isolation_segment_entitlement";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataCloudfoundryIsolationSegmentEntitlement resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataCloudfoundryIsolationSegmentEntitlement to import
  * @param importFromId The id of the existing DataCloudfoundryIsolationSegmentEntitlement that should be imported. Refer to the {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/data-sources/isolation_segment_entitlement#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataCloudfoundryIsolationSegmentEntitlement to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "cloudfoundry_isolation_segment_entitlement", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/data-sources/isolation_segment_entitlement cloudfoundry_isolation_segment_entitlement} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataCloudfoundryIsolationSegmentEntitlementConfig
  */
  public constructor(scope: Construct, id: string, config: DataCloudfoundryIsolationSegmentEntitlementConfig) {
    super(scope, id, {
      terraformResourceType: 'cloudfoundry_isolation_segment_entitlement',
      terraformGeneratorMetadata: {
        providerName: 'cloudfoundry',
        providerVersion: '1.16.0',
        providerVersionConstraint: '~> 1.16.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._segment = config.segment;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // orgs - computed: true, optional: false, required: false
  public get orgs() {
    return cdktf.Fn.tolist(this.getListAttribute('orgs'));
  }

  // segment - computed: false, optional: false, required: true
  private _segment?: string; 
  public get segment() {
    return this.getStringAttribute('segment');
  }
  public set segment(value: string) {
    this._segment = value;
  }
  // Temporarily expose input value. Use with caution.
  public get segmentInput() {
    return this._segment;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      segment: cdktf.stringToTerraform(this._segment),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      segment: {
        value: cdktf.stringToHclTerraform(this._segment),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
