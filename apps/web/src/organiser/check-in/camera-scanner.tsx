import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QRCanvas, frameLoop, rearCamera, type QRCamera } from 'qr/dom.js';

/** The same code read again within this time is the same badge still in front of the camera, not a new scan. */
const SAME_CODE_MS = 4000;

/**
 * The phone's camera, reading QR codes with the maintained `qr` package's camera helpers (rear camera,
 * frame loop, decoder). Loaded on demand, only when an organiser starts scanning: the decoder stays out
 * of every other chunk. Each code read is handed to `onCode` once while it stays in view.
 */
export default function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let camera: QRCamera | undefined;
    let cancelLoop: (() => void) | undefined;
    let stopped = false;
    let last = { code: '', at: 0 };
    const canvas = new QRCanvas();
    rearCamera(video.current!)
      .then((opened) => {
        camera = opened;
        if (stopped) return opened.stop();
        let reading = false;
        cancelLoop = frameLoop(() => {
          if (reading) return;
          reading = true;
          opened
            .readFrame(canvas)
            .then((decoded) => {
              const code = typeof decoded === 'string' ? decoded.trim() : undefined;
              if (!code || stopped) return;
              const now = Date.now();
              if (code === last.code && now - last.at < SAME_CODE_MS) return;
              last = { code, at: now };
              latest.current(code);
            })
            .catch(() => undefined) // a frame that could not be read: the next one will be
            .finally(() => {
              reading = false;
            });
        });
      })
      .catch(() => {
        if (!stopped) setFailed(true);
      });
    return () => {
      stopped = true;
      cancelLoop?.();
      camera?.stop();
      canvas.clear();
    };
  }, []);

  return (
    <div className="check-in-camera">
      {failed ? <p className="notice notice-error" role="alert">{t('organiser.checkIn.cameraFailed')}</p> : null}
      <video ref={video} className="check-in-video" muted playsInline aria-label={t('organiser.checkIn.cameraLabel')} />
    </div>
  );
}
