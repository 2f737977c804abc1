import type { AppErrorData } from '../../shared/errors';

/** The core's question before it copies files that hold secrets into a machine, naming each of them. */
export function SecretFilesBanner({ question }: { question: AppErrorData }) {
  const notes = question.detail?.notes ?? [];
  return (
    <div className="banner banner-warning" role="alert">
      <p>{question.message}</p>
      {notes.length > 0 && (
        <ul className="file-list">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
