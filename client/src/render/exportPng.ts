/**
 * PNG of the current view. @sigma/export-image 3 expects sigma 3 (it calls `getCanvases()` and
 * the old constructor), and sigma 4 draws nodes, edges and labels into one WebGL stage canvas,
 * so the stage is copied onto a white canvas right after a synchronous render, while the
 * WebGL drawing buffer is still valid.
 */

/** The part of a sigma instance the export needs (any node and edge attribute types). */
interface StageSource {
  refresh(): unknown;
  getStageCanvas(): HTMLCanvasElement;
}

export async function viewToPngBlob(sigma: StageSource): Promise<Blob> {
  sigma.refresh();
  const stage = sigma.getStageCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = stage.width;
  canvas.height = stage.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a 2D canvas.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(stage, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png'),
  );
}

export async function downloadViewAsPng(sigma: StageSource, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await viewToPngBlob(sigma));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next tick: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
