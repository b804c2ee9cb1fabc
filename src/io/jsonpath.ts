/**
 * Line on which each value of a JSON text starts, by path ('' for the root, 'pairs', 'pairs.3',
 * 'pairs.3.expertId'), so problems found after parsing can be reported as file:line:field.
 * Assumes the text is valid JSON (call after JSON.parse succeeded).
 */
export function jsonPathLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  // Stack of containers: for arrays the next index, for objects the pending key.
  const stack: { path: string; array: boolean; index: number; key: string | undefined }[] = [];
  let line = 1;
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    const part = top.array ? String(top.index) : (top.key ?? '');
    return top.path === '' ? part : `${top.path}.${part}`;
  };
  const startValue = (): string => {
    const p = childPath();
    if (!lines.has(p)) lines.set(p, line);
    return p;
  };
  const endValue = (): void => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.array) top.index++;
    else top.key = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',' || ch === ':') continue;
    if (ch === '{' || ch === '[') {
      const path = startValue();
      stack.push({ path, array: ch === '[', index: 0, key: undefined });
      continue;
    }
    if (ch === '}' || ch === ']') {
      stack.pop();
      endValue();
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          s += text.slice(j, j + 2);
          j += 2;
        } else s += text[j++];
      }
      const top = stack[stack.length - 1];
      if (top && !top.array && top.key === undefined) {
        top.key = JSON.parse(`"${s}"`) as string;
      } else {
        startValue();
        endValue();
      }
      i = j;
      continue;
    }
    // number, true, false, null
    startValue();
    while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    endValue();
  }
  return lines;
}

/** The line of the deepest known prefix of `path` (1 when nothing matches). */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: string): number {
  const parts = path.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const hit = lines.get(parts.slice(0, n).join('.'));
    if (hit !== undefined) return hit;
  }
  return 1;
}
