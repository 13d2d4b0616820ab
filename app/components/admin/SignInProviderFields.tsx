import { TextArea } from "~/components/forms/TextArea";
import { TextField } from "~/components/forms/TextField";

type Values = Record<string, string | undefined>;

/** The fields of an organisation's sign-in, for adding and for changing one. */
export function SignInProviderFields(props: {
  values: Values;
  errors: Record<string, string> | undefined;
  editing: boolean;
}) {
  const { values, errors } = props;
  return (
    <>
      <TextField
        name="name"
        label="Name people will see"
        hint="For example, NHSmail"
        defaultValue={values.name}
        error={errors?.name}
        width={20}
      />
      <TextField
        name="issuer"
        label="Issuer"
        hint="The provider's issuer address, not its .well-known address. For NHSmail (Microsoft Entra ID): https://login.microsoftonline.com/<tenant id>/v2.0"
        defaultValue={values.issuer}
        error={errors?.issuer}
        spellCheck={false}
      />
      <TextField
        name="clientId"
        label="Client ID"
        defaultValue={values.clientId}
        error={errors?.clientId}
        spellCheck={false}
      />
      <TextField
        name="clientSecret"
        label="Client secret"
        type="password"
        autoComplete="off"
        hint={
          props.editing
            ? "Leave empty to keep the one stored. It is kept encrypted and never shown again."
            : "It is kept encrypted and never shown again."
        }
        error={errors?.clientSecret}
      />
      <TextArea
        name="allowedTenants"
        label="Tenants allowed to sign in"
        hint="Tenant IDs (the tid in Microsoft Entra ID tokens), one per line. People from any other tenant are refused."
        defaultValue={values.allowedTenants}
        error={errors?.allowedTenants}
        rows={3}
      />
      <TextArea
        name="allowedDomains"
        label="E-mail domains allowed to sign in"
        hint="For example nhs.net, one per line. People are matched to the account they were invited with, by e-mail address."
        defaultValue={values.allowedDomains}
        error={errors?.allowedDomains}
        rows={3}
      />
    </>
  );
}
