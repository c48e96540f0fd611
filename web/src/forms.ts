import { useState, type KeyboardEvent } from 'react';
import { App, type FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Shows a failed request on its form: a VALIDATION error naming a field of the form goes under
 * that field; anything else is returned so the caller can show it as a message.
 * Returns null when the error was placed on a field.
 */
export function placeApiError(form: FormInstance, error: unknown): string | null {
  if (error instanceof ApiError) {
    if (error.field && error.field in form.getFieldsValue()) {
      form.setFields([{ name: error.field, errors: [error.message] }]);
      return null;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a form's request with a busy flag: a failure lands on its field (or shows as a message) and
 * frees the form again; on success the caller moves on (usually closing the dialog), so busy stays.
 */
export function useFormRequest(form: FormInstance) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (request: () => Promise<void>) => {
    setBusy(true);
    try {
      await request();
    } catch (e) {
      const shown = placeApiError(form, e);
      if (shown) message.error(shown);
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * For a long form's onKeyDown: Enter in a one-line field does not submit the whole form (the browser's
 * implicit submission, which antd's Form follows). A textarea keeps its newlines, a button its click,
 * and the fields that use Enter themselves (a select choosing an option) have handled it already.
 */
export function keepEnterFromSubmitting(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter') return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && target.type !== 'submit' && target.type !== 'button')
    event.preventDefault();
}
