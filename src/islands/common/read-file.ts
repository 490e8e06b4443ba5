/** A chosen or dropped file's text, decoded as the CLIs decode it (UTF-8, or UTF-16 after its byte-order mark). */
import { decodeFileText } from '../../lib/share/safe-json';

export async function readFileText(file: Blob): Promise<string> {
  return decodeFileText(new Uint8Array(await file.arrayBuffer()));
}
