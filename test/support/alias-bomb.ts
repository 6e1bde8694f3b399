// The hostile data file of issue 17: anchors nested `levels` deep, each a list of `fanout` aliases of the one below,
// so that the last one stands for fanout^levels leaves once expanded (10^10 with the defaults) in a few hundred bytes.

/** A country file holding an alias bomb whose leaves are strings, or `{source: x}` maps (which the loader walks). */
export function aliasBomb(leaf: 'string' | 'source', levels = 10, fanout = 10): string {
  const lines = ['country: { id: boom, name: Boom }', `a0: &a0 ${leaf === 'string' ? '"lol"' : '{ source: x }'}`];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(fanout)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}
