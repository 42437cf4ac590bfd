import { NameForm } from '../../components/NameForm';

/** The name form of "Save as scenario" and "Rename"; the backend's refusal (a clashing name) shows in place. */
export function ScenarioNameForm(props: {
  readonly initialName: string;
  readonly submitLabel: string;
  /** What the scenario will hold, said under the name field. */
  readonly hint?: string | undefined;
  readonly onSubmit: (name: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  return <NameForm {...props} needsName="A scenario needs a name." />;
}
