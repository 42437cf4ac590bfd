import { describe, expect, it } from 'vitest';
import {
  canonicalName,
  displayName,
  equationReference,
  referenceKey,
  unquoteName,
} from '../../../model/sd/names';

describe('names (XMILE 1.0 section 3.2.2)', () => {
  it.each([
    ['Teacup Temperature', 'teacup_temperature'],
    ['teacup_temperature', 'teacup_temperature'],
    ['TEACUP   TEMPERATURE', 'teacup_temperature'],
    ['Teacup__ _Temperature', 'teacup_temperature'],
    ['Stock with \\n Newline Character', 'stock_with_newline_character'],
    ['fraction of carrying\ncapacity used', 'fraction_of_carrying_capacity_used'],
    ['  padded  ', 'padded'],
    ['this is a spanish variable with ñ ç', 'this_is_a_spanish_variable_with_ñ_ç'],
  ])('"%s" is "%s"', (name, canonical) => expect(canonicalName(name)).toBe(canonical));

  it('shows line breaks as spaces, as Vensim writes headers', () => {
    expect(displayName('Stock with \\n Newline Character')).toBe('Stock with   Newline Character');
  });

  it('unquotes and quotes names', () => {
    expect(unquoteName('"a \\"b\\" \\\\ c"')).toBe('a "b" \\ c');
    expect(referenceKey('"Heat Loss to Room"')).toBe('heat_loss_to_room');
    expect(equationReference('Heat Loss to Room')).toBe('Heat_Loss_to_Room');
    expect(equationReference('Flow w/ division')).toBe('"Flow_w/_division"');
  });
});
