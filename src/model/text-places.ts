/** A line (from 1) and column (from 1) in a text. */
export interface Place {
  line: number;
  column: number;
}

/**
 * Turns offsets in a text into lines and columns, as an editor counts them: a line ends at a line feed, a carriage
 * return and line feed, or a carriage return alone (a file saved on an old Mac, which editors still show so). The
 * lines' starts are found once, and each offset in a binary search: an inventory runs to megabytes.
 */
export function placesIn(text: string): (offset: number) => Place {
  const starts = [0];
  for (const end of text.matchAll(/\r\n?|\n/g)) starts.push(end.index + end[0].length);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** The line and column of one place in a text. */
export const placeIn = (text: string, offset: number): Place => placesIn(text)(offset);
