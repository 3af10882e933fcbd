/** The status bar's count of what the right pane lists: "1 object", "12 objects". */
export function objectCount(count: number) {
  return `${count} object${count === 1 ? '' : 's'}`;
}
