/** Asks for the planner token when the page has none (or the server refused it), with the server's reason. */
import type { Locale } from '../../i18n/strings';
import { translate } from '../../i18n/translate';

/** Props of the token form. */
export interface TokenFormProps {
  locale: Locale;
  /** The join's refusal, shown above the form. */
  error: string | null;
  onSubmit: (token: string) => void;
}

/** A one-field form. */
export function TokenForm({ locale, error, onSubmit }: TokenFormProps) {
  return (
    <form
      class="planner-token"
      data-testid="planner-token-form"
      onSubmit={(e) => {
        e.preventDefault();
        const value = (new FormData(e.currentTarget as HTMLFormElement).get('token') ?? '').toString().trim();
        if (value) onSubmit(value);
      }}
    >
      <h1>{translate(locale, 'planner.title')}</h1>
      {error ? (
        <p class="planner-error" role="alert" data-testid="planner-token-error">
          {translate(locale, 'planner.token.refused', { reason: error })}
        </p>
      ) : null}
      <label class="planner-field">
        <span>{translate(locale, 'planner.token.prompt')}</span>
        <input name="token" type="password" autoComplete="current-password" autoFocus />
      </label>
      <button type="submit" class="planner-primary">
        {translate(locale, 'planner.token.submit')}
      </button>
    </form>
  );
}
