// Text from imports (unit names, award names) reaches spreadsheets: a cell beginning with =, +, - or @
// would run as a formula once a person edits it or saves the sheet as CSV. A leading ' makes it text,
// as Papa's escapeFormulae does for CSV. Word does not evaluate text, so DOCX is left as written.

export const neutralise = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
