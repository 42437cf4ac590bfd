/**
 * "Save as PDF" in the desktop app (issue 8, point 5: the SROI report "exported as PDF (Electron's printToPDF)").
 * The page asks on PRINT_TO_PDF_CHANNEL with a suggested file name; this asks the user where to save it (the
 * system's save dialog, so the page never names a path), prints the sender's own page with webContents.printToPDF
 * and writes the PDF through a temporary file and a rename, so a failed write never leaves half a PDF where a good
 * one was.
 *
 * Not an API operation: the contract's handlers are shared with the web host and see no window, while printing
 * needs the sender's WebContents. The sender is checked as every operation's is (ipc.ts, refusalReason), and the
 * answer is a Result, so nothing throws into the page. In the browser the page prints with window.print() instead.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail, ok, type Result } from '../api/result';
import { refusalReason, type IpcTrust } from './ipc';
import {
  PDF_FILE_NAME_MAX,
  PRINT_TO_PDF_CHANNEL,
  suggestedPdfName,
  type PrintToPdfOutcome,
} from './print-channel';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function printToPdf(
  event: IpcMainInvokeEvent,
  input: unknown,
  trust: IpcTrust,
): Promise<Result<PrintToPdfOutcome>> {
  const refused = refusalReason(event, trust);
  if (refused !== undefined) return fail('forbidden', `Printing to PDF refused: ${refused}.`);
  const fileName = suggestedPdfName(input);
  if (fileName === undefined)
    return fail(
      'invalid-input',
      `Printing to PDF needs a file name: text of 1 to ${PDF_FILE_NAME_MAX} characters.`,
    );
  const window = BrowserWindow.fromWebContents(event.sender);
  if (window === null) return fail('forbidden', 'Printing to PDF refused: the page has no window.');

  const choice = await dialog.showSaveDialog(window, {
    title: 'Save as PDF',
    defaultPath: fileName,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return ok({ saved: false });
  const target = choice.filePath;

  let pdf: Uint8Array;
  try {
    // The page's print stylesheet sets the paper (@page A4 and its margins); backgrounds keep the charts' fills.
    pdf = await event.sender.printToPDF({ printBackground: true, preferCSSPageSize: true });
  } catch (error) {
    return fail('internal', `The page could not be printed to PDF: ${reason(error)}`);
  }
  const partial = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(partial, pdf);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    return fail('storage', `The PDF could not be saved to ${target}: ${reason(error)}`);
  }
  return ok({ saved: true, path: target });
}

/** Answers the page's print requests until the returned function is called. */
export function registerPrintToPdf(trust: IpcTrust): () => void {
  ipcMain.handle(PRINT_TO_PDF_CHANNEL, (event, input: unknown) => printToPdf(event, input, trust));
  return () => ipcMain.removeHandler(PRINT_TO_PDF_CHANNEL);
}
