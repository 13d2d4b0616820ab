import { Form } from "@remix-run/react";
import type { FieldErrors } from "~/forms/parse";
import { RadioGroup, SelectField } from "../forms/ChoiceFields";
import { SubmitButton } from "../forms/SubmitButton";
import { TextField } from "../forms/TextField";

export const organisationTypeOptions = [
  { value: "nhs_trust", label: "NHS trust" },
  { value: "icb_ccg", label: "ICB or CCG" },
  { value: "local_authority", label: "Local authority" },
  { value: "university", label: "University" },
  { value: "other", label: "Other" },
];

export function OrganisationForm(props: {
  places: { value: string; label: string }[];
  allowSystemWide: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  submitLabel: string;
}) {
  const placeOptions = props.allowSystemWide
    ? [{ value: "", label: "System-wide (spans places)" }, ...props.places]
    : props.places;
  return (
    <Form method="post" noValidate>
      <TextField
        name="name"
        label="Organisation name"
        defaultValue={props.values?.name}
        error={props.errors?.name}
      />
      <RadioGroup
        name="type"
        legend="Type of organisation"
        options={organisationTypeOptions}
        defaultValue={props.values?.type}
        error={props.errors?.type}
      />
      <SelectField
        name="placeId"
        label="Place"
        options={placeOptions}
        defaultValue={props.values?.placeId}
        error={props.errors?.placeId}
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </Form>
  );
}
