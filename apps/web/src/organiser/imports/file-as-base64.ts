/**
 * A file's bytes as base64, as importAttendees' `csvBase64` takes them: the API reads the encoding and
 * the separator from the bytes (apps/api/src/imports/csv-text.ts), so the browser never decodes the file.
 */
export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL is "data:<type>;base64,<bytes>".
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
