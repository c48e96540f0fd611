// Pieces shared by the settings pages.
import type { FormInstance } from 'antd';

/**
 * Takes the server's messages off every field of the form. They were set with setFields, and a field without
 * rules of its own is never validated again, so they would stay after the person changed the value.
 */
export function clearFieldErrors(form: FormInstance): void {
  const shown = form.getFieldsError().filter((field) => field.errors.length);
  if (shown.length) form.setFields(shown.map((field) => ({ name: field.name, errors: [] })));
}
