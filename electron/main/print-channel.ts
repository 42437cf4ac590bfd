/**
 * The page's "save this view as PDF" request (issue 8, point 5: the SROI report "exported as PDF (Electron's
 * printToPDF)"). Kept free of imports so the sandboxed preload can bundle it; the main process (print-to-pdf.ts)
 * accepts only a request of this shape, from the app's own page.
 */

/** renderer -> main, invoked: print the sender's page to PDF and save it where the user chooses. */
export const PRINT_TO_PDF_CHANNEL = 'workbench-print:pdf';

/** What comes back inside the Result: where the PDF went, or that the user cancelled the save dialog. */
export type PrintToPdfOutcome = { readonly saved: true; readonly path: string } | { readonly saved: false };

/** Longest suggested file name accepted (most file systems allow 255 bytes; the dialog lets the user change it). */
export const PDF_FILE_NAME_MAX = 200;

/**
 * The file name the save dialog suggests, from what the page asked for: characters that Windows, macOS or Linux
 * reserve in a name become "-", any folder part is dropped (the page names a file, never where it goes), and
 * ".pdf" is added when missing. Undefined for anything that is not a non-empty string of at most
 * PDF_FILE_NAME_MAX characters.
 */
export function suggestedPdfName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .trim()
    .replace(/^\.+/, '');
  if (name === '' || value.length > PDF_FILE_NAME_MAX) return undefined;
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
