import { spawn } from 'node:child_process';

/**
 * Opens a URL in the user's default browser (open / xdg-open / the Windows URL handler), detached.
 * Resolves false when no opener could be started: the caller has printed the URL anyway.
 */
export function openInSystemBrowser(url: string): Promise<boolean> {
  // Only web addresses built by core: never something an opener could take as an option or a file.
  if (!/^https?:\/\//i.test(url)) return Promise.resolve(false);
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
