/**
 * How a run's series is stored: the Float64Array's IEEE-754 doubles as a little-endian BLOB, 8 bytes per value,
 * no header (the schema checks length % 8 = 0). Little-endian is fixed on disk so a workspace copied between
 * machines reads the same; on little-endian hosts (every platform Electron ships for) it is a plain memory copy.
 */

const littleEndianHost = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The BLOB for a series. On little-endian hosts it shares the array's memory; SQLite copies it when binding. */
export function encodeFloat64(values: Float64Array): Buffer {
  if (littleEndianHost) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const bytes = Buffer.alloc(values.length * 8);
  values.forEach((value, index) => bytes.writeDoubleLE(value, index * 8));
  return bytes;
}

/**
 * A series from its BLOB, in a fresh, 8-byte-aligned buffer of its own (a Buffer from the driver may sit at any
 * offset of a shared pool, where a Float64Array view is not allowed), ready to be transferred to a worker.
 */
export function decodeFloat64(blob: Uint8Array): Float64Array {
  if (blob.byteLength % 8 !== 0) {
    throw new RangeError(`A Float64 series must be a multiple of 8 bytes long, not ${blob.byteLength}.`);
  }
  const values = new Float64Array(blob.byteLength / 8);
  if (littleEndianHost) {
    new Uint8Array(values.buffer).set(blob);
    return values;
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let index = 0; index < values.length; index += 1) values[index] = view.getFloat64(index * 8, true);
  return values;
}
