import type { FieldErrors } from "~/forms/parse";
import { RadioGroup, SelectField } from "../forms/ChoiceFields";

type Option = { value: string; label: string };

/** Role, and the organisation or place it covers. Without JavaScript all fields show. */
export function GrantFields(props: {
  roles: Option[];
  organisations: Option[];
  places: Option[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const onlyChampion = props.roles.length === 1;
  return (
    <>
      {onlyChampion ? (
        <input type="hidden" name="role" value="champion" />
      ) : (
        <RadioGroup
          name="role"
          legend="Role"
          options={props.roles}
          defaultValue={props.values?.role}
          error={props.errors?.role}
        />
      )}
      <SelectField
        name="organisationId"
        label="Organisation"
        hint={onlyChampion ? "The organisation they will champion" : "For a champion"}
        options={props.organisations}
        defaultValue={props.values?.organisationId}
        error={props.errors?.organisationId}
      />
      {onlyChampion ? null : (
        <SelectField
          name="placeId"
          label="Place"
          hint="For a steering group member or place lead"
          options={props.places}
          defaultValue={props.values?.placeId}
          error={props.errors?.placeId}
        />
      )}
    </>
  );
}
