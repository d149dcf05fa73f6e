// https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface SecurityGroupSpaceBindingsConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings#running_spaces SecurityGroupSpaceBindings#running_spaces}
  */
  readonly runningSpaces?: string[];
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings#security_group SecurityGroupSpaceBindings#security_group}
  */
  readonly securityGroup: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings#staging_spaces SecurityGroupSpaceBindings#staging_spaces}
  */
  readonly stagingSpaces?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings cloudfoundry_security_group_space_bindings}
*/
export class SecurityGroupSpaceBindings extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "cloudfoundry_security_group_space_bindings";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a SecurityGroupSpaceBindings resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the SecurityGroupSpaceBindings to import
  * @param importFromId The id of the existing SecurityGroupSpaceBindings that should be imported. Refer to the {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the SecurityGroupSpaceBindings to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "cloudfoundry_security_group_space_bindings", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs/resources/security_group_space_bindings cloudfoundry_security_group_space_bindings} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SecurityGroupSpaceBindingsConfig
  */
  public constructor(scope: Construct, id: string, config: SecurityGroupSpaceBindingsConfig) {
    super(scope, id, {
      terraformResourceType: 'cloudfoundry_security_group_space_bindings',
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
    this._runningSpaces = config.runningSpaces;
    this._securityGroup = config.securityGroup;
    this._stagingSpaces = config.stagingSpaces;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // running_spaces - computed: false, optional: true, required: false
  private _runningSpaces?: string[]; 
  public get runningSpaces() {
    return cdktf.Fn.tolist(this.getListAttribute('running_spaces'));
  }
  public set runningSpaces(value: string[]) {
    this._runningSpaces = value;
  }
  public resetRunningSpaces() {
    this._runningSpaces = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runningSpacesInput() {
    return this._runningSpaces;
  }

  // security_group - computed: false, optional: false, required: true
  private _securityGroup?: string; 
  public get securityGroup() {
    return this.getStringAttribute('security_group');
  }
  public set securityGroup(value: string) {
    this._securityGroup = value;
  }
  // Temporarily expose input value. Use with caution.
  public get securityGroupInput() {
    return this._securityGroup;
  }

  // staging_spaces - computed: false, optional: true, required: false
  private _stagingSpaces?: string[]; 
  public get stagingSpaces() {
    return cdktf.Fn.tolist(this.getListAttribute('staging_spaces'));
  }
  public set stagingSpaces(value: string[]) {
    this._stagingSpaces = value;
  }
  public resetStagingSpaces() {
    this._stagingSpaces = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stagingSpacesInput() {
    return this._stagingSpaces;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      running_spaces: cdktf.listMapper(cdktf.stringToTerraform, false)(this._runningSpaces),
      security_group: cdktf.stringToTerraform(this._securityGroup),
      staging_spaces: cdktf.listMapper(cdktf.stringToTerraform, false)(this._stagingSpaces),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      running_spaces: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._runningSpaces),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      security_group: {
        value: cdktf.stringToHclTerraform(this._securityGroup),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      staging_spaces: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._stagingSpaces),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
