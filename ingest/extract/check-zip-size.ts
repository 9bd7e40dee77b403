/**
 * Zip-bomb guard for zip packages (DOCX, also as e-mail attachments): the
 * sizes the central directory declares are checked before anything is
 * inflated, then every entry is inflated once as a stream, counting bytes and
 * discarding them, and stopped as soon as a cap is passed, because declared
 * sizes can lie. Only a package that passes both goes to mammoth, whose
 * inflation is then bounded by the same caps.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { IngestError } from '../../src/errors.js';

export interface ZipLimits {
  /** Inflated bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed size of the whole package; real DOCX files stay far below it. */
  readonly maxRatio: number;
}

/** 100 MiB of XML is already far more text than any letter; a DOCX inflates ~5–20×. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 100 * 1024 * 1024, maxRatio: 100 };

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Checks a zip package's declared and actual inflated size.
 * @throws IngestError `zip_bomb` naming the size and the cap; `corrupt` when the zip cannot be read.
 */
export function checkZipSize(
  bytes: Uint8Array,
  { maxTotalBytes, maxRatio }: ZipLimits = DEFAULT_ZIP_LIMITS,
): void {
  const cap = Math.min(maxTotalBytes, bytes.length * maxRatio);
  const over = (size: number, what: string) =>
    new IngestError(
      'zip_bomb',
      `${what} ${mib(size)} inflated from ${mib(bytes.length)}: over the cap of ${mib(cap)} (${mib(maxTotalBytes)} or ${maxRatio}× the file)`,
    );
  let declared = 0;
  try {
    // The filter sees each central-directory entry; returning false inflates nothing.
    unzipSync(bytes, {
      filter: (entry) => {
        declared += entry.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw new IngestError(
      'corrupt',
      `zip package cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (declared > cap) throw over(declared, 'declares');

  let actual = 0;
  let failure: IngestError | null = null;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new IngestError(
          'corrupt',
          `zip entry ${file.name} cannot be inflated: ${error.message}`,
          { cause: error },
        );
        return;
      }
      actual += chunk.length;
      if (actual > cap) {
        failure = over(actual, 'inflates to more than');
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Fed in slices so a bomb is stopped after at most one slice's worth of output per entry.
  const slice = 64 * 1024;
  for (let offset = 0; offset < bytes.length && !failure; offset += slice) {
    unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
  }
  if (failure) throw failure;
}
