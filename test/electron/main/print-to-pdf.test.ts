import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_TO_PDF_CHANNEL, suggestedPdfName } from '../../../electron/main/print-channel';
import { printToPdf, registerPrintToPdf } from '../../../electron/main/print-to-pdf';
import { FakeBrowserWindow, FakeWebContents, ipcMainHandlers, resetFakeElectron } from './fake-electron';

// The shared fake has no save dialog and no BrowserWindow.fromWebContents; this test adds both.
const electron = vi.hoisted(() => ({
  showSaveDialog: vi.fn(),
  fromWebContents: vi.fn(),
}));
vi.mock('electron', async () => {
  const fake = await import('./fake-electron');
  class BrowserWindow extends fake.FakeBrowserWindow {
    static fromWebContents = electron.fromWebContents;
  }
  return { ...fake, BrowserWindow, dialog: { ...fake.dialog, showSaveDialog: electron.showSaveDialog } };
});

/** A page as Electron would print it: the bytes stand for the PDF Chromium makes. */
const PDF = new TextEncoder().encode('%PDF-1.7\n% the report\n%%EOF\n');

let folder: string;
let window: FakeBrowserWindow;
let contents: FakeWebContents & { printToPDF: ReturnType<typeof vi.fn> };
const trust = { isAppWebContents: (sender: WebContents) => sender === (contents as unknown as WebContents) };

function event(sender: FakeWebContents, frameUrl = 'app://workbench/index.html'): IpcMainInvokeEvent {
  return { sender, senderFrame: { url: frameUrl } } as unknown as IpcMainInvokeEvent;
}

beforeEach(() => {
  resetFakeElectron();
  electron.showSaveDialog.mockReset();
  electron.fromWebContents.mockReset();
  folder = mkdtempSync(join(tmpdir(), 'print-to-pdf-'));
  window = new FakeBrowserWindow({});
  contents = Object.assign(window.webContents, { printToPDF: vi.fn(async () => Buffer.from(PDF)) });
  electron.fromWebContents.mockImplementation((sender: unknown) => (sender === contents ? window : null));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('printing the page to PDF', () => {
  it('asks where to save, prints the sender page with its CSS page size and writes the PDF whole', async () => {
    const target = join(folder, 'Report.pdf');
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });

    const answer = await printToPdf(event(contents), 'Empathy training: report', trust);

    expect(answer).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(electron.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: 'Empathy training- report.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    expect(contents.printToPDF).toHaveBeenCalledWith({ printBackground: true, preferCSSPageSize: true });
    expect(readFileSync(target)).toEqual(Buffer.from(PDF));
    expect(readdirSync(folder)).toEqual(['Report.pdf']);
  });

  it('does nothing more when the user cancels the save dialog', async () => {
    electron.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(printToPdf(event(contents), 'Report', trust)).resolves.toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(contents.printToPDF).not.toHaveBeenCalled();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a window the app did not create, and a page outside the app, before any dialog', async () => {
    const stranger = new FakeWebContents();
    const fromStranger = await printToPdf(event(stranger), 'Report', trust);
    expect(fromStranger).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromWeb = await printToPdf(event(contents, 'https://example.com/'), 'Report', trust);
    expect(fromWeb).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(electron.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses a request without a usable file name', async () => {
    for (const input of [undefined, 42, '', '   ', 'x'.repeat(201), { fileName: 'Report' }]) {
      const answer = await printToPdf(event(contents), input, trust);
      expect(answer, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringContaining('file name') as unknown },
      });
    }
    expect(electron.showSaveDialog).not.toHaveBeenCalled();
  });

  it('says where a PDF could not be written, and leaves no partial file', async () => {
    const target = join(folder, 'missing-folder', 'Report.pdf');
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const answer = await printToPdf(event(contents), 'Report', trust);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining(target) as unknown },
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('turns a failed print into an error, and keeps the file that was there', async () => {
    const target = join(folder, 'Report.pdf');
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await printToPdf(event(contents), 'Report', trust);
    contents.printToPDF.mockRejectedValueOnce(new Error('Printing failed'));
    const answer = await printToPdf(event(contents), 'Report', trust);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Printing failed') as unknown },
    });
    expect(readFileSync(target)).toEqual(Buffer.from(PDF));
    expect(existsSync(`${target}.${process.pid}.tmp`)).toBe(false);
  });

  it('answers on its own channel until unregistered', async () => {
    electron.showSaveDialog.mockResolvedValue({ canceled: true });
    const unregister = registerPrintToPdf(trust);
    const handler = ipcMainHandlers.get(PRINT_TO_PDF_CHANNEL);
    expect(handler).toBeDefined();
    await expect(handler?.(event(contents), 'Report')).resolves.toEqual({
      ok: true,
      value: { saved: false },
    });
    unregister();
    expect(ipcMainHandlers.has(PRINT_TO_PDF_CHANNEL)).toBe(false);
  });
});

describe('the suggested file name', () => {
  it('replaces reserved characters, keeps no folder and ends in .pdf', () => {
    expect(suggestedPdfName('Empathy training')).toBe('Empathy training.pdf');
    expect(suggestedPdfName('report.PDF')).toBe('report.PDF');
    expect(suggestedPdfName('../../etc/passwd')).toBe('-..-etc-passwd.pdf');
    expect(suggestedPdfName('a<b>c:d"e|f?g*h\\i\u0007')).toBe('a-b-c-d-e-f-g-h-i-.pdf');
    expect(suggestedPdfName('...hidden')).toBe('hidden.pdf');
  });
});
