// https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface CloudfoundryProviderConfig {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#access_token CloudfoundryProvider#access_token}
  */
  readonly accessToken?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#api_url CloudfoundryProvider#api_url}
  */
  readonly apiUrl?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#assertion_token CloudfoundryProvider#assertion_token}
  */
  readonly assertionToken?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#cf_client_id CloudfoundryProvider#cf_client_id}
  */
  readonly cfClientId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#cf_client_secret CloudfoundryProvider#cf_client_secret}
  */
  readonly cfClientSecret?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#origin CloudfoundryProvider#origin}
  */
  readonly origin?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#password CloudfoundryProvider#password}
  */
  readonly password?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#refresh_token CloudfoundryProvider#refresh_token}
  */
  readonly refreshToken?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#skip_ssl_validation CloudfoundryProvider#skip_ssl_validation}
  */
  readonly skipSslValidation?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#user CloudfoundryProvider#user}
  */
  readonly user?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#alias CloudfoundryProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs cloudfoundry}
*/
export class CloudfoundryProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "cloudfoundry";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a CloudfoundryProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the CloudfoundryProvider to import
  * @param importFromId The id of the existing CloudfoundryProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the CloudfoundryProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "cloudfoundry", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/1.16.0/docs cloudfoundry} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options CloudfoundryProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: CloudfoundryProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'cloudfoundry',
      terraformGeneratorMetadata: {
        providerName: 'cloudfoundry',
        providerVersion: '1.16.0',
        providerVersionConstraint: '~> 1.16.0'
      },
      terraformProviderSource: 'cloudfoundry/cloudfoundry'
    });
    this._accessToken = config.accessToken;
    this._apiUrl = config.apiUrl;
    this._assertionToken = config.assertionToken;
    this._cfClientId = config.cfClientId;
    this._cfClientSecret = config.cfClientSecret;
    this._origin = config.origin;
    this._password = config.password;
    this._refreshToken = config.refreshToken;
    this._skipSslValidation = config.skipSslValidation;
    this._user = config.user;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // access_token - computed: false, optional: true, required: false
  private _accessToken?: string; 
  public get accessToken() {
    return this._accessToken;
  }
  public set accessToken(value: string | undefined) {
    this._accessToken = value;
  }
  public resetAccessToken() {
    this._accessToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accessTokenInput() {
    return this._accessToken;
  }

  // api_url - computed: false, optional: true, required: false
  private _apiUrl?: string; 
  public get apiUrl() {
    return this._apiUrl;
  }
  public set apiUrl(value: string | undefined) {
    this._apiUrl = value;
  }
  public resetApiUrl() {
    this._apiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiUrlInput() {
    return this._apiUrl;
  }

  // assertion_token - computed: false, optional: true, required: false
  private _assertionToken?: string; 
  public get assertionToken() {
    return this._assertionToken;
  }
  public set assertionToken(value: string | undefined) {
    this._assertionToken = value;
  }
  public resetAssertionToken() {
    this._assertionToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get assertionTokenInput() {
    return this._assertionToken;
  }

  // cf_client_id - computed: false, optional: true, required: false
  private _cfClientId?: string; 
  public get cfClientId() {
    return this._cfClientId;
  }
  public set cfClientId(value: string | undefined) {
    this._cfClientId = value;
  }
  public resetCfClientId() {
    this._cfClientId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cfClientIdInput() {
    return this._cfClientId;
  }

  // cf_client_secret - computed: false, optional: true, required: false
  private _cfClientSecret?: string; 
  public get cfClientSecret() {
    return this._cfClientSecret;
  }
  public set cfClientSecret(value: string | undefined) {
    this._cfClientSecret = value;
  }
  public resetCfClientSecret() {
    this._cfClientSecret = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cfClientSecretInput() {
    return this._cfClientSecret;
  }

  // origin - computed: false, optional: true, required: false
  private _origin?: string; 
  public get origin() {
    return this._origin;
  }
  public set origin(value: string | undefined) {
    this._origin = value;
  }
  public resetOrigin() {
    this._origin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get originInput() {
    return this._origin;
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this._password;
  }
  public set password(value: string | undefined) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // refresh_token - computed: false, optional: true, required: false
  private _refreshToken?: string; 
  public get refreshToken() {
    return this._refreshToken;
  }
  public set refreshToken(value: string | undefined) {
    this._refreshToken = value;
  }
  public resetRefreshToken() {
    this._refreshToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get refreshTokenInput() {
    return this._refreshToken;
  }

  // skip_ssl_validation - computed: false, optional: true, required: false
  private _skipSslValidation?: boolean | cdktf.IResolvable; 
  public get skipSslValidation() {
    return this._skipSslValidation;
  }
  public set skipSslValidation(value: boolean | cdktf.IResolvable | undefined) {
    this._skipSslValidation = value;
  }
  public resetSkipSslValidation() {
    this._skipSslValidation = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get skipSslValidationInput() {
    return this._skipSslValidation;
  }

  // user - computed: false, optional: true, required: false
  private _user?: string; 
  public get user() {
    return this._user;
  }
  public set user(value: string | undefined) {
    this._user = value;
  }
  public resetUser() {
    this._user = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userInput() {
    return this._user;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      access_token: cdktf.stringToTerraform(this._accessToken),
      api_url: cdktf.stringToTerraform(this._apiUrl),
      assertion_token: cdktf.stringToTerraform(this._assertionToken),
      cf_client_id: cdktf.stringToTerraform(this._cfClientId),
      cf_client_secret: cdktf.stringToTerraform(this._cfClientSecret),
      origin: cdktf.stringToTerraform(this._origin),
      password: cdktf.stringToTerraform(this._password),
      refresh_token: cdktf.stringToTerraform(this._refreshToken),
      skip_ssl_validation: cdktf.booleanToTerraform(this._skipSslValidation),
      user: cdktf.stringToTerraform(this._user),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      access_token: {
        value: cdktf.stringToHclTerraform(this._accessToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      api_url: {
        value: cdktf.stringToHclTerraform(this._apiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      assertion_token: {
        value: cdktf.stringToHclTerraform(this._assertionToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cf_client_id: {
        value: cdktf.stringToHclTerraform(this._cfClientId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cf_client_secret: {
        value: cdktf.stringToHclTerraform(this._cfClientSecret),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      origin: {
        value: cdktf.stringToHclTerraform(this._origin),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password: {
        value: cdktf.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      refresh_token: {
        value: cdktf.stringToHclTerraform(this._refreshToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      skip_ssl_validation: {
        value: cdktf.booleanToHclTerraform(this._skipSslValidation),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      user: {
        value: cdktf.stringToHclTerraform(this._user),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
