/**
 * Site photos of a monthly report (固投月报 现场照片): how many, how big, what is kept. Shared by the
 * server, which enforces them, and the web, which checks the same limits before sending a file.
 */
export const PHOTO_LIMITS = {
  /** Photos one report revision may carry. */
  perReport: 9,
  /** Largest file accepted, in bytes (15 MB): a phone's full-size photo fits, a video does not. */
  maxFileBytes: 15 * 1024 * 1024,
  /** Characters of a caption. */
  captionMax: 100,
  /**
   * Largest picture decoded, in pixels: guards the server against a small file that expands into
   * gigabytes of pixels. 100 MP leaves room for a 108 MP phone sensor's full-size photo.
   */
  maxInputPixels: 100_000_000,
} as const;

/** What is stored of each upload: a photo for viewing and a thumbnail for the strip, both JPEG. */
export const PHOTO_RENDITIONS = {
  photo: { longSide: 2048, quality: 80 },
  thumb: { longSide: 320, quality: 80 },
} as const;

/** Formats accepted, as sharp names them. HEIC is added only where this server's sharp decodes it. */
export const PHOTO_FORMATS = ['jpeg', 'png', 'webp'] as const;

/** Whether a report revision can take one more photo. */
export const hasRoomForPhoto = (count: number) => count < PHOTO_LIMITS.perReport;
