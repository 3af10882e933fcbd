// Saving a fetched export file: the form first reads the API's answer (to show the values that
// cannot be written instead of saving an error as a .csv), then hands the body to the browser's
// download as a blob with the name the server gave it.

/** The file name in `Content-Disposition: attachment; filename="REDMOND.csv"`, else the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="([^"]+)"/i.exec(disposition) : null;
  return match?.[1] ?? fallback;
}

/** Starts the browser's download of `blob` as `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled; free the blob after it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
