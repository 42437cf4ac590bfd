import { NameDialog } from '../../components/NameForm';

/** Asks for a study name (new study, rename); the backend's refusal (a clashing name) shows under the field. */
export function StudyNameDialog(props: {
  readonly title: string;
  readonly open: boolean;
  readonly initialName: string;
  readonly submitLabel: string;
  readonly onSubmit: (name: string) => Promise<void>;
  readonly onClose: () => void;
}) {
  return <NameDialog {...props} needsName="A study needs a name." />;
}
